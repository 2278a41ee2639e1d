package org.huzhu.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.catalogue.TestCatalogue;
import org.huzhu.membership.EnrolmentRules.Field;
import org.huzhu.membership.EnrolmentRules.Problem;
import org.huzhu.membership.EnrolmentRules.Requested;
import org.huzhu.membership.EnrolmentRules.Result;
import org.huzhu.shared.Gender;
import org.huzhu.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The enrolment rules of catalogue HB-2026 (domain §4), on the shipped catalogue file. Every
 * expected premium and date below was worked out by hand from the domain guide's table and
 * formulas: {@code from = paidOn + 1 day}, {@code to = from + term − 1 day}, age 16–65 at
 * {@code from}, shares 1..max.
 */
class EnrolmentRulesTest {

    private static final CatalogueVersion HB_2026 = TestCatalogue.hb2026();
    private static final LocalDate PAID_ON = LocalDate.of(2026, 3, 15);
    private static final LocalDate BORN = LocalDate.of(1990, 6, 1);

    private static Result plan(Gender gender, List<Requested> lines) {
        return EnrolmentRules.plan(HB_2026, gender, BORN, lines, PAID_ON, List.of(), false);
    }

    private static Result plan(Gender gender, LocalDate paidOn, List<Requested> lines) {
        return EnrolmentRules.plan(HB_2026, gender, BORN, lines, paidOn, List.of(), false);
    }

    private static Result planWithHeld(List<Requested> lines, LocalDate paidOn, List<Coverage> held) {
        return EnrolmentRules.plan(HB_2026, Gender.F, BORN, lines, paidOn, held, false);
    }

    private static List<Requested> basic(Gender gender, int shares) {
        return EnrolmentRules.bundle(HB_2026.bundle("BASIC").orElseThrow(), gender, shares);
    }

    private static Requested line(String item, String plan, int shares) {
        return new Requested(item, plan, shares);
    }

    private static Coverage held(String item, String plan, LocalDate from, LocalDate to) {
        return new Coverage(item, plan, 1, from, to, Money.of("100.00"), false);
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    // ---- premiums --------------------------------------------------------------------------

    @ParameterizedTest(name = "BASIC for {0} × {1} = {2}")
    @CsvSource({
            "M, 1, 190.00", "M, 2, 380.00", "M, 3, 570.00", "M, 4, 760.00",
            "F, 1, 215.00", "F, 2, 430.00", "F, 3, 645.00", "F, 4, 860.00"})
    void basicBundleCostsWhatTheSeedSaysTimesShares(Gender gender, int shares, String premium) {
        Result result = plan(gender, basic(gender, shares));

        assertThat(result.problems()).isEmpty();
        assertThat(result.planned().premium()).isEqualTo(Money.of(premium));
        assertThat(result.planned().gift()).isEqualTo(Money.ZERO);
        assertThat(result.planned().coverages()).allSatisfy(c -> assertThat(c.shares()).isEqualTo(shares));
    }

    @Test
    void basicBundleForAManIsHospitalCriticalIllnessAndAccident() {
        Result result = plan(Gender.M, basic(Gender.M, 1));

        assertThat(result.planned().coverages())
                .extracting(Coverage::item, Coverage::plan, c -> c.premium().toString())
                .containsExactly(
                        tuple("HOSPITAL", "STD", "100.00"),
                        tuple("CRITICAL_ILLNESS", "A", "60.00"),
                        tuple("ACCIDENT", "STD", "30.00"));
    }

    @Test
    void basicBundleForAWomanAddsTheStandardFemaleSpecialItem() {
        Result result = plan(Gender.F, basic(Gender.F, 1));

        assertThat(result.planned().coverages())
                .extracting(Coverage::item, Coverage::plan, c -> c.premium().toString())
                .containsExactly(
                        tuple("HOSPITAL", "STD", "100.00"),
                        tuple("CRITICAL_ILLNESS", "A", "60.00"),
                        tuple("ACCIDENT", "STD", "30.00"),
                        tuple("FEMALE_SPECIAL", "STD", "25.00"));
    }

    @Test
    void basicBundleWithFiveSharesExceedsTheHospitalAndAccidentMaximum() {
        Result result = plan(Gender.M, basic(Gender.M, 5));

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(Problem::field, Problem::line)
                .containsExactly(tuple(Field.SHARES, 0), tuple(Field.SHARES, 2));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', value = {
            // items combine freely; plan blank → the item's default plan
            "HOSPITAL:STD:2, SHORT_ACCIDENT:M3:1 | F | 212.00",
            "CRITICAL_ILLNESS:A:5 | M | 300.00",
            "FEMALE_SPECIAL:UPG:3 | F | 120.00",
            "ACCIDENT:STD:1, FEMALE_SPECIAL:STD:2 | F | 80.00",
            "HOSPITAL::1 | M | 100.00",
            "FEMALE_SPECIAL::1 | F | 25.00",
            "SHORT_ACCIDENT::4 | M | 20.00",
            "SHORT_ACCIDENT:M6:4 | M | 80.00",
            "ACCIDENT:STD:4, SHORT_ACCIDENT:M1:2 | M | 130.00",
            "HOSPITAL:STD:4, CRITICAL_ILLNESS:A:5, ACCIDENT:STD:4, FEMALE_SPECIAL:UPG:5 | F | 1020.00",
            "HOSPITAL:STD:1, CRITICAL_ILLNESS:A:2, ACCIDENT:STD:3 | M | 310.00"})
    void itemsCombineFreelyAndPremiumsAddUp(String lines, Gender gender, String premium) {
        Result result = plan(gender, parse(lines));

        assertThat(result.problems()).isEmpty();
        assertThat(result.planned().premium()).isEqualTo(Money.of(premium));
        assertThat(result.planned().coverages().stream().map(Coverage::premium).reduce(Money.ZERO, Money::plus))
                .isEqualTo(Money.of(premium));
    }

    /** {@code ITEM:PLAN:SHARES, …}; an empty plan means “not given”. */
    private static List<Requested> parse(String lines) {
        List<Requested> out = new ArrayList<>();
        for (String l : lines.split(",")) {
            String[] p = l.strip().split(":", -1);
            out.add(line(p[0], p[1].isEmpty() ? null : p[1], Integer.parseInt(p[2])));
        }
        return out;
    }

    // ---- coverage period --------------------------------------------------------------------

    @ParameterizedTest(name = "paid {0} → {1} … {2}")
    @CsvSource({
            "2026-03-15, 2026-03-16, 2027-03-15",
            "2026-12-31, 2027-01-01, 2027-12-31",
            "2027-12-31, 2028-01-01, 2028-12-31",   // a leap year: 366 days of cover
            "2028-02-28, 2028-02-29, 2029-02-27",   // from the leap day: +1 year is 2029-02-28 (no 29th), −1 day
            "2028-02-29, 2028-03-01, 2029-02-28",
            "2027-02-28, 2027-03-01, 2028-02-29",   // ends on the leap day
            "2026-01-31, 2026-02-01, 2027-01-31"})
    void coverStartsTheDayAfterPaymentAndLastsOneYear(LocalDate paidOn, LocalDate from, LocalDate to) {
        Result result = plan(Gender.F, paidOn, basic(Gender.F, 1));

        assertThat(result.planned().from()).isEqualTo(from);
        assertThat(result.planned().to()).isEqualTo(to);
        assertThat(result.planned().coverages()).allSatisfy(c -> {
            assertThat(c.from()).isEqualTo(from);
            assertThat(c.to()).isEqualTo(to);
        });
    }

    @ParameterizedTest(name = "{0} paid {1} → {2} … {3} at {4}")
    @CsvSource({
            "M1, 2026-03-09, 2026-03-10, 2026-04-09, 5.00",
            "M3, 2026-03-09, 2026-03-10, 2026-06-09, 12.00",
            "M6, 2026-03-09, 2026-03-10, 2026-09-09, 20.00",
            "M1, 2026-12-31, 2027-01-01, 2027-01-31, 5.00",
            "M3, 2026-11-30, 2026-12-01, 2027-02-28, 12.00",
            "M6, 2027-08-31, 2027-09-01, 2028-02-29, 20.00",
            "M1, 2028-01-31, 2028-02-01, 2028-02-29, 5.00",
            // from the 31st: +1 month is clamped to the month's last day, then −1 day
            "M1, 2026-01-30, 2026-01-31, 2026-02-27, 5.00",
            "M3, 2026-05-30, 2026-05-31, 2026-08-30, 12.00"})
    void shortAccidentCoverLastsItsMonthsAndCostsItsPrice(String plan, LocalDate paidOn, LocalDate from, LocalDate to,
                                                          String premium) {
        Result result = plan(Gender.M, paidOn, List.of(line("SHORT_ACCIDENT", plan, 1)));

        assertThat(result.problems()).isEmpty();
        Coverage cover = result.planned().coverages().getFirst();
        assertThat(cover.plan()).isEqualTo(plan);
        assertThat(cover.from()).isEqualTo(from);
        assertThat(cover.to()).isEqualTo(to);
        assertThat(result.planned().premium()).isEqualTo(Money.of(premium));
    }

    @Test
    void theEnrolmentEndsWithItsLongestItem() {
        Result result = plan(Gender.M, PAID_ON, List.of(line("SHORT_ACCIDENT", "M3", 1), line("HOSPITAL", "STD", 1)));

        assertThat(result.planned().from()).isEqualTo(date("2026-03-16"));
        assertThat(result.planned().to()).isEqualTo(date("2027-03-15"));
        assertThat(result.planned().coverages()).extracting(Coverage::to)
                .containsExactly(date("2026-06-15"), date("2027-03-15"));
    }

    // ---- age at coverage start ----------------------------------------------------------------

    @ParameterizedTest(name = "born {0}, paid {1}: accepted={2}")
    @CsvSource({
            "2010-03-02, 2026-03-01, true",    // 15 on the payment day, 16 on the from-date 2026-03-02
            "2010-03-03, 2026-03-01, false",   // one day short of 16 on the from-date
            "2010-03-02, 2026-02-28, false",   // from 2026-03-01: still 15
            "1961-03-02, 2026-03-01, true",    // 65 on the from-date
            "1960-03-03, 2026-03-01, true",    // 65, one day before turning 66
            "1960-03-02, 2026-03-01, false",   // 66 on the from-date
            "1960-03-02, 2026-02-28, true",    // 65 on the from-date 2026-03-01 (turns 66 the next day)
            "1950-01-01, 2026-03-01, false",
            "2020-01-01, 2026-03-01, false",
            "2008-02-29, 2024-02-28, true",    // born on a leap day: 16 on 2024-02-29
            "2008-02-29, 2024-02-27, false"})
    void ageAtCoverageStartMustBeSixteenToSixtyFive(LocalDate born, LocalDate paidOn, boolean accepted) {
        Result result = EnrolmentRules.plan(HB_2026, Gender.M, born, basic(Gender.M, 1), paidOn, List.of(), false);

        assertThat(result.ok()).isEqualTo(accepted);
        if (!accepted) {
            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo(Field.MEMBER);
                assertThat(p.message()).contains("16至65周岁");
                assertThat(p.conflict()).isFalse();
            });
        }
    }

    // ---- shares ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}:{1} × {2} → ok={3}")
    @CsvSource({
            "HOSPITAL, STD, 0, false", "HOSPITAL, STD, 1, true", "HOSPITAL, STD, 4, true", "HOSPITAL, STD, 5, false",
            "CRITICAL_ILLNESS, A, 0, false", "CRITICAL_ILLNESS, A, 5, true", "CRITICAL_ILLNESS, A, 6, false",
            "ACCIDENT, STD, 0, false", "ACCIDENT, STD, 4, true", "ACCIDENT, STD, 5, false",
            "FEMALE_SPECIAL, STD, 0, false", "FEMALE_SPECIAL, STD, 5, true", "FEMALE_SPECIAL, UPG, 6, false",
            "SHORT_ACCIDENT, M6, 0, false", "SHORT_ACCIDENT, M6, 4, true", "SHORT_ACCIDENT, M1, 5, false",
            "HOSPITAL, STD, -1, false", "ACCIDENT, STD, 2147483647, false"})
    void sharesMustBeBetweenOneAndTheItemsMaximum(String item, String plan, int shares, boolean ok) {
        Result result = plan(Gender.F, List.of(line(item, plan, shares)));

        assertThat(result.ok()).isEqualTo(ok);
        if (!ok) {
            assertThat(result.problems()).singleElement()
                    .extracting(Problem::field, Problem::line).containsExactly(Field.SHARES, 0);
        }
    }

    // ---- who may hold what ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({"STD", "UPG", "''"})
    void femaleSpecialIsRefusedToAMan(String plan) {
        Result result = plan(Gender.M, List.of(line("HOSPITAL", "STD", 1), line("FEMALE_SPECIAL", plan.isEmpty() ? null : plan, 1)));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo(Field.ITEM);
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("仅限女职工");
        });
    }

    @Test
    void standardAndUpgradedFemaleSpecialCannotBeHeldTogether() {
        Result result = plan(Gender.F, List.of(line("FEMALE_SPECIAL", "STD", 1), line("FEMALE_SPECIAL", "UPG", 1)));

        assertThat(result.planned()).isNull();
        assertThat(result.problems()).singleElement()
                .extracting(Problem::field, Problem::line).containsExactly(Field.ITEM, 1);
    }

    @Test
    void theSameItemCannotBeRequestedTwice() {
        Result result = plan(Gender.M, List.of(line("HOSPITAL", "STD", 1), line("ACCIDENT", "STD", 1), line("HOSPITAL", null, 2)));

        assertThat(result.problems()).singleElement()
                .extracting(Problem::field, Problem::line).containsExactly(Field.ITEM, 2);
    }

    @Test
    void basicBundlePlusTheUpgradedFemaleSpecialClashes() {
        List<Requested> lines = new ArrayList<>(basic(Gender.F, 1));
        lines.add(line("FEMALE_SPECIAL", "UPG", 1));

        assertThat(plan(Gender.F, lines).problems()).singleElement()
                .extracting(Problem::field, Problem::line).containsExactly(Field.ITEM, 4);
    }

    @Test
    void unknownItemsAndPlansAreRefused() {
        Result result = plan(Gender.M, List.of(line("DENTAL", "STD", 1), line("HOSPITAL", "GOLD", 1), line("ACCIDENT", "STD", 1),
                line("NO_SUCH_ITEM", null, 1)));

        assertThat(result.planned()).isNull();
        assertThat(result.problems()).extracting(Problem::field, Problem::line).containsExactly(
                tuple(Field.ITEM, 0),
                tuple(Field.PLAN, 1),
                tuple(Field.ITEM, 3));
        assertThat(result.problems().get(0).message()).contains("DENTAL");
        assertThat(result.problems().get(1).message()).contains("GOLD");
    }

    @Test
    void aRequestWithoutItemsIsRefused() {
        assertThat(plan(Gender.M, List.of()).problems()).singleElement()
                .extracting(Problem::field).isEqualTo(Field.ITEM);
    }

    @Test
    void everyProblemOfARequestIsReportedAtOnce() {
        Result result = EnrolmentRules.plan(HB_2026, Gender.M, LocalDate.of(2015, 1, 1),
                List.of(line("HOSPITAL", "STD", 0), line("FEMALE_SPECIAL", "STD", 1), line("ACCIDENT", "STD", 1)),
                PAID_ON, List.of(), false);

        assertThat(result.problems()).extracting(Problem::field, Problem::line).containsExactly(
                tuple(Field.MEMBER, -1),
                tuple(Field.SHARES, 0),
                tuple(Field.ITEM, 1));
    }

    // ---- the gift cover for new-form workers -------------------------------------------------------

    @Test
    void giftAccidentCoverCannotBeBought() {
        Result result = plan(Gender.M, List.of(line("GIG_ACCIDENT", "STD", 1)));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo(Field.ITEM);
            assertThat(p.message()).contains("不能购买");
        });
    }

    @Test
    void giftAccidentCoverIsGrantedFreeWithItsCostBookedToTheGiftBudget() {
        Result result = EnrolmentRules.plan(HB_2026, Gender.M, BORN, List.of(line("GIG_ACCIDENT", null, 1)), PAID_ON, List.of(), true);

        assertThat(result.problems()).isEmpty();
        assertThat(result.planned().premium()).isEqualTo(Money.of("0.00"));
        assertThat(result.planned().gift()).isEqualTo(Money.of("25.00"));
        assertThat(result.planned().coverages()).singleElement().satisfies(c -> {
            assertThat(c.item()).isEqualTo("GIG_ACCIDENT");
            assertThat(c.plan()).isEqualTo("STD");
            assertThat(c.shares()).isEqualTo(1);
            assertThat(c.premium()).isEqualTo(Money.ZERO);
            assertThat(c.from()).isEqualTo(date("2026-03-16"));
            assertThat(c.to()).isEqualTo(date("2027-03-15"));
        });
    }

    @Test
    void giftAccidentCoverIsOneShareOnly() {
        Result result = EnrolmentRules.plan(HB_2026, Gender.M, BORN, List.of(line("GIG_ACCIDENT", "STD", 2)), PAID_ON, List.of(), true);

        assertThat(result.problems()).singleElement().extracting(Problem::field).isEqualTo(Field.SHARES);
    }

    // ---- cover already held ------------------------------------------------------------------------

    @ParameterizedTest(name = "held {0} … {1}, paid {2}")
    @CsvSource({
            "2026-01-01, 2026-12-31, 2026-06-30",   // new cover starts inside the held one
            "2026-01-01, 2026-12-31, 2026-11-29",   // paid 32 days before the end: outside the renewal window
            "2026-01-01, 2026-12-31, 2025-12-31",   // same period
            "2026-06-01, 2027-05-31, 2026-01-01",   // held cover starts later, inside the new period
            "2027-01-01, 2027-12-31, 2026-01-01"})  // new to 2027-01-01 = held from
    void overlappingCoverOfTheSameItemIsAConflict(LocalDate heldFrom, LocalDate heldTo, LocalDate paidOn) {
        Result result = planWithHeld(List.of(line("HOSPITAL", "STD", 1)), paidOn, List.of(held("HOSPITAL", "STD", heldFrom, heldTo)));

        assertThat(result.planned()).isNull();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.conflict()).isTrue();
            assertThat(p.field()).isEqualTo(Field.ITEM);
            assertThat(p.message()).contains(heldFrom.toString(), heldTo.toString());
        });
    }

    @ParameterizedTest(name = "held to 2026-12-31, paid {0}")
    @CsvSource({"2026-11-30", "2026-12-20", "2026-12-30", "2026-12-31"})
    void payingWhileCoverIsInForceWithinTheWindowChainsTheNewPeriod(LocalDate paidOn) {
        Result result = planWithHeld(List.of(line("HOSPITAL", "STD", 1), line("ACCIDENT", "STD", 1)), paidOn,
                List.of(held("HOSPITAL", "STD", date("2026-01-01"), date("2026-12-31"))));

        assertThat(result.problems()).isEmpty();
        Coverage hospital = result.planned().coverages().getFirst();
        assertThat(hospital.from()).isEqualTo(date("2027-01-01"));
        assertThat(hospital.to()).isEqualTo(date("2027-12-31"));
        assertThat(hospital.renewedWithoutGap()).isTrue();
        Coverage accident = result.planned().coverages().get(1);
        assertThat(accident.from()).isEqualTo(paidOn.plusDays(1));
        assertThat(accident.renewedWithoutGap()).isFalse();
        assertThat(result.planned().from()).isEqualTo(paidOn.plusDays(1));
    }

    @Test
    void aSecondRenewalOfCoverAlreadyRenewedIsAConflict() {
        Result result = planWithHeld(List.of(line("HOSPITAL", "STD", 1)), date("2026-12-20"),
                List.of(held("HOSPITAL", "STD", date("2026-01-01"), date("2026-12-31")),
                        held("HOSPITAL", "STD", date("2027-01-01"), date("2027-12-31"))));

        assertThat(result.problems()).singleElement().extracting(Problem::conflict).isEqualTo(true);
    }

    @Test
    void heldStandardFemaleSpecialBlocksTheUpgradeForTheSamePeriod() {
        Result result = planWithHeld(List.of(line("FEMALE_SPECIAL", "UPG", 1)), PAID_ON,
                List.of(held("FEMALE_SPECIAL", "STD", date("2026-01-01"), date("2026-12-31"))));

        assertThat(result.problems()).singleElement().extracting(Problem::conflict).isEqualTo(true);
    }

    @Test
    void heldCoverOfADifferentItemDoesNotClash() {
        Result result = planWithHeld(List.of(line("HOSPITAL", "STD", 1)), PAID_ON,
                List.of(held("ACCIDENT", "STD", date("2026-01-01"), date("2026-12-31")),
                        held("GIG_ACCIDENT", "STD", date("2026-01-01"), date("2026-12-31")),
                        held("ACCIDENT", "STD", date("2025-03-16"), date("2026-03-15"))));

        assertThat(result.problems()).isEmpty();
        assertThat(result.planned().coverages()).singleElement()
                .extracting(Coverage::renewedWithoutGap).isEqualTo(false);
    }

    @Test
    void shortAccidentCoverDoesNotClashWithTheYearlyAccidentItem() {
        Result result = planWithHeld(List.of(line("SHORT_ACCIDENT", "M1", 1)), PAID_ON,
                List.of(held("ACCIDENT", "STD", date("2026-01-01"), date("2026-12-31"))));

        assertThat(result.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0} uncovered days → renewed without gap: {1}")
    @CsvSource({"0, true", "1, true", "29, true", "30, true", "31, false", "200, false"})
    void renewalWithinThirtyUncoveredDaysCountsAsWithoutGap(int uncoveredDays, boolean renewed) {
        LocalDate from = PAID_ON.plusDays(1);
        LocalDate heldTo = from.minusDays(1 + uncoveredDays);   // last covered day; the days in between are uncovered

        Result result = planWithHeld(basic(Gender.F, 1), PAID_ON,
                List.of(held("HOSPITAL", "STD", heldTo.minusYears(1).plusDays(1), heldTo)));

        assertThat(result.problems()).isEmpty();
        assertThat(result.planned().coverages()).filteredOn(c -> c.item().equals("HOSPITAL")).singleElement()
                .extracting(Coverage::renewedWithoutGap).isEqualTo(renewed);
        assertThat(result.planned().coverages()).filteredOn(c -> !c.item().equals("HOSPITAL"))
                .allSatisfy(c -> assertThat(c.renewedWithoutGap()).as(c.item()).isFalse());
    }

    @Test
    void renewalIsJudgedPerItemWhateverPlanWasHeldBefore() {
        LocalDate from = PAID_ON.plusDays(1);
        Result result = planWithHeld(List.of(line("FEMALE_SPECIAL", "UPG", 1)), PAID_ON,
                List.of(held("FEMALE_SPECIAL", "STD", from.minusYears(1), from.minusDays(1))));

        assertThat(result.planned().coverages()).singleElement().extracting(Coverage::renewedWithoutGap).isEqualTo(true);
    }

    @Test
    void aFirstEnrolmentIsNotARenewal() {
        assertThat(plan(Gender.F, basic(Gender.F, 1)).planned().coverages())
                .allSatisfy(c -> assertThat(c.renewedWithoutGap()).isFalse());
    }

    @Test
    void heldCoverLaterThanTheNewPeriodIsNeitherAConflictNorARenewal() {
        Result result = planWithHeld(List.of(line("HOSPITAL", "STD", 1)), PAID_ON,
                List.of(held("HOSPITAL", "STD", date("2027-03-16"), date("2028-03-15"))));

        assertThat(result.problems()).isEmpty();
        assertThat(result.planned().coverages()).singleElement().extracting(Coverage::renewedWithoutGap).isEqualTo(false);
    }
}
