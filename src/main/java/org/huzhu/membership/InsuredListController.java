package org.huzhu.membership;

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

/** A unit's list of insured workers as a PDF; each download is written to the operation log (names, masked ID numbers). */
@RestController
@Tag(name = "参保", description = "参保人员名单（PDF，带核验二维码）")
class InsuredListController {

    private final InsuredList list;

    InsuredListController(InsuredList list) {
        this.list = list;
    }

    @Requires(Right.INSURED_LIST)
    @GetMapping("/api/v1/units/{unitId}/insured-list.pdf")
    @Operation(summary = "下载参保人员名单（PDF：姓名、脱敏身份证号、保障项目、份数、保障期）")
    ResponseEntity<byte[]> download(@PathVariable long unitId) {
        DocumentParts.Pdf d = list.of(unitId, CurrentUser.get());
        Audit.revealed("下载参保人员名单（单位 " + unitId + "）", "unit", unitId);
        return DocumentParts.attachment(d);
    }
}
