package org.huzhu.membership;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.huzhu.payments.OnlinePayments;
import org.huzhu.payments.PaymentProviderException;
import org.huzhu.shared.Money;
import org.huzhu.shared.database.DatabaseLocks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paying an own enrolment online: an order at the payment provider for what the enrolment's bill still asks for
 * (reference = the bill's reference, which is how contributions matches the money), and following it. One order
 * at a time per enrolment: while an order can still be paid it is handed out again, and two taps at once are
 * serialised by a database lock, so a double tap never opens two orders. A failed attempt leaves the enrolment
 * awaiting payment and the worker pays again (a new order); a paid bill is never offered another order.
 */
@Service
public class SelfEnrolmentPayments {

    /** Where the worker pays (the provider's page), how much, until when. */
    public record Payment(long enrolmentId, String orderNo, URI payUrl, Money amount, OffsetDateTime expiresAt) {
    }

    /** An order and the enrolment after it, in plain words, for the 支付结果 screen. */
    public record PaymentStatus(String orderNo, String orderStatus, String orderWords, String failReason,
                                SelfEnrolments.SelfEnrolment enrolment) {
    }

    private final SelfEnrolments enrolments;
    private final OnlinePayments payments;
    private final DatabaseLocks locks;

    SelfEnrolmentPayments(SelfEnrolments enrolments, OnlinePayments payments, DatabaseLocks locks) {
        this.enrolments = enrolments;
        this.payments = payments;
        this.locks = locks;
    }

    @Transactional(propagation = Propagation.NEVER)
    public Payment pay(long memberId, long enrolmentId) {
        return locks.tryWith("self-enrolment-payment", enrolmentId, () -> {
            SelfEnrolments.Payable payable = enrolments.payable(memberId, enrolmentId);
            for (OnlinePayments.OrderView open : payments.ordersFor(payable.reference())) {
                if (open.status().equals("PENDING") && payments.payable(open) && open.amount().compareTo(payable.outstanding()) == 0) {
                    return new Payment(enrolmentId, open.orderNo(), URI.create(open.payUrl()), open.amount(), open.expiresAt());
                }
            }
            try {
                OnlinePayments.Started started = payments.start(memberId, payable.reference(), payable.outstanding(), payable.description());
                return new Payment(enrolmentId, started.orderNo(), started.payUrl(), payable.outstanding(), started.expiresAt());
            } catch (PaymentProviderException e) {
                throw new ConflictException("支付服务暂时不可用，请稍后再试");
            }
        }).orElseThrow(() -> new ConflictException("正在发起支付，请稍候"));
    }

    /**
     * The order as the provider now tells it (asked again while it is open: the worker is back from the pay page, the
     * notification may be late) and the enrolment after it. 404 for an order that is not this enrolment's.
     */
    @Transactional(propagation = Propagation.NEVER)
    public PaymentStatus status(long memberId, long enrolmentId, String orderNo) {
        SelfEnrolments.SelfEnrolment enrolment = enrolments.enrolment(memberId, enrolmentId);
        OnlinePayments.OrderView order = payments.order(orderNo)
                .filter(o -> o.payerMemberId() == memberId && o.reference().equals(enrolment.billReference()))
                .orElseThrow(() -> new NotFoundException("支付订单不存在"));
        if (order.status().equals("PENDING") || order.status().equals("FAILED")) {
            try {
                order = payments.refresh(orderNo).orElse(order);
            } catch (PaymentProviderException e) {
                // the provider is not answering now: the order as we know it, asked again at the next look
            }
        }
        return new PaymentStatus(order.orderNo(), order.status(), words(order.status()), order.failReason(),
                enrolments.enrolment(memberId, enrolmentId));
    }

    /** The worker withdraws an own enrolment awaiting payment (see {@link SelfEnrolments#cancel}). */
    @Transactional(propagation = Propagation.NEVER)
    public SelfEnrolments.SelfEnrolment cancel(long memberId, long enrolmentId) {
        SelfEnrolments.SelfEnrolment enrolment = enrolments.enrolment(memberId, enrolmentId);
        List<OffsetDateTime> open = enrolment.billReference() == null ? List.of() : payments.ordersFor(enrolment.billReference()).stream()
                .filter(payments::payable).map(OnlinePayments.OrderView::expiresAt).toList();
        return enrolments.cancel(memberId, enrolmentId, open);
    }

    private static String words(String status) {
        return switch (status) {
            case "PAID" -> "支付成功";
            case "FAILED" -> "支付未成功";
            case "CLOSED" -> "订单已关闭";
            default -> "等待支付结果";
        };
    }
}
