package org.huzhu.claims;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.huzhu.claims.ClaimRepository.StoredBenefit;
import org.huzhu.claims.ClaimView.AppealItem;
import org.huzhu.claims.ClaimView.AppealView;
import org.huzhu.claims.ClaimView.LetterView;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;

/**
 * What a claim's view says of appeals and decision letters: the appeal, until when one may be lodged, and the letters.
 * A claim may be appealed when it was rejected, or approved with an item cut below its computed amount, within
 * {@code huzhu.claims.appeal-days} calendar days of that decision (China time), and only once.
 */
final class AppealViews {

    static final String DECISION_LETTER = "互助金申领决定书";
    static final String APPEAL_LETTER = "申诉复核决定书";

    /** The states of a claim approved (and being or having been paid), in which an adjustment may be appealed. */
    private static final Set<ClaimStatus> APPROVED = EnumSet.of(ClaimStatus.APPROVED, ClaimStatus.PAYMENT_PENDING, ClaimStatus.PAID,
            ClaimStatus.PAYMENT_FAILED);

    private AppealViews() {
    }

    record Part(AppealView appeal, LocalDate appealableUntil, List<LetterView> letters) {
    }

    static Part of(Claim c, List<Claim.Event> events, List<StoredBenefit> benefits, Appeal appeal, int appealDays, ZoneId zone,
                   LocalDate today) {
        Optional<Claim.Event> decision = decision(events);
        LocalDate until = decision.map(d -> deadline(d, appealDays, zone)).orElse(null);
        boolean open = appeal == null && kind(c, benefits).isPresent() && until != null && !today.isAfter(until);
        List<LetterView> letters = new ArrayList<>();
        decision.ifPresent(d -> letters.add(new LetterView(1, DECISION_LETTER, day(d, zone))));
        if (appeal != null && !appeal.pending()) {
            letters.add(new LetterView(2, APPEAL_LETTER, LocalDate.ofInstant(appeal.decidedAt(), zone)));
        }
        return new Part(appeal == null ? null : view(c, appeal, benefits), open ? until : null, List.copyOf(letters));
    }

    /** The decision a worker may appeal: the claim's first approval or rejection (an appeal's decision comes after it). */
    static Optional<Claim.Event> decision(List<Claim.Event> events) {
        return events.stream().filter(e -> e.from() != e.to() && (e.to() == ClaimStatus.APPROVED || e.to() == ClaimStatus.REJECTED))
                .findFirst();
    }

    /** What an appeal of the claim in its present state would be against, if it may be appealed at all. */
    static Optional<Appeal.Kind> kind(Claim c, List<StoredBenefit> benefits) {
        if (c.status() == ClaimStatus.REJECTED) return Optional.of(Appeal.Kind.REJECTION);
        boolean cut = benefits.stream().anyMatch(b -> b.adjustedAmount() != null && b.adjustedAmount().compareTo(b.amount()) < 0);
        return APPROVED.contains(c.status()) && cut ? Optional.of(Appeal.Kind.ADJUSTMENT) : Optional.empty();
    }

    /** The last day an appeal against the decision may be lodged. */
    static LocalDate deadline(Claim.Event decision, int appealDays, ZoneId zone) {
        return day(decision, zone).plusDays(appealDays);
    }

    static LocalDate day(Claim.Event e, ZoneId zone) {
        return LocalDate.ofInstant(e.at(), zone);
    }

    /** Whoever may lodge an appeal: the worker (for themself), staff who file claims (for a worker). */
    static boolean mayLodge(CurrentUser user) {
        return user.holds(Right.CLAIM_FILE) || user.holds(Right.OWN_CLAIM);
    }

    private static AppealView view(Claim c, Appeal a, List<StoredBenefit> benefits) {
        String proposedBy = a.kind() == Appeal.Kind.REJECTION ? (a.pending() ? c.firstApprovedBy() : null) : a.proposedBy();
        List<AppealItem> proposed = proposedBy == null ? List.of() : a.kind() == Appeal.Kind.REJECTION
                ? benefits.stream().map(b -> new AppealItem(b.item(), b.effectiveAmount())).toList()
                : a.proposed().stream().map(i -> new AppealItem(i.item(), i.amount())).toList();
        Money decided = a.figures() == null ? null : Appeal.Figure.total(a.figures());
        return new AppealView(a.kind().name(), a.kind().chinese(), a.lodgedBy(), a.onBehalf(), a.lodgedAt(), a.reason(), a.level(),
                a.level().chinese(), a.pending(), proposedBy, proposed, a.decidedBy(), a.decidedAt(),
                a.outcome() == null ? null : a.outcome().name(), a.outcome() == null ? null : a.outcome().chinese(), a.decisionReason(),
                a.original().total(), decided, a.supplement(), a.documentIds());
    }
}
