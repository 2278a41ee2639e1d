package org.huzhu.claims;

import java.util.List;
import org.huzhu.benefits.BenefitResult.Reason;
import org.huzhu.benefits.ReasonCode;
import org.huzhu.claims.ClaimView.BenefitView;
import org.huzhu.claims.ClaimView.DocumentView;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.springframework.security.access.AccessDeniedException;

/**
 * Diagnoses and what a claim's documents say are sensitive personal data (PIPL art. 28): the worker
 * reads their own, reviewers, union staff and the administrator those of claims in their scope. A unit
 * operator and finance see that a document was handed in (kind, name, size, time), never its content,
 * and no diagnosis, neither as codes nor inside a benefit's reason.
 */
final class MedicalData {

    static final String HIDDEN_REASON = "诊断不在该项目的给付病种范围内";

    private MedicalData() {
    }

    /**
     * Writes to the operation log that a claim's diagnosis changed, without the diagnoses (personal data): before and after
     * are said to be hidden, and differ so that the change is recorded at all.
     */
    static void diagnosisChanged(long claimId) {
        org.huzhu.shared.audit.Audit.changed("claim", claimId, "诊断", "（修改前，已隐去）", "（修改后，已隐去）");
    }

    static boolean readableBy(CurrentUser user) {
        return user.holds(Right.CLAIM_DOCUMENT_READ);
    }

    static void requireReadableBy(CurrentUser user) {
        if (!readableBy(user)) throw new AccessDeniedException("medical documents are not shown to this role");
    }

    /**
     * The claim as this reader may see it: without diagnoses, documents' readings and the appeal's free text for a reader
     * who may not see medical data, and without the appeal deadline for one who may not lodge an appeal.
     */
    static ClaimView shownTo(CurrentUser user, ClaimView v) {
        boolean hidden = !readableBy(user);
        boolean mayAppeal = AppealViews.mayLodge(user);
        if (!hidden && (mayAppeal || v.appealableUntil() == null)) return v;
        return new ClaimView(v.id(), v.memberId(), v.kind(), v.incidentDate(), hidden ? null : v.diagnoses(), v.death(),
                v.disabilityGrade(), v.hospitalStay(), v.expenses(), v.items(), v.status(), v.statusName(), v.reviewLevel(),
                v.firstApprovedBy(), v.computedTotal(), v.approvedTotal(), v.submittedOn(), v.materialsCompleteOn(), v.missingMaterials(),
                v.workingDaysElapsed(), v.promiseDueOn(), v.overdue(),
                hidden ? v.benefits().stream().map(MedicalData::withoutDiagnosis).toList() : v.benefits(), v.hints(), v.receipts(),
                shownTo(user, v.documents()), v.timeline(), v.payoutRequests(), v.filedBy(), v.createdAt(), hidden,
                hidden ? new ClaimView.Evidence(v.evidence().materialRequests(), v.evidence().missingRequirements(), v.evidence().waivers(),
                        List.of()) : v.evidence(),
                hidden && v.appeal() != null ? v.appeal().withoutReasons() : v.appeal(), mayAppeal ? v.appealableUntil() : null,
                v.letters());
    }

    static List<DocumentView> shownTo(CurrentUser user, List<DocumentView> documents) {
        return documents.stream().map(d -> shownTo(user, d)).toList();
    }

    static DocumentView shownTo(CurrentUser user, DocumentView d) {
        if (readableBy(user) || d.reading() == null) return d;
        return new DocumentView(d.id(), d.kind(), d.kindName(), d.fileName(), d.contentType(), d.size(), d.sha256(), d.uploadedBy(),
                d.uploadedAt(), null);
    }

    private static BenefitView withoutDiagnosis(BenefitView b) {
        List<Reason> reasons = b.reasons().stream()
                .map(r -> r.code() == ReasonCode.DIAGNOSIS_NOT_LISTED ? new Reason(r.code(), HIDDEN_REASON) : r).toList();
        return new BenefitView(b.item(), b.plan(), b.coverageFrom(), b.coverageTo(), b.decision(), b.amount(), b.components(), reasons,
                b.adjustedAmount(), b.adjustReason(), b.adjustedBy(), b.adjustReasonCode(), b.adjustReasonName());
    }
}
