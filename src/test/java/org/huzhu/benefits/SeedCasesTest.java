package org.huzhu.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.benefits.BenefitAssertions.assertBenefit;
import static org.huzhu.benefits.BenefitResult.Decision.PAY;
import static org.huzhu.benefits.BenefitResult.Decision.REDUCED;

import org.huzhu.benefits.BenefitResult.Benefit;
import org.junit.jupiter.api.Test;

/** The cases of the seed article (domain guide §5, §6): several items of one member paid for one episode. */
class SeedCasesTest {

    @Test
    void paysHospitalCriticalIllnessAndFemaleSpecialForBreastCancer() {
        // 荆门杨女士, breast cancer June 2025, medical total 23,456.78 ("2.3万余元"); cover from 2025-01-10.
        // HOSPITAL × 2: base 5,000 − 200 = 4,800 → 2,880 a share → 5,760, limited to selfPaid 5,000.00 (REDUCED).
        // CRITICAL_ILLNESS A × 5: C50 is SEVERE → 10,000 × 5 = 50,000.00.
        // FEMALE_SPECIAL STD × 5: C50 is a listed cancer → 10,000 × 5 = 50,000.00.
        // Total 105,000.00 ("10万余元").
        BenefitResult result = Claims.illness("2025-06-10").woman().diagnoses("C50.900x001").stay("2025-06-10", "2025-06-20")
                .expenses("23456.78", "15000.00", "5000.00", "3456.78")
                .cover("HOSPITAL", "STD", 2, "2025-01-10").cover("CRITICAL_ILLNESS", "A", 5, "2025-01-10")
                .cover("FEMALE_SPECIAL", "STD", 5, "2025-01-10").calculate();
        assertThat(result.benefits()).extracting(Benefit::item).containsExactly("HOSPITAL", "CRITICAL_ILLNESS", "FEMALE_SPECIAL");
        assertBenefit(result.benefits().get(0), REDUCED, "5000.00", ReasonCode.OUT_OF_POCKET_LIMIT);
        assertBenefit(result.benefits().get(1), PAY, "50000.00");
        assertBenefit(result.benefits().get(2), PAY, "50000.00");
        assertThat(result.total()).hasToString("105000.00");
    }

    @Test
    void paysMoreThanAHundredThousandForCervicalCancerWithFourSharesOfTheUpgrade() {
        // 咸宁金某, cervical cancer: 1 share HOSPITAL, 4 CRITICAL_ILLNESS, 4 FEMALE_SPECIAL (UPG here).
        // HOSPITAL: selfPaid 8,200 → base 8,000 → 3,000 + 0.70 × 3,000 = 5,100.00.
        // CRITICAL_ILLNESS: 10,000 × 4 = 40,000.00. FEMALE_SPECIAL UPG: 15,000 × 4 = 60,000.00. Total 105,100.00.
        BenefitResult result = Claims.illness("2025-09-01").woman().diagnoses("C53.9").stay("2025-09-01", "2025-09-15")
                .expenses("30000.00", "20000.00", "8200.00", "1800.00")
                .cover("HOSPITAL", "STD", 1, "2025-03-01").cover("CRITICAL_ILLNESS", "A", 4, "2025-03-01")
                .cover("FEMALE_SPECIAL", "UPG", 4, "2025-03-01").calculate();
        assertThat(result.benefits()).extracting(b -> b.amount().toString()).containsExactly("5100.00", "40000.00", "60000.00");
        assertThat(result.total()).hasToString("105100.00");
    }

    @Test
    void paysCriticalIllnessForAHeartAttackBesideTheHospitalClaim() {
        // 应城冯某, acute anterior myocardial infarction (I21.0), self-borne 12,800 after basic insurance.
        // HOSPITAL × 1: base 12,600 → 3,000 + 0.70 × 7,600 = 8,320.00. CRITICAL_ILLNESS × 4: 40,000.00 ("4万元").
        BenefitResult result = Claims.illness("2025-08-03").diagnoses("I21.000").stay("2025-08-03", "2025-08-13")
                .expenses("40000.00", "27200.00", "12800.00", "0.00")
                .cover("HOSPITAL", "STD", 1, "2025-02-01").cover("CRITICAL_ILLNESS", "A", 4, "2025-02-01").calculate();
        assertThat(result.benefits()).extracting(b -> b.amount().toString()).containsExactly("8320.00", "40000.00");
        assertThat(result.total()).hasToString("48320.00");
    }

    @Test
    void answersBenefitsInRequestOrderWithRejectionsInPlace() {
        // An accident item held beside illness items: it answers NOT_APPLICABLE in its place and adds 0.00.
        BenefitResult result = Claims.illness("2025-06-10").woman().diagnoses("C50.9").stay("2025-06-10", "2025-06-20")
                .selfPaid("1200.00").cover("ACCIDENT", "STD", 1, "2025-01-10").cover("HOSPITAL", "STD", 1, "2025-01-10").calculate();
        assertThat(result.benefits()).extracting(Benefit::item).containsExactly("ACCIDENT", "HOSPITAL");
        assertThat(result.benefits().get(0).reasons()).extracting(BenefitResult.Reason::code).containsExactly(ReasonCode.NOT_APPLICABLE);
        assertThat(result.total()).hasToString("600.00");
    }
}
