package org.huzhu.membership;

import org.huzhu.contributions.BillPaid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a bill is paid in full, its enrolments that were waiting come into force, in the same
 * transaction as the payment that completed it: the money and the cover commit together.
 */
@Component
class EnrolmentsComeIntoForce {

    private static final Logger log = LoggerFactory.getLogger(EnrolmentsComeIntoForce.class);

    private final Enrolments enrolments;

    EnrolmentsComeIntoForce(Enrolments enrolments) {
        this.enrolments = enrolments;
    }

    @EventListener
    void on(BillPaid paid) {
        int count = enrolments.bringIntoForce(paid.billId(), paid.paidOn());
        if (count > 0) log.info("Bill {} paid on {}: {} enrolments in force (renewals chained to the cover in force)", paid.reference(), paid.paidOn(), count);
    }
}
