package org.huzhu.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.benefits.BenefitAssertions.assertBenefit;
import static org.huzhu.benefits.BenefitAssertions.component;
import static org.huzhu.benefits.BenefitResult.Decision.PAY;
import static org.huzhu.benefits.BenefitResult.Decision.REDUCED;
import static org.huzhu.benefits.BenefitResult.Decision.REJECT;

import org.huzhu.benefits.BenefitResult.Benefit;
import org.huzhu.benefits.BenefitResult.Component;
import org.huzhu.benefits.BenefitResult.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HOSPITAL (component MEDICAL): base = selfPaid − 200.00; per share 60% of the base up to 5,000,
 * 70% from 5,000 to 20,000, 80% above; amount = min(per share × shares, selfPaid,
 * 15,000.00 × shares − already paid), rounded half-up once. Cover from 2026-01-10, admission
 * 2026-03-01 (the 30-day waiting period ended 2026-02-08).
 */
class HospitalBenefitTest {

    private static Claims admission(String selfPaid, int shares) {
        return Claims.illness("2026-03-01").stay("2026-03-01", "2026-03-10").selfPaid(selfPaid)
                .cover("HOSPITAL", "STD", shares, "2026-01-10");
    }

    @ParameterizedTest(name = "selfPaid {0} × {1} share(s) → {3} {2}")
    @CsvSource(textBlock = """
            # selfPaid, shares, amount,  decision, reason      | by hand
            # base 0: nothing above the deductible
            200.00,     1,      0.00,    REJECT,   BELOW_DEDUCTIBLE
            # base −0.01
            199.99,     1,      0.00,    REJECT,   BELOW_DEDUCTIBLE
            # 0.60 × 0.01 = 0.006 → 0.01
            200.01,     1,      0.01,    PAY,
            # 0.60 × 1,000
            1200.00,    1,      600.00,  PAY,
            # base 5,000.00 exactly: 0.60 × 5,000
            5200.00,    1,      3000.00, PAY,
            # 3,000 + 0.70 × 0.01 = 3,000.007 → 3,000.01
            5200.01,    1,      3000.01, PAY,
            # 3,000 + 0.70 × 7,000 = 7,900
            12200.00,   1,      7900.00, PAY,
            # base 20,000.00 exactly: 3,000 + 0.70 × 15,000 = 13,500
            20200.00,   1,      13500.00, PAY,
            # 13,500 + 0.80 × 0.01 = 13,500.008 → 13,500.01
            20200.01,   1,      13500.01, PAY,
            # 13,500 + 0.80 × 1,875 = 15,000: the cap hit exactly cuts nothing
            22075.00,   1,      15000.00, PAY,
            # 15,000.008 > cap 15,000
            22075.01,   1,      15000.00, REDUCED, ANNUAL_CAP
            # 13,500 + 0.80 × 5,000 = 17,500 > 15,000
            25200.00,   1,      15000.00, REDUCED, ANNUAL_CAP
            # 3,000 × 2 = 6,000 > selfPaid 5,200: with two shares the out-of-pocket limit binds above selfPaid 1,200
            5200.00,    2,      5200.00, REDUCED, OUT_OF_POCKET_LIMIT
            # 0.60 × 1,000 = 600; × 2 = 1,200 = selfPaid: hit exactly, no cut
            1200.00,    2,      1200.00, PAY,
            # 13,500 × 2 = 27,000 > selfPaid 20,200
            20200.00,   2,      20200.00, REDUCED, OUT_OF_POCKET_LIMIT
            # 0.60 × 500 = 300; × 2 = 600 < 700
            700.00,     2,      600.00,  PAY,
            # 600 × 4 = 2,400 > selfPaid 1,200
            1200.00,    4,      1200.00, REDUCED, OUT_OF_POCKET_LIMIT
            # 0.60 × 300 = 180; × 4 = 720 > 500
            500.00,     4,      500.00,  REDUCED, OUT_OF_POCKET_LIMIT
            # 13,500 + 0.80 × 45,000 = 49,500; × 4 = 198,000 > 15,000 × 4
            65200.00,   4,      60000.00, REDUCED, ANNUAL_CAP
            """, commentCharacter = '#')
    void paysTheTieredShareOfSelfPaidAboveTheDeductible(String selfPaid, int shares, String amount, Decision decision,
                                                       ReasonCode reason) {
        Benefit benefit = admission(selfPaid, shares).only();
        ReasonCode[] reasons = reason == null ? new ReasonCode[0] : new ReasonCode[]{reason};
        assertBenefit(benefit, decision, amount, reasons);
        assertThat(component(benefit, Component.MEDICAL)).isEqualTo(amount);
    }

    @ParameterizedTest(name = "selfPaid {0} × {1} → {2}")
    @CsvSource(textBlock = """
            # selfPaid, shares, amount   | by hand: only HALF_UP, applied once at the end of the component, gives these
            # 3,000 + 0.70 × 0.15 = 3,000.105 → 3,000.11 (HALF_EVEN would give 3,000.10)
            5200.15,    1,      3000.11
            # 3,000 + 0.70 × 0.05 = 3,000.035 → 3,000.04
            5200.05,    1,      3000.04
            # 3,000 + 0.70 × 0.35 = 3,000.245 → 3,000.25 (HALF_EVEN would give 3,000.24)
            5200.35,    1,      3000.25
            # 3,000 + 0.70 × 0.25 = 3,000.175 → 3,000.18
            5200.25,    1,      3000.18
            """, commentCharacter = '#')
    void roundsHalfUpOnceAtTheEndOfTheComponent(String selfPaid, int shares, String amount) {
        assertBenefit(admission(selfPaid, shares).only(), PAY, amount);
    }

    @ParameterizedTest(name = "already paid {1} → {2} {3}")
    @CsvSource(textBlock = """
            # shares, alreadyPaid, amount,  decision, reason    | by hand (selfPaid 5,200.00: formula 3,000.00 a share)
            # left 15,000 − 12,000 = 3,000 = formula: hit exactly
            1,        12000.00,    3000.00, PAY,
            # left 2,999.99
            1,        12000.01,    2999.99, REDUCED, ANNUAL_CAP
            # left 0.01
            1,        14999.99,    0.01,    REDUCED, ANNUAL_CAP
            # nothing left
            1,        15000.00,    0.00,    REJECT,  CAP_REACHED
            # over-paid: still nothing left
            1,        16000.00,    0.00,    REJECT,  CAP_REACHED
            # formula 6,000; left 30,000 − 27,000 = 3,000
            2,        27000.00,    3000.00, REDUCED, ANNUAL_CAP
            """, commentCharacter = '#')
    void deductsWhatWasAlreadyPaidInThePeriodFromTheCap(int shares, String alreadyPaid, String amount, Decision decision,
                                                        ReasonCode reason) {
        Benefit benefit = admission("5200.00", shares).paid("HOSPITAL", "MEDICAL", alreadyPaid).only();
        ReasonCode[] reasons = reason == null ? new ReasonCode[0] : new ReasonCode[]{reason};
        assertBenefit(benefit, decision, amount, reasons);
        assertThat(component(benefit, Component.MEDICAL)).isEqualTo(amount);
    }

    @Test
    void namesOnlyTheLimitThatBindsWhenBothCut() {
        // selfPaid 20,200: 13,500 a share × 3 = 40,500. Out of pocket: 20,200. Cap: 45,000 − 30,000 = 15,000 (binds).
        Benefit benefit = admission("20200.00", 3).paid("HOSPITAL", "MEDICAL", "30000.00").only();
        assertBenefit(benefit, REDUCED, "15000.00", ReasonCode.ANNUAL_CAP);
        assertThat(benefit.reasons().getFirst().message()).contains("45000.00元", "30000.00元", "15000.00元");
    }

    @Test
    void namesBothLimitsWhenTheyCutToTheSameAmount() {
        // selfPaid 1,200: 600 a share × 4 = 2,400; out of pocket 1,200; cap 60,000 − 58,800 = 1,200.
        assertBenefit(admission("1200.00", 4).paid("HOSPITAL", "MEDICAL", "58800.00").only(), REDUCED, "1200.00",
                ReasonCode.OUT_OF_POCKET_LIMIT, ReasonCode.ANNUAL_CAP);
    }

    @Test
    void doesNotReimburseSelfFundedCosts() {
        // 个人自费 10,000 is outside the catalogue: base = 1,200 − 200 = 1,000 → 600.
        Benefit benefit = Claims.illness("2026-03-01").stay("2026-03-01", "2026-03-10")
                .expenses("20000.00", "8800.00", "1200.00", "10000.00").cover("HOSPITAL", "STD", 1, "2026-01-10").only();
        assertBenefit(benefit, PAY, "600.00");
    }

    @Test
    void explainsTheDeductibleInTheWorkersWords() {
        Benefit benefit = admission("150.00", 1).only();
        assertThat(benefit.components()).hasSize(1);
        assertThat(benefit.reasons().getFirst().message()).isEqualTo("个人自付150.00元未超过起付线200.00元（个人自费不在给付范围内）");
    }

    @Test
    void explainsTheOutOfPocketLimitWithBothAmounts() {
        assertThat(admission("1200.00", 4).only().reasons().getFirst().message())
                .isEqualTo("按规则应付2400.00元，给付不超过个人自付1200.00元");
    }

    @Test
    void rejectsAnIllnessWithoutHospitalStay() {
        Benefit benefit = Claims.illness("2026-03-01").selfPaid("5200.00").cover("HOSPITAL", "STD", 1, "2026-01-10").only();
        assertBenefit(benefit, REJECT, "0.00", ReasonCode.NO_HOSPITAL_STAY);
        assertThat(benefit.components()).isEmpty();
    }

    @Test
    void rejectsAStayWithoutExpensesAsInvalidExpenses() {
        Benefit benefit = Claims.illness("2026-03-01").stay("2026-03-01", "2026-03-10").cover("HOSPITAL", "STD", 1, "2026-01-10").only();
        assertBenefit(benefit, REJECT, "0.00", ReasonCode.INVALID_EXPENSES);
        assertThat(benefit.components()).isEmpty();
    }

    @Test
    void paysAnAccidentAdmissionInsideTheIllnessWaitingPeriod() {
        // Accidents have no waiting period: admitted on the first day of cover.
        Benefit benefit = Claims.accident("2026-01-10").stay("2026-01-10", "2026-01-12").selfPaid("1200.00")
                .cover("HOSPITAL", "STD", 1, "2026-01-10").only();
        assertBenefit(benefit, PAY, "600.00");
    }

    @Test
    void answersTheContractExample() {
        // 2 shares, selfPaid 5,000: base 4,800 → 2,880 a share → 5,760; selfPaid 5,000 binds; cap 30,000 − 1,000 does not.
        Benefit benefit = Claims.illness("2026-05-01").woman().diagnoses("C50.9").stay("2026-05-01", "2026-05-12")
                .expenses("23456.78", "15000.00", "5000.00", "3456.78").cover("HOSPITAL", "STD", 2, "2026-01-10", "2027-01-09")
                .paid("HOSPITAL", "MEDICAL", "1000.00").submittedOn("2026-06-01").only();
        assertBenefit(benefit, REDUCED, "5000.00", ReasonCode.OUT_OF_POCKET_LIMIT);
    }
}
