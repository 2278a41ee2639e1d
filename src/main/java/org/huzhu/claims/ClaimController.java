package org.huzhu.claims;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.claims.ClaimView.DocumentView;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.UnreadableUploadException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/claims")
@Tag(name = "互助金申领", description = "理赔申请、材料上传、提交测算、审核（双人复核）、支付指令与办理进度")
class ClaimController {

    private final Claims claims;
    private final ClaimReviews reviews;

    ClaimController(Claims claims, ClaimReviews reviews) {
        this.claims = claims;
        this.reviews = reviews;
    }

    @Requires(Right.CLAIM_FILE)
    @PostMapping
    @Operation(summary = "创建理赔申请（草稿）：事故、诊断、住院、费用与票据；一张票据只能用于一次申请")
    ResponseEntity<ClaimView> file(@RequestBody Claims.NewClaim command) {
        CurrentUser user = CurrentUser.get();
        ClaimView claim = claims.file(command, user);
        return ResponseEntity.created(URI.create("/api/v1/claims/" + claim.id())).body(MedicalData.shownTo(user, claim));
    }

    @Requires(Right.CLAIM_FILE)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "创建理赔申请并一次上传材料（手机端一次提交，全部成功或全部不保存）：claim 为申请 JSON，file 与 kind 各重复多次、一一对应")
    ResponseEntity<ClaimView> fileWithDocuments(@RequestPart("claim") Claims.NewClaim command,
                                                @RequestParam(name = "file", required = false) List<MultipartFile> files,
                                                @RequestParam(name = "kind", required = false) List<String> kinds) {
        CurrentUser user = CurrentUser.get();
        ClaimView claim = claims.file(command, documents(files, kinds), user);
        return ResponseEntity.created(URI.create("/api/v1/claims/" + claim.id())).body(MedicalData.shownTo(user, claim));
    }

    @Requires(Right.CLAIM_READ)
    @GetMapping("/{id}")
    @Operation(summary = "查看理赔：状态、各项目给付决定与原因、办理时间线、工作日时限、提示与支付指令")
    ClaimView claim(@PathVariable long id) {
        CurrentUser user = CurrentUser.get();
        return MedicalData.shownTo(user, claims.view(id, user));
    }

    @Requires(Right.CLAIM_READ)
    @GetMapping
    @Operation(summary = "理赔列表与审核队列（可按状态、是否超时、职工、审核层级筛选）")
    List<ClaimView.Summary> list(@RequestParam(required = false) ClaimStatus status, @RequestParam(required = false) Boolean overdue,
                                 @RequestParam(required = false) Long memberId, @RequestParam(required = false) ReviewLevel reviewLevel,
                                 @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        return claims.list(CurrentUser.get(), status, overdue, memberId, reviewLevel, Math.max(1, Math.min(limit, 500)),
                Math.max(0, offset));
    }

    @Requires(Right.CLAIM_FILE)
    @PostMapping("/{id}/submit")
    @Operation(summary = "提交申请：按职工实际参保与已给付测算；低风险自动核准，否则按金额转县、市、省级审核")
    ClaimView submit(@PathVariable long id) {
        CurrentUser user = CurrentUser.get();
        return MedicalData.shownTo(user, claims.submit(id, user));
    }

    @Requires(Right.CLAIM_DECIDE)
    @GetMapping("/review-rules")
    @Operation(summary = "审核规则：金额调整原因代码及中文（核增为特批原因，须另一名审核员复核）、双人审核起点金额、各审核层级限额")
    ClaimReviews.ReviewRules reviewRules() {
        return reviews.rules(CurrentUser.get());
    }

    @Requires(Right.CLAIM_DECIDE)
    @PostMapping("/{id}/approve")
    @Operation(summary = "审核核准（调整项目金额须选择原因代码 reasonCode，可附说明 reason）；高于测算金额或大额须另一名审核员按相同金额复核，金额不同则重新初审")
    ClaimView approve(@PathVariable long id, @RequestBody(required = false) ClaimReviews.Approval approval) {
        CurrentUser user = CurrentUser.get();
        return MedicalData.shownTo(user, reviews.approve(id, approval, user));
    }

    @Requires(Right.CLAIM_DECIDE)
    @PostMapping("/{id}/reject")
    @Operation(summary = "审核拒付（须写明原因）")
    ClaimView reject(@PathVariable long id, @RequestBody(required = false) ClaimReviews.Rejection rejection) {
        CurrentUser user = CurrentUser.get();
        return MedicalData.shownTo(user, reviews.reject(id, rejection, user));
    }

    @Requires(Right.CLAIM_DECIDE)
    @PostMapping("/{id}/send-back")
    @Operation(summary = "退回补件：选择原因代码与所需材料（可附说明），暂停7个工作日时限并通知职工与单位；材料补齐后回到审核")
    ClaimView sendBack(@PathVariable long id, @RequestBody(required = false) ClaimReviews.SendBack sendBack) {
        CurrentUser user = CurrentUser.get();
        return MedicalData.shownTo(user, reviews.sendBack(id, sendBack, user));
    }

    @Requires(Right.CLAIM_DECIDE)
    @PostMapping("/{id}/items")
    @Operation(summary = "增补申领项目（按提示一并申领）：加入该职工参加的项目，重新测算并列出所需材料，时间线记录增补人")
    ClaimView addItem(@PathVariable long id, @RequestBody(required = false) ItemToAdd body) {
        CurrentUser user = CurrentUser.get();
        return MedicalData.shownTo(user, reviews.addItem(id, body == null ? null : body.item(), user));
    }

    record ItemToAdd(String item) {
    }

    @Requires(Right.CLAIM_FILE)
    @PutMapping("/{id}")
    @Operation(summary = "修改草稿：事故、诊断、住院、费用、票据与申领项目（未填写的部分不变），并重新预估")
    ClaimView changeDraft(@PathVariable long id, @RequestBody(required = false) Claims.DraftChange change) {
        CurrentUser user = CurrentUser.get();
        return MedicalData.shownTo(user, claims.changeDraft(id, change, "修改申请", user));
    }

    @Requires(Right.CLAIM_FILE)
    @PostMapping("/{id}/withdraw")
    @Operation(summary = "撤回草稿：申请关闭，票据可用于其他申请")
    ClaimView withdraw(@PathVariable long id) {
        CurrentUser user = CurrentUser.get();
        return MedicalData.shownTo(user, claims.withdraw(id, user));
    }

    @Requires(Right.CLAIM_FILE)
    @DeleteMapping("/{id}/documents/{documentId}")
    @Operation(summary = "删除草稿中的材料（连同其识别结果与由其识别出的票据），并重新预估")
    ClaimView removeDocument(@PathVariable long id, @PathVariable long documentId) {
        CurrentUser user = CurrentUser.get();
        return MedicalData.shownTo(user, claims.removeDocument(id, documentId, user));
    }

    record PageCount(int pages) {
    }

    @Requires(Right.CLAIM_DOCUMENT_READ)
    @GetMapping("/{id}/documents/{documentId}/pages")
    @Operation(summary = "材料页数（在线查看：图片原样，PDF逐页渲染，OFD按其内容绘制）")
    PageCount pages(@PathVariable long id, @PathVariable long documentId) {
        Claims.Download d = claims.document(id, documentId, CurrentUser.get());
        return new PageCount(DocumentPages.count(d.contentType(), d.content()));
    }

    @Requires(Right.CLAIM_DOCUMENT_READ)
    @GetMapping("/{id}/documents/{documentId}/pages/{page}")
    @Operation(summary = "在线查看材料的一页（图片；解密后仅在页面中显示，不下载）")
    ResponseEntity<byte[]> page(@PathVariable long id, @PathVariable long documentId, @PathVariable int page) {
        Claims.Download d = claims.document(id, documentId, CurrentUser.get());
        DocumentPages.Page shown = DocumentPages.page(d.contentType(), d.content(), page);
        Audit.revealed("在线查看申领材料", "claim-document", documentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(shown.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().build().toString())
                .body(shown.content());
    }

    @Requires(Right.PAYMENT_RETRY)
    @PostMapping("/{id}/payment-retry")
    @Operation(summary = "支付失败后重新发起支付（财务）")
    ClaimView retryPayment(@PathVariable long id) {
        CurrentUser user = CurrentUser.get();
        return MedicalData.shownTo(user, claims.retryPayment(id, user));
    }

    @Requires(Right.CLAIM_DOCUMENT_ADD)
    @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传申领材料（PDF、OFD、PNG、JPEG，不超过10MB，加密保存）；kind 为材料类型")
    ResponseEntity<DocumentView> attach(@PathVariable long id, @RequestParam("file") MultipartFile file,
                                        @RequestParam("kind") String kind) {
        CurrentUser user = CurrentUser.get();
        DocumentView document = claims.attach(id, kind, file.getOriginalFilename(), bytes(file), user);
        return ResponseEntity.created(URI.create("/api/v1/claims/" + id + "/documents/" + document.id()))
                .body(MedicalData.shownTo(user, document));
    }

    @Requires(Right.CLAIM_DOCUMENT_ADD)
    @PostMapping(path = "/{id}/documents/batch", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "一次上传多份申领材料（全部成功或全部不保存）：file 与 kind 各重复多次、一一对应；返回各材料")
    ResponseEntity<List<DocumentView>> attachAll(@PathVariable long id, @RequestParam("file") List<MultipartFile> files,
                                                 @RequestParam("kind") List<String> kinds) {
        CurrentUser user = CurrentUser.get();
        List<DocumentView> stored = claims.attach(id, documents(files, kinds), user);
        return ResponseEntity.created(URI.create("/api/v1/claims/" + id + "/documents")).body(MedicalData.shownTo(user, stored));
    }

    /** Uploaded files paired with their kinds, in order. */
    static List<Claims.NewDocument> documents(List<MultipartFile> files, List<String> kinds) {
        List<MultipartFile> f = files == null ? List.of() : files;
        List<String> k = kinds == null ? List.of() : kinds;
        if (f.size() != k.size()) {
            throw InvalidInputException.of("kind", "材料类型须与文件一一对应（" + f.size() + " 个文件，" + k.size() + " 个类型）");
        }
        List<Claims.NewDocument> documents = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) documents.add(new Claims.NewDocument(k.get(i), f.get(i).getOriginalFilename(), bytes(f.get(i))));
        return documents;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UnreadableUploadException("上传的文件无法读取");
        }
    }

    @Requires(Right.CLAIM_READ)
    @GetMapping("/{id}/documents")
    @Operation(summary = "申领材料列表")
    List<DocumentView> documents(@PathVariable long id) {
        CurrentUser user = CurrentUser.get();
        return MedicalData.shownTo(user, claims.documents(id, user));
    }

    @Requires(Right.CLAIM_DOCUMENT_READ)
    @GetMapping("/{id}/documents/{documentId}")
    @Operation(summary = "下载申领材料（解密）；单位经办人与财务人员只能看到材料已提交，不能下载（403）")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId) {
        Claims.Download d = claims.document(id, documentId, CurrentUser.get());
        Audit.revealed("下载申领材料", "claim-document", documentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(d.content());
    }
}
