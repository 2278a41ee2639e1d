package org.huzhu.recognition.secondset;

import java.util.List;
import java.util.Random;

/**
 * Four arrangements of inpatient and outpatient receipts, as different provinces' and hospitals'
 * software print them: a Hubei landscape form with a ruled table (241 × 140 mm), the national
 * narrow strip (210 × 93 mm), Wuhan's A5 portrait slip (148 × 210 mm) and a half-letter form
 * without a table (216 × 139 mm).
 */
final class ReceiptArrangements {

    private ReceiptArrangements() {
    }

    private static String title(Bill b, Look look, int salt, String province) {
        String kind = b.kind() == Bill.Kind.INPATIENT ? "住院" : "门诊";
        return look.word(salt, province + "医疗" + kind + "收费票据（电子）", province + "医疗收费票据（电子）", "医疗" + kind + "收费票据（电子）");
    }

    /** Hubei, 241 × 140 mm: header lines, a ruled table of two items a row with quantities, 其他信息 in three columns. */
    static Sheet hubeiGrid(Bill b, Look look, Random random) {
        Sheet s = new Sheet("hubei-grid", b.kind(), 241, 140, look);
        boolean in = b.kind() == Bill.Kind.INPATIENT;
        s.title(title(b, look, 30, "湖北省"), 15, 6.5);
        s.qr(Parts.qrContent(b), 16, 3, true);
        s.box(12, 22, 217, 112);
        Parts.code(s, 14, 28, b);
        Parts.number(s, 130, 28, b);
        Parts.payerId(s, 14, 34, b);
        Parts.check(s, 130, 34, b);
        Parts.payer(s, 14, 40, b, "交款人：", "交款人（患者）：");
        Parts.issued(s, 130, 40, b);
        if (in) {
            s.distractor(14, 46, "住院号：", b.caseNo());
            Parts.stay(s, 70, 46, b, 150, 46);
        } else {
            s.distractor(14, 46, "门诊号：", b.caseNo());
            Parts.visit(s, 70, 46, b);
            s.distractor(150, 46, "医疗机构类型：", "综合医院");
        }
        s.rule(12, 50, 229, 50);
        s.rule(12, 56, 229, 56);
        s.rule(120.5, 50, 120.5, 92);
        for (double x : new double[] {14, 122.5}) {
            s.label(x, 54.5, "项目名称");
            s.label(x + 46, 54.5, "数量");
            s.label(x + 86, 54.5, "金额(元)");
        }
        List<Bill.Item> items = b.items();
        for (int i = 0; i < items.size(); i++) {
            double x = i % 2 == 0 ? 14 : 122.5;
            double y = 61 + 5.3 * (i / 2);
            Parts.fee(s, items.get(i), x, x + 104, y);
            s.data(x + 47, y, items.get(i).quantity() + items.get(i).unit());
        }
        s.rule(12, 92, 229, 92);
        Parts.total(s, 14, 98, 160, 98, b);
        s.rule(12, 101, 229, 101);
        s.label(14, 106, "其他信息");
        Parts.grid(s, Parts.otherInfo(s, b, true), 32, 106, 3, 66, 4.8);
        s.rule(12, 124.5, 229, 124.5);
        Parts.hospital(s, 14, 130, b, "收款单位（章）：", "收款单位：", "开票单位（章）：");
        s.distractor(150, 130, "复核人：", b.reviewer());
        s.distractor(190, 130, "收款人：", b.cashier());
        s.stamp(b.hospital(), "收费专用章", 20, random);
        return s;
    }

    /** The national strip, 210 × 93 mm: compact lines, fee items three a row without rules, payments in three columns. */
    static Sheet nationalStrip(Bill b, Look look, Random random) {
        Sheet s = new Sheet("national-strip", b.kind(), 210, 93, look);
        boolean in = b.kind() == Bill.Kind.INPATIENT;
        String kind = in ? "住院" : "门诊";
        s.title(look.word(31, "医疗" + kind + "收费票据（电子）", "医疗收费电子票据", "湖北省医疗" + kind + "收费票据（电子）"), 11, 5.5);
        s.form(97, 16, "财政部监制", 2.6);
        s.qr(Parts.qrContent(b), 15, 3, true);
        Parts.code(s, 8, 24, b);
        Parts.number(s, 72, 24, b);
        Parts.issued(s, 140, 24, b);
        Parts.payer(s, 8, 29.5, b, "交款人：");
        Parts.check(s, 72, 29.5, b);
        s.distractor(140, 29.5, in ? "住院号：" : "门诊号：", b.caseNo());
        if (in) Parts.stay(s, 8, 35, b, 0, 0);
        else Parts.visit(s, 8, 35, b);
        s.distractor(140, 35, "医保类型：", b.insuranceType());
        s.rule(6, 37.5, 204, 37.5);
        for (double x : new double[] {8, 75, 142}) {
            s.label(x, 41.5, "项目名称");
            s.label(x + 46, 41.5, "金额");
        }
        s.rule(6, 43, 204, 43);
        List<Bill.Item> items = b.items();
        for (int i = 0; i < items.size(); i++) {
            double x = 8 + 67 * (i % 3);
            Parts.fee(s, items.get(i), x, x + 58, 47.5 + 4.4 * (i / 3));
        }
        s.rule(6, 61.5, 204, 61.5);
        Parts.total(s, 8, 66, 140, 66, b);
        Parts.grid(s, Parts.otherInfo(s, b, false), 8, 71.5, 3, 67, 4.5);
        Parts.hospital(s, 8, 88.5, b, "收款单位（章）：", "收款单位：");
        s.distractor(150, 88.5, "收款人：", b.cashier());
        s.stamp(b.hospital(), "收费专用章", 16, random);
        return s;
    }

    /** Wuhan's A5 portrait slip, 148 × 210 mm: two-column header, one item a row with 规格/数量/单位, payments in two columns. */
    static Sheet wuhanSlip(Bill b, Look look, Random random) {
        Sheet s = new Sheet("wuhan-a5", b.kind(), 148, 210, look);
        boolean in = b.kind() == Bill.Kind.INPATIENT;
        s.title(title(b, look, 32, "武汉市"), 16, 5.2);
        s.qr(Parts.qrContent(b), 17, 4, true);
        Parts.code(s, 10, 30, b);
        Parts.number(s, 76, 30, b);
        Parts.check(s, 10, 36.5, b);
        Parts.issued(s, 76, 36.5, b);
        Parts.payer(s, 10, 43, b, "交款人：", "交款人（患者）：");
        s.distractor(76, 43, "医保类型：", b.insuranceType());
        double y = Parts.payerId(s, 10, 49.5, b) ? 56 : 49.5;
        if (in) {
            Parts.stay(s, 10, y, b, 76, y);
        } else {
            s.distractor(10, y, "门诊号：", b.caseNo());
            Parts.visit(s, 76, y, b);
        }
        double top = y + 5;
        s.rule(8, top, 140, top);
        s.label(10, top + 4.3, "项目名称");
        s.label(48, top + 4.3, "规格");
        s.label(78, top + 4.3, "数量");
        s.label(92, top + 4.3, "单位");
        s.label(118, top + 4.3, "金额(元)");
        s.rule(8, top + 6, 140, top + 6);
        double row = top + 6;
        for (Bill.Item item : b.items()) {
            row += 5.5;
            Parts.fee(s, item, 10, 138, row - 1.3);
            s.data(48, row - 1.3, item.spec());
            s.data(80, row - 1.3, String.valueOf(item.quantity()));
            s.data(93, row - 1.3, item.unit());
        }
        s.rule(8, row + 1, 140, row + 1);
        s.rule(8, top, 8, row + 1);
        s.rule(140, top, 140, row + 1);
        Parts.total(s, 10, row + 7, 76, row + 13, b);
        s.label(10, row + 19.5, "其他信息");
        double end = Parts.grid(s, Parts.otherInfo(s, b, true), 10, row + 25, 2, 68, 5.3);
        Parts.hospital(s, 10, Math.max(end + 8, 196), b, "收款单位（章）：", "收款单位：");
        s.distractor(10, Math.max(end + 14, 202), "复核人：", b.reviewer());
        s.distractor(76, Math.max(end + 14, 202), "收款人：", b.cashier());
        s.stamp(b.hospital(), "收费专用章", 19, random);
        return s;
    }

    /** A half-letter form, 216 × 139 mm, without a table: fee items four a row, a frame and two rules. */
    static Sheet halfLetter(Bill b, Look look, Random random) {
        Sheet s = new Sheet("half-letter", b.kind(), 216, 139, look);
        boolean in = b.kind() == Bill.Kind.INPATIENT;
        s.title(title(b, look, 33, "湖北省"), 14, 6);
        s.qr(Parts.qrContent(b), 15, 3.5, true);
        s.box(8, 20, 200, 114);
        Parts.code(s, 12, 26, b);
        Parts.number(s, 80, 26, b);
        Parts.check(s, 150, 26, b);
        Parts.payer(s, 12, 32, b, "交款人：");
        Parts.issued(s, 80, 32, b);
        s.distractor(150, 32, "医保类型：", b.insuranceType());
        Parts.payerId(s, 12, 38, b);
        s.distractor(150, 38, in ? "住院号：" : "门诊号：", b.caseNo());
        if (in) Parts.stay(s, 12, 44, b, 80, 44);
        else Parts.visit(s, 12, 44, b);
        s.distractor(150, 44, "医疗机构类型：", b.smallClinic() ? "基层医疗机构" : "综合医院");
        s.label(12, 52, "项目名称及金额");
        List<Bill.Item> items = b.items();
        for (int i = 0; i < items.size(); i++) {
            double x = 12 + 49 * (i % 4);
            Parts.fee(s, items.get(i), x, x + 45, 58 + 5 * (i / 4));
        }
        s.rule(8, 73, 208, 73);
        Parts.total(s, 12, 80, 150, 80, b);
        s.rule(8, 84, 208, 84);
        s.label(12, 90, "其他信息");
        Parts.grid(s, Parts.otherInfo(s, b, true), 12, 96, 3, 66, 5.5);
        Parts.hospital(s, 12, 127, b, "收款单位（章）：", "开票单位（章）：");
        s.distractor(150, 127, "收款人：", b.cashier());
        s.stamp(b.hospital(), "收费专用章", 20, random);
        return s;
    }
}
