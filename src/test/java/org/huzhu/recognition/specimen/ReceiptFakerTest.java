package org.huzhu.recognition.specimen;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.huzhu.recognition.specimen.ReceiptTruth.DocumentType;
import org.huzhu.recognition.specimen.ReceiptTruth.FeeLine;
import org.huzhu.shared.IdNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every made-up receipt passes the checks of docs/receipts.md exactly, for 500 seeds. */
class ReceiptFakerTest {

    private static final Set<String> STANDARD_ITEMS = Set.of("床位费", "诊察费", "检查费", "化验费", "治疗费",
            "手术费", "护理费", "卫生材料费", "西药费", "中成药费", "中草药费", "其他费");

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void feeLinesAndPaymentsAddUpToTheTotalToTheFen(long seed) {
        ReceiptTruth receipt = ReceiptFaker.receipt(seed);
        BigDecimal total = money(receipt.total());

        assertThat(receipt.lines()).hasSizeBetween(3, 12);
        assertThat(receipt.lines()).extracting(FeeLine::name).doesNotHaveDuplicates().allMatch(STANDARD_ITEMS::contains);
        assertThat(receipt.lines().stream().map(line -> money(line.amount())).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(total);
        assertThat(money(receipt.fundPaid()).add(money(receipt.otherPaid())).add(money(receipt.personalAccountPaid()))
                .add(money(receipt.cashPaid()))).isEqualTo(total);
        assertThat(money(receipt.selfPaid()).add(money(receipt.selfFunded()))).isLessThanOrEqualTo(money(receipt.cashPaid()));
        assertThat(total).isBetween(new BigDecimal("30.00"), new BigDecimal("99999.99"));
        assertThat(receipt.printed().totalInCapitals()).isEqualTo(CapitalAmount.of(total));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void datesAreRealOrderedAndIn2025Or2026(long seed) {
        ReceiptTruth receipt = ReceiptFaker.receipt(seed);
        LocalDate issued = LocalDate.parse(receipt.issueDate());
        List<LocalDate> treatment = receipt.inpatient()
                ? List.of(LocalDate.parse(receipt.admissionDate()), LocalDate.parse(receipt.dischargeDate()))
                : List.of(LocalDate.parse(receipt.visitDate()));

        assertThat(treatment).isSorted().allMatch(day -> !day.isAfter(issued) && day.getYear() >= 2025);
        assertThat(issued.getYear()).isBetween(2025, 2026);
        assertThat(receipt.inpatient() ? receipt.visitDate() : receipt.admissionDate()).isNull();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void codesHaveTheirDigitCountsAndNamesLookChinese(long seed) {
        ReceiptTruth receipt = ReceiptFaker.receipt(seed);

        assertThat(receipt.invoiceCode()).matches("42\\d{6}");
        assertThat(receipt.invoiceNumber()).matches("\\d{10}");
        assertThat(receipt.checkCode()).matches("[0-9a-f]{6}");
        assertThat(receipt.payerName()).matches("\\p{IsHan}{2,3}");
        assertThat(receipt.hospital()).matches("\\p{IsHan}+(医院|卫生院|中心|诊所)");
        assertThat(IdNumber.parse(receipt.printed().payerId()).value()).isEqualTo(receipt.printed().payerId());
        assertThat(receipt.fields().values()).allMatch(value -> !value.isBlank());
        assertThat(List.of(receipt.total(), receipt.fundPaid(), receipt.otherPaid(), receipt.personalAccountPaid(),
                receipt.cashPaid(), receipt.selfPaid(), receipt.selfFunded())).allMatch(value -> value.matches("\\d+\\.\\d{2}"));
    }

    @Test
    void theSameSeedGivesTheSameReceipt() {
        assertThat(ReceiptFaker.receipt(42)).isEqualTo(ReceiptFaker.receipt(42));
        assertThat(ReceiptFaker.receipt(42)).isNotEqualTo(ReceiptFaker.receipt(43));
    }

    @Test
    void makesBothKindsOfReceiptWithLeadingZerosAndLongHospitalNames() {
        List<ReceiptTruth> receipts = seeds().mapToObj(ReceiptFaker::receipt).toList();

        assertThat(receipts).extracting(ReceiptTruth::documentType)
                .containsOnly(DocumentType.INPATIENT_RECEIPT, DocumentType.OUTPATIENT_RECEIPT);
        assertThat(receipts).anyMatch(receipt -> receipt.invoiceNumber().startsWith("00"));
        assertThat(receipts).anyMatch(receipt -> receipt.hospital().length() >= 16);
        assertThat(receipts).anyMatch(receipt -> receipt.lines().size() == 12);
        assertThat(receipts).anyMatch(receipt -> money(receipt.total()).compareTo(new BigDecimal("10000")) > 0);
        assertThat(receipts).anyMatch(receipt -> money(receipt.otherPaid()).signum() > 0);
    }

    @Test
    void apiFieldsAreNamedAsTheContractNamesThem() {
        ReceiptTruth inpatient = seeds().mapToObj(ReceiptFaker::receipt).filter(ReceiptTruth::inpatient).findFirst().orElseThrow();

        assertThat(inpatient.fields()).containsOnlyKeys("invoiceCode", "invoiceNumber", "checkCode", "issueDate",
                "payerName", "hospital", "admissionDate", "dischargeDate", "total", "fundPaid", "otherPaid",
                "personalAccountPaid", "cashPaid", "selfPaid", "selfFunded");
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
