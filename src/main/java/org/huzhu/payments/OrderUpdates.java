package org.huzhu.payments;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.huzhu.payments.PaymentProvider.Status;
import org.huzhu.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what the provider reports of an order — by notification or in answer to our query — to
 * the locked order row: marks it PAID once and publishes {@link OnlinePaymentReceived} in the same
 * transaction, or FAILED, or CLOSED. A report for an unknown order, with another amount, or paying
 * a closed order changes nothing and is logged; every notification is recorded with its outcome.
 */
@Component
class OrderUpdates {

    private static final Logger log = LoggerFactory.getLogger(OrderUpdates.class);

    /** What a report did. */
    enum Outcome { APPLIED, DUPLICATE, UNKNOWN_ORDER, AMOUNT_MISMATCH, STATE_CONFLICT }

    /** A report of the provider: {@code notificationId} is set when it came as a notification. */
    record Report(String provider, String orderNo, Status status, Money amount, String transactionId, OffsetDateTime paidAt,
                  String failReason, String notificationId, boolean notified) {
    }

    private final OnlineOrderRepository orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderUpdates(OnlineOrderRepository orders, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    Outcome apply(Report r) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var locked = orders.lock(r.orderNo());
        if (locked.isEmpty()) {
            log.warn("Payment provider {} reported {} for unknown order {}", r.provider(), r.status(), r.orderNo());
            return record(r, Outcome.UNKNOWN_ORDER, "订单不存在", now);
        }
        OnlineOrder order = locked.get();
        if (!order.provider.equals(r.provider())) {
            log.warn("Payment provider {} reported order {} of provider {}", r.provider(), r.orderNo(), order.provider);
            return record(r, Outcome.UNKNOWN_ORDER, "订单不属于该支付渠道", now);
        }
        if (r.amount() != null && r.amount().compareTo(order.amount) != 0) {
            log.warn("Payment provider {} reported {} for order {} of {}: amount differs, refused", r.provider(), r.amount(), r.orderNo(),
                    order.amount);
            return record(r, Outcome.AMOUNT_MISMATCH, "金额 " + r.amount() + " 与订单金额 " + order.amount + " 不符", now);
        }
        OnlineOrder.Change change = switch (r.status()) {
            case PAID -> order.paid(r.transactionId(), r.paidAt());
            case FAILED -> order.failed(r.failReason());
            case CLOSED, NOT_FOUND -> order.closed(now);
            case PENDING -> OnlineOrder.Change.NOTHING;
        };
        if (change == OnlineOrder.Change.ALREADY_PAID && !order.providerTxnId().equals(r.transactionId())) {
            log.error("Order {} paid twice at provider {}: {} and {} — refund the second", r.orderNo(), r.provider(), order.providerTxnId(),
                    r.transactionId());
            return record(r, Outcome.STATE_CONFLICT, "订单已由交易 " + order.providerTxnId() + " 支付，另一笔交易 " + r.transactionId()
                    + " 需退款", now);
        }
        if (change == OnlineOrder.Change.CONFLICT) {
            log.error("Provider {} reports order {} paid ({}), but it was closed unpaid", r.provider(), r.orderNo(), r.transactionId());
            return record(r, Outcome.STATE_CONFLICT, "订单已关闭，渠道却报告已支付（交易 " + r.transactionId() + "）", now);
        }
        boolean changed = change == OnlineOrder.Change.PAID || change == OnlineOrder.Change.FAILED || change == OnlineOrder.Change.CLOSED;
        orders.save(order, r.notified() ? null : now);
        if (change == OnlineOrder.Change.PAID) {
            events.publishEvent(new OnlinePaymentReceived(order.orderNo, order.reference, order.payerMemberId, order.amount, order.paidAt(),
                    order.paidAt().atZoneSameInstant(clock.getZone()).toLocalDate(), order.provider, order.providerTxnId()));
            log.info("Online payment {} of {} for {} received ({})", order.orderNo, order.amount, order.reference,
                    r.notified() ? "notified" : "found by query");
        }
        return record(r, changed ? Outcome.APPLIED : Outcome.DUPLICATE, changed ? order.status().name() : "无变化（" + order.status() + "）", now);
    }

    /** A notification that could not be verified or read: recorded, in its own transaction, with why. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void invalid(String provider, String detail) {
        orders.logNotification(provider, null, null, "INVALID", detail, OffsetDateTime.now(clock));
    }

    private Outcome record(Report r, Outcome outcome, String detail, OffsetDateTime now) {
        if (r.notified()) orders.logNotification(r.provider(), r.notificationId(), r.orderNo(), outcome.name(), detail, now);
        return outcome;
    }
}
