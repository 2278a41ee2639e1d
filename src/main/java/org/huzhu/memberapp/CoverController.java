package org.huzhu.memberapp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.huzhu.membership.MemberCover;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * 我的保障 and the electronic cover certificate: the worker's own cover, in plain words, and the certificate as a PDF
 * (each download a new certificate, logged); anyone holding a certificate's QR code may check it without signing in.
 */
@RestController
@Tag(name = "掌上办", description = "职工手机端：我的保障与电子参保凭证")
class CoverController {

    private final MemberCover cover;
    private final CoverCertificates certificates;
    private final CoverCertificatePdf pdf;
    private final Clock clock;

    CoverController(MemberCover cover, CoverCertificates certificates, CoverCertificatePdf pdf, Clock clock) {
        this.cover = cover;
        this.certificates = certificates;
        this.pdf = pdf;
        this.clock = clock;
    }

    record MyCover(String maskedName, String maskedIdNumber, List<MemberCover.Item> items) {
    }

    @Requires(Right.OWN_COVER)
    @GetMapping("/api/v1/m/cover")
    @Operation(summary = "我的保障（本人参保的全部项目、保障期与缴费方）")
    MyCover myCover() {
        long memberId = ownMemberId();
        MemberCover.Holder holder = cover.holder(memberId).orElseThrow(CoverController::noMember);
        return new MyCover(holder.maskedName(), holder.maskedIdNumber(), cover.itemsOf(memberId));
    }

    @Requires(Right.OWN_COVER)
    @GetMapping("/api/v1/m/cover-certificate")
    @Operation(summary = "下载电子参保凭证（PDF，本人）")
    ResponseEntity<byte[]> certificate() {
        long memberId = ownMemberId();
        CoverCertificates.Issued issued = certificates.issue(memberId).orElseThrow(CoverController::noMember);
        String verifyUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/verify/{token}")
                .buildAndExpand(issued.token()).toUriString();
        byte[] body = pdf.render(issued, verifyUrl, clock.getZone());
        Audit.revealed("电子参保凭证 " + issued.number(), "member", memberId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("参保凭证-" + issued.number() + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @Requires(Right.PUBLIC)
    @GetMapping("/api/v1/cover-certificates/{token}")
    @Operation(summary = "核验电子参保凭证（公开：脱敏姓名、保障项目、保障期、当前是否有效）")
    CoverCertificates.Verification verify(@PathVariable String token) {
        return certificates.verify(token).orElseThrow(() -> new NotFoundException("未找到该参保凭证，请核对二维码"));
    }

    private static long ownMemberId() {
        Long memberId = CurrentUser.get().memberId();
        if (memberId == null) throw noMember();
        return memberId;
    }

    private static NotFoundException noMember() {
        return new NotFoundException("未找到您的参保登记");
    }
}
