package org.huzhu.claims;

import java.time.LocalDate;
import java.util.List;
import org.huzhu.benefits.BenefitResult.Decision;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.claims.ClaimRepository.StoredBenefit;
import org.huzhu.membership.Members;
import org.huzhu.shared.Masks;
import org.huzhu.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the claims module tells others as a claim moves (received, materials missing, approved, rejected,
 * appealed and the appeal decided, paid or not), as past-tense events with ids and facts, in the transaction of the move. Names items as
 * the catalogue does and rejection reasons in plain Chinese from their codes.
 */
@Component
class ClaimNews {

    static final String NOT_PAYABLE = PlainReasons.NOT_PAYABLE;

    private final ApplicationEventPublisher events;
    private final Catalogue catalogue;
    private final ClaimsProperties settings;

    ClaimNews(ApplicationEventPublisher events, Catalogue catalogue, ClaimsProperties settings) {
        this.events = events;
        this.catalogue = catalogue;
        this.settings = settings;
    }

    /** The claim's number as a member is told it ({@link ClaimReference}). */
    static String reference(long claimId) {
        return ClaimReference.of(claimId);
    }

    void received(Claim claim) {
        events.publishEvent(new ClaimReceived(claim.id, claim.facts.memberId(), reference(claim.id), claim.submittedOn()));
    }

    /** The member is asked for the missing materials, by {@code huzhu.claims.materials-due-days} from {@code today}. */
    void materialsMissing(Claim claim, List<String> missing, LocalDate today, String by) {
        if (missing.isEmpty()) return;
        events.publishEvent(new ClaimMaterialsMissing(claim.id, claim.facts.memberId(), reference(claim.id), missing,
                today.plusDays(settings.materialsDueDays()), by, claim.facts.unitId()));
    }

    /** A claim nobody answered was closed as withdrawn. */
    void lapsed(Claim claim, LocalDate dueOn) {
        events.publishEvent(new ClaimLapsed(claim.id, claim.facts.memberId(), reference(claim.id), dueOn,
                claim.newEvents().stream().anyMatch(e -> e.from() == ClaimStatus.DRAFT)));
    }

    void approved(Claim claim, List<StoredBenefit> benefits, Members.Payee payee, boolean automatic) {
        List<String> items = benefits.stream().filter(b -> paid(b).isPositive()).map(b -> itemName(b.item())).distinct().toList();
        events.publishEvent(new ClaimApproved(claim.id, claim.facts.memberId(), reference(claim.id), items, new Money(claim.approvedTotal()),
                Masks.accountTail(payee.account().number()), automatic));
    }

    void rejected(Claim claim, List<StoredBenefit> benefits, boolean automatic) {
        List<String> reasons = benefits.stream().filter(b -> b.decision() == Decision.REJECT).flatMap(b -> b.reasons().stream())
                .map(r -> PlainReasons.of(r.code())).distinct().toList();
        events.publishEvent(new ClaimRejected(claim.id, claim.facts.memberId(), reference(claim.id),
                reasons.isEmpty() ? List.of(NOT_PAYABLE) : reasons, automatic));
    }

    void appealReceived(Claim claim) {
        events.publishEvent(new ClaimAppealReceived(claim.id, claim.facts.memberId(), claim.facts.unitId(), reference(claim.id)));
    }

    /** The appeal's outcome: {@code result} in plain words, as {@link ClaimAppealDecided} says. */
    void appealDecided(Claim claim, boolean changed, String result) {
        events.publishEvent(new ClaimAppealDecided(claim.id, claim.facts.memberId(), claim.facts.unitId(), reference(claim.id), changed,
                result));
    }

    void paymentSent(long claimId, long memberId, String payoutReference, Money amount, String maskedAccount, LocalDate on) {
        events.publishEvent(new ClaimPaymentSent(claimId, memberId, reference(claimId), payoutReference, amount,
                Masks.accountTail(maskedAccount), on));
    }

    void paymentFailed(long claimId, long memberId, String payoutReference, Money amount, String maskedAccount, String reason,
                       boolean bounced, LocalDate on) {
        events.publishEvent(new ClaimPaymentFailed(claimId, memberId, reference(claimId), payoutReference, amount,
                Masks.accountTail(maskedAccount), reason, bounced, on));
    }

    private static Money paid(StoredBenefit b) {
        return b.adjustedAmount() != null ? b.adjustedAmount() : b.amount();
    }

    private String itemName(String code) {
        return catalogue.itemName(code);
    }
}
