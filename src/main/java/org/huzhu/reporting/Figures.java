package org.huzhu.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The figures of one row of the rollups that add up (an office's or a unit's month), and their sums. */
final class Figures {

    /** The rollup columns that add up, in the order {@link #read} expects them. */
    static final String COLUMNS = """
            person_times, new_enrolments, renewals, new_form_person_times, filed, approved, rejected, paid, person_times_paid,
            paid_amount, timed, days_sum, within_promise, billed, received, outstanding, payouts_failed, payouts_bounced,
            cancellations, refunds""";
    /** Their sums. */
    static final String SUMS = java.util.Arrays.stream(COLUMNS.split(",")).map(c -> "sum(" + c.strip() + ")")
            .collect(java.util.stream.Collectors.joining(", "));

    long personTimes, newEnrolments, renewals, newFormPersonTimes, filed, approved, rejected, paid, personTimesPaid;
    long timed, daysSum, withinPromise, payoutsFailed, payoutsBounced, cancellations;
    BigDecimal paidAmount = BigDecimal.ZERO, billed = BigDecimal.ZERO, received = BigDecimal.ZERO, outstanding = BigDecimal.ZERO;
    BigDecimal refunds = BigDecimal.ZERO;

    static Figures read(ResultSet rs, int first) throws SQLException {
        Figures f = new Figures();
        int i = first;
        f.personTimes = rs.getLong(i++);
        f.newEnrolments = rs.getLong(i++);
        f.renewals = rs.getLong(i++);
        f.newFormPersonTimes = rs.getLong(i++);
        f.filed = rs.getLong(i++);
        f.approved = rs.getLong(i++);
        f.rejected = rs.getLong(i++);
        f.paid = rs.getLong(i++);
        f.personTimesPaid = rs.getLong(i++);
        f.paidAmount = rs.getBigDecimal(i++);
        f.timed = rs.getLong(i++);
        f.daysSum = rs.getLong(i++);
        f.withinPromise = rs.getLong(i++);
        f.billed = rs.getBigDecimal(i++);
        f.received = rs.getBigDecimal(i++);
        f.outstanding = rs.getBigDecimal(i++);
        f.payoutsFailed = rs.getLong(i++);
        f.payoutsBounced = rs.getLong(i++);
        f.cancellations = rs.getLong(i++);
        f.refunds = rs.getBigDecimal(i);
        return f;
    }

    Figures add(Figures o) {
        personTimes += o.personTimes;
        newEnrolments += o.newEnrolments;
        renewals += o.renewals;
        newFormPersonTimes += o.newFormPersonTimes;
        filed += o.filed;
        approved += o.approved;
        rejected += o.rejected;
        paid += o.paid;
        personTimesPaid += o.personTimesPaid;
        paidAmount = paidAmount.add(o.paidAmount);
        timed += o.timed;
        daysSum += o.daysSum;
        withinPromise += o.withinPromise;
        billed = billed.add(o.billed);
        received = received.add(o.received);
        outstanding = outstanding.add(o.outstanding);
        payoutsFailed += o.payoutsFailed;
        payoutsBounced += o.payoutsBounced;
        cancellations += o.cancellations;
        refunds = refunds.add(o.refunds);
        return this;
    }

    /** Benefits paid ÷ contributions billed; null when nothing was billed. */
    Double lossRatio() {
        return billed.signum() == 0 ? null : Shares.round(paidAmount.doubleValue() / billed.doubleValue());
    }

    Double withinPromiseShare() {
        return Shares.of(withinPromise, timed);
    }
}
