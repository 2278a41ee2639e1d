package org.huzhu.claims;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.huzhu.benefits.BenefitResult.Decision;
import org.huzhu.benefits.ReasonCode;
import org.huzhu.claims.ClaimRepository.StoredBenefit;
import org.huzhu.shared.Money;

/**
 * A worker's appeal (申诉) against a claim's rejection or adjustment, at most one per claim, decided one level above
 * the original decision by a reviewer who took no part in it:
 * <pre>
 * lodged (pending) → [changed figures proposed, waiting for a second reviewer] → decided: UPHELD_ORIGINAL | CHANGED
 * </pre>
 * {@code original} is the decision appealed as it stood when the appeal was lodged: its decision letter and the list
 * of who may not decide the appeal never change afterwards. {@code proposed}: the figures a first reviewer asked for on
 * an appeal against an adjustment, waiting for a second one (those of a rejection wait on the claim, as any first
 * approval does). {@code figures} are the items as the appeal decided them,
 * {@code supplement} what it added to an approved claim (paid apart from the first payout).
 */
record Appeal(long id, long claimId, Kind kind, String lodgedBy, boolean onBehalf, Instant lodgedAt, String reason,
              List<Long> documentIds, Original original, ReviewLevel level, String proposedBy, List<ClaimReviews.ItemAmount> proposed,
              String decidedBy, Instant decidedAt, Outcome outcome, String decisionReason, List<Figure> figures, Money supplement,
              int version) {

    /** What is appealed: a rejection (the claim is APPEALED meanwhile) or an approval with an item cut (its state stays). */
    enum Kind {
        REJECTION("对拒付的申诉"), ADJUSTMENT("对核减的申诉");

        private final String chinese;

        Kind(String chinese) {
            this.chinese = chinese;
        }

        String chinese() {
            return chinese;
        }
    }

    enum Outcome {
        UPHELD_ORIGINAL("维持原决定"), CHANGED("改变原决定");

        private final String chinese;

        Outcome(String chinese) {
            this.chinese = chinese;
        }

        String chinese() {
            return chinese;
        }
    }

    /**
     * One item as a decision left it: the decision as decided (every item of a rejected claim is REJECT), the computed
     * and the decided amount, the engine's reason codes and the reviewer's coded adjustment reason, if any.
     */
    record Figure(String item, Decision decision, Money computed, Money amount, List<ReasonCode> reasons, AdjustmentReason adjustReason) {

        Figure {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        /**
         * Each stored benefit as decided: at its standing figure, or at nothing when the claim was rejected (the engine's
         * reasons kept only for the items the rules refused: a reviewer refused the others).
         */
        static List<Figure> of(List<StoredBenefit> benefits, boolean rejected) {
            return benefits.stream().map(b -> new Figure(b.item(), rejected ? Decision.REJECT : b.decision(), b.amount(),
                    rejected ? Money.ZERO : b.effectiveAmount(),
                    rejected && b.decision() != Decision.REJECT ? List.of() : b.reasons().stream().map(r -> r.code()).toList(),
                    rejected ? null : b.adjustReasonCode())).toList();
        }

        /** Cut below (or raised above) the computed amount by a reviewer, with a coded reason. */
        boolean adjusted() {
            return adjustReason != null && amount.compareTo(computed) != 0;
        }

        static Money total(List<Figure> figures) {
            Money total = Money.ZERO;
            for (Figure f : figures) total = total.plus(f.amount());
            return total;
        }
    }

    /** The decision appealed: who decided it (系统 when automatic), who else took part, when, at which level, its figures. */
    record Original(ClaimStatus decision, String decidedBy, String firstApprovedBy, List<String> adjusters, Instant decidedAt,
                    ReviewLevel level, List<Figure> items) {

        Original {
            adjusters = adjusters == null ? List.of() : List.copyOf(adjusters);
            items = List.copyOf(items);
        }

        boolean automatic() {
            return Claim.SYSTEM.equals(decidedBy);
        }

        Money total() {
            return Figure.total(items);
        }
    }

    boolean pending() {
        return outcome == null;
    }

    /** Everyone who took part in the decision appealed, and whoever lodged the appeal: none of them decides it. */
    Set<String> participants() {
        Set<String> people = new LinkedHashSet<>();
        if (!original.automatic()) people.add(original.decidedBy());
        if (original.firstApprovedBy() != null) people.add(original.firstApprovedBy());
        people.addAll(original.adjusters());
        people.add(lodgedBy);
        return people;
    }
}
