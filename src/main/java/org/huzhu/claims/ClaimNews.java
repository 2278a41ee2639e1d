package org.huzhu.claims;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.huzhu.benefits.BenefitResult.Decision;
import org.huzhu.benefits.ReasonCode;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.claims.ClaimRepository.StoredBenefit;
import org.huzhu.membership.Members;
import org.huzhu.shared.Masks;
import org.huzhu.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the claims module tells others as a claim moves (received, materials missing, approved, rejected,
 * paid or not), as past-tense events with ids and facts, in the transaction of the move. Names items as
 * the catalogue does and rejection reasons in plain Chinese from their codes.
 */
@Component
class ClaimNews {

    /** What a member reads of each reason code: plain words, never the diagnosis. */
    private static final Map<ReasonCode, String> PLAIN = new EnumMap<>(Map.ofEntries(
            Map.entry(ReasonCode.NOT_COVERED, "事故或发病日期不在保障期内"),
            Map.entry(ReasonCode.NOT_APPLICABLE, "所参加的保障项目不保障此类情况"),
            Map.entry(ReasonCode.WAITING_PERIOD, "发病在参保后的观察期内"),
            Map.entry(ReasonCode.GENDER_MISMATCH, "所申领的保障项目不适用于本人"),
            Map.entry(ReasonCode.DIAGNOSIS_NOT_LISTED, "所患疾病不在保障范围内"),
            Map.entry(ReasonCode.BELOW_DEDUCTIBLE, "合规医疗费用未超过起付标准"),
            Map.entry(ReasonCode.CAP_REACHED, "本保障期的互助金额度已用完"),
            Map.entry(ReasonCode.ANNUAL_CAP, "本保障期的互助金额度已用完"),
            Map.entry(ReasonCode.OUT_OF_POCKET_LIMIT, "互助金不超过个人实际负担的费用"),
            Map.entry(ReasonCode.NO_HOSPITAL_STAY, "没有住院记录"),
            Map.entry(ReasonCode.CLAIM_TOO_LATE, "超过申领时限"),
            Map.entry(ReasonCode.INVALID_EXPENSES, "未提供医疗费用")));
    static final String NOT_PAYABLE = "经审核不符合互助金给付条件";

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
                today.plusDays(settings.materialsDueDays()), by));
    }

    void approved(Claim claim, List<StoredBenefit> benefits, Members.Payee payee, boolean automatic) {
        List<String> items = benefits.stream().filter(b -> paid(b).isPositive()).map(b -> itemName(b.item())).distinct().toList();
        events.publishEvent(new ClaimApproved(claim.id, claim.facts.memberId(), reference(claim.id), items, new Money(claim.approvedTotal()),
                Masks.accountTail(payee.account().number()), automatic));
    }

    void rejected(Claim claim, List<StoredBenefit> benefits, boolean automatic) {
        List<String> reasons = benefits.stream().filter(b -> b.decision() == Decision.REJECT).flatMap(b -> b.reasons().stream())
                .map(r -> PLAIN.getOrDefault(r.code(), NOT_PAYABLE)).distinct().toList();
        events.publishEvent(new ClaimRejected(claim.id, claim.facts.memberId(), reference(claim.id),
                reasons.isEmpty() ? List.of(NOT_PAYABLE) : reasons, automatic));
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
        return catalogue.versions().stream().map(v -> v.item(code)).flatMap(java.util.Optional::stream).map(CatalogueVersion.Item::name)
                .findFirst().orElse(code);
    }
}
