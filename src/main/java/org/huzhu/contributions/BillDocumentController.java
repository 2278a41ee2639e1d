package org.huzhu.contributions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.pdf.DocumentParts;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The payment notice and the contribution receipt of a bill as PDF, within the caller's scope; each download is logged. */
@RestController
@Tag(name = "缴费", description = "缴费通知单与缴费凭证（PDF，带核验二维码）")
class BillDocumentController {

    private final BillDocuments documents;

    BillDocumentController(BillDocuments documents) {
        this.documents = documents;
    }

    @Requires(Right.BILL_READ)
    @GetMapping("/api/v1/bills/{id}/payment-notice.pdf")
    @Operation(summary = "下载缴费通知单（PDF：参保明细、应缴合计、缴费期限、收款账户与转账附言）")
    ResponseEntity<byte[]> notice(@PathVariable long id) {
        DocumentParts.Pdf d = documents.notice(id, CurrentUser.get());
        Audit.revealed("下载缴费通知单 " + BillReference.of(id), "bill", id);
        return DocumentParts.attachment(d);
    }

    @Requires(Right.BILL_READ)
    @GetMapping("/api/v1/bills/{id}/receipt.pdf")
    @Operation(summary = "下载缴费凭证（PDF，缴清后：实收金额、到账日期与来源）")
    ResponseEntity<byte[]> receipt(@PathVariable long id) {
        DocumentParts.Pdf d = documents.receipt(id, CurrentUser.get());
        Audit.revealed("下载缴费凭证 " + BillReference.of(id), "bill", id);
        return DocumentParts.attachment(d);
    }
}
