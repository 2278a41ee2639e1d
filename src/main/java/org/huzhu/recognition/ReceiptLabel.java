package org.huzhu.recognition;

import java.util.List;
import java.util.Set;

/**
 * The printed labels of the receipt form (docs/receipts.md), spelled as {@link TextLine} folds
 * them (ASCII brackets and colons, no spaces). Labels that fill no field still matter: a value
 * ends where the next label begins. How near a misread spelling may be is {@link LabelFinder}'s
 * business.
 */
enum ReceiptLabel {
    INVOICE_CODE(ReceiptField.INVOICE_CODE, "票据代码"),
    INVOICE_NUMBER(ReceiptField.INVOICE_NUMBER, "票据号码"),
    CHECK_CODE(ReceiptField.CHECK_CODE, "校验码"),
    ISSUE_DATE(ReceiptField.ISSUE_DATE, "开票日期", "开具日期", "结算日期"),
    PAYER_CREDIT_CODE(null, "交款人统一社会信用代码"),
    PAYER(ReceiptField.PAYER_NAME, "交款人(患者)", "交款人", "患者姓名", "病人姓名", "就诊人姓名", "参保人姓名", "姓名"),
    HOSPITAL(ReceiptField.HOSPITAL, "收款单位(章)", "收款单位", "开票单位(章)", "开票单位", "定点医疗机构名称",
            "定点医疗机构", "医疗机构名称", "医疗机构"),
    STAY(null, "住院时间", "住院日期", "住院期间"),
    ADMISSION(ReceiptField.ADMISSION_DATE, "入院日期", "入院时间"),
    DISCHARGE(ReceiptField.DISCHARGE_DATE, "出院日期", "出院时间"),
    VISIT_DATE(ReceiptField.VISIT_DATE, "就诊日期", "门诊日期", "就诊时间"),
    TOTAL_IN_WORDS(null, "金额合计(大写)", "(大写)"),
    TOTAL(ReceiptField.TOTAL, "(小写)", "医疗费用总额", "医疗费总额", "费用总额"),
    TOTAL_LINE(null, "金额合计", "合计"),
    FUND_PAID(ReceiptField.FUND_PAID, "医保统筹基金支付", "统筹基金支付"),
    OTHER_PAID(ReceiptField.OTHER_PAID, "其他基金支付", "其他支付", "大病保险及医疗救助"),
    PERSONAL_ACCOUNT_PAID(ReceiptField.PERSONAL_ACCOUNT_PAID, "个人账户支付", "账户支付"),
    CASH_PAID(ReceiptField.CASH_PAID, "个人现金支付", "现金支付"),
    SELF_PAID(ReceiptField.SELF_PAID, "个人自付", "自付金额"),
    SELF_FUNDED(ReceiptField.SELF_FUNDED, "个人自费", "自费金额"),
    ITEM_NAME(null, "项目名称"),
    AMOUNT_HEADER(null, "金额(元)"),
    INPATIENT_NUMBER(null, "住院号"),
    INPATIENT_DAYS(null, "住院天数"),
    OUTPATIENT_NUMBER(null, "门诊号"),
    RECORD_NUMBER(null, "病历号"),
    INSTITUTION_TYPE(null, "医疗机构类型"),
    SERIAL_NUMBER(null, "业务流水号"),
    INSURANCE_TYPE(null, "医保类型"),
    INSURANCE_NUMBER(null, "医保编号"),
    PREPAID(null, "预缴金额"),
    TOPPED_UP(null, "补缴金额"),
    REFUNDED(null, "退费金额"),
    DEPARTMENT(null, "就诊科室", "住院科室"),
    GENDER(null, "性别"),
    OTHER_INFORMATION(null, "其他信息"),
    REVIEWER(null, "复核人"),
    CASHIER(null, "收款人"),
    CLERK(null, "经办人", "开票人", "收费员"),
    REMARKS(null, "备注");

    /**
     * Short spellings that other labels' words contain (医疗机构 in 医疗机构类型, 合计 in 小计合计, 姓名
     * in 收款人姓名): a label only where no letter runs into them on either side.
     */
    private static final Set<String> STANDING_ALONE = Set.of("医疗机构", "合计", "姓名");

    private final ReceiptField field;
    private final List<String> spellings;
    private final List<String> bareSpellings;

    ReceiptLabel(ReceiptField field, String... spellings) {
        this.field = field;
        this.spellings = List.of(spellings);
        List<String> bare = new java.util.ArrayList<>();
        for (String spelling : spellings) {
            String without = spelling.replace("(", "").replace(")", "");
            if (!without.equals(spelling) && without.length() >= BARE_LENGTH && !this.spellings.contains(without)) bare.add(without);
        }
        this.bareSpellings = List.copyOf(bare);
    }

    /**
     * A spelling with brackets is also a label without them, as OCR loses a thin face's brackets (交款人患者黄明 for
     * 交款人（患者）黄明, where 交款人 alone made 患者 the payer), when at least this long without them.
     */
    private static final int BARE_LENGTH = 4;

    /** The one field this label's value fills, or null (住院时间 fills two; most labels none). */
    ReceiptField field() {
        return field;
    }

    /** The field a value after the label fills first: its own, or for the stay (住院时间, two dates) the admission date. */
    ReceiptField firstField() {
        return this == STAY ? ReceiptField.ADMISSION_DATE : field;
    }

    boolean isAmount() {
        return field != null && field.ordinal() >= ReceiptField.TOTAL.ordinal();
    }

    /** Whether the label's one field is a date (住院时间, which fills two, is not). */
    boolean isDate() {
        return field == ReceiptField.ISSUE_DATE || field == ReceiptField.ADMISSION_DATE || field == ReceiptField.DISCHARGE_DATE
                || field == ReceiptField.VISIT_DATE;
    }

    /**
     * Whether a value of the sort may stand after this label: a date after a date's label or the stay's (住院时间), an
     * amount after an amount's or one of the amounts no field takes (合计, 预缴金额, 补缴金额, 退费金额, 金额(元), 大写's
     * line). A department's, a number's, a person's label never has a date or an amount after it.
     */
    boolean holds(ReceiptReading.Sort sort) {
        return switch (sort) {
            case DATE -> isDate() || this == STAY;
            case AMOUNT -> isAmount() || AMOUNTS_OF_NO_FIELD.contains(this);
            default -> true;
        };
    }

    private static final Set<ReceiptLabel> AMOUNTS_OF_NO_FIELD = Set.of(TOTAL_IN_WORDS, TOTAL_LINE, PREPAID, TOPPED_UP, REFUNDED, AMOUNT_HEADER);

    List<String> spellings() {
        return spellings;
    }

    /** The Chinese characters any label's spelling begins with (复 of 复核人, 收 of 收款人 …), as one string. */
    static String firstCharacters() {
        StringBuilder firsts = new StringBuilder();
        for (ReceiptLabel label : values()) {
            for (String spelling : label.spellings) {
                String first = spelling.replaceAll("[^\\p{IsHan}]", "").substring(0, 1);
                if (firsts.indexOf(first) < 0) firsts.append(first);
            }
        }
        return firsts.toString();
    }

    /**
     * The spellings with brackets, without them: found only as they stand, the brackets' loss being misreading
     * enough (near 收款单位章, 收款单位武汉市… had 武 taken into the label).
     */
    List<String> bareSpellings() {
        return bareSpellings;
    }

    /** Whether a spelling is a label only when something other than a word follows it. */
    static boolean standsAlone(String spelling) {
        return STANDING_ALONE.contains(spelling);
    }
}
