package org.huzhu.claims;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * People confirm the ICD-10 code a read discharge summary or certificate suggests; it is never applied by itself. Adopting
 * it (采用) makes it the claim's main diagnosis the way typing it would: on a draft, by the worker (or whoever files for
 * them) through the draft's change, estimated again; in review, by a reviewer who may decide the claim, judged again.
 * Either way the operation log records that the diagnosis changed and the timeline who changed it — never the code, as
 * the timeline is shown to staff who may not see diagnoses. Not adopting it (不采用) keeps the diagnoses as they were.
 * Each suggestion is decided once; the decision is kept, encrypted, with the reading.
 */
@Component
public class DiagnosisConfirmations {

    static final String ACCEPTED = "ACCEPTED";
    static final String ADOPTED = "采用材料识别的诊断";

    private final Claims claims;
    private final ClaimReviews reviews;
    private final DocumentReadings readings;
    private final Clock clock;

    DiagnosisConfirmations(Claims claims, ClaimReviews reviews, DocumentReadings readings, Clock clock) {
        this.claims = claims;
        this.reviews = reviews;
        this.readings = readings;
        this.clock = clock;
    }

    /** What was decided of a suggestion: {@code accept} true adopts the code, false keeps the diagnoses as they are. */
    record Decision(Boolean accept) {
    }

    /**
     * Adopts ({@code accept} true) or not the code a document's reading suggests, for a claim this user sees (else 404): on a
     * draft by one who files claims, in review by a reviewer who may decide it. 409 when it was decided already.
     */
    @Transactional
    public ClaimView decide(long id, long documentId, Boolean accept, CurrentUser user) {
        MedicalData.requireReadableBy(user);
        Claim claim = claims.visible(id, user);
        if (accept == null) throw InvalidInputException.of("accept", "请选择采用或不采用建议的诊断");
        DocumentReadings.Reading reading = readings.readingsOf(id).stream().filter(r -> r.documentId() == documentId).findFirst()
                .orElseThrow(() -> new NotFoundException("材料不存在或尚未识别"));
        ClaimView.DiagnosisSuggestionView suggestion = reading.suggestion();
        if (suggestion == null) throw new NotFoundException("该材料没有建议的诊断");
        if (suggestion.decision() != null) {
            throw new ConflictException("accept", "该建议已" + (ACCEPTED.equals(suggestion.decision()) ? "采用" : "不采用"));
        }
        boolean draft = claim.status() == ClaimStatus.DRAFT;
        if (draft && !user.holds(Right.CLAIM_FILE)) throw new AccessDeniedException("cannot change claims");
        if (!draft && !user.holds(Right.CLAIM_DECIDE)) throw new ConflictException("status", "申请已提交，建议的诊断由工作人员核对");
        if (!draft) claim = inReview(id, user);
        if (accept) adopt(claim, suggestion.code(), user);
        readings.decideSuggestion(id, reading, suggestion.decided(user.username(), accept,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS)));
        return claims.views().view(claims.load(id));
    }

    /** A claim a reviewer may still change: decidable by this reviewer, open, judged and not approved. */
    private Claim inReview(long id, CurrentUser user) {
        Claim claim = reviews.reviewable(id, user);
        if (!Claim.open(claim.status()) || claim.approvedTotal() != null || claim.status() == ClaimStatus.SUBMITTED) {
            throw new ConflictException("status", "理赔当前状态为「" + claim.status().chinese() + "」，不能修改诊断");
        }
        return claim;
    }

    /** The code becomes the first diagnosis; the others stay. Nothing changes when it is the first already. */
    private void adopt(Claim claim, String code, CurrentUser user) {
        List<String> diagnoses = new ArrayList<>(claim.facts.diagnoses());
        if (!diagnoses.isEmpty() && diagnoses.getFirst().equals(code)) return;
        diagnoses.remove(code);
        diagnoses.addFirst(code);
        if (claim.status() == ClaimStatus.DRAFT) {
            claims.changeDraft(claim.id, new Claims.DraftChange(null, null, diagnoses, null, null, null, null), ADOPTED, user);
        } else {
            claims.changeDiagnosesInReview(claim, diagnoses, user, ADOPTED);
        }
    }
}
