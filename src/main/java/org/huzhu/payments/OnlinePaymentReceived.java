package org.huzhu.payments;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.huzhu.shared.Money;

/**
 * A worker's online payment has been confirmed by the provider (by its signed notification or by
 * our query), once per order: published inside the transaction that marked the order PAID, so a
 * listener that books it commits with it. {@code reference} is what the payment was for (a bill
 * reference such as {@code HZB-123}); {@code paidOn} is the China date of {@code paidAt}, the value
 * date to book; {@code orderNo} makes the booking idempotent (key {@code online-payment:<orderNo>}),
 * and {@code provider} + {@code providerTxnId} name the money in the provider's settlement file.
 */
public record OnlinePaymentReceived(String orderNo, String reference, long payerMemberId, Money amount, OffsetDateTime paidAt,
                                    LocalDate paidOn, String provider, String providerTxnId) {
}
