package org.huzhu.claims;

import io.swagger.v3.oas.annotations.Operation;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 采用 / 不采用 the diagnosis code a read discharge summary or certificate suggests ({@link DiagnosisConfirmations}). */
@RestController
class DiagnosisSuggestionController {

    private final DiagnosisConfirmations confirmations;

    DiagnosisSuggestionController(DiagnosisConfirmations confirmations) {
        this.confirmations = confirmations;
    }

    @PostMapping("/api/v1/claims/{id}/documents/{documentId}/diagnosis-suggestion")
    @Requires(Right.CLAIM_DOCUMENT_READ)
    @Operation(summary = "采用或不采用出院小结、诊断证明识别出的诊断编码（草稿由申请人，审核中由审核人）")
    ClaimView decide(@PathVariable long id, @PathVariable long documentId, @RequestBody(required = false) DiagnosisConfirmations.Decision decision) {
        CurrentUser user = CurrentUser.get();
        return MedicalData.shownTo(user, confirmations.decide(id, documentId, decision == null ? null : decision.accept(), user));
    }
}
