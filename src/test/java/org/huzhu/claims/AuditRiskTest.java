package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huzhu.benefits.BenefitRequest.Expenses;
import org.huzhu.benefits.BenefitRequest.HospitalStay;
import org.huzhu.benefits.BenefitRequest.IncidentKind;
import org.huzhu.benefits.BenefitResult.Decision;
import org.huzhu.claims.AuditRisk.Factor;
import org.huzhu.claims.ClaimRepository.StoredBenefit;
import org.huzhu.membership.Coverage;
import org.huzhu.shared.Money;
import org.junit.jupiter.api.Test;

/** The risk score of an automatic approval: each factor adds its documented weight, at most 100 in all. */
class AuditRiskTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate ADMISSION = LocalDate.of(2026, 6, 1);
    private static final LocalDate DISCHARGE = LocalDate.of(2026, 6, 5);
    private static final BigDecimal LIMIT = new BigDecimal("3000.00");

    @Test
    void aPlainClaimScoresNothing() {
        AuditRisk risk = AuditRisk.of(facts(ADMISSION, "1000.00", List.of(), List.of(receipt("林阳秀", ADMISSION, DISCHARGE, "2000.00", "OFD")), false));
        assertThat(risk.score()).isZero();
        assertThat(risk.factors()).isEmpty();
    }

    @Test
    void whatRecognitionReadAgainstTheClaimAddsItsWeights() {
        assertThat(AuditRisk.of(facts(ADMISSION, "1000.00", List.of(), List.of(receipt("黄桂英", ADMISSION, DISCHARGE, "2000.00", "OFD")), false)))
                .isEqualTo(new AuditRisk(30, List.of(Factor.PAYER_MISMATCH)));
        assertThat(AuditRisk.of(facts(ADMISSION, "1000.00", List.of(), List.of(receipt("林 阳秀", ADMISSION.plusDays(1), DISCHARGE,
                "2000.00", "PDF_TEXT")), false))).isEqualTo(new AuditRisk(20, List.of(Factor.DATE_MISMATCH)));
        assertThat(AuditRisk.of(facts(ADMISSION, "1000.00", List.of(), List.of(receipt("林阳秀", ADMISSION, DISCHARGE, "2500.00", "OFD")), false)))
                .isEqualTo(new AuditRisk(15, List.of(Factor.TOTAL_MISMATCH)));
        assertThat(AuditRisk.of(facts(ADMISSION, "1000.00", List.of(), List.of(receipt("林阳秀", ADMISSION, DISCHARGE, "2000.00", "OCR")), false)))
                .isEqualTo(new AuditRisk(10, List.of(Factor.PHOTO_RECEIPT)));
    }

    @Test
    void unreadableFieldsAndUnreadDocumentsSayNothing() {
        DocumentReadings.Reading odd = new DocumentReadings.Reading(1, "READ", "INPATIENT_RECEIPT", "OFD",
                Map.of("admissionDate", "2026-6-1", "total", "两千元"), Map.of(), List.of(), null, null);
        DocumentReadings.Reading unread = new DocumentReadings.Reading(2, "UNREADABLE", null, "OCR", Map.of("payerName", "黄桂英"),
                Map.of(), List.of(), null, "无法识别");
        assertThat(AuditRisk.of(facts(ADMISSION, "1000.00", List.of(), List.of(odd, unread), false)).score()).isZero();
    }

    @Test
    void anIncidentSoonAfterCoverStartsCountsUnlessTheCoverWasRenewedWithoutAGap() {
        LocalDate early = FROM.plusDays(29);
        assertThat(AuditRisk.of(facts(early, "1000.00", List.of(), List.of(), false)).factors()).containsExactly(Factor.EARLY_INCIDENT);
        assertThat(AuditRisk.of(facts(FROM.plusDays(30), "1000.00", List.of(), List.of(), false)).factors()).isEmpty();
        assertThat(AuditRisk.of(facts(early, "1000.00", List.of(), List.of(), true)).factors()).isEmpty();
    }

    @Test
    void aTotalNearTheLimitAndEarlierPayoutsInTheSamePeriodCount() {
        assertThat(AuditRisk.of(facts(ADMISSION, "2700.00", List.of(), List.of(), false)).factors()).containsExactly(Factor.NEAR_LIMIT);
        assertThat(AuditRisk.of(facts(ADMISSION, "2699.99", List.of(), List.of(), false)).factors()).isEmpty();
        assertThat(AuditRisk.of(facts(ADMISSION, "1000.00", List.of(paid(FROM), paid(FROM)), List.of(), false)).factors())
                .containsExactly(Factor.PAID_BEFORE);
        assertThat(AuditRisk.of(facts(ADMISSION, "1000.00", List.of(paid(FROM), paid(FROM), paid(FROM)), List.of(), false)).factors())
                .containsExactly(Factor.PAID_OFTEN);
        assertThat(AuditRisk.of(facts(ADMISSION, "1000.00", List.of(paid(FROM.minusYears(1))), List.of(), false)).factors()).isEmpty();
    }

    @Test
    void theScoreIsAtMostOneHundred() {
        AuditRisk risk = AuditRisk.of(facts(FROM.plusDays(3), "2900.00", List.of(paid(FROM), paid(FROM), paid(FROM)),
                List.of(receipt("黄桂英", ADMISSION.plusDays(2), DISCHARGE, "9999.00", "OCR")), false));
        assertThat(risk.factors()).containsExactly(Factor.EARLY_INCIDENT, Factor.NEAR_LIMIT, Factor.PAID_OFTEN, Factor.PHOTO_RECEIPT,
                Factor.PAYER_MISMATCH, Factor.DATE_MISMATCH, Factor.TOTAL_MISMATCH);
        assertThat(risk.score()).isEqualTo(100);
    }

    private static AuditRisk.Facts facts(LocalDate incident, String total, List<StoredBenefit> earlier, List<DocumentReadings.Reading> readings,
                                         boolean renewed) {
        var claim = new Claim.Facts(1L, 2L, "/1/5/12/u34/", IncidentKind.ILLNESS, incident, List.of("K35.800"), false, null,
                new HospitalStay(ADMISSION, DISCHARGE), new Expenses(Money.of("2000.00"), Money.of("1000.00"), Money.of("1000.00"),
                Money.ZERO), null, List.of());
        return new AuditRisk.Facts(claim, "林阳秀", List.of(benefit(FROM, total)), List.of(new Coverage("HOSPITAL", "STD", 1, FROM,
                FROM.plusYears(1).minusDays(1), Money.of("100.00"), renewed)), new BigDecimal(total), LIMIT, earlier, readings);
    }

    private static StoredBenefit benefit(LocalDate from, String amount) {
        return new StoredBenefit(0, "HOSPITAL", "STD", from, from.plusYears(1).minusDays(1), Decision.PAY, Money.of(amount), List.of(),
                List.of(), 0, null, null, null, null);
    }

    private static StoredBenefit paid(LocalDate from) {
        return benefit(from, "500.00");
    }

    private static DocumentReadings.Reading receipt(String payer, LocalDate admission, LocalDate discharge, String total, String source) {
        return new DocumentReadings.Reading(1, "READ", "INPATIENT_RECEIPT", source, Map.of("payerName", payer,
                "admissionDate", admission.toString(), "dischargeDate", discharge.toString(), "total", total), Map.of(), List.of(), null, null);
    }
}
