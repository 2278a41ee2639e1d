package org.huzhu.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.catalogue.CatalogueVersion.FundingPolicy;
import org.huzhu.catalogue.TestCatalogue;
import org.huzhu.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who pays a premium under each HB-2026 funding policy (domain §4 “Funding”): the union's part
 * is capped by its budget left, the unit pays the rest, and the parts always add up. Expected
 * splits were worked out by hand from the policies in the shipped catalogue.
 */
class FundingTest {

    private static final CatalogueVersion HB_2026 = TestCatalogue.hb2026();

    private static FundingPolicy policy(String code) {
        return HB_2026.funding().policy(code).orElseThrow();
    }

    private static Funding split(String policy, String premium, String budgetLeft) {
        return Funding.split(policy(policy), Money.of(premium), Money.of(budgetLeft));
    }

    @ParameterizedTest(name = "{0}: premium {1}, budget {2} → unit {3}, union {4}, member {5}")
    @CsvSource({
            // the unit pays everything
            "UNIT_PAYS, 190.00, 1000000.00, 190.00, 0.00, 0.00",
            "UNIT_PAYS, 215.00, 0.00, 215.00, 0.00, 0.00",
            // a fixed 20.00 per person from the union, while its budget lasts
            "UNIT_PAYS_WITH_SUBSIDY, 190.00, 1000000.00, 170.00, 20.00, 0.00",
            "UNIT_PAYS_WITH_SUBSIDY, 215.00, 1000000.00, 195.00, 20.00, 0.00",
            "UNIT_PAYS_WITH_SUBSIDY, 12.00, 1000000.00, 0.00, 12.00, 0.00",     // capped by the premium
            "UNIT_PAYS_WITH_SUBSIDY, 20.00, 1000000.00, 0.00, 20.00, 0.00",
            "UNIT_PAYS_WITH_SUBSIDY, 0.00, 1000000.00, 0.00, 0.00, 0.00",       // the free gift cover
            "UNIT_PAYS_WITH_SUBSIDY, 190.00, 20.00, 170.00, 20.00, 0.00",       // exactly the last 20.00
            "UNIT_PAYS_WITH_SUBSIDY, 190.00, 7.50, 182.50, 7.50, 0.00",         // what is left of the budget
            "UNIT_PAYS_WITH_SUBSIDY, 190.00, 0.01, 189.99, 0.01, 0.00",
            "UNIT_PAYS_WITH_SUBSIDY, 190.00, 0.00, 190.00, 0.00, 0.00",         // budget spent: the unit pays all
            "UNIT_PAYS_WITH_SUBSIDY, 190.00, -5.00, 190.00, 0.00, 0.00",        // overdrawn budget grants nothing
            // private enterprises: union 50%, rounded half-up to the fen, unit the rest
            "PRIVATE_HALF, 215.00, 1000000.00, 107.50, 107.50, 0.00",
            "PRIVATE_HALF, 190.00, 1000000.00, 95.00, 95.00, 0.00",
            "PRIVATE_HALF, 5.05, 1000000.00, 2.52, 2.53, 0.00",                  // 2.525 → 2.53
            "PRIVATE_HALF, 0.01, 1000000.00, 0.00, 0.01, 0.00",                  // 0.005 → 0.01
            "PRIVATE_HALF, 12.35, 1000000.00, 6.17, 6.18, 0.00",                 // 6.175 → 6.18
            "PRIVATE_HALF, 1020.00, 1000000.00, 510.00, 510.00, 0.00",
            "PRIVATE_HALF, 215.00, 50.00, 165.00, 50.00, 0.00",                  // capped by the budget left
            "PRIVATE_HALF, 215.00, 107.49, 107.51, 107.49, 0.00",
            "PRIVATE_HALF, 215.00, 0.00, 215.00, 0.00, 0.00",
            "PRIVATE_HALF, 0.00, 1000000.00, 0.00, 0.00, 0.00",
            // the member pays; the union budget is neither used nor needed
            "MEMBER_PAYS, 190.00, 1000000.00, 0.00, 0.00, 190.00",
            "MEMBER_PAYS, 215.00, 0.00, 0.00, 0.00, 215.00"})
    void splitsThePremiumAsThePolicySays(String policy, String premium, String budgetLeft,
                                         String unit, String union, String member) {
        Funding funding = split(policy, premium, budgetLeft);

        assertThat(funding.policy()).isEqualTo(policy);
        assertThat(funding.unit()).isEqualTo(Money.of(unit));
        assertThat(funding.union()).isEqualTo(Money.of(union));
        assertThat(funding.member()).isEqualTo(Money.of(member));
        assertThat(funding.total()).isEqualByComparingTo(premium);
    }

    @Test
    void aSubsidyPolicyIsOnePerPersonNotPerShare() {
        Funding oneShare = split("UNIT_PAYS_WITH_SUBSIDY", "190.00", "1000000.00");
        Funding fourShares = split("UNIT_PAYS_WITH_SUBSIDY", "760.00", "1000000.00");

        assertThat(oneShare.union()).isEqualTo(fourShares.union()).isEqualTo(Money.of("20.00"));
    }

    @Test
    void budgetLeftDrawnDownRowByRowRunsOutMidway() {
        Money left = Money.of("50.00");
        Money unionTotal = Money.ZERO;
        Money unitTotal = Money.ZERO;
        for (int worker = 0; worker < 4; worker++) {
            Funding f = Funding.split(policy("UNIT_PAYS_WITH_SUBSIDY"), Money.of("190.00"), left);
            left = left.minus(f.union());
            unionTotal = unionTotal.plus(f.union());
            unitTotal = unitTotal.plus(f.unit());
        }

        // 20.00 + 20.00 + 10.00 + 0.00 from the union; the units pay the rest of 4 × 190.00
        assertThat(unionTotal).isEqualTo(Money.of("50.00"));
        assertThat(unitTotal).isEqualTo(Money.of("710.00"));
        assertThat(left).isEqualTo(Money.ZERO);
    }

    @Test
    void noFundingRecordsAPolicyWithNothingPaid() {
        Funding none = Funding.none("UNIT_PAYS");

        assertThat(none.total()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(none.policy()).isEqualTo("UNIT_PAYS");
    }

    @Provide
    Arbitrary<String> policyCodes() {
        return Arbitraries.of(HB_2026.funding().policies().stream().map(FundingPolicy::code).toList());
    }

    @Property(tries = 2000)
    void partsAlwaysAddUpToThePremiumAndRespectTheBudget(
            @ForAll @LongRange(min = 0, max = 10_000_000) long premiumFen,
            @ForAll @LongRange(min = -100_000, max = 100_000) long budgetFen,
            @ForAll("policyCodes") String code) {
        Money premium = new Money(BigDecimal.valueOf(premiumFen, 2));
        Money budget = new Money(BigDecimal.valueOf(budgetFen, 2));

        Funding f = Funding.split(policy(code), premium, budget);

        assertThat(f.unit().plus(f.union()).plus(f.member())).isEqualTo(premium);
        assertThat(f.unit().isNegative() || f.union().isNegative() || f.member().isNegative()).isFalse();
        assertThat(f.union()).isLessThanOrEqualTo(budget.max(Money.ZERO));
        assertThat(f.union()).isLessThanOrEqualTo(premium);
        if (code.equals("MEMBER_PAYS")) {
            assertThat(f.member()).isEqualTo(premium);
        } else {
            assertThat(f.member()).isEqualTo(Money.ZERO);
        }
        if (code.equals("UNIT_PAYS")) assertThat(f.union()).isEqualTo(Money.ZERO);
        if (code.equals("UNIT_PAYS_WITH_SUBSIDY")) {
            assertThat(f.union()).isEqualTo(Money.of("20.00").min(premium).min(budget.max(Money.ZERO)));
        }
        if (code.equals("PRIVATE_HALF") && budgetFen >= premiumFen) {
            // union gets ceil(premium / 2) fen (half-up), the unit floor(premium / 2)
            assertThat(f.union().amount().movePointRight(2).longValueExact()).isEqualTo((premiumFen + 1) / 2);
            assertThat(f.unit().amount().movePointRight(2).longValueExact()).isEqualTo(premiumFen / 2);
        }
    }
}
