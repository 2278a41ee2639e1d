package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huzhu.recognition.ReceiptReading.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptChecksTest {

    /** The receipt of docs/receipts.md, all values as OCR read them with confidence 0.9. */
    private static Map<ReceiptField, Value> docsReceipt() {
        Map<ReceiptField, Value> values = new EnumMap<>(ReceiptField.class);
        TestReceipt.inpatient().fields.forEach((key, text) -> values.put(field(key), new Value(text, 0.9)));
        return values;
    }

    private static ReceiptField field(String key) {
        for (ReceiptField f : ReceiptField.values()) if (f.key().equals(key)) return f;
        throw new IllegalArgumentException(key);
    }

    private static Recognition check(Map<ReceiptField, Value> values, TextSource source) {
        return check(values, source, TestReceipt.inpatient().lines, true);
    }

    private static Recognition check(Map<ReceiptField, Value> values, TextSource source, List<FeeLine> lines, boolean allLinesRead) {
        Set<ReceiptField> labelled = EnumSet.copyOf(values.keySet());
        labelled.add(ReceiptField.OTHER_PAID);
        return ReceiptChecks.apply(new ReceiptReading(DocumentKind.INPATIENT_RECEIPT, values, labelled, lines, allLinesRead, List.of()), source);
    }

    private static Map<ReceiptField, Value> with(Map<ReceiptField, Value> values, ReceiptField field, String text) {
        values.put(field, new Value(text, 0.9));
        return values;
    }

    @Test
    void keepsAConsistentReceiptWhole() {
        Recognition r = check(docsReceipt(), TextSource.OCR);

        assertThat(r.fields()).isEqualTo(TestReceipt.inpatient().fields);
        assertThat(r.confidence()).hasSize(r.fields().size()).allSatisfy((k, c) -> assertThat(c).isEqualTo(0.9));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.fields().keySet()).containsExactly("invoiceCode", "invoiceNumber", "checkCode", "issueDate", "payerName",
                "hospital", "admissionDate", "dischargeDate", "total", "fundPaid", "otherPaid", "personalAccountPaid", "cashPaid",
                "selfPaid", "selfFunded");
    }

    @ParameterizedTest(name = "total {0}: flagged {1}")
    @CsvSource({"23456.78, false", "23456.79, true", "23456.77, true", "23465.78, true"})
    void flagsTheAmountsWhenTheTotalIsNotTheSumOfThePaymentsToTheCent(String total, boolean flagged) {
        Recognition r = check(with(docsReceipt(), ReceiptField.TOTAL, total), TextSource.OCR,
                List.of(new FeeLine("床位费", total)), true);

        assertThat(r.fields()).containsEntry("total", total).containsEntry("fundPaid", "15000.00");
        double expected = flagged ? 0.45 : 0.9;
        for (String amount : List.of("total", "fundPaid", "otherPaid", "personalAccountPaid", "cashPaid")) {
            assertThat(r.confidence().get(amount)).as(amount).isEqualTo(expected);
        }
        assertThat(r.confidence().get("invoiceCode")).isEqualTo(0.9);
        if (flagged) {
            assertThat(r.warnings()).singleElement().asString().contains("金额合计", total, "23456.78", "不符");
        } else {
            assertThat(r.warnings()).isEmpty();
        }
    }

    @Test
    void neverRecomputesAMissingOrWrongAmountFromTheOthers() {
        Map<ReceiptField, Value> values = docsReceipt();
        values.remove(ReceiptField.CASH_PAID);
        Recognition missing = check(values, TextSource.OCR);
        Recognition wrong = check(with(docsReceipt(), ReceiptField.CASH_PAID, "8456.87"), TextSource.OCR);

        assertThat(missing.fields()).doesNotContainKey("cashPaid");
        assertThat(missing.warnings()).isEmpty();
        assertThat(wrong.fields()).containsEntry("cashPaid", "8456.87");
        assertThat(wrong.confidence().get("cashPaid")).isEqualTo(0.45);
    }

    @Test
    void checksTheSumWithoutOtherFundsWhenTheReceiptHasNoSuchLabel() {
        Map<ReceiptField, Value> values = docsReceipt();
        values.remove(ReceiptField.OTHER_PAID);
        Set<ReceiptField> labelled = EnumSet.copyOf(values.keySet());
        ReceiptReading reading = new ReceiptReading(DocumentKind.INPATIENT_RECEIPT, values, labelled, List.of(), false, List.of());
        Map<ReceiptField, Value> off = docsReceipt();
        off.remove(ReceiptField.OTHER_PAID);
        off.put(ReceiptField.TOTAL, new Value("23456.79", 0.9));
        ReceiptReading wrong = new ReceiptReading(DocumentKind.INPATIENT_RECEIPT, off, labelled, List.of(), false, List.of());

        assertThat(ReceiptChecks.apply(reading, TextSource.OCR).warnings()).isEmpty();
        assertThat(ReceiptChecks.apply(wrong, TextSource.OCR).warnings()).singleElement().asString().contains("不符");
    }

    @Test
    void doesNotCheckTheSumWhenOtherFundsWereLabelledButNotRead() {
        Map<ReceiptField, Value> values = with(docsReceipt(), ReceiptField.TOTAL, "99999.99");
        values.remove(ReceiptField.OTHER_PAID);

        Recognition r = check(values, TextSource.OCR, List.of(), false);

        assertThat(r.warnings()).isEmpty();
        assertThat(r.confidence().get("total")).isEqualTo(0.9);
    }

    @ParameterizedTest(name = "自付 {0} + 自费 {1} vs 现金 8456.78: flagged {2}")
    @CsvSource({"5000.00, 3456.78, false", "5000.00, 3456.79, true", "5000.01, 3456.78, true", "0.00, 0.00, false", "4000.00, 3456.78, false"})
    void flagsSelfPaymentsOverTheCashPaid(String selfPaid, String selfFunded, boolean flagged) {
        Recognition r = check(with(with(docsReceipt(), ReceiptField.SELF_PAID, selfPaid), ReceiptField.SELF_FUNDED, selfFunded), TextSource.OCR);

        assertThat(r.fields()).containsEntry("selfPaid", selfPaid).containsEntry("selfFunded", selfFunded);
        assertThat(r.confidence().get("selfPaid")).isEqualTo(flagged ? 0.45 : 0.9);
        assertThat(r.confidence().get("cashPaid")).isEqualTo(flagged ? 0.45 : 0.9);
        assertThat(r.warnings()).hasSize(flagged ? 1 : 0);
        if (flagged) assertThat(r.warnings().getFirst()).contains("个人自付", "个人现金支付");
    }

    /** The total is 23456.78 and the cash paid 8456.78: a self payment OCR read above both gained digits and is left out. */
    @ParameterizedTest(name = "{0} 自费 {1}: kept {2}")
    @CsvSource({"OCR, 72231402.13, false", "OCR, 23456.79, false", "OCR, 23456.78, true", "OCR, 8456.79, true",
            "PDF_TEXT, 72231402.13, true"})
    void dropsASelfPaymentOcrReadAboveBothTheTotalAndTheCashPaid(TextSource source, String selfFunded, boolean kept) {
        Recognition r = check(with(docsReceipt(), ReceiptField.SELF_FUNDED, selfFunded), source);

        assertThat(r.fields().containsKey("selfFunded")).isEqualTo(kept);
        assertThat(r.fields()).containsEntry("selfPaid", "5000.00").containsEntry("total", "23456.78").containsEntry("cashPaid", "8456.78");
        if (!kept) assertThat(r.warnings()).contains("个人自费读作 " + selfFunded + "，比金额合计 23456.78 和个人现金支付 8456.78 都大，不可能，已舍弃，请核对原件");
    }

    @ParameterizedTest(name = "{0} = {1}: kept {2}")
    @CsvSource({
        "invoiceCode, 42010126, true", "invoiceCode, 4201012, false", "invoiceCode, 420101266, false", "invoiceCode, 4201012X, false",
        "invoiceNumber, 0012345678, true", "invoiceNumber, 001234567, false", "invoiceNumber, 00123456789, false",
        "checkCode, fc0971, true", "checkCode, fc097, false", "checkCode, fg0971, false",
        "issueDate, 2026-05-12, true", "issueDate, 2026-02-30, false", "issueDate, 2026-13-01, false", "issueDate, 2026-05, false",
        "admissionDate, 2024-02-29, true", "admissionDate, 2026-02-29, false",
        "issueDate, 0235-04-11, false", "issueDate, 1999-12-31, false", "admissionDate, 2000-01-01, true",
        "visitDate, 2100-01-01, false",
        "fundPaid, 15000.00, true", "fundPaid, 15000.0, false", "fundPaid, 1500000, false",
        "fundPaid, 0.00, true", "fundPaid, 0044.87, false", "fundPaid, 00.00, false"})
    void dropsAValueOfTheWrongFormWithAWarning(String key, String text, boolean kept) {
        Map<ReceiptField, Value> values = with(docsReceipt(), field(key), text);
        // keep the payment sum out of the way of the form check
        values.remove(ReceiptField.TOTAL);

        Recognition r = check(values, TextSource.OFD, List.of(), false);

        if (kept) {
            assertThat(r.fields()).containsEntry(key, text);
            assertThat(r.warnings()).isEmpty();
        } else {
            assertThat(r.fields()).doesNotContainKey(key);
            assertThat(r.confidence()).doesNotContainKey(key);
            assertThat(r.warnings()).singleElement().asString().contains(field(key).chinese(), "已舍弃");
        }
    }

    @Test
    void saysAnAmountReadWithAZeroBeforeItsFirstDigitMayHaveLostItsFirstDigits() {
        Map<ReceiptField, Value> values = with(docsReceipt(), ReceiptField.FUND_PAID, "0044.87");
        values.remove(ReceiptField.TOTAL);

        Recognition r = check(values, TextSource.OCR);

        assertThat(r.fields()).doesNotContainKey("fundPaid");
        assertThat(r.warnings()).containsExactly("医保统筹基金支付读作 0044.87，金额不以 0 开头，可能缺了前几位，已舍弃，请核对原件");
    }

    @Test
    void saysHowManyDigitsWereReadWhenTheCountIsWrong() {
        Recognition r = check(with(with(docsReceipt(), ReceiptField.INVOICE_CODE, "4201012"), ReceiptField.INVOICE_NUMBER, "00123456789"),
                TextSource.OCR);

        assertThat(r.warnings()).containsExactly("票据代码应为 8 位数字，读到 7 位，已舍弃", "票据号码应为 10 位数字，读到 11 位，已舍弃");
    }

    @ParameterizedTest
    @CsvSource({"张伟", "欧阳明华", "买买提·艾力"})
    void dropsAHospitalThatNamesNoInstitutionAsAStaffNameBesideALabelNotKnown(String hospital) {
        Recognition r = check(with(docsReceipt(), ReceiptField.HOSPITAL, hospital), TextSource.PDF_TEXT);

        assertThat(r.fields()).doesNotContainKey("hospital");
        assertThat(r.warnings()).anyMatch(w -> w.contains("收款单位")).noneMatch(w -> w.contains(hospital));
    }

    /**
     * An institution's ending with nothing before it names no hospital (set 2's scan read only the 医院 the seal left of
     * 武汉大学人民医院): dropped, as a fragment is. A name that merely ends so, however short, is kept.
     */
    @ParameterizedTest(name = "{0}: kept {1}")
    @CsvSource({"医院, false", "卫生院, false", "诊所, false", "中心, false", "人民医院, true", "协和医院, true", "武汉市第一医院, true"})
    void dropsAHospitalThatIsAnInstitutionsEndingAlone(String hospital, boolean kept) {
        Recognition r = check(with(docsReceipt(), ReceiptField.HOSPITAL, hospital), TextSource.OCR);

        if (kept) {
            assertThat(r.fields()).containsEntry("hospital", hospital);
            assertThat(r.warnings()).noneMatch(w -> w.contains("已舍弃"));
        } else {
            assertThat(r.fields()).doesNotContainKey("hospital");
            assertThat(r.warnings()).containsExactly("收款单位只读到医疗机构名称的结尾，名称的其余部分未能识别，已舍弃");
        }
    }

    @ParameterizedTest(name = "{0} to {1}: kept {2}")
    @CsvSource({"2026-05-01, 2026-05-12, true", "2026-05-12, 2026-05-12, true", "2026-05-13, 2026-05-12, false"})
    void dropsBothDatesOfAStayThatEndsBeforeItBegins(String admission, String discharge, boolean kept) {
        Recognition r = check(with(with(docsReceipt(), ReceiptField.ADMISSION_DATE, admission), ReceiptField.DISCHARGE_DATE, discharge),
                TextSource.OCR);

        if (kept) {
            assertThat(r.fields()).containsEntry("admissionDate", admission).containsEntry("dischargeDate", discharge);
            assertThat(r.warnings()).isEmpty();
        } else {
            assertThat(r.fields()).doesNotContainKeys("admissionDate", "dischargeDate").containsKey("issueDate");
            assertThat(r.warnings()).containsExactly("入院日期晚于出院日期，两者都已舍弃");
        }
    }

    @ParameterizedTest
    @CsvSource({"2000-01-01, true", "2099-12-31, true", "1999-12-31, false", "2100-01-01, false", "0235-04-11, false", "2026-02-30, false"})
    void aReceiptsDayIsARealDateOfThisCentury(String text, boolean real) {
        assertThat(ReceiptChecks.parse(text) != null).isEqualTo(real);
    }

    @Test
    void flagsADischargeAfterTheIssueDate() {
        Recognition r = check(with(docsReceipt(), ReceiptField.DISCHARGE_DATE, "2026-05-13"), TextSource.OCR);

        assertThat(r.fields()).containsEntry("dischargeDate", "2026-05-13").containsEntry("issueDate", "2026-05-12");
        assertThat(r.confidence().get("dischargeDate")).isEqualTo(0.45);
        assertThat(r.confidence().get("issueDate")).isEqualTo(0.45);
        assertThat(r.warnings()).containsExactly("出院日期晚于开票日期，请核对");
    }

    @Test
    void flagsTheTotalWhenTheFeeLinesDoNotAddUpAndThePaymentsDoNotConfirmIt() {
        List<FeeLine> lines = List.of(new FeeLine("床位费", "450.00"), new FeeLine("西药费", "8200.00"));
        Map<ReceiptField, Value> unconfirmed = docsReceipt();
        unconfirmed.remove(ReceiptField.FUND_PAID);

        Recognition confirmed = check(docsReceipt(), TextSource.OCR, lines, true);
        Recognition doubted = check(unconfirmed, TextSource.OCR, lines, true);
        Recognition partial = check(unconfirmed, TextSource.OCR, lines, false);

        assertThat(confirmed.warnings()).singleElement().asString().contains("收费项目金额之和 8650.00");
        assertThat(confirmed.confidence().get("total")).isEqualTo(0.9);
        assertThat(doubted.confidence().get("total")).isEqualTo(0.45);
        assertThat(partial.warnings()).isEmpty();
    }

    @Test
    void dropsATotalWhenTheFeeLinesAndThePaymentsBothAddUpToAnotherAmount() {
        Recognition both = check(with(docsReceipt(), ReceiptField.TOTAL, "23465.78"), TextSource.OCR);
        Recognition linesOnly = check(with(docsReceipt(), ReceiptField.TOTAL, "23465.78"), TextSource.OCR,
                TestReceipt.inpatient().lines, false);

        assertThat(both.fields()).doesNotContainKey("total").containsEntry("cashPaid", "8456.78");
        assertThat(both.warnings()).containsExactly("金额合计读到 23465.78，收费项目金额之和与各项支付之和都是 23456.78，已舍弃，请核对原件");
        assertThat(both.confidence().get("fundPaid")).isEqualTo(0.9);
        assertThat(linesOnly.fields()).containsEntry("total", "23465.78");
        assertThat(linesOnly.confidence().get("total")).isEqualTo(0.45);
    }

    @Test
    void dropsATotalThatIsTheFeeLinesSumWithDigitsLostEvenWhenAPaymentWasNotRead() {
        Map<ReceiptField, Value> truncated = with(docsReceipt(), ReceiptField.TOTAL, "256.78");
        truncated.remove(ReceiptField.FUND_PAID);
        Map<ReceiptField, Value> otherFen = with(docsReceipt(), ReceiptField.TOTAL, "256.77");
        otherFen.remove(ReceiptField.FUND_PAID);

        assertThat(check(truncated, TextSource.OCR).fields()).doesNotContainKey("total");
        assertThat(check(truncated, TextSource.OCR).warnings()).containsExactly("金额合计读到 256.78，像是收费项目金额之和缺了前几位：23456.78，已舍弃，请核对原件");
        assertThat(check(otherFen, TextSource.OCR).fields()).containsEntry("total", "256.77");
    }

    @Test
    void dropsAPayerOcrReadThatBeginsWithNoSurnameButKeepsExactText() {
        Recognition ocr = check(with(docsReceipt(), ReceiptField.PAYER_NAME, "名敏"), TextSource.OCR);
        Recognition pdf = check(with(docsReceipt(), ReceiptField.PAYER_NAME, "名敏"), TextSource.PDF_TEXT);
        Recognition dotted = check(with(docsReceipt(), ReceiptField.PAYER_NAME, "买买提·艾力"), TextSource.OCR);

        assertThat(ocr.fields()).doesNotContainKey("payerName");
        assertThat(ocr.warnings()).containsExactly("交款人读作「名敏」，不以常见的姓开头，可能是识别误差，已舍弃，请核对");
        assertThat(pdf.fields()).containsEntry("payerName", "名敏");
        assertThat(dotted.fields()).containsEntry("payerName", "买买提·艾力");
    }

    @ParameterizedTest
    @CsvSource({"1.88, 144.88, true", "5.22, 5488.22, true", "28.59, 3828.59, true", "623.32, 6245.32, false",
            "144.88, 144.88, false", "14.88, 144.87, false", "41.88, 144.88, false", "0.50, 10.50, true", "1448.8, 144.88, false"})
    void tellsATotalWithDigitsOfItsYuanLost(String read, String whole, boolean lost) {
        assertThat(ReceiptChecks.digitsLost(new java.math.BigDecimal(read), new java.math.BigDecimal(whole))).isEqualTo(lost);
    }

    @Test
    void flagsANameThatIsNotTwoToFourChineseCharactersAndAHospitalThatDoesNotLookLikeOne() {
        Recognition r = check(with(with(docsReceipt(), ReceiptField.PAYER_NAME, "张三丰李四"), ReceiptField.HOSPITAL, "武汉市第一医"), TextSource.OCR);
        Recognition minority = check(with(with(docsReceipt(), ReceiptField.PAYER_NAME, "买买提·艾力"), ReceiptField.HOSPITAL, "恩施州妇幼保健院"),
                TextSource.OCR);

        assertThat(r.fields()).containsEntry("payerName", "张三丰李四").containsEntry("hospital", "武汉市第一医");
        assertThat(r.confidence().get("payerName")).isEqualTo(0.45);
        assertThat(r.confidence().get("hospital")).isEqualTo(0.45);
        assertThat(r.warnings()).hasSize(2);
        assertThat(minority.warnings()).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} / {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            统社会信用代码420802 | (章
            张3                  | 位(人
            ZHANG三              | 武汉市第一医院A
            张三)                | 院
            """)
    void dropsANameOrHospitalWithCharactersNoNameHas(String payer, String hospital) {
        Recognition r = check(with(with(docsReceipt(), ReceiptField.PAYER_NAME, payer), ReceiptField.HOSPITAL, hospital), TextSource.OCR);

        assertThat(r.fields()).doesNotContainKeys("payerName", "hospital");
        assertThat(r.warnings()).anyMatch(w -> w.contains("交款人")).anyMatch(w -> w.contains("收款单位"));
        assertThat(r.warnings()).noneMatch(w -> w.contains(payer));   // what was read is not repeated: it may be personal data
    }

    @Test
    void keepsExactTextFromAPdfOrOfdAtFullConfidenceButStillWarns() {
        Recognition r = check(with(docsReceipt(), ReceiptField.TOTAL, "23456.79"), TextSource.PDF_TEXT, List.of(), false);
        Recognition dropped = check(with(docsReceipt(), ReceiptField.INVOICE_CODE, "4201012"), TextSource.OFD);

        assertThat(r.fields()).containsEntry("total", "23456.79");
        assertThat(r.confidence()).allSatisfy((k, c) -> assertThat(c).isEqualTo(1.0));
        assertThat(r.warnings()).singleElement().asString().contains("不符");
        assertThat(dropped.fields()).doesNotContainKey("invoiceCode");
    }
}
