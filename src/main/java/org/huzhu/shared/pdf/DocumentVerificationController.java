package org.huzhu.shared.pdf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The public check of a document opened from its QR code (/verify/{token}), for documents other than the cover certificate. */
@RestController
@Tag(name = "文书核验", description = "缴费通知单、缴费凭证、参保人员名单的公开核验")
class DocumentVerificationController {

    private final IssuedDocuments documents;

    DocumentVerificationController(IssuedDocuments documents) {
        this.documents = documents;
    }

    @Requires(Right.PUBLIC)
    @GetMapping("/api/v1/document-verifications/{token}")
    @Operation(summary = "核验文书（公开：文书编号、出具时间、是否仍然有效，不含个人信息）")
    IssuedDocuments.Verification verify(@PathVariable String token) {
        return documents.verify(token).orElseThrow(() -> new NotFoundException("未找到该文书，请核对二维码"));
    }
}
