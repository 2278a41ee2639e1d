package org.huzhu.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.benefits.BenefitAssertions.assertBenefit;
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
 * CRITICAL_ILLNESS A (component LUMP_SUM): SEVERE pays 10,000.00 a share, MILD 3,000.00; the highest
 * class among the diagnoses counts; at most 10,000.00 × shares a period less earlier LUMP_SUM payouts.
 * Cover from 2026-01-10; diagnosed 2026-05-01 (the 90-day waiting period ended 2026-04-09).
 */
class CriticalIllnessBenefitTest {

    private static Claims diagnosed(int shares, String... codes) {
        return Claims.illness("2026-05-01").diagnoses(codes).cover("CRITICAL_ILLNESS", "A", shares, "2026-01-10");
    }

    @ParameterizedTest(name = "{0} × {1} → {2}")
    @CsvSource(textBlock = """
            # diagnosis,  shares, amount
            # breast cancer: C00–C97 → SEVERE 10,000
            C50.9,        1,      10000.00
            # the national clinical extension matches by prefix; × 2 shares
            C50.900x001,  2,      20000.00
            # the ends of the C00–C97 range
            C00.0,        1,      10000.00
            C97,          1,      10000.00
            # C44 (other skin cancer) is excluded from SEVERE and listed as MILD: 3,000
            C44.3,        1,      3000.00
            C44,          3,      9000.00
            # carcinoma in situ D00–D09 is MILD
            D05.1,        1,      3000.00
            D09.9,        5,      15000.00
            # benign brain tumours D32, D33 are MILD
            D32.0,        1,      3000.00
            D33.1,        1,      3000.00
            # acute myocardial infarction I21, I22
            I21.0,        4,      40000.00
            I22.9,        1,      10000.00
            # stroke I60, I61, I63 (but not I62 or I64)
            I63.9,        1,      10000.00
            # end-stage renal disease N18.5 only
            N18.5,        1,      10000.00
            N18.500x002,  1,      10000.00
            # organ transplants Z94.0, .1, .2, .4, .8
            Z94.4,        1,      10000.00
            # Parkinson's disease, national code with an x: G20 matches by category
            G20.x00,      1,      10000.00
            G20,          1,      10000.00
            # third-degree burns T31.3–T31.9 compare at four characters
            T31.3,        1,      10000.00
            T31.9,        2,      20000.00
            # the others of the SEVERE list
            D61.9,        1,      10000.00
            G12.2,        1,      10000.00
            G30.1,        1,      10000.00
            G35,          1,      10000.00
            G82.2,        1,      10000.00
            H54.0,        1,      10000.00
            K72.1,        1,      10000.00
            I27.0,        1,      10000.00
            R40.2,        1,      10000.00
            # lower case is read as upper case
            c50.9,        1,      10000.00
            """, commentCharacter = '#')
    void paysTheClassOfTheDiagnosisPerShare(String code, int shares, String amount) {
        Benefit benefit = diagnosed(shares, code).only();
        assertBenefit(benefit, PAY, amount);
        assertThat(BenefitAssertions.component(benefit, Component.LUMP_SUM)).isEqualTo(amount);
    }

    @ParameterizedTest(name = "{0} is not listed")
    @CsvSource(textBlock = """
            # C98 lies after the C00–C97 range; I62, I64 are strokes not on the list
            C98.0
            I62.0
            I64
            # N18.4 is not end-stage; N18 alone names no stage
            N18.4
            N18
            N18.x00
            # Z94.3 (heart and lungs) is not among Z94.0/.1/.2/.4/.8
            Z94.3
            # T31.0–T31.2 are below the burn range; T31 alone has no extent
            T31.2
            T31
            # D10 lies after D00–D09; D34 after D32, D33
            D10.0
            D34
            # hypertension
            I10
            # G12.1 is not G12.2
            G12.1
            """, commentCharacter = '#')
    void rejectsDiagnosesOffBothLists(String code) {
        Benefit benefit = diagnosed(1, code).only();
        assertBenefit(benefit, REJECT, "0.00", ReasonCode.DIAGNOSIS_NOT_LISTED);
        assertThat(benefit.reasons().getFirst().message()).contains(code, "重大疾病（重症）、重大疾病（轻症）");
    }

    @Test
    void countsTheHighestClassAmongTheDiagnoses() {
        // C44.3 is MILD, C50.9 SEVERE: SEVERE counts, whatever the order.
        assertBenefit(diagnosed(1, "C44.3", "C50.9").only(), PAY, "10000.00");
        assertBenefit(diagnosed(1, "I10", "D32.9").only(), PAY, "3000.00");
    }

    @Test
    void rejectsAClaimWithoutDiagnosis() {
        Benefit benefit = diagnosed(1).only();
        assertBenefit(benefit, REJECT, "0.00", ReasonCode.DIAGNOSIS_NOT_LISTED);
        assertThat(benefit.reasons().getFirst().message()).contains("未提供诊断编码");
    }

    @ParameterizedTest(name = "{0} share(s), {2} paid before, {1} now → {3}")
    @CsvSource(textBlock = """
            # shares, diagnosis, alreadyPaid, amount,   decision, reason
            # MILD 6,000 earlier (2 shares); SEVERE now: formula 20,000, left 20,000 − 6,000 = 14,000
            2,        C50.9,     6000.00,     14000.00, REDUCED,  ANNUAL_CAP
            # a second MILD: 3,000 ≤ left 7,000
            1,        D32.0,     3000.00,     3000.00,  PAY,
            # MILD after 8,000 paid: left 2,000 < 3,000
            1,        D32.0,     8000.00,     2000.00,  REDUCED,  ANNUAL_CAP
            # MILD after 7,000 paid: left 3,000 = formula, hit exactly
            1,        D32.0,     7000.00,     3000.00,  PAY,
            # SEVERE already paid in full
            1,        C50.9,     10000.00,    0.00,     REJECT,   CAP_REACHED
            """, commentCharacter = '#')
    void deductsEarlierLumpSumsFromThePeriodCap(int shares, String code, String alreadyPaid, String amount,
                                                Decision decision, ReasonCode reason) {
        Benefit benefit = diagnosed(shares, code).paid("CRITICAL_ILLNESS", "LUMP_SUM", alreadyPaid).only();
        ReasonCode[] reasons = reason == null ? new ReasonCode[0] : new ReasonCode[]{reason};
        assertBenefit(benefit, decision, amount, reasons);
    }

    @Test
    void ignoresPayoutsOfOtherItems() {
        // FEMALE_SPECIAL's LUMP_SUM is another item's money: the critical illness cap is untouched.
        assertBenefit(diagnosed(1, "C50.9").woman().paid("FEMALE_SPECIAL", "LUMP_SUM", "10000.00").only(), PAY, "10000.00");
    }

    @Test
    void doesNotApplyToAccidents() {
        Benefit benefit = Claims.accident("2026-05-01").diagnoses("T31.5").cover("CRITICAL_ILLNESS", "A", 1, "2026-01-10").only();
        assertBenefit(benefit, REJECT, "0.00", ReasonCode.NOT_APPLICABLE);
        assertThat(benefit.reasons().getFirst().message()).isEqualTo("重大疾病互助保障只保障疾病，本次申请的事故类型为意外伤害");
    }
}
