package org.huzhu.membership;

import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.Money;

/**
 * A cancellation moved: an unpaid enrolment cancelled at once ({@link CancellationStatus#DONE}), a paid one cancelled and
 * refunded ({@link CancellationStatus#APPROVED}) or the request turned down ({@link CancellationStatus#REJECTED}, with the
 * second person's {@code note}). {@code payer} is who the refund goes to — {@code UNIT} or {@code MEMBER}, null when nothing
 * is paid back — with the account masked. Published inside the deciding transaction.
 */
public record EnrolmentCancelled(long cancellationId, long enrolmentId, long memberId, Long unitId, List<String> items,
                                 CancellationStatus status, Money toPayer, String payer, String maskedAccount, String note,
                                 LocalDate on) {
}
