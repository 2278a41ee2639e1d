package org.huzhu.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.catalogue.RefundRule;
import org.huzhu.catalogue.TestCatalogue;
import org.huzhu.shared.Money;
import org.junit.jupiter.api.Test;

/** The refund rules as plain rules: stages, the catalogue's rule per version and per item, pro-rata rounding, refusals. */
class RefundPolicyTest {

    private static final CatalogueVersion DEFAULT = TestCatalogue.hb2026();
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 12, 31);

    @Test
    void theShippedCatalogueRefundsNothingAfterCoverStarts() {
        assertThat(DEFAULT.refund()).isEqualTo(RefundRule.DEFAULT);
        var d = RefundPolicy.decide(paid(), DEFAULT, LocalDate.of(2026, 3, 31), List.of());

        assertThat(d.allowed()).isFalse();
        assertThat(d.stage()).isEqualTo(RefundPolicy.Stage.AFTER_COVER);
        assertThat(d.refusal()).isEqualTo("保障已于 2026-01-01 开始，按保障目录 HB-2026 的规则（保障开始后不退费）不予退费，不能退保");
    }

    @Test
    void beforeCoverStartsEverythingGoesBackThePayersPartToThePayerTheSubsidyToTheBudget() {
        var d = RefundPolicy.decide(paid(), DEFAULT, FROM.minusDays(1), List.of());

        assertThat(d.allowed()).isTrue();
        assertThat(d.stage()).isEqualTo(RefundPolicy.Stage.BEFORE_COVER);
        assertThat(d.toPayer()).isEqualTo(Money.of("110.00"));
        assertThat(d.toSubsidy()).isEqualTo(Money.of("20.00"));
    }

    @Test
    void proRataRefundsTheUnusedDaysOfEachItemRoundedHalfUpOnceAndSplitsTheSubsidysShare() {
        CatalogueVersion proRata = TestCatalogue.read(TestCatalogue.hb2026Yaml().replace("afterCoverStarts: NONE",
                "afterCoverStarts: PRO_RATA"), "pro-rata.yaml");
        var d = RefundPolicy.decide(paid(), proRata, LocalDate.of(2026, 3, 31), List.of());

        // HOSPITAL 100.00 × 275 / 365 = 75.342… → 75.34; ACCIDENT 30.00 × 275 / 365 = 22.602… → 22.60
        assertThat(d.refund()).isEqualTo(Money.of("97.94"));
        // the union paid 20.00 of 130.00: 97.94 × 20 / 130 = 15.067… → 15.07
        assertThat(d.toSubsidy()).isEqualTo(Money.of("15.07"));
        assertThat(d.toPayer()).isEqualTo(Money.of("82.87"));
    }

    @Test
    void anItemsOwnRuleWinsOverTheVersions() {
        CatalogueVersion accidentOnly = TestCatalogue.read(TestCatalogue.hb2026Yaml().replace("""
                  - code: ACCIDENT
                """, """
                  - code: ACCIDENT
                    refund: {afterCoverStarts: PRO_RATA}
                """), "accident-pro-rata.yaml");
        assertThat(accidentOnly.refundRule("ACCIDENT").afterCoverStarts()).isEqualTo(RefundRule.AfterCoverStarts.PRO_RATA);

        var d = RefundPolicy.decide(paid(), accidentOnly, LocalDate.of(2026, 3, 31), List.of());

        assertThat(d.refund()).isEqualTo(Money.of("22.60"));
    }

    @Test
    void unpaidIsCancelledWithoutRefundAndAClaimOrAGiftRefuses() {
        var awaiting = enrolment(EnrolmentRepository.Status.AWAITING_PAYMENT, List.of(
                new Coverage("HOSPITAL", "STD", 1, null, null, Money.of("100.00"), false)), Money.of("100.00"), Money.ZERO);
        assertThat(RefundPolicy.decide(awaiting, DEFAULT, FROM, List.of()).stage()).isEqualTo(RefundPolicy.Stage.UNPAID);
        assertThat(RefundPolicy.decide(awaiting, DEFAULT, FROM, List.of()).refund()).isEqualTo(Money.ZERO);

        var blocked = RefundPolicy.decide(paid(), DEFAULT, FROM.minusDays(1), List.of("申领 #7（审核中）"));
        assertThat(blocked.allowed()).isFalse();
        assertThat(blocked.refusal()).isEqualTo("该保障已有申领（申领 #7（审核中）），已支付或正在办理，不能退保");

        var gift = enrolment(EnrolmentRepository.Status.IN_FORCE, List.of(
                new Coverage("GIG_ACCIDENT", "STD", 1, FROM, TO, Money.ZERO, false)), Money.ZERO, Money.ZERO);
        assertThat(RefundPolicy.decide(gift, DEFAULT, FROM.minusDays(1), List.of()).refusal()).contains("赠送保障");
    }

    private static EnrolmentRepository.Stored paid() {
        return enrolment(EnrolmentRepository.Status.IN_FORCE, List.of(
                new Coverage("HOSPITAL", "STD", 1, FROM, TO, Money.of("100.00"), false),
                new Coverage("ACCIDENT", "STD", 1, FROM, TO, Money.of("30.00"), false)), Money.of("110.00"), Money.of("20.00"));
    }

    private static EnrolmentRepository.Stored enrolment(EnrolmentRepository.Status status, List<Coverage> coverages, Money unit,
                                                        Money union) {
        return new EnrolmentRepository.Stored(1, 2, 3L, "/1/2/3/u3/", "HB-2026", status == EnrolmentRepository.Status.IN_FORCE
                ? FROM.minusDays(1) : null, coverages, unit.plus(union), new Funding("UNIT_PAYS_WITH_SUBSIDY", unit, union, Money.ZERO),
                Money.ZERO, null, 9, status, 4L);
    }
}
