package org.huzhu.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.benefits.BenefitAssertions.assertBenefit;
import static org.huzhu.benefits.BenefitResult.Decision.PAY;
import static org.huzhu.benefits.BenefitResult.Decision.REDUCED;
import static org.huzhu.benefits.BenefitResult.Decision.REJECT;

import org.huzhu.benefits.BenefitResult.Benefit;
import org.huzhu.benefits.BenefitResult.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FEMALE_SPECIAL (component LUMP_SUM), women only: cancers C50–C58 pay 10,000.00 (STD) / 15,000.00
 * (UPG) a share, in situ D05, D06, D07.0–D07.3 pay 2,000.00 / 3,000.00; at most the cancer amount ×
 * shares a period. Cover from 2026-01-10; diagnosed 2026-05-01, after the 90-day waiting period.
 */
class FemaleSpecialBenefitTest {

    private static Claims diagnosed(String plan, int shares, String... codes) {
        return Claims.illness("2026-05-01").woman().diagnoses(codes).cover("FEMALE_SPECIAL", plan, shares, "2026-01-10");
    }

    @ParameterizedTest(name = "{0} {2} × {1} → {3}")
    @CsvSource(textBlock = """
            # plan, shares, diagnosis,   amount
            # invasive breast cancer vs breast carcinoma in situ
            STD,    1,      C50.9,       10000.00
            STD,    1,      D05.1,       2000.00
            UPG,    1,      C50.9,       15000.00
            UPG,    1,      D05.1,       3000.00
            UPG,    2,      D05.1,       6000.00
            # cervical cancer vs cervix in situ (D06) and D07.0 (endometrium in situ)
            STD,    3,      C53.9,       30000.00
            STD,    1,      D06.9,       2000.00
            STD,    1,      D07.0,       2000.00
            UPG,    1,      D07.3,       3000.00
            # the ends of C50–C58, with a national extension
            STD,    1,      C50.900x001, 10000.00
            UPG,    4,      C58,         60000.00
            """, commentCharacter = '#')
    void paysCancerOrInSituAmountOfThePlanPerShare(String plan, int shares, String code, String amount) {
        assertBenefit(diagnosed(plan, shares, code).only(), PAY, amount);
    }

    @ParameterizedTest(name = "{0} is not listed")
    @CsvSource(textBlock = """
            # D07.4 (penis in situ) lies after D07.0–D07.3; C49 and C59 outside C50–C58; C61 prostate
            D07.4
            D07
            C49.9
            C59
            C61
            # D04 is in situ (MILD for critical illness) but not a female special in situ
            D04.5
            """, commentCharacter = '#')
    void rejectsDiagnosesOffTheFemaleLists(String code) {
        assertBenefit(diagnosed("STD", 1, code).only(), REJECT, "0.00", ReasonCode.DIAGNOSIS_NOT_LISTED);
    }

    @Test
    void paysTheCancerWhenInSituAndInvasiveAreBothDiagnosed() {
        assertBenefit(diagnosed("STD", 1, "D05.1", "C50.9").only(), PAY, "10000.00");
    }

    @ParameterizedTest(name = "{0} × {1}, {3} paid before → {4}")
    @CsvSource(textBlock = """
            # plan, shares, diagnosis, alreadyPaid, amount,   decision, reason
            # UPG × 2: in situ 6,000 paid earlier; cancer now 30,000, cap 30,000 − 6,000 = 24,000
            UPG,    2,      C50.9,     6000.00,     24000.00, REDUCED,  ANNUAL_CAP
            # a second in situ: 2,000 ≤ left 8,000
            STD,    1,      D05.1,     2000.00,     2000.00,  PAY,
            # cap of STD × 1 is the cancer amount 10,000: all used
            STD,    1,      D05.1,     10000.00,    0.00,     REJECT,   CAP_REACHED
            """, commentCharacter = '#')
    void limitsThePeriodToTheCancerAmountTimesShares(String plan, int shares, String code, String alreadyPaid, String amount,
                                                    Decision decision, ReasonCode reason) {
        Benefit benefit = diagnosed(plan, shares, code).paid("FEMALE_SPECIAL", "LUMP_SUM", alreadyPaid).only();
        ReasonCode[] reasons = reason == null ? new ReasonCode[0] : new ReasonCode[]{reason};
        assertBenefit(benefit, decision, amount, reasons);
    }

    @Test
    void rejectsAManWithGenderMismatch() {
        Benefit benefit = Claims.illness("2026-05-01").man().diagnoses("C50.9").cover("FEMALE_SPECIAL", "STD", 1, "2026-01-10").only();
        assertBenefit(benefit, REJECT, "0.00", ReasonCode.GENDER_MISMATCH);
        assertThat(benefit.reasons().getFirst().message()).isEqualTo("女职工特殊疾病互助保障仅限女职工，申请人性别为男");
    }

    @Test
    void doesNotApplyToAccidents() {
        assertBenefit(Claims.accident("2026-05-01").woman().diagnoses("C50.9").cover("FEMALE_SPECIAL", "STD", 1, "2026-01-10").only(),
                REJECT, "0.00", ReasonCode.NOT_APPLICABLE);
    }
}
