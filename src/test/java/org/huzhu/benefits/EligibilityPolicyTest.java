package org.huzhu.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.benefits.BenefitAssertions.assertBenefit;
import static org.huzhu.benefits.BenefitAssertions.codes;
import static org.huzhu.benefits.BenefitResult.Decision.PAY;
import static org.huzhu.benefits.BenefitResult.Decision.REJECT;

import org.huzhu.benefits.BenefitResult.Benefit;
import org.huzhu.benefits.BenefitResult.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Coverage period [from, to], waiting period (illness on or after from + waitingDays, unless renewed
 * without gap or an accident) and the claim deadline (within 2 years of discharge, or of the incident
 * without a stay, the same calendar date included). Dates worked out by hand in the comments.
 */
class EligibilityPolicyTest {

    /** HOSPITAL, 1 share, from 2026-01-10 to 2027-01-09; selfPaid 1,200 pays 600.00. */
    private static Claims hospitalAdmission(String kind, String admission) {
        Claims claim = kind.equals("ILLNESS") ? Claims.illness(admission) : Claims.accident(admission);
        return claim.stay(admission, admission).selfPaid("1200.00").cover("HOSPITAL", "STD", 1, "2026-01-10", "2027-01-09");
    }

    @ParameterizedTest(name = "{0} {1} on {2} → {3}")
    @CsvSource(textBlock = """
            # item,             kind,     judged day,  decision, reason
            # HOSPITAL waits 30 days: 2026-01-10 + 30 = 2026-02-09 is the first covered day; 2026-02-08 the last waiting day
            HOSPITAL,           ILLNESS,  2026-02-08,  REJECT,   WAITING_PERIOD
            HOSPITAL,           ILLNESS,  2026-02-09,  PAY,
            HOSPITAL,           ILLNESS,  2026-01-10,  REJECT,   WAITING_PERIOD
            # accidents never wait
            HOSPITAL,           ACCIDENT, 2026-01-10,  PAY,
            # CRITICAL_ILLNESS and FEMALE_SPECIAL wait 90 days: Jan 10 + 31 → Feb 10, + 28 → Mar 10, + 31 → Apr 10
            CRITICAL_ILLNESS,   ILLNESS,  2026-04-09,  REJECT,   WAITING_PERIOD
            CRITICAL_ILLNESS,   ILLNESS,  2026-04-10,  PAY,
            FEMALE_SPECIAL,     ILLNESS,  2026-04-09,  REJECT,   WAITING_PERIOD
            FEMALE_SPECIAL,     ILLNESS,  2026-04-10,  PAY,
            """, commentCharacter = '#')
    void coversIllnessOnlyFromTheEndOfTheWaitingPeriod(String item, String kind, String day, Decision decision, ReasonCode reason) {
        Benefit benefit = claimOn(item, kind, day).only();
        ReasonCode[] reasons = reason == null ? new ReasonCode[0] : new ReasonCode[]{reason};
        assertThat(benefit.decision()).isEqualTo(decision);
        assertThat(codes(benefit)).containsExactly(reasons);
    }

    @ParameterizedTest(name = "renewed {0} on {1}")
    @CsvSource({"HOSPITAL, 2026-01-10", "HOSPITAL, 2026-02-08", "CRITICAL_ILLNESS, 2026-01-10", "FEMALE_SPECIAL, 2026-04-09"})
    void exemptsARenewalWithoutGapFromTheWaitingPeriod(String item, String day) {
        assertThat(claimOn(item, "ILLNESS", day).renewed().only().decision()).isEqualTo(PAY);
    }

    @Test
    void tellsTheWorkerWhenTheWaitingPeriodEnds() {
        Benefit benefit = hospitalAdmission("ILLNESS", "2026-02-01").only();
        assertThat(benefit.reasons().getFirst().message()).isEqualTo("观察期至2026-02-08，本次住院日期2026-02-01在观察期内");
    }

    @ParameterizedTest(name = "accident on {0} → {1}")
    @CsvSource(textBlock = """
            # accident day, decision, reason | cover 2026-01-10 … 2027-01-09, both days included
            2026-01-09,     REJECT,   NOT_COVERED
            2026-01-10,     PAY,
            2027-01-09,     PAY,
            2027-01-10,     REJECT,   NOT_COVERED
            """, commentCharacter = '#')
    void coversTheStartAndEndDaysOfThePeriod(String day, Decision decision, ReasonCode reason) {
        Benefit benefit = Claims.accident(day).died().cover("ACCIDENT", "STD", 1, "2026-01-10", "2027-01-09").only();
        ReasonCode[] reasons = reason == null ? new ReasonCode[0] : new ReasonCode[]{reason};
        assertThat(benefit.decision()).isEqualTo(decision);
        assertThat(codes(benefit)).containsExactly(reasons);
    }

    @Test
    void saysWhichPeriodAndDayWhenNotCovered() {
        Benefit benefit = Claims.accident("2027-01-10").died().cover("ACCIDENT", "STD", 1, "2026-01-10", "2027-01-09").only();
        assertThat(benefit.reasons().getFirst().message()).isEqualTo("保障期为2026-01-10至2027-01-09，本次事故日期2027-01-10不在保障期内");
    }

    @ParameterizedTest(name = "leap-day cover, {0} {1} → {2}")
    @CsvSource(textBlock = """
            # kind,    day,        decision, reason
            # paid 2028-02-28 → from 2028-02-29, to = from + 1 year − 1 day = 2029-02-28 − 1 = 2029-02-27
            ACCIDENT,  2028-02-29, PAY,
            ACCIDENT,  2029-02-27, PAY,
            ACCIDENT,  2029-02-28, REJECT,   NOT_COVERED
            # HOSPITAL waiting: 2028-02-29 + 30 days = 2028-03-30 (Feb 29 + 1 = Mar 1, … + 30 = Mar 30)
            ILLNESS,   2028-03-29, REJECT,   WAITING_PERIOD
            ILLNESS,   2028-03-30, PAY,
            """, commentCharacter = '#')
    void handlesCoverStartingOnALeapDay(String kind, String day, Decision decision, ReasonCode reason) {
        Claims claim = kind.equals("ILLNESS") ? Claims.illness(day) : Claims.accident(day);
        Benefit benefit = claim.stay(day, day).selfPaid("1200.00").cover("HOSPITAL", "STD", 1, "2028-02-29", "2029-02-27").only();
        ReasonCode[] reasons = reason == null ? new ReasonCode[0] : new ReasonCode[]{reason};
        assertThat(benefit.decision()).isEqualTo(decision);
        assertThat(codes(benefit)).containsExactly(reasons);
    }

    @Test
    void judgesHospitalOnTheAdmissionDateAndLumpSumsOnTheDiagnosisDate() {
        // Diagnosed 2026-01-05, before cover began; admitted 2026-02-09, after HOSPITAL's waiting period:
        // HOSPITAL pays (admission), CRITICAL_ILLNESS is not covered (diagnosis before from).
        BenefitResult result = Claims.illness("2026-01-05").diagnoses("C50.9").stay("2026-02-09", "2026-02-12").selfPaid("1200.00")
                .cover("HOSPITAL", "STD", 1, "2026-01-10").cover("CRITICAL_ILLNESS", "A", 1, "2026-01-10").calculate();
        assertBenefit(result.benefits().get(0), PAY, "600.00");
        assertBenefit(result.benefits().get(1), REJECT, "0.00", ReasonCode.NOT_COVERED);
        assertThat(result.benefits().get(1).reasons().getFirst().message()).contains("确诊日期2026-01-05");
    }

    @Test
    void judgesAnAdmissionAfterTheEndOfCoverAsNotCovered() {
        // Diagnosed inside the period, admitted the day after it ended.
        Benefit benefit = Claims.illness("2027-01-05").stay("2027-01-10", "2027-01-12").selfPaid("1200.00")
                .cover("HOSPITAL", "STD", 1, "2026-01-10", "2027-01-09").only();
        assertBenefit(benefit, REJECT, "0.00", ReasonCode.NOT_COVERED);
    }

    @ParameterizedTest(name = "discharged {0}, filed {1} → {2}")
    @CsvSource(textBlock = """
            # discharge,  submittedOn, decision, reason | 2 years from discharge, that same calendar date included
            2026-05-12,   2028-05-12,  PAY,
            2026-05-12,   2028-05-13,  REJECT,   CLAIM_TOO_LATE
            # across a leap year the anniversary is the same calendar date
            2028-03-10,   2030-03-10,  PAY,
            2028-03-10,   2030-03-11,  REJECT,   CLAIM_TOO_LATE
            """, commentCharacter = '#')
    void acceptsClaimsUntilTwoYearsAfterDischarge(String discharge, String submittedOn, Decision decision, ReasonCode reason) {
        String admission = java.time.LocalDate.parse(discharge).minusDays(2).toString();
        Benefit benefit = Claims.accident(admission).stay(admission, discharge).selfPaid("1200.00").submittedOn(submittedOn)
                .cover("HOSPITAL", "STD", 1, admission).only();
        ReasonCode[] reasons = reason == null ? new ReasonCode[0] : new ReasonCode[]{reason};
        assertThat(benefit.decision()).isEqualTo(decision);
        assertThat(codes(benefit)).containsExactly(reasons);
    }

    /** Discharged on 2028-02-29: 2 years later there is no 29 February, so 2030-02-28 is the last day. */
    @ParameterizedTest(name = "leap-day discharge, filed {0} → {1}")
    @CsvSource({"2030-02-28, PAY", "2030-03-01, REJECT"})
    void countsTwoYearsFromALeapDayToTheTwentyEighth(String submittedOn, Decision decision) {
        Benefit benefit = Claims.accident("2028-02-27").stay("2028-02-27", "2028-02-29").selfPaid("1200.00").submittedOn(submittedOn)
                .cover("HOSPITAL", "STD", 1, "2028-01-01").only();
        assertThat(benefit.decision()).isEqualTo(decision);
    }

    @Test
    void countsTheDeadlineFromTheIncidentWithoutAStay() {
        // Death on 2026-03-01, no stay: deadline 2028-03-01.
        Claims inTime = Claims.accident("2026-03-01").died().submittedOn("2028-03-01").cover("ACCIDENT", "STD", 1, "2026-01-10");
        assertBenefit(inTime.only(), PAY, "20000.00");
        Benefit late = Claims.accident("2026-03-01").died().submittedOn("2028-03-02").cover("ACCIDENT", "STD", 1, "2026-01-10").only();
        assertBenefit(late, REJECT, "0.00", ReasonCode.CLAIM_TOO_LATE);
        assertThat(late.reasons().getFirst().message())
                .isEqualTo("须自事故日期2026-03-01起2年内（最晚2028-03-01）申请，本次申请日期2028-03-02已超过时限");
    }

    @Test
    void reportsEveryFailingCheckTogether() {
        // Accident the day after cover ended, and filed more than 2 years later.
        Benefit benefit = Claims.accident("2027-01-10").died().submittedOn("2029-02-01").cover("ACCIDENT", "STD", 1, "2026-01-10").only();
        assertBenefit(benefit, REJECT, "0.00", ReasonCode.NOT_COVERED, ReasonCode.CLAIM_TOO_LATE);
        assertThat(benefit.components()).isEmpty();
    }

    @Test
    void stopsAtTheFirstGateSoAManIsNotAlsoToldHisDiagnosisIsUnlisted() {
        Benefit benefit = Claims.illness("2026-05-01").man().diagnoses("C61").cover("FEMALE_SPECIAL", "STD", 1, "2026-01-10").only();
        assertBenefit(benefit, REJECT, "0.00", ReasonCode.GENDER_MISMATCH);
    }

    private static Claims claimOn(String item, String kind, String day) {
        if (item.equals("HOSPITAL")) return hospitalAdmission(kind, day);
        Claims claim = kind.equals("ILLNESS") ? Claims.illness(day) : Claims.accident(day);
        String plan = item.equals("CRITICAL_ILLNESS") ? "A" : "STD";
        return claim.woman().diagnoses("C50.9").cover(item, plan, 1, "2026-01-10", "2027-01-09");
    }
}
