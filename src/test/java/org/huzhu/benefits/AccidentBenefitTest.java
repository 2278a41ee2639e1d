package org.huzhu.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.benefits.BenefitAssertions.assertBenefit;
import static org.huzhu.benefits.BenefitAssertions.component;
import static org.huzhu.benefits.BenefitResult.Component.ALLOWANCE;
import static org.huzhu.benefits.BenefitResult.Component.DEATH_DISABILITY;
import static org.huzhu.benefits.BenefitResult.Component.MEDICAL;
import static org.huzhu.benefits.BenefitResult.Decision.PAY;
import static org.huzhu.benefits.BenefitResult.Decision.REDUCED;
import static org.huzhu.benefits.BenefitResult.Decision.REJECT;

import org.huzhu.benefits.BenefitResult.Benefit;
import org.huzhu.benefits.BenefitResult.ComponentAmount;
import org.huzhu.benefits.BenefitResult.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ACCIDENT and SHORT_ACCIDENT: DEATH_DISABILITY from a pool of 20,000.00 × shares a period (death pays
 * what is left, grade g pays (110 − 10g)% of the pool capped by what is left); MEDICAL 90% of
 * (selfPaid + selfFunded − 100.00), capped at 5,000.00 × shares − already paid; ALLOWANCE 50.00 ×
 * shares a hospital day (at least 1), at most 180 days a period. GIG_ACCIDENT: one share, pool
 * 120,000.00, medical cap 10,000.00, no allowance. Cover from 2026-01-10; accident 2026-01-11.
 */
class AccidentBenefitTest {

    private static Claims accident(String item, int shares) {
        return Claims.accident("2026-01-11").cover(item, item.equals("SHORT_ACCIDENT") ? "M6" : "STD", shares, "2026-01-10");
    }

    @ParameterizedTest(name = "grade {0} → {1}")
    @CsvSource(textBlock = """
            # grade, amount | 2 shares: pool 40,000 × (110 − 10g)%
            # 100%
            1,       40000.00
            # 90%
            2,       36000.00
            3,       32000.00
            4,       28000.00
            5,       24000.00
            6,       20000.00
            7,       16000.00
            8,       12000.00
            9,       8000.00
            # 10%
            10,      4000.00
            """, commentCharacter = '#')
    void paysDisabilityByGradeFromThePool(int grade, String amount) {
        Benefit benefit = accident("ACCIDENT", 2).disabled(grade).only();
        assertBenefit(benefit, PAY, amount);
        assertThat(benefit.components()).extracting(ComponentAmount::component).containsExactly(DEATH_DISABILITY);
    }

    @Test
    void paysThePoolOnDeath() {
        assertBenefit(accident("ACCIDENT", 1).died().only(), PAY, "20000.00");
        assertBenefit(accident("ACCIDENT", 3).died().only(), PAY, "60000.00");
    }

    @Test
    void deathWinsOverDisabilityInTheSameIncident() {
        // grade 5 would pay 10,000; death pays the pool 20,000.
        assertBenefit(accident("ACCIDENT", 1).died().disabled(5).only(), PAY, "20000.00");
    }

    @ParameterizedTest(name = "{0}, {1} paid before → {2}")
    @CsvSource(textBlock = """
            # now,   alreadyPaid, amount,   decision, reason | 1 share: pool 20,000
            # death after a grade-8 disability (30% = 6,000): what is left, 14,000
            death,   6000.00,     14000.00, REDUCED,  ANNUAL_CAP
            # grade 1 after 6,000: formula 20,000, left 14,000
            1,       6000.00,     14000.00, REDUCED,  ANNUAL_CAP
            # grade 10 (2,000) after 18,000: left 2,000, hit exactly
            10,      18000.00,    2000.00,  PAY,
            # grade 10 after 19,000: left 1,000
            10,      19000.00,    1000.00,  REDUCED,  ANNUAL_CAP
            # the pool is used up
            death,   20000.00,    0.00,     REJECT,   CAP_REACHED
            3,       20000.00,    0.00,     REJECT,   CAP_REACHED
            """, commentCharacter = '#')
    void capsDeathAndDisabilityByWhatIsLeftOfThePool(String now, String alreadyPaid, String amount, Decision decision,
                                                     ReasonCode reason) {
        Claims claim = accident("ACCIDENT", 1).paid("ACCIDENT", "DEATH_DISABILITY", alreadyPaid);
        if (now.equals("death")) claim.died();
        else claim.disabled(Integer.parseInt(now));
        ReasonCode[] reasons = reason == null ? new ReasonCode[0] : new ReasonCode[]{reason};
        assertBenefit(claim.only(), decision, amount, reasons);
    }

    @Test
    void explainsDeathAfterAnEarlierDisabilityPayout() {
        Benefit benefit = accident("ACCIDENT", 1).died().paid("ACCIDENT", "DEATH_DISABILITY", "6000.00").only();
        assertThat(benefit.reasons().getFirst().message())
                .isEqualTo("身故按规则应付20000.00元，本保障期身故伤残给付总额20000.00元，已给付6000.00元，本次按剩余14000.00元给付");
    }

    @ParameterizedTest(name = "selfPaid {0} + selfFunded {1} × {2} share(s), {3} paid → {4}")
    @CsvSource(textBlock = """
            # selfPaid, selfFunded, shares, alreadyPaid, amount,  decision, reason
            # 0.90 × (500 + 600 − 100) = 900
            500.00,     600.00,     1,      0.00,        900.00,  PAY,
            # counted 100.00: nothing above the deductible
            60.00,      40.00,      1,      0.00,        0.00,    REJECT,   BELOW_DEDUCTIBLE
            # 0.90 × 0.05 = 0.045 → 0.05 half-up (HALF_EVEN would give 0.04)
            100.05,     0.00,       1,      0.00,        0.05,    PAY,
            # 0.90 × 5,555.55 = 4,999.995 < 5,000 → rounds to 5,000.00, no cut
            5655.55,    0.00,       1,      0.00,        5000.00, PAY,
            # 0.90 × 5,555.56 = 5,000.004 > cap 5,000: cut
            5655.56,    0.00,       1,      0.00,        5000.00, REDUCED,  ANNUAL_CAP
            # shares raise only the cap: 0.90 × 10,000 = 9,000 ≤ 10,000
            10000.00,   100.00,     2,      0.00,        9000.00, PAY,
            # cap 10,000 − 4,000 paid = 6,000 < 9,000
            10000.00,   100.00,     2,      4000.00,     6000.00, REDUCED,  ANNUAL_CAP
            # 5,000 paid at one share: nothing left
            1100.00,    0.00,       1,      5000.00,     0.00,    REJECT,   CAP_REACHED
            """, commentCharacter = '#')
    void paysNinetyPercentOfMedicalCostsAboveTheDeductible(String selfPaid, String selfFunded, int shares, String alreadyPaid,
                                                           String amount, Decision decision, ReasonCode reason) {
        String total = new java.math.BigDecimal(selfPaid).add(new java.math.BigDecimal(selfFunded)).toPlainString();
        Benefit benefit = accident("ACCIDENT", shares).expenses(total, "0.00", selfPaid, selfFunded)
                .paid("ACCIDENT", "MEDICAL", alreadyPaid).only();
        ReasonCode[] reasons = reason == null ? new ReasonCode[0] : new ReasonCode[]{reason};
        assertBenefit(benefit, decision, amount, reasons);
        assertThat(component(benefit, MEDICAL)).isEqualTo(amount);
    }

    @ParameterizedTest(name = "stay {0}–{1}, {3} days paid before × {2} → {4}")
    @CsvSource(textBlock = """
            # admission, discharge,  shares, paidDays, amount,  decision, reason
            # 10 days × 50 × 2
            2026-01-11,  2026-01-21, 2,      0,        1000.00, PAY,
            # a same-day stay counts as 1 day
            2026-01-11,  2026-01-11, 1,      0,        50.00,   PAY,
            # 170 days paid + a 15-day stay: 10 days left → 500
            2026-02-01,  2026-02-16, 1,      170,      500.00,  REDUCED,  ANNUAL_CAP
            # 165 + 15 = 180: hit exactly
            2026-02-01,  2026-02-16, 1,      165,      750.00,  PAY,
            # 180 days in one stay; 181 days are cut to 180
            2026-02-01,  2026-07-31, 1,      0,        9000.00, PAY,
            2026-02-01,  2026-08-01, 1,      0,        9000.00, REDUCED,  ANNUAL_CAP
            # all 180 days used
            2026-02-01,  2026-02-16, 1,      180,      0.00,    REJECT,   CAP_REACHED
            """, commentCharacter = '#')
    void paysAnAllowancePerHospitalDayUpTo180DaysAPeriod(String admission, String discharge, int shares, int paidDays,
                                                        String amount, Decision decision, ReasonCode reason) {
        Claims claim = accident("ACCIDENT", shares).stay(admission, discharge);
        if (paidDays > 0) claim.paidAllowanceDays("ACCIDENT", String.valueOf(paidDays * 50 * shares) + ".00", paidDays);
        Benefit benefit = claim.only();
        ReasonCode[] reasons = reason == null ? new ReasonCode[0] : new ReasonCode[]{reason};
        assertBenefit(benefit, decision, amount, reasons);
        assertThat(component(benefit, ALLOWANCE)).isEqualTo(amount);
    }

    @Test
    void explainsAllowanceDaysSpreadOverTwoIncidents() {
        Benefit benefit = accident("ACCIDENT", 1).stay("2026-02-01", "2026-02-16").paidAllowanceDays("ACCIDENT", "8500.00", 170).only();
        assertThat(benefit.reasons().getFirst().message()).isEqualTo("本保障期住院津贴最多180天，已给付170天，本次住院15天，按剩余10天给付");
    }

    @Test
    void paysEveryComponentOfOneAccidentTogether() {
        // grade 9 at 2 shares: (110 − 90)% = 20% of 40,000 = 8,000; medical 0.90 × (1,500 + 700 − 100) = 1,890;
        // allowance 4 days × 50 × 2 = 400; total 10,290.
        Benefit benefit = accident("ACCIDENT", 2).disabled(9).stay("2026-01-11", "2026-01-15")
                .expenses("5000.00", "2800.00", "1500.00", "700.00").only();
        assertBenefit(benefit, PAY, "10290.00");
        assertThat(benefit.components()).extracting(c -> c.component() + "=" + c.amount())
                .containsExactly("DEATH_DISABILITY=8000.00", "MEDICAL=1890.00", "ALLOWANCE=400.00");
    }

    @Test
    void reducesTheItemWhenOneComponentHitsItsCapAndOthersPay() {
        // Pool used up (CAP_REACHED, 0.00) but the medical component pays 900: the item is REDUCED.
        Benefit benefit = accident("ACCIDENT", 1).disabled(3).paid("ACCIDENT", "DEATH_DISABILITY", "20000.00")
                .expenses("1000.00", "0.00", "1000.00", "0.00").only();
        assertBenefit(benefit, REDUCED, "810.00", ReasonCode.CAP_REACHED);
        assertThat(component(benefit, DEATH_DISABILITY)).isEqualTo("0.00");
    }

    @Test
    void paysMedicalAndKeepsTheDeductibleReasonWhenAnotherComponentPays() {
        Benefit benefit = accident("ACCIDENT", 1).stay("2026-01-11", "2026-01-13").expenses("80.00", "0.00", "80.00", "0.00").only();
        assertBenefit(benefit, PAY, "100.00", ReasonCode.BELOW_DEDUCTIBLE);
        assertThat(component(benefit, MEDICAL)).isEqualTo("0.00");
    }

    @Test
    void rejectsAnAccidentThatClaimsNothing() {
        Benefit benefit = accident("ACCIDENT", 1).only();
        assertBenefit(benefit, REJECT, "0.00", ReasonCode.NOT_APPLICABLE);
        assertThat(benefit.components()).isEmpty();
    }

    @ParameterizedTest(name = "{0} does not pay for an illness")
    @CsvSource({"ACCIDENT", "SHORT_ACCIDENT", "GIG_ACCIDENT"})
    void rejectsIllnessAsNotApplicable(String item) {
        Benefit benefit = Claims.illness("2026-05-01").stay("2026-05-01", "2026-05-05").selfPaid("3000.00")
                .cover(item, item.equals("SHORT_ACCIDENT") ? "M6" : "STD", 1, "2026-01-10").only();
        assertBenefit(benefit, REJECT, "0.00", ReasonCode.NOT_APPLICABLE);
    }

    @Test
    void paysShortAccidentLikeAccidentWithinItsMonths() {
        // M3 from 2026-03-01 runs to 2026-05-31; death at 2 shares = 40,000.
        Claims lastDay = Claims.accident("2026-05-31").died().cover("SHORT_ACCIDENT", "M3", 2, "2026-03-01", "2026-05-31");
        assertBenefit(lastDay.only(), PAY, "40000.00");
        Claims dayAfter = Claims.accident("2026-06-01").died().cover("SHORT_ACCIDENT", "M3", 2, "2026-03-01", "2026-05-31");
        assertBenefit(dayAfter.only(), REJECT, "0.00", ReasonCode.NOT_COVERED);
    }

    @ParameterizedTest(name = "gig: {0}")
    @CsvSource(textBlock = """
            # case,       amount,    decision, reason
            # death: the 120,000 pool
            death,        120000.00, PAY,
            # grade 1: 100% of 120,000; grade 10: 10%; grade 5: 60%
            grade1,       120000.00, PAY,
            grade10,      12000.00,  PAY,
            grade5,       72000.00,  PAY,
            # medical 0.90 × (12,000 − 100) = 10,710 > cap 10,000
            medical12000, 10000.00,  REDUCED,  ANNUAL_CAP
            # 0.90 × 11,111.11 = 9,999.999 → 10,000.00, below the cap: no cut
            medical11211.11, 10000.00, PAY,
            # a 10-day stay pays no allowance; medical 0.90 × 1,000 = 900 only
            stay,         900.00,    PAY,
            """, commentCharacter = '#')
    void paysGigAccidentWithOneShareABiggerPoolAndNoAllowance(String scenario, String amount, Decision decision, ReasonCode reason) {
        Claims claim = accident("GIG_ACCIDENT", 1);
        switch (scenario) {
            case "death" -> claim.died();
            case "grade1" -> claim.disabled(1);
            case "grade10" -> claim.disabled(10);
            case "grade5" -> claim.disabled(5);
            case "medical12000" -> claim.expenses("12000.00", "0.00", "6000.00", "6000.00");
            case "medical11211.11" -> claim.expenses("11211.11", "0.00", "11211.11", "0.00");
            case "stay" -> claim.stay("2026-01-11", "2026-01-21").expenses("1100.00", "0.00", "1100.00", "0.00");
            default -> throw new IllegalArgumentException(scenario);
        }
        Benefit benefit = claim.only();
        ReasonCode[] reasons = reason == null ? new ReasonCode[0] : new ReasonCode[]{reason};
        assertBenefit(benefit, decision, amount, reasons);
        assertThat(component(benefit, ALLOWANCE)).isNull();
    }
}
