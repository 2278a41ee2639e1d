package org.huzhu.memberapp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.benefits.BenefitRequest.Expenses;
import org.huzhu.benefits.BenefitRequest.HospitalStay;
import org.huzhu.claims.ClaimHospitals;
import org.huzhu.claims.ClaimAppeals;
import org.huzhu.claims.Claims;
import org.huzhu.claims.DecisionLetters;
import org.huzhu.claims.DiagnosisConfirmations;
import org.huzhu.claims.DiagnosisNames;
import org.huzhu.claims.WhatHappened;
import org.huzhu.hospitals.Hospital;
import org.huzhu.hospitals.Hospitals;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.UnreadableUploadException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 申领互助金 and 我的申领 in the member app (issue 15, items 8 and 9): the worker says what happened in plain words,
 * picks the diagnosis by typing words, and sends photos of the materials in one go; each is read in the background
 * and the worker confirms or corrects what was read instead of typing it. The ID card and the bank card on file are
 * not asked for. The worker's own claims only: anyone else's answers 404.
 */
@RestController
@Tag(name = "掌上办")
class ClaimAppController {

    private static final String DEFAULT_KIND = "RECEIPT";

    private final Claims claims;
    private final DiagnosisNames names;
    private final OwnClaimViews views;
    private final Hospitals hospitals;
    private final ClaimHospitals claimHospitals;
    private final ClaimAppeals appeals;
    private final DecisionLetters letters;
    private final DiagnosisConfirmations confirmations;

    ClaimAppController(Claims claims, DiagnosisNames names, OwnClaimViews views, Hospitals hospitals, ClaimHospitals claimHospitals,
                       ClaimAppeals appeals, DecisionLetters letters, DiagnosisConfirmations confirmations) {
        this.claims = claims;
        this.confirmations = confirmations;
        this.hospitals = hospitals;
        this.claimHospitals = claimHospitals;
        this.names = names;
        this.views = views;
        this.appeals = appeals;
        this.letters = letters;
    }

    record Found(String code, String name, String matched) {
    }

    @Requires(Right.OWN_CLAIM)
    @GetMapping("/api/v1/m/diagnoses")
    @Operation(summary = "按中文病名查找诊断（乳腺癌、心肌梗死、骨折……，不用输入编码）")
    List<Found> diagnoses(@RequestParam(name = "q", required = false) String q) {
        return names.search(q, 10).stream().map(m -> new Found(m.code(), m.name(), m.matched())).toList();
    }

    /** A kind of photo with its plain name, and whether it is still missing from the claim (when a claim is named). */
    record PhotoKind(String kind, String name) {
    }

    @Requires(Right.OWN_CLAIM)
    @GetMapping("/api/v1/m/photo-kinds")
    @Operation(summary = "可拍照上传的材料种类（身份证、银行卡已登记，不在其中）")
    List<PhotoKind> photoKinds() {
        return claims.documentKinds().stream().filter(k -> !ON_FILE.contains(k.kind())).map(k -> new PhotoKind(k.kind(), k.name())).toList();
    }

    /** Held on file for a worker filing in the app, never asked for as photos. */
    private static final java.util.Set<String> ON_FILE = java.util.Set.of("ID_CARD", "BANK_CARD");

    /**
     * What the worker tells: {@code whatHappened} 住院 / 门诊特殊病 / 意外 (or HOSPITAL_STAY, OUTPATIENT_SPECIAL, ACCIDENT;
     * {@code kind} ILLNESS / ACCIDENT is understood too), the day it happened, the diagnosis chosen from the search,
     * optionally the items claimed and the hospital stay; {@code hospital} the code of the partner hospital whose
     * 申领提示牌 the worker scanned ({@code /m/#claim?hospital=CODE}), kept beside the claim.
     */
    record AppClaim(String whatHappened, String kind, LocalDate incidentDate, String diagnosis, List<String> diagnoses,
                    List<String> items, HospitalStay hospitalStay, String hospital) {

        WhatHappened happened() {
            String said = whatHappened != null && !whatHappened.isBlank() ? whatHappened
                    : "ACCIDENT".equals(kind) ? "ACCIDENT" : "ILLNESS".equals(kind) ? "HOSPITAL_STAY" : null;
            if (said == null) throw InvalidInputException.of("whatHappened", "请选择发生了什么：住院、门诊特殊病或意外");
            return WhatHappened.of(said).orElseThrow(() -> InvalidInputException.of("whatHappened", "请选择住院、门诊特殊病或意外"));
        }

        List<String> diagnosisCodes() {
            if (diagnoses != null && !diagnoses.isEmpty()) return diagnoses;
            return diagnosis == null || diagnosis.isBlank() ? null : List.of(diagnosis.strip());
        }
    }

    @Requires(Right.OWN_CLAIM)
    @PostMapping(path = "/api/v1/m/claims", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "申领互助金（本人）：claim 为发生了什么、日期与诊断（JSON；扫医院申领提示牌来的带 hospital），photos 为一次拍下的多张材料照片，后台逐张识别")
    ResponseEntity<OwnClaimViews.OwnClaim> file(@RequestPart("claim") AppClaim claim,
                                                @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
                                                @RequestParam(name = "kinds", required = false) List<String> kinds) {
        if (claim == null) throw InvalidInputException.of("claim", "缺少申请内容");
        WhatHappened happened = claim.happened();
        if (happened.kind() == org.huzhu.benefits.BenefitRequest.IncidentKind.ILLNESS && claim.diagnosisCodes() == null) {
            throw InvalidInputException.of("diagnosis", "请输入病名并从列表中选择诊断");
        }
        Hospital hospital = claim.hospital() == null || claim.hospital().isBlank() ? null : hospitals.active(claim.hospital())
                .orElseThrow(() -> InvalidInputException.of("hospital", "该合作医院不存在或已停止合作，请直接申领"));
        Claims.NewClaim command = new Claims.NewClaim(null, happened.kind(), claim.incidentDate(), claim.diagnosisCodes(), false, null,
                claim.hospitalStay(), null, null, claim.items());
        CurrentUser worker = CurrentUser.get();
        var filed = claims.fileOwn(happened, command, documents(photos, kinds), worker);
        if (hospital != null) {
            claimHospitals.record(filed.id(), new ClaimHospitals.ClaimHospital(hospital.code(), hospital.name()), worker);
        }
        return ResponseEntity.created(URI.create("/api/v1/m/claims/" + filed.id())).body(views.of(filed));
    }

    @Requires(Right.OWN_CLAIM)
    @GetMapping("/api/v1/m/claims")
    @Operation(summary = "我的申领（本人全部申领，最新在前）")
    List<OwnClaimViews.Summary> list() {
        return claims.list(CurrentUser.get(), null, null, null, null, 100, 0).stream().map(views::summary).toList();
    }

    @Requires(Right.OWN_CLAIM)
    @GetMapping("/api/v1/m/claims/{id}")
    @Operation(summary = "查看本人申领：照片识别结果、预估金额、还缺的材料、预计支付日期、可一并申领的项目、办理进度与支付情况")
    OwnClaimViews.OwnClaim claim(@PathVariable long id) {
        return views.of(claims.view(id, CurrentUser.get()));
    }

    @Requires(Right.OWN_CLAIM)
    @PutMapping("/api/v1/m/claims/{id}")
    @Operation(summary = "修改本人申领草稿（发生了什么、日期、诊断、住院日期）")
    OwnClaimViews.OwnClaim edit(@PathVariable long id, @RequestBody(required = false) AppClaim body) {
        if (body == null) throw InvalidInputException.of("body", "缺少请求体");
        boolean said = (body.whatHappened() != null && !body.whatHappened().isBlank()) || body.kind() != null;
        var change = new Claims.DraftChange(said ? body.happened().kind() : null, body.incidentDate(), body.diagnosisCodes(),
                body.hospitalStay(), null, body.items(), null);
        return views.of(claims.changeDraft(id, change, "修改申请", CurrentUser.get()));
    }

    record ReadReceipt(String invoiceCode, String invoiceNumber, Money amount) {
    }

    /** What the worker confirms or corrects of what was read: the receipts, the stay and the expenses. */
    record Figures(List<ReadReceipt> receipts, HospitalStay hospitalStay, Expenses expenses) {
    }

    @Requires(Right.OWN_CLAIM)
    @PutMapping("/api/v1/m/claims/{id}/receipts")
    @Operation(summary = "核对照片识别结果（本人草稿）：确认或更正票据号码、金额、住院日期与费用")
    OwnClaimViews.OwnClaim confirm(@PathVariable long id, @RequestBody(required = false) Figures body) {
        if (body == null) throw InvalidInputException.of("body", "缺少请求体");
        List<Claims.ReceiptLine> receipts = body.receipts() == null ? null : body.receipts().stream()
                .map(r -> r == null ? null : new Claims.ReceiptLine(r.invoiceCode(), r.invoiceNumber(), false, r.amount())).toList();
        var change = new Claims.DraftChange(null, null, null, body.hospitalStay(), body.expenses(), null, receipts);
        return views.of(claims.changeDraft(id, change, "核对票据识别结果", CurrentUser.get()));
    }

    record AlsoClaim(String item) {
    }

    @Requires(Right.OWN_CLAIM)
    @PostMapping("/api/v1/m/claims/{id}/items")
    @Operation(summary = "一并申领（本人草稿）：把本次情况也符合的其他参保项目加入申领")
    OwnClaimViews.OwnClaim claimToo(@PathVariable long id, @RequestBody(required = false) AlsoClaim body) {
        return views.of(claims.claimItemToo(id, body == null ? null : body.item(), CurrentUser.get()));
    }

    @Requires(Right.OWN_CLAIM)
    @PostMapping(path = "/api/v1/m/claims/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "补充材料照片（本人申领，也用于回复补充材料的通知）：photos 可一次多张")
    OwnClaimViews.OwnClaim addPhotos(@PathVariable long id, @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
                                     @RequestParam(name = "kinds", required = false) List<String> kinds) {
        CurrentUser user = CurrentUser.get();
        claims.view(id, user);   // the worker's own claim, else 404, before the photos are looked at
        List<Claims.NewDocument> documents = documents(photos, kinds);
        if (documents.isEmpty()) throw InvalidInputException.of("photos", "请先拍照或选择照片");
        claims.attach(id, documents, user);
        return views.of(claims.view(id, user));
    }

    record Adopt(Boolean accept) {
    }

    @Requires(Right.OWN_CLAIM)
    @PostMapping("/api/v1/m/claims/{id}/photos/{photoId}/diagnosis")
    @Operation(summary = "采用或不采用出院小结、诊断证明照片识别出的诊断（本人草稿）：accept 为 true 时设为本次申领的诊断")
    OwnClaimViews.OwnClaim adoptDiagnosis(@PathVariable long id, @PathVariable long photoId, @RequestBody(required = false) Adopt body) {
        return views.of(confirmations.decide(id, photoId, body == null ? null : body.accept(), CurrentUser.get()));
    }

    @Requires(Right.OWN_CLAIM)
    @DeleteMapping("/api/v1/m/claims/{id}/photos/{photoId}")
    @Operation(summary = "删除本人草稿中的一张照片（拍错或不清楚时）")
    OwnClaimViews.OwnClaim removePhoto(@PathVariable long id, @PathVariable long photoId) {
        return views.of(claims.removeDocument(id, photoId, CurrentUser.get()));
    }

    @Requires(Right.OWN_CLAIM)
    @PostMapping("/api/v1/m/claims/{id}/submit")
    @Operation(summary = "提交本人申领：材料不全不会被拒，补齐后继续办理")
    OwnClaimViews.OwnClaim submit(@PathVariable long id) {
        return views.of(claims.submit(id, CurrentUser.get()));
    }

    @Requires(Right.OWN_CLAIM)
    @PostMapping("/api/v1/m/claims/{id}/withdraw")
    @Operation(summary = "撤回本人申领草稿（撤回后票据可用于其他申请）")
    OwnClaimViews.OwnClaim withdraw(@PathVariable long id) {
        return views.of(claims.withdraw(id, CurrentUser.get()));
    }

    @Requires(Right.OWN_CLAIM)
    @PostMapping(path = "/api/v1/m/claims/{id}/appeal", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "申诉（本人被拒付或核减的申领，决定之日起60日内，每件一次）：reason 为申诉理由，photos 为补充材料照片（可不传）")
    OwnClaimViews.OwnClaim appeal(@PathVariable long id, @RequestParam(name = "reason", required = false) String reason,
                                  @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
                                  @RequestParam(name = "kinds", required = false) List<String> kinds) {
        return views.of(appeals.lodge(id, reason, () -> documents(photos, kinds), CurrentUser.get()));
    }

    @Requires(Right.OWN_CLAIM)
    @GetMapping("/api/v1/m/claims/{id}/letters/{number}")
    @Operation(summary = "下载本人申领的决定书（PDF）：1 为原决定，2 为申诉复核决定")
    ResponseEntity<byte[]> letter(@PathVariable long id, @PathVariable int number) {
        return DecisionLetters.attachment(letters.letter(id, number, CurrentUser.get()), id);
    }

    /** The photos with their kinds (claims/materials.yaml; a photo without one is taken as a receipt, which is read). */
    private static List<Claims.NewDocument> documents(List<MultipartFile> photos, List<String> kinds) {
        List<MultipartFile> files = photos == null ? List.of() : photos;
        List<String> k = kinds == null ? List.of() : kinds;
        if (!k.isEmpty() && k.size() != files.size()) {
            throw InvalidInputException.of("kinds", "照片类型须与照片一一对应（" + files.size() + " 张照片，" + k.size() + " 个类型）");
        }
        List<Claims.NewDocument> documents = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String kind = k.isEmpty() || k.get(i) == null || k.get(i).isBlank() ? DEFAULT_KIND : k.get(i);
            documents.add(new Claims.NewDocument(kind, files.get(i).getOriginalFilename(), bytes(files.get(i))));
        }
        return documents;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UnreadableUploadException("上传的照片无法读取");
        }
    }
}
