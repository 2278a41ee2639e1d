package org.huzhu.hospitals;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** 合作医院: the partner hospitals inside the caller's scope (a hospital desk: its own), and each one's 申领提示牌. */
@RestController
class HospitalController {

    private final Hospitals hospitals;
    private final ClaimPosterPdf poster;
    private final HospitalsProperties settings;

    HospitalController(Hospitals hospitals, ClaimPosterPdf poster, HospitalsProperties settings) {
        this.hospitals = hospitals;
        this.poster = poster;
        this.settings = settings;
    }

    /** A partner hospital with its grade and office named, and the member-app address its poster's QR code opens. */
    record HospitalView(long id, String code, String name, String grade, String gradeName, String address, long officeId,
                        String officeName, boolean active, String claimUrl) {
    }

    @GetMapping("/api/v1/hospitals")
    @Requires(Right.HOSPITAL_READ)
    @Operation(summary = "合作医院列表（管辖范围内；医院账户只见本院；active=true 只列合作中的）")
    List<HospitalView> list(@RequestParam(required = false) Boolean active) {
        return hospitals.list(CurrentUser.get(), active).stream().map(this::view).toList();
    }

    @GetMapping("/api/v1/hospitals/{id}")
    @Requires(Right.HOSPITAL_READ)
    @Operation(summary = "查看合作医院")
    HospitalView one(@PathVariable long id) {
        return view(hospitals.visible(id, CurrentUser.get()));
    }

    @PostMapping("/api/v1/hospitals")
    @Requires(Right.HOSPITAL_MANAGE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记合作医院：编码（登记后不可改）、名称、等级、地址、合作工会")
    HospitalView register(@RequestBody(required = false) Hospitals.NewHospital command) {
        return view(hospitals.register(command == null ? new Hospitals.NewHospital(null, null, null, null, null) : command,
                CurrentUser.get()));
    }

    @PutMapping("/api/v1/hospitals/{id}")
    @Requires(Right.HOSPITAL_MANAGE)
    @Operation(summary = "修改合作医院（名称、等级、地址、合作工会；active=false 停止合作）")
    HospitalView edit(@PathVariable long id, @RequestBody(required = false) Hospitals.HospitalEdit edit) {
        return view(hospitals.edit(id, edit == null ? new Hospitals.HospitalEdit(null, null, null, null, null) : edit,
                CurrentUser.get()));
    }

    @GetMapping("/api/v1/hospitals/{id}/poster.pdf")
    @Requires(Right.HOSPITAL_READ)
    @Operation(summary = "下载申领提示牌（A4 PDF，二维码打开掌上办申领并填好本院）")
    ResponseEntity<byte[]> poster(@PathVariable long id) {
        Hospital hospital = hospitals.visible(id, CurrentUser.get());
        byte[] pdf = poster.render(hospital, hospitals.officeName(hospital), claimUrl(hospital));
        Audit.revealed("申领提示牌", Hospitals.RECORD, hospital.code());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("申领提示牌-" + hospital.name() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }

    private HospitalView view(Hospital h) {
        return new HospitalView(h.id(), h.code(), h.name(), h.grade().name(), h.grade().chinese(), h.address(), h.officeId(),
                hospitals.officeName(h), h.active(), claimUrl(h));
    }

    /** The member app's claim filing with the hospital filled in: the setting's address, else this server's {@code /m/}. */
    private String claimUrl(Hospital hospital) {
        String base = settings.memberAppUrl().isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().path("/m/").toUriString() : settings.memberAppUrl();
        return base + (base.endsWith("/") ? "" : "/") + "#claim?hospital=" + hospital.code();
    }
}
