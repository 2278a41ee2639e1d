package org.huzhu.membership;

import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.IdNumber;

/**
 * A roster row that passed the checks of form, ready for the enrolment rules. {@code paidOn} is
 * null when the row left 缴费日期 blank: enrolled awaiting payment.
 */
record RosterLine(long rowNumber, String name, IdNumber idNumber, String phone, EmploymentForm form,
                  List<EnrolmentRules.Requested> lines, LocalDate paidOn, EnrolmentRules.Planned planned) {

    boolean awaitingPayment() {
        return paidOn == null;
    }

    /** The same row as if its 缴费日期 were blank: enrolled awaiting payment. */
    RosterLine unpaid() {
        return new RosterLine(rowNumber, name, idNumber, phone, form, lines, null, planned);
    }

    /** The day the rules are applied as of: the payment date, or today for a row not paid yet. */
    LocalDate planningDay(LocalDate today) {
        return paidOn != null ? paidOn : today;
    }

    /** The ID number as an exact 64-bit key: its first 17 digits (the 18th is their check character). */
    long idKey() {
        return Long.parseLong(idNumber.value(), 0, 17, 10);
    }
}
