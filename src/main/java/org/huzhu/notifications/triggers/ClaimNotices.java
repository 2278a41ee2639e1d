package org.huzhu.notifications.triggers;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huzhu.claims.ClaimAppealDecided;
import org.huzhu.claims.ClaimAppealReceived;
import org.huzhu.claims.ClaimApproved;
import org.huzhu.claims.ClaimLapsed;
import org.huzhu.claims.ClaimMaterialsMissing;
import org.huzhu.claims.ClaimPaymentFailed;
import org.huzhu.claims.ClaimPaymentSent;
import org.huzhu.claims.ClaimReceived;
import org.huzhu.claims.ClaimRejected;
import org.huzhu.notifications.Notice;
import org.huzhu.notifications.Notifications;
import org.huzhu.notifications.Recipient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the member how their claim goes (one text for one moment: a claim judged as it is submitted is not also
 * told it was received): received, materials missing (what and by when), approved (items,
 * amount, the account's last digits) or rejected (why, in plain words), payout sent or failed; an appeal received and
 * decided (told to the unit's operators too). Synchronous listeners: each notice commits with the claim's move or not at all; the receipt and the
 * judgement are written as the claim's transaction commits ({@link Notifications#sendOnCommit}).
 */
@Component
class ClaimNotices {

    private final Notifications notifications;
    private final UnitOperators operators;

    ClaimNotices(Notifications notifications, UnitOperators operators) {
        this.notifications = notifications;
        this.operators = operators;
    }

    /** Written as the claim's transaction commits, so that a judgement in the same transaction can replace it. */
    @EventListener
    void on(ClaimReceived e) {
        notifications.sendOnCommit(List.of(new Notice("CLAIM_RECEIVED", Recipient.member(e.memberId()), Texts.values("claimRef",
                e.reference()), received(e.claimId()))));
    }

    /** Each distinct request (materials and deadline) is its own notice; the same request told again is not. */
    @EventListener
    void on(ClaimMaterialsMissing e) {
        String materials = Texts.list(e.materials(), "、");
        String request = HexFormat.of().toHexDigits((materials + "|" + e.deadline()).hashCode());
        Map<String, String> values = Texts.values("claimRef", e.reference(), "materials", materials, "deadline", Texts.date(e.deadline()));
        decided("CLAIM_MATERIALS_NEEDED", e.memberId(), e.claimId(), values, "claim-materials:" + e.claimId() + ":" + request);
        notifications.sendAll(operators.notices(e.unitId(), "CLAIM_MATERIALS_NEEDED_UNIT", values,
                "claim-materials-unit:" + e.claimId() + ":" + request));
    }

    @EventListener
    void on(ClaimLapsed e) {
        send(e.draft() ? "CLAIM_DRAFT_LAPSED" : "CLAIM_LAPSED", e.memberId(), Texts.values("claimRef", e.reference(),
                "deadline", Texts.date(e.dueOn())), "claim-lapsed:" + e.claimId());
    }

    @EventListener
    void on(ClaimApproved e) {
        decided("CLAIM_APPROVED", e.memberId(), e.claimId(), Texts.values("claimRef", e.reference(), "item", Texts.list(e.items(), "、"),
                "amount", Texts.amount(e.amount()), "maskedAccount", e.maskedAccount()), "claim-approved:" + e.claimId());
    }

    @EventListener
    void on(ClaimRejected e) {
        decided("CLAIM_REJECTED", e.memberId(), e.claimId(), Texts.values("claimRef", e.reference(), "reason", Texts.list(e.reasons(), "；")),
                "claim-rejected:" + e.claimId());
    }

    @EventListener
    void on(ClaimPaymentSent e) {
        send("PAYOUT_SENT", e.memberId(), Texts.values("claimRef", e.reference(), "amount", Texts.amount(e.amount()),
                "maskedAccount", e.maskedAccount()), "payout-sent:" + e.payoutReference());
    }

    @EventListener
    void on(ClaimPaymentFailed e) {
        send("PAYOUT_FAILED", e.memberId(), Texts.values("claimRef", e.reference(), "amount", Texts.amount(e.amount()),
                "maskedAccount", e.maskedAccount(), "reason", e.reason() == null ? "银行未能入账" : e.reason()),
                "payout-failed:" + e.payoutReference());
    }

    @EventListener
    void on(ClaimAppealReceived e) {
        tellWorkerAndUnit("APPEAL_RECEIVED", e.memberId(), e.unitId(), Texts.values("claimRef", e.reference()),
                "appeal-received:" + e.claimId());
    }

    @EventListener
    void on(ClaimAppealDecided e) {
        tellWorkerAndUnit("APPEAL_DECIDED", e.memberId(), e.unitId(), Texts.values("claimRef", e.reference(), "reason", e.result()),
                "appeal-decided:" + e.claimId());
    }

    /** The worker by the template, the unit's operators by its _UNIT twin. */
    private void tellWorkerAndUnit(String template, long memberId, Long unitId, Map<String, String> values, String eventKey) {
        send(template, memberId, values, eventKey);
        notifications.sendAll(operators.notices(unitId, template + "_UNIT", values, eventKey));
    }

    /**
     * What a claim's judgement tells the member; when the claim was received in the same transaction (judged at once on
     * submission) this text replaces the receipt's: one moment, one text.
     */
    private void decided(String template, long memberId, long claimId, Map<String, String> values, String eventKey) {
        notifications.sendOnCommit(List.of(new Notice(template, Recipient.member(memberId), values, eventKey)), Set.of(received(claimId)));
    }

    private static String received(long claimId) {
        return "claim-received:" + claimId;
    }

    private void send(String template, long memberId, Map<String, String> values, String eventKey) {
        notifications.send(new Notice(template, Recipient.member(memberId), values, eventKey));
    }
}
