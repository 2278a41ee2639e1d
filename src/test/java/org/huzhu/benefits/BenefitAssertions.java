package org.huzhu.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.huzhu.benefits.BenefitResult.Benefit;
import org.huzhu.benefits.BenefitResult.Decision;

/** Compact assertions on one benefit: decision, amount as the contract prints it, reason codes. */
final class BenefitAssertions {

    private BenefitAssertions() {
    }

    static void assertBenefit(Benefit benefit, Decision decision, String amount, ReasonCode... reasons) {
        assertThat(benefit.decision()).as("decision of %s", benefit).isEqualTo(decision);
        assertThat(benefit.amount()).as("amount of %s", benefit).hasToString(amount);
        assertThat(codes(benefit)).as("reasons of %s", benefit).containsExactly(reasons);
    }

    static List<ReasonCode> codes(Benefit benefit) {
        return benefit.reasons().stream().map(BenefitResult.Reason::code).toList();
    }

    static String component(Benefit benefit, BenefitResult.Component component) {
        return benefit.components().stream().filter(c -> c.component() == component).findFirst()
                .map(c -> c.amount().toString()).orElse(null);
    }
}
