package org.huzhu.payments;

import java.time.OffsetDateTime;
import org.huzhu.shared.Money;

/**
 * One online-payment order. Lifecycle: PENDING → PAID (the provider confirmed the money: once, with
 * its transaction id and time, and never changed after), PENDING → FAILED (the worker's attempt
 * failed; a later attempt on the same order may still be PAID) and PENDING / FAILED → CLOSED
 * (expired or closed at the provider, unpaid). A CLOSED order is never paid: the provider closes
 * only unpaid orders, so a payment reported for one is a conflict for finance to look into.
 */
final class OnlineOrder {

    enum Status { PENDING, PAID, CLOSED, FAILED }

    /** What a report of the provider did to the order. */
    enum Change { PAID, ALREADY_PAID, FAILED, CLOSED, NOTHING, CONFLICT }

    final long id;
    final String orderNo;
    final String provider;
    final long payerMemberId;
    final String reference;
    final String description;
    final Money amount;
    final OffsetDateTime createdAt;
    final OffsetDateTime expiresAt;
    private Status status;
    private String providerTxnId;
    private OffsetDateTime paidAt;
    private String failReason;
    private OffsetDateTime closedAt;

    OnlineOrder(long id, String orderNo, String provider, long payerMemberId, String reference, String description, Money amount,
                OffsetDateTime createdAt, OffsetDateTime expiresAt, Status status, String providerTxnId, OffsetDateTime paidAt,
                String failReason, OffsetDateTime closedAt) {
        this.id = id;
        this.orderNo = orderNo;
        this.provider = provider;
        this.payerMemberId = payerMemberId;
        this.reference = reference;
        this.description = description;
        this.amount = amount;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.status = status;
        this.providerTxnId = providerTxnId;
        this.paidAt = paidAt;
        this.failReason = failReason;
        this.closedAt = closedAt;
    }

    /** The provider says the money arrived. Paid once: a second report (the same or another) changes nothing. */
    Change paid(String txnId, OffsetDateTime at) {
        if (txnId == null || txnId.isBlank() || at == null) throw new IllegalArgumentException("a payment needs its transaction id and time");
        return switch (status) {
            case PAID -> Change.ALREADY_PAID;
            case CLOSED -> Change.CONFLICT;
            case PENDING, FAILED -> {
                status = Status.PAID;
                providerTxnId = txnId;
                paidAt = at;
                failReason = null;
                yield Change.PAID;
            }
        };
    }

    /** The worker's attempt failed; the order stays payable until it expires. */
    Change failed(String reason) {
        if (status != Status.PENDING) return Change.NOTHING;
        status = Status.FAILED;
        failReason = reason == null || reason.isBlank() ? "支付失败" : reason;
        return Change.FAILED;
    }

    /** Closed unpaid (expired, or closed at the provider). */
    Change closed(OffsetDateTime at) {
        if (status != Status.PENDING && status != Status.FAILED) return Change.NOTHING;
        status = Status.CLOSED;
        closedAt = at;
        return Change.CLOSED;
    }

    boolean expiredAt(OffsetDateTime now) {
        return !expiresAt.isAfter(now);
    }

    Status status() {
        return status;
    }

    String providerTxnId() {
        return providerTxnId;
    }

    OffsetDateTime paidAt() {
        return paidAt;
    }

    String failReason() {
        return failReason;
    }

    OffsetDateTime closedAt() {
        return closedAt;
    }
}
