package org.huzhu.recognition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.huzhu.recognition.ReceiptReading.Value;

/**
 * The checks that catch misreads (docs/receipts.md), as one policy with coded reasons. A value of
 * the wrong form (digit counts, impossible dates, amounts without two decimals) is dropped; values
 * that contradict each other (amounts that do not add up, dates out of order after the issue
 * date) are kept as read but flagged: a warning, and for OCR half the confidence. Admission after
 * discharge drops both dates. No value is ever recomputed from the others. Text from a PDF text
 * layer or an OFD is exact, so its confidence stays 1, but the same checks run and warn.
 */
final class ReceiptChecks {

    /** Why a value was dropped or flagged. */
    enum Reason {
        NOT_DIGITS, WRONG_DIGIT_COUNT, NOT_A_CHECK_CODE, NOT_A_DATE, IMPOSSIBLE_DATE, NOT_AN_AMOUNT,
        NOT_A_NAME, NOT_A_HOSPITAL, ADMISSION_AFTER_DISCHARGE, AFTER_ISSUE_DATE, TOTAL_NOT_SUM_OF_PAYMENTS,
        SELF_PAY_OVER_CASH, SELF_PAY_OVER_ALL, LINES_NOT_TOTAL
    }

    /** A check that failed: the fields concerned, whether they are dropped, and the worker's warning. */
    record Finding(Reason reason, boolean drop, List<ReceiptField> fields, String warning) {}

    static final double FLAGGED = 0.5;

    static final List<ReceiptField> PAYMENTS = List.of(ReceiptField.FUND_PAID, ReceiptField.OTHER_PAID,
            ReceiptField.PERSONAL_ACCOUNT_PAID, ReceiptField.CASH_PAID);
    static final List<ReceiptField> AMOUNTS = List.of(ReceiptField.TOTAL, ReceiptField.FUND_PAID, ReceiptField.OTHER_PAID,
            ReceiptField.PERSONAL_ACCOUNT_PAID, ReceiptField.CASH_PAID, ReceiptField.SELF_PAID, ReceiptField.SELF_FUNDED);
    private static final List<ReceiptField> DATES = List.of(ReceiptField.ISSUE_DATE, ReceiptField.ADMISSION_DATE,
            ReceiptField.DISCHARGE_DATE, ReceiptField.VISIT_DATE);

    private ReceiptChecks() {
    }

    static Recognition apply(ReceiptReading reading, TextSource source) {
        Map<ReceiptField, Value> values = new EnumMap<>(ReceiptField.class);
        values.putAll(reading.fields());
        List<String> warnings = new ArrayList<>(reading.warnings());
        List<Finding> findings = new ArrayList<>();
        forms(values, findings);
        if (source == TextSource.OCR) surname(values, findings);
        settle(values, findings, warnings);
        dateOrder(values, findings);
        if (source == TextSource.OCR) selfPayOverAll(values, findings);
        settle(values, findings, warnings);
        boolean totalCorroborated = sums(values, reading, findings);
        lines(values, reading, totalCorroborated, findings);
        settle(values, findings, warnings);
        Map<ReceiptField, Double> confidence = new EnumMap<>(ReceiptField.class);
        values.forEach((field, value) -> confidence.put(field, source == TextSource.OCR ? value.confidence() : 1.0));
        for (Finding finding : findings) {
            warnings.add(finding.warning());
            if (source != TextSource.OCR) continue;
            for (ReceiptField field : finding.fields()) confidence.computeIfPresent(field, (f, c) -> c * FLAGGED);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Double> confidences = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            fields.put(field.key(), value.text());
            confidences.put(field.key(), Math.round(confidence.get(field) * 100) / 100.0);
        });
        return new Recognition(reading.kind(), source, fields, confidences, warnings, reading.lines());
    }

    /** The digits of an invoice's code (票据代码) and of its number (票据号码). */
    static final int CODE_DIGITS = 8, NUMBER_DIGITS = 10;

    /** The fields of codes: the invoice's code, its number and its check code. */
    static final Set<ReceiptField> CODES = Set.of(ReceiptField.INVOICE_CODE, ReceiptField.INVOICE_NUMBER, ReceiptField.CHECK_CODE);

    /** A check code: six characters of hexadecimal. */
    static final Pattern CHECK_CODE = Pattern.compile("[0-9a-f]{6}");

    /**
     * The code field a code as spelled ({@link FieldText#code}, {@link FieldText#checkCode}) has the shape of: eight digits
     * the invoice's code (unless they are a date, {@link #compactDate}), ten its number, six of hexadecimal with a letter in
     * them its check code; null for any other.
     */
    static ReceiptField codeFieldOfShape(String code) {
        if (code.chars().allMatch(Character::isDigit)) {
            if (code.length() == CODE_DIGITS) return compactDate(code) ? null : ReceiptField.INVOICE_CODE;
            return code.length() == NUMBER_DIGITS ? ReceiptField.INVOICE_NUMBER : null;
        }
        return CHECK_CODE.matcher(code).matches() ? ReceiptField.CHECK_CODE : null;
    }

    private static final Pattern COMPACT_DAY = Pattern.compile("20\\d{6}");

    /**
     * Whether eight digits are a day of this century written without separators (20260212): a date, never an invoice's
     * code, which begins with its province's code, 11 to 65, and no province's is 20. A settlement statement's 结算日期
     * 20260212 under the seal's ring, its label unread, was taken for a code and no date was looked for.
     */
    static boolean compactDate(String digits) {
        return COMPACT_DAY.matcher(digits).matches() && parse(FieldText.date(digits)) != null;
    }

    /** What each field must look like: a finding drops the value, except for names that are only unusual, which are flagged. */
    static void forms(Map<ReceiptField, Value> values, List<Finding> findings) {
        digits(values, ReceiptField.INVOICE_CODE, CODE_DIGITS, findings);
        digits(values, ReceiptField.INVOICE_NUMBER, NUMBER_DIGITS, findings);
        Value check = values.get(ReceiptField.CHECK_CODE);
        if (check != null && !CHECK_CODE.matcher(check.text()).matches()) {
            findings.add(new Finding(Reason.NOT_A_CHECK_CODE, true, List.of(ReceiptField.CHECK_CODE),
                    "校验码应为 6 位（0–9、a–f），读到的不符，已舍弃"));
        }
        for (ReceiptField field : DATES) {
            Value date = values.get(field);
            if (date == null) continue;
            if (!date.text().matches("\\d{4}-\\d{2}-\\d{2}")) {
                findings.add(new Finding(Reason.NOT_A_DATE, true, List.of(field), field.chinese() + "不是日期，已舍弃"));
            } else if (parse(date.text()) == null) {
                findings.add(new Finding(Reason.IMPOSSIBLE_DATE, true, List.of(field),
                        field.chinese() + "不是真实的日期（" + date.text() + "），已舍弃"));
            }
        }
        Value payer = values.get(ReceiptField.PAYER_NAME);
        if (payer != null && !HAN_NAME.matcher(payer.text()).matches()) {
            // digits, Latin letters or brackets are never part of a name: a label or a number read into it
            findings.add(new Finding(Reason.NOT_A_NAME, true, List.of(ReceiptField.PAYER_NAME), "交款人姓名读到了非汉字字符，已舍弃"));
        } else if (payer != null && !usual(ReceiptField.PAYER_NAME, payer.text())) {
            findings.add(new Finding(Reason.NOT_A_NAME, false, List.of(ReceiptField.PAYER_NAME), "交款人姓名读到的不像 2–4 个汉字的姓名，请核对"));
        }
        Value hospital = values.get(ReceiptField.HOSPITAL);
        if (hospital != null && (hospital.text().matches(".*[\\p{Alnum}&&[^\\p{IsHan}]].*") || !hospital.text().matches(".*\\p{IsHan}{2,}.*"))) {
            // Latin letters or digits, or fewer than two Chinese characters in a row: a fragment of the label or the seal
            findings.add(new Finding(Reason.NOT_A_HOSPITAL, true, List.of(ReceiptField.HOSPITAL), "收款单位读到的是残缺或混入其他字符的文字，已舍弃"));
        } else if (hospital != null && ENDING_ALONE.matcher(hospital.text()).matches()) {
            // the ending an institution's name ends with and nothing before it: the name itself lost (under the seal)
            findings.add(new Finding(Reason.NOT_A_HOSPITAL, true, List.of(ReceiptField.HOSPITAL), "收款单位只读到医疗机构名称的结尾，名称的其余部分未能识别，已舍弃"));
        } else if (hospital != null && !INSTITUTION_WORD.matcher(hospital.text()).find()) {
            // no 医, 院, 中心 … at all: a person's name (收款人, 复核人) beside a label not known, never a hospital
            findings.add(new Finding(Reason.NOT_A_HOSPITAL, true, List.of(ReceiptField.HOSPITAL), "收款单位读到的不是医疗机构名称，已舍弃"));
        } else if (hospital != null && !usual(ReceiptField.HOSPITAL, hospital.text())) {
            findings.add(new Finding(Reason.NOT_A_HOSPITAL, false, List.of(ReceiptField.HOSPITAL), "收款单位读到的不像医疗机构名称，请核对"));
        }
        for (ReceiptField field : AMOUNTS) {
            Value amount = values.get(field);
            if (amount == null || FieldText.isMoney(amount.text())) continue;
            findings.add(new Finding(Reason.NOT_AN_AMOUNT, true, List.of(field), FieldText.leadingZero(amount.text())
                    ? field.chinese() + "读作 " + amount.text() + "，金额不以 0 开头，可能缺了前几位，已舍弃，请核对原件"
                    : field.chinese() + "不是两位小数的金额，已舍弃"));
        }
    }

    /**
     * A payer's name OCR read that does not begin with a surname ({@link Surnames}) is left out: its first character was
     * misread. Exact text from a PDF or OFD is not judged so.
     */
    static void surname(Map<ReceiptField, Value> values, List<Finding> findings) {
        Value payer = values.get(ReceiptField.PAYER_NAME);
        if (payer == null || !HAN_NAME.matcher(payer.text()).matches() || Surnames.begins(payer.text())) return;
        findings.add(new Finding(Reason.NOT_A_NAME, true, List.of(ReceiptField.PAYER_NAME),
                "交款人读作「" + payer.text() + "」，不以常见的姓开头，可能是识别误差，已舍弃，请核对"));
    }

    /** Chinese characters and the middle dot only: what a name is written with. */
    private static final Pattern HAN_NAME = Pattern.compile("[\\p{IsHan}·]+");
    private static final Pattern INSTITUTION_WORD = Pattern.compile("[医院诊]|中心|卫生|保健");
    private static final Pattern USUAL_NAME = Pattern.compile("\\p{IsHan}{2,4}|\\p{IsHan}{1,8}·\\p{IsHan}{1,8}");
    /**
     * An institution's ending alone (医院, 卫生院, 诊所 …), which names none: set 2's scan read the 医院 the seal left of
     * 武汉大学人民医院 as the whole name.
     */
    private static final Pattern ENDING_ALONE = Pattern.compile("(" + FieldText.HOSPITAL_ENDINGS + ")");

    private static final Pattern USUAL_HOSPITAL =
            Pattern.compile("\\p{IsHan}{2,}(" + FieldText.HOSPITAL_ENDINGS + ")(\\(\\p{IsHan}+\\))?");

    /** Whether a payer's name or a hospital looks like one: 2–4 Chinese characters; a name with one of the usual endings. */
    static boolean usual(ReceiptField field, String text) {
        return switch (field) {
            case PAYER_NAME -> USUAL_NAME.matcher(text).matches();
            case HOSPITAL -> USUAL_HOSPITAL.matcher(text).matches();
            default -> true;
        };
    }

    private static void digits(Map<ReceiptField, Value> values, ReceiptField field, int count, List<Finding> findings) {
        Value value = values.get(field);
        if (value == null) return;
        String text = value.text();
        if (!text.matches("\\d+")) {
            findings.add(new Finding(Reason.NOT_DIGITS, true, List.of(field), field.chinese() + "应为 " + count + " 位数字，读到的含有其他字符，已舍弃"));
        } else if (text.length() != count) {
            findings.add(new Finding(Reason.WRONG_DIGIT_COUNT, true, List.of(field),
                    field.chinese() + "应为 " + count + " 位数字，读到 " + text.length() + " 位，已舍弃"));
        }
    }

    /** Admission after discharge drops both; a stay or visit after the issue date is flagged. */
    static void dateOrder(Map<ReceiptField, Value> values, List<Finding> findings) {
        LocalDate admission = date(values, ReceiptField.ADMISSION_DATE);
        LocalDate discharge = date(values, ReceiptField.DISCHARGE_DATE);
        LocalDate issued = date(values, ReceiptField.ISSUE_DATE);
        LocalDate visit = date(values, ReceiptField.VISIT_DATE);
        if (admission != null && discharge != null && admission.isAfter(discharge)) {
            findings.add(new Finding(Reason.ADMISSION_AFTER_DISCHARGE, true, List.of(ReceiptField.ADMISSION_DATE, ReceiptField.DISCHARGE_DATE),
                    "入院日期晚于出院日期，两者都已舍弃"));
        }
        if (discharge != null && issued != null && discharge.isAfter(issued) && (admission == null || !admission.isAfter(discharge))) {
            findings.add(new Finding(Reason.AFTER_ISSUE_DATE, false, List.of(ReceiptField.DISCHARGE_DATE, ReceiptField.ISSUE_DATE),
                    "出院日期晚于开票日期，请核对"));
        }
        if (visit != null && issued != null && visit.isAfter(issued)) {
            findings.add(new Finding(Reason.AFTER_ISSUE_DATE, false, List.of(ReceiptField.VISIT_DATE, ReceiptField.ISSUE_DATE),
                    "就诊日期晚于开票日期，请核对"));
        }
    }

    /**
     * 金额合计 = 统筹 + 其他 + 个人账户 + 个人现金 (to the fen), and 个人自付 + 个人自费 ≤ 个人现金. A sum
     * is checked only when every amount in it was read (其他支付 counts as nothing when the receipt
     * has no such label). Answers whether the total was confirmed by the payments.
     */
    static boolean sums(Map<ReceiptField, Value> values, ReceiptReading reading, List<Finding> findings) {
        boolean corroborated = false;
        BigDecimal paid = paid(values, reading);
        if (paid != null && values.containsKey(ReceiptField.TOTAL)) {
            List<ReceiptField> involved = new ArrayList<>(List.of(ReceiptField.TOTAL));
            PAYMENTS.stream().filter(values::containsKey).forEach(involved::add);
            BigDecimal total = amount(values, ReceiptField.TOTAL);
            if (total.compareTo(paid) == 0) {
                corroborated = true;
            } else {
                findings.add(new Finding(Reason.TOTAL_NOT_SUM_OF_PAYMENTS, false, involved,
                        "金额合计 " + total.toPlainString() + " 与各项支付之和 " + paid.toPlainString() + " 不符，请核对"));
            }
        }
        if (values.containsKey(ReceiptField.SELF_PAID) && values.containsKey(ReceiptField.SELF_FUNDED) && values.containsKey(ReceiptField.CASH_PAID)) {
            BigDecimal own = amount(values, ReceiptField.SELF_PAID).add(amount(values, ReceiptField.SELF_FUNDED));
            BigDecimal cash = amount(values, ReceiptField.CASH_PAID);
            if (own.compareTo(cash) > 0) {
                findings.add(new Finding(Reason.SELF_PAY_OVER_CASH, false,
                        List.of(ReceiptField.SELF_PAID, ReceiptField.SELF_FUNDED, ReceiptField.CASH_PAID),
                        "个人自付与个人自费之和 " + own.toPlainString() + " 超过个人现金支付 " + cash.toPlainString() + "，请核对"));
            }
        }
        return corroborated;
    }

    /**
     * 个人自付 or 个人自费 read by OCR that alone is more than both the total and 个人现金支付 as read is left out: each is a
     * part of the bill and of what the worker paid in cash, so a read larger than both gained digits (set 1's template
     * scanned, seed 29: 72231402.13 for 1402.13 beside a total of 14232.65 and cash of 7693.65), unless both of those
     * were misread small. Exact text from a PDF or OFD keeps it, flagged by {@link #sums}.
     */
    static void selfPayOverAll(Map<ReceiptField, Value> values, List<Finding> findings) {
        if (!values.containsKey(ReceiptField.TOTAL) || !values.containsKey(ReceiptField.CASH_PAID)) return;
        BigDecimal total = amount(values, ReceiptField.TOTAL), cash = amount(values, ReceiptField.CASH_PAID);
        for (ReceiptField field : List.of(ReceiptField.SELF_PAID, ReceiptField.SELF_FUNDED)) {
            if (!values.containsKey(field)) continue;
            BigDecimal own = amount(values, field);
            if (own.compareTo(total) <= 0 || own.compareTo(cash) <= 0) continue;
            findings.add(new Finding(Reason.SELF_PAY_OVER_ALL, true, List.of(field), field.chinese() + "读作 " + own.toPlainString()
                    + "，比金额合计 " + total.toPlainString() + " 和个人现金支付 " + cash.toPlainString() + " 都大，不可能，已舍弃，请核对原件"));
        }
    }

    /** Whether 其他支付 is neither among the values nor labelled on the page: the sum then counts it as nothing. */
    static boolean otherAbsent(Map<ReceiptField, Value> values, ReceiptReading reading) {
        return !values.containsKey(ReceiptField.OTHER_PAID) && !reading.labelled().contains(ReceiptField.OTHER_PAID);
    }

    /** What the payments add up to when every one of them was read (其他支付 counts as nothing when not labelled), else null. */
    static BigDecimal paid(Map<ReceiptField, Value> values, ReceiptReading reading) {
        boolean otherAbsent = otherAbsent(values, reading);
        if (!PAYMENTS.stream().allMatch(f -> values.containsKey(f) || f == ReceiptField.OTHER_PAID && otherAbsent)) return null;
        BigDecimal paid = BigDecimal.ZERO;
        for (ReceiptField f : PAYMENTS) if (values.containsKey(f)) paid = paid.add(amount(values, f));
        return paid;
    }

    /** What the fee lines of a reading add up to. */
    static BigDecimal feeSum(ReceiptReading reading) {
        return reading.lines().stream().map(l -> new BigDecimal(l.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The fee lines add up to the total when every line was read; the total is doubted unless the payments confirm it.
     * It is left out when the evidence against it is conclusive: the payments add up to what the lines do, or the total
     * is the lines' sum with digits lost (1.88 for 144.88, 5.22 for 5488.22: a seal's star over them, which no second
     * look gets back). Nothing is put in its place; the two sums only say the total read is wrong.
     */
    static void lines(Map<ReceiptField, Value> values, ReceiptReading reading, boolean totalCorroborated, List<Finding> findings) {
        if (!reading.allLinesRead() || reading.lines().isEmpty() || !values.containsKey(ReceiptField.TOTAL)) return;
        BigDecimal sum = feeSum(reading);
        BigDecimal total = amount(values, ReceiptField.TOTAL);
        if (sum.compareTo(total) == 0) return;
        BigDecimal paid = paid(values, reading);
        boolean paymentsAgree = paid != null && paid.compareTo(sum) == 0;
        boolean digitsLost = digitsLost(total, sum);
        if (!totalCorroborated && (paymentsAgree || digitsLost)) {
            findings.removeIf(f -> f.reason() == Reason.TOTAL_NOT_SUM_OF_PAYMENTS);
            findings.add(new Finding(Reason.LINES_NOT_TOTAL, true, List.of(ReceiptField.TOTAL), "金额合计读到 " + total.toPlainString()
                    + (paymentsAgree ? "，收费项目金额之和与各项支付之和都是 " : "，像是收费项目金额之和缺了前几位：") + sum.toPlainString()
                    + "，已舍弃，请核对原件"));
        } else {
            findings.add(new Finding(Reason.LINES_NOT_TOTAL, false, totalCorroborated ? List.of() : List.of(ReceiptField.TOTAL),
                    "收费项目金额之和 " + sum.toPlainString() + " 与金额合计 " + total.toPlainString() + " 不符，请核对收费明细"));
        }
    }

    /** Whether {@code read} is {@code whole} with digits of its yuan lost: the same fen, the yuan's digits in order among whole's. */
    static boolean digitsLost(BigDecimal read, BigDecimal whole) {
        String r = read.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
        String w = whole.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
        if (read.compareTo(whole) >= 0 || !r.substring(r.length() - 3).equals(w.substring(w.length() - 3))) return false;
        String yuan = r.substring(0, r.length() - 3);
        String wholeYuan = w.substring(0, w.length() - 3);
        int at = 0;
        for (char c : yuan.toCharArray()) {
            at = wholeYuan.indexOf(c, at) + 1;
            if (at == 0) return false;
        }
        return true;
    }

    /** Drops what the findings so far say to drop, with their warnings; flags stay for the end. */
    private static void settle(Map<ReceiptField, Value> values, List<Finding> findings, List<String> warnings) {
        for (Finding finding : findings) {
            if (finding.drop()) {
                finding.fields().forEach(values::remove);
                warnings.add(finding.warning());
            }
        }
        findings.removeIf(Finding::drop);
    }

    private static BigDecimal amount(Map<ReceiptField, Value> values, ReceiptField field) {
        return new BigDecimal(values.get(field).text());
    }

    static LocalDate date(Map<ReceiptField, Value> values, ReceiptField field) {
        Value value = values.get(field);
        return value == null ? null : parse(value.text());
    }

    /**
     * A receipt's day, {@code yyyy-MM-dd}: a real date of this century, else null. No 医疗收费票据 was issued before 2000
     * (the electronic ones since 2019), and a year outside it is a misread: 2025-04-11 at 300 dpi in a Song face came
     * back as 0235-04-11, its 20 read as one 0 and a 5 for the 2.
     */
    static LocalDate parse(String text) {
        try {
            String[] parts = text.split("-");
            if (parts.length != 3) return null;
            LocalDate day = LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            return day.getYear() >= 2000 && day.getYear() <= 2099 ? day : null;
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }
}
