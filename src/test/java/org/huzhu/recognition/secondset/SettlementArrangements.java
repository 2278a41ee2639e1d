package org.huzhu.recognition.secondset;

import java.util.List;
import java.util.Random;

/**
 * Two layouts of the 医保结算单 (settlement statement): a ruled grid of label and value cells
 * without colons (A5 landscape, 210 × 148 mm) and a listing with a fee table of 甲类/乙类/自费
 * columns (241 × 140 mm). The statement has no invoice codes; its 结算日期 is the issue date.
 */
final class SettlementArrangements {

    private SettlementArrangements() {
    }

    /** The grid: four columns (label, value, label, value), distractors in the cells beside the fields. */
    static Sheet grid(Bill b, Look look, Random random) {
        Sheet s = new Sheet("settlement-grid", b.kind(), 210, 148, look);
        s.title(look.word(40, "湖北省医疗保障住院费用结算单", "湖北省基本医疗保险住院结算单", "武汉市医疗保险住院结算单"), 14, 5.8);
        s.pair(12, 21.5, "结算日期：", "issueDate", b.issueDate().toString(), look.dateForm().print(b.issueDate()));
        s.distractor(120, 21.5, "结算单号：", b.serial());
        String sex = b.payerId().charAt(16) % 2 == 1 ? "男" : "女";
        String[][] rows = {
                {"姓名", "payerName", b.payer(), b.payer(), "性别", null, sex, sex},
                {"参保类型", null, b.insuranceType(), b.insuranceType(), "医保编号", null, b.insuranceNo(), b.insuranceNo()},
                {look.word(41, "定点医疗机构", "医疗机构名称"), "hospital", b.hospital(), b.hospital(), "住院号", null, b.caseNo(), b.caseNo()},
                {"入院日期", "admissionDate", b.admissionDate().toString(), look.dateForm().print(b.admissionDate()),
                        "出院日期", "dischargeDate", b.dischargeDate().toString(), look.dateForm().print(b.dischargeDate())},
                money(look, "医疗费用总额", "total", b.total(), "政策范围内费用", null, b.total() - b.selfFunded()),
                money(look, "统筹基金支付", "fundPaid", b.fund(), "起付标准", null, 80_000),
                money(look, look.word(42, "其他支付", "大病保险及医疗救助"), "otherPaid", b.other(), "个人账户支付", "personalAccountPaid", b.account()),
                money(look, "个人现金支付", "cashPaid", b.cash(), "个人自付", "selfPaid", b.selfPaid()),
                money(look, "个人自费", "selfFunded", b.selfFunded(), "预缴金额", null, b.prepaid())};
        double top = 25;
        for (String[] row : rows) {
            for (int half = 0; half < 2; half++) {
                double x = half == 0 ? 10 : 112;
                double valueX = half == 0 ? 44 : 142;
                double y = top + 5;
                s.label(x + 1.5, y, row[half * 4]);
                String field = row[half * 4 + 1];
                if (field == null) s.data(valueX, y, row[half * 4 + 3]);
                else s.value(valueX, y, field, row[half * 4 + 2], row[half * 4 + 3]);
            }
            s.rule(10, top, 200, top);
            top += 7;
        }
        s.rule(10, top, 200, top);
        for (double x : new double[] {10, 42, 112, 140, 200}) s.rule(x, 25, x, top);
        s.label(12, top + 7, "费用明细");
        List<Bill.Item> items = b.items();
        for (double x : new double[] {12, 75, 138}) {
            s.label(x, top + 12.5, "项目名称");
            s.label(x + 44, top + 12.5, "金额");
        }
        for (int i = 0; i < items.size(); i++) {
            double x = 12 + 63 * (i % 3);
            Parts.fee(s, items.get(i), x, x + 56, top + 18 + 4.8 * (i / 3));
        }
        s.distractor(12, 141, "经办人：", b.cashier());
        s.distractor(80, 141, "审核人：", b.reviewer());
        s.distractor(140, 141, "打印日期：", look.dateForm().print(b.issueDate().plusDays(1 + random.nextInt(5))));
        s.stamp(b.hospital(), "医保结算专用章", 19, random);
        return s;
    }

    private static String[] money(Look look, String label, String field, long cents, String label2, String field2, long cents2) {
        return new String[] {label, field, Bill.money(cents), look.money(cents), label2, field2, Bill.money(cents2), look.money(cents2)};
    }

    /** The listing: labelled lines, a fee table two items a row with each item's self-funded part, payments in three columns. */
    static Sheet listing(Bill b, Look look, Random random) {
        Sheet s = new Sheet("settlement-list", b.kind(), 241, 140, look);
        s.title(look.word(43, "武汉市城镇职工基本医疗保险住院费用结算单", "医保结算单", "湖北省医疗保障基金结算单"), 15, 6);
        s.qr(Parts.qrContent(b), 16, 4, true);
        Parts.payer(s, 14, 26, b, "姓名：", "参保人姓名：");
        s.distractor(90, 26, "医保编号：", b.insuranceNo());
        s.distractor(165, 26, "参保类型：", b.insuranceType());
        Parts.hospital(s, 14, 32, b, "医疗机构名称：", "定点医疗机构：");
        s.distractor(165, 32, "住院号：", b.caseNo());
        Parts.stay(s, 14, 38, b, 90, 38);
        s.pair(165, 38, "结算日期：", "issueDate", b.issueDate().toString(), look.dateForm().print(b.issueDate()));
        s.rule(12, 41, 229, 41);
        for (double x : new double[] {14, 124}) {
            s.label(x, 45.5, "项目名称");
            s.label(x + 48, 45.5, "金额");
            s.label(x + 80, 45.5, "自费");
        }
        s.rule(12, 47, 229, 47);
        List<Bill.Item> items = b.items();
        for (int i = 0; i < items.size(); i++) {
            double x = i % 2 == 0 ? 14 : 124;
            double y = 52 + 5 * (i / 2);
            Parts.fee(s, items.get(i), x, x + 60, y);
            s.dataRight(x + 92, y, Bill.money(items.get(i).amount() * (i % 3) / 10));
        }
        s.rule(12, 82, 229, 82);
        s.pair(14, 88, "医疗费用总额：", "total", Bill.money(b.total()), look.money(b.total()));
        List<Parts.Cell> cells = Parts.otherInfo(s, b, false).stream().filter(c -> c.field() != null).toList();
        Parts.grid(s, cells, 90, 88, 2, 72, 6.5);
        s.distractor(14, 94.5, "起付标准：", look.money(80_000));
        s.distractor(14, 101, "超限价自费：", look.money(0));
        s.distractor(14, 124, "经办人：", b.cashier());
        s.distractor(165, 124, "打印时间：", look.dateForm().print(b.issueDate()) + " 10:" + (10 + random.nextInt(50)));
        s.stamp(b.hospital(), "医保结算专用章", 20, random);
        return s;
    }
}
