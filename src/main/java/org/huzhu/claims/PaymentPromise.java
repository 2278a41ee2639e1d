package org.huzhu.claims;

import java.time.LocalDate;
import org.huzhu.shared.calendar.BusinessCalendar;

/**
 * The promise to pay within N working days of complete materials (domain guide §6): working days
 * elapsed since the materials were complete (up to the day the claim was closed, or today), the day
 * the promise falls due, and whether an open claim is past it. Not started while materials are missing.
 */
record PaymentPromise(Integer workingDaysElapsed, LocalDate promiseDueOn, boolean overdue) {

    static final PaymentPromise NOT_STARTED = new PaymentPromise(null, null, false);

    static PaymentPromise of(BusinessCalendar calendar, int promisedWorkingDays, LocalDate materialsCompleteOn,
                             LocalDate closedOn, LocalDate today) {
        if (materialsCompleteOn == null) return NOT_STARTED;
        LocalDate end = closedOn != null ? closedOn : today;
        int elapsed = calendar.workingDaysBetween(materialsCompleteOn, end);
        return new PaymentPromise(elapsed, calendar.plusWorkingDays(materialsCompleteOn, promisedWorkingDays),
                closedOn == null && elapsed > promisedWorkingDays);
    }
}
