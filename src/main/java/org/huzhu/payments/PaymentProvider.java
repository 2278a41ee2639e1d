package org.huzhu.payments;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.huzhu.shared.Money;

/**
 * An online-payment provider, in the shape the Chinese providers share (WeChat Pay 统一下单 / Alipay
 * / UnionPay 云闪付): an order is created under our order number (idempotent: the same number again
 * answers the same order), paid by the worker on the provider's page, and reported to us by a
 * signed, asynchronous notification that may come twice, late or never — so the order can always
 * be queried, and closed while unpaid. Another provider plugs in by implementing this interface
 * (docs/online-payments.md, “Another provider”). Failures to reach the provider throw
 * {@link PaymentProviderException}.
 */
public interface PaymentProvider {

    /** What the provider says of an order. NOT_FOUND: it never received the order. */
    enum Status { PENDING, PAID, CLOSED, FAILED, NOT_FOUND }

    /** The order as the provider holds it; {@code transactionId} and {@code paidAt} are set when PAID. */
    record OrderState(String orderNo, Status status, Money amount, String transactionId, OffsetDateTime paidAt, String failReason) {

        public static OrderState notFound(String orderNo) {
            return new OrderState(orderNo, Status.NOT_FOUND, null, null, null, null);
        }
    }

    /** A created order: where the worker pays (a page to open, and the content of its QR code). */
    record CreatedOrder(String orderNo, URI payUrl) {
    }

    /** A verified notification: what the provider reports about one of our orders. */
    record Notification(String id, String orderNo, Status status, Money amount, String transactionId, OffsetDateTime paidAt,
                        String failReason) {
    }

    /** The name in the notification address {@code /api/v1/payment-notifications/{name}}. */
    String name();

    CreatedOrder createOrder(String orderNo, Money amount, String description, URI notifyUrl, Instant expiresAt);

    OrderState query(String orderNo);

    /** Closes an unpaid order; answers the order's state after it (PAID when it had been paid meanwhile). */
    OrderState close(String orderNo);

    /**
     * Checks a notification's signature and freshness and reads it; headers by lower-case name.
     * Throws {@link InvalidNotificationException} when it is not signed by the provider or cannot be read.
     */
    Notification verify(Map<String, String> headers, String body);

    /** The body the provider expects when a notification has been taken (its content type is JSON). */
    String acknowledgement();
}
