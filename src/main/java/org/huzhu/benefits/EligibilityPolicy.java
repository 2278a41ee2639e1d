package org.huzhu.benefits;

import org.huzhu.benefits.BenefitResult.Reason;

/** A rule a coverage must pass before anything is paid: null when it passes, else the coded reason. */
interface EligibilityPolicy {

    Reason check(Claim claim, Cover cover);
}
