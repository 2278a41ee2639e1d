package org.huzhu.contributions;

import java.time.LocalDate;

/**
 * A bill has been paid in full (its status became PAID or OVERPAID), the money having arrived on
 * {@code paidOn}. Published inside the transaction that booked the payment: listeners that bring
 * enrolments into force commit together with it.
 */
public record BillPaid(long billId, String reference, LocalDate paidOn) {
}
