package org.huzhu.notifications.triggers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huzhu.membership.Cancellations;
import org.huzhu.membership.CancellationStatus;
import org.huzhu.membership.EnrolmentCancelled;
import org.huzhu.notifications.Notice;
import org.huzhu.notifications.Notifications;
import org.huzhu.notifications.Recipient;
import org.huzhu.payouts.PayoutBounced;
import org.huzhu.payouts.PayoutFailed;
import org.huzhu.payouts.PayoutSent;
import org.huzhu.shared.Masks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells of cancellations and refunds (退保与退费): the worker that their cover ended (cancelled unpaid, or cancelled and
 * refunded); whoever the refund goes to — the unit's operators for a unit's enrolment, the worker for a self-paid one —
 * that it was approved (how much, to which account's last digits) or turned down (why), and later that the refund's
 * payout was sent, or refused or returned by the bank (what to do). Synchronous listeners: each notice commits with the move.
 */
@Component
class CancellationNotices {

    private final Notifications notifications;
    private final UnitOperators operators;
    private final Cancellations cancellations;

    CancellationNotices(Notifications notifications, UnitOperators operators, Cancellations cancellations) {
        this.notifications = notifications;
        this.operators = operators;
        this.cancellations = cancellations;
    }

    @EventListener
    void on(EnrolmentCancelled e) {
        String item = Texts.list(e.items(), "、");
        String key = "cancellation:" + e.cancellationId() + ":" + e.status().name().toLowerCase();
        List<Notice> notices = new ArrayList<>();
        if (e.status() != CancellationStatus.REJECTED) {
            notices.add(new Notice("ENROLMENT_CANCELLED", Recipient.member(e.memberId()), Texts.values("item", item, "date", Texts.date(e.on())), key));
        }
        if (e.payer() != null && e.status() != CancellationStatus.DONE) {
            boolean approved = e.status() == CancellationStatus.APPROVED;
            Map<String, String> values = approved
                    ? Texts.values("item", item, "amount", Texts.amount(e.toPayer()), "maskedAccount", Masks.accountTail(e.maskedAccount()))
                    : Texts.values("item", item, "reason", e.note());
            String template = approved ? "REFUND_APPROVED" : "CANCELLATION_REJECTED";
            notices.addAll(toPayer(e.payer(), e.memberId(), e.unitId(), template, values, key + ":payer"));
        }
        notifications.sendAll(notices);
    }

    @EventListener
    void on(PayoutSent e) {
        cancellations.refundParty(e.source()).ifPresent(p -> notifications.sendAll(toPayer(p.payer(), p.memberId(), p.unitId(), "REFUND_SENT",
                Texts.values("amount", Texts.amount(e.amount()), "maskedAccount", Masks.accountTail(e.maskedAccount())),
                "refund-sent:" + e.reference())));
    }

    @EventListener
    void on(PayoutFailed e) {
        refused(e.source(), e.reference(), e.amount(), e.reason());
    }

    @EventListener
    void on(PayoutBounced e) {
        refused(e.source(), e.reference(), e.amount(), e.reason());
    }

    private void refused(String source, String reference, org.huzhu.shared.Money amount, String reason) {
        cancellations.refundParty(source).ifPresent(p -> notifications.sendAll(toPayer(p.payer(), p.memberId(), p.unitId(), "REFUND_FAILED",
                Texts.values("amount", Texts.amount(amount), "reason", reason == null ? "银行未能入账" : reason), "refund-failed:" + reference)));
    }

    /** A unit's refund is told to its operators (the {@code _UNIT} template), a self-paid one to the worker. */
    private List<Notice> toPayer(String payer, long memberId, Long unitId, String template, Map<String, String> values, String key) {
        if ("UNIT".equals(payer)) return operators.notices(unitId, template + "_UNIT", values, key);
        return List.of(new Notice(template, Recipient.member(memberId), values, key));
    }
}
