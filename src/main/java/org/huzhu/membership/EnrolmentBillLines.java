package org.huzhu.membership;

import java.util.List;
import org.huzhu.contributions.Contributions;
import org.springframework.stereotype.Component;

/** A bill's lines are the enrolments that carry its id. */
@Component
class EnrolmentBillLines implements Contributions.BilledEnrolments {

    private final EnrolmentRepository enrolments;

    EnrolmentBillLines(EnrolmentRepository enrolments) {
        this.enrolments = enrolments;
    }

    @Override
    public List<Contributions.BillLine> linesOf(long billId, int limit) {
        return enrolments.onBill(billId, limit);
    }
}
