package org.huzhu.recognition.specimen;

import java.util.List;
import java.util.Random;

/**
 * How a receipt's form prints what it says. {@link #NATIONAL} is the template of docs/receipts.md
 * that set 1 is drawn on; {@link #drawn} makes the variations real 医疗收费票据 of other provinces,
 * hospitals and printers show: a title naming no kind (湖北省医疗收费票据（电子）) in red or black, the
 * labels' other wordings (交款人（患者）, 开具日期, 开票单位（章）, 门诊日期, 账户支付 …), the stay as
 * 入院日期 and 出院日期, dates in five forms, a stay joined by 至, -, —, ～ or ~, amounts after ¥ or
 * ￥, the 其他信息 grid in the other order, distractor amounts (预缴金额, 补缴金额, 退费金额) and the
 * data printed off the form's grid.
 *
 * @param title the title, or null for the kind's own ({@link ReceiptTruth.DocumentType#title()})
 * @param payments the wordings of 医保统筹基金支付, 其他支付, 个人账户支付, 个人现金支付, 个人自付, 个人自费, in that order
 * @param reversed whether the 其他信息 grid is printed in the other order
 * @param shiftX how far right of the grid the data layer is printed, in millimetres
 * @param shiftY how far below (above, when negative) the grid the data layer is printed
 */
public record ReceiptForm(String title, boolean blackTitle, String payer, String issueDate, String hospital, String visitDate,
                          boolean stayAsTwoDates, List<String> payments, boolean reversed, DateStyle dates, String stayJoin,
                          String currency, boolean distractors, double shiftX, double shiftY) {

    public static final ReceiptForm NATIONAL = new ReceiptForm(null, false, "交款人：", "开票日期：", "收款单位（章）：",
            "就诊日期：", false, List.of("医保统筹基金支付：", "其他支付：", "个人账户支付：", "个人现金支付：", "个人自付：", "个人自费："),
            false, DateStyle.ISO, "至", "", false, 0, 0);

    private static final List<String> TITLES = List.of("湖北省医疗收费票据（电子）", "医疗收费票据（电子）");
    private static final List<String> PAYERS = List.of("交款人：", "交款人（患者）：", "患者姓名：");
    private static final List<String> ISSUE_DATES = List.of("开票日期：", "开具日期：");
    private static final List<String> HOSPITALS = List.of("收款单位（章）：", "开票单位（章）：", "医疗机构名称：");
    private static final List<String> VISIT_DATES = List.of("就诊日期：", "门诊日期：");
    private static final List<List<String>> PAYMENTS = List.of(List.of("医保统筹基金支付：", "统筹基金支付："),
            List.of("其他支付：", "其他基金支付："), List.of("个人账户支付：", "账户支付："), List.of("个人现金支付：", "现金支付："),
            List.of("个人自付：", "自付金额："), List.of("个人自费：", "自费金额："));
    private static final List<String> STAY_JOINS = List.of("至", "-", "—", "～", "~");
    private static final List<String> CURRENCIES = List.of("", "¥", "￥");

    /** Date forms printers use. */
    public enum DateStyle {
        ISO, CHINESE, SLASH, DOT, COMPACT;

        /** {@code 2026-05-12} as this form prints it. */
        public String print(String iso) {
            String[] ymd = iso.split("-");
            return switch (this) {
                case ISO -> iso;
                case CHINESE -> ymd[0] + "年" + Integer.parseInt(ymd[1]) + "月" + Integer.parseInt(ymd[2]) + "日";
                case SLASH -> String.join("/", ymd);
                case DOT -> String.join(".", ymd);
                case COMPACT -> String.join("", ymd);
            };
        }
    }

    /** A form drawn at random from the wordings and habits above: the same random state gives the same form. */
    static ReceiptForm drawn(Random random) {
        String title = random.nextInt(3) == 0 ? null : pick(random, TITLES);
        boolean blackTitle = random.nextBoolean();
        String payer = pick(random, PAYERS);
        String issueDate = pick(random, ISSUE_DATES);
        String hospital = pick(random, HOSPITALS);
        String visitDate = pick(random, VISIT_DATES);
        boolean stayAsTwoDates = random.nextBoolean();
        List<String> payments = PAYMENTS.stream().map(wordings -> pick(random, wordings)).toList();
        boolean reversed = random.nextBoolean();
        DateStyle dates = pick(random, List.of(DateStyle.values()));
        String stayJoin = pick(random, STAY_JOINS);
        String currency = pick(random, CURRENCIES);
        boolean distractors = random.nextBoolean();
        double shiftX = random.nextInt(3) == 0 ? 0 : Math.round(random.nextDouble() * 50) / 10.0;
        double shiftY = random.nextInt(3) == 0 ? 0 : Math.round((random.nextDouble() * 2 - 1) * 10) / 10.0;
        return new ReceiptForm(title, blackTitle, payer, issueDate, hospital, visitDate, stayAsTwoDates, payments, reversed,
                dates, stayJoin, currency, distractors, shiftX, shiftY);
    }

    /** A date field as printed. */
    String date(String iso) {
        return dates.print(iso);
    }

    /** An amount field as printed. */
    String money(String amount) {
        return currency + amount;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
