package org.huzhu.recognition.secondset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Parts every arrangement prints in its own place: the codes, the stay or visit, the 其他信息
 * cells (payments with distractors, in either order), fee items and the stamps.
 */
final class Parts {

    /** One cell of a label–value grid; {@code field} is null for a distractor the API does not answer. */
    record Cell(String label, String field, String normal, String printed) {
    }

    private Parts() {
    }

    static double code(Sheet s, double x, double y, Bill b) {
        return s.pair(x, y, "票据代码：", "invoiceCode", b.invoiceCode(), b.invoiceCode());
    }

    static double number(Sheet s, double x, double y, Bill b) {
        return s.pair(x, y, "票据号码：", "invoiceNumber", b.invoiceNumber(), b.invoiceNumber());
    }

    static double check(Sheet s, double x, double y, Bill b) {
        return s.pair(x, y, "校验码：", "checkCode", b.checkCode(), b.checkCode());
    }

    static double issued(Sheet s, double x, double y, Bill b) {
        return s.pair(x, y, s.look.word(8, "开票日期：", "开具日期："), "issueDate", b.issueDate().toString(),
                s.look.dateForm().print(b.issueDate()));
    }

    static double payer(Sheet s, double x, double y, Bill b, String... labels) {
        return s.pair(x, y, s.look.word(9, labels), "payerName", b.payer(), b.payer());
    }

    static double hospital(Sheet s, double x, double y, Bill b, String... labels) {
        return s.pair(x, y, s.look.word(10, labels), "hospital", b.hospital(), b.hospital());
    }

    /** The payer's 统一社会信用代码 (an ID number) line, on about half the documents; answers whether it was printed. */
    static boolean payerId(Sheet s, double x, double y, Bill b) {
        if (s.look.wording() % 5 >= 3) return false;
        s.distractor(x, y, "交款人统一社会信用代码：", b.payerId());
        return true;
    }

    /** 住院时间 as one range (…至…), or 入院日期 and 出院日期 apart when {@code secondX} is given and the wording says so. */
    static void stay(Sheet s, double x, double y, Bill b, double secondX, double secondY) {
        String admitted = s.look.dateForm().print(b.admissionDate());
        String left = s.look.dateForm().print(b.dischargeDate());
        if (secondX > 0 && s.look.word(11, "range", "apart").equals("apart")) {
            s.pair(x, y, "入院日期：", "admissionDate", b.admissionDate().toString(), admitted);
            s.pair(secondX, secondY, "出院日期：", "dischargeDate", b.dischargeDate().toString(), left);
            return;
        }
        double end = s.pair(x, y, "住院时间：", "admissionDate", b.admissionDate().toString(),
                admitted + s.look.word(12, "至", "-", "—") + left);
        s.truth.put("dischargeDate", b.dischargeDate().toString());
        s.where.put("dischargeDate", new double[] {x, y - Sheet.DATA, end - x, Sheet.DATA});
    }

    static double visit(Sheet s, double x, double y, Bill b) {
        return s.pair(x, y, s.look.word(13, "就诊日期：", "门诊日期："), "visitDate", b.visitDate().toString(),
                s.look.dateForm().print(b.visitDate()));
    }

    /** 金额合计（大写）… and （小写）… at their places. */
    static void total(Sheet s, double x, double y, double smallX, double smallY, Bill b) {
        s.data(s.label(x, y, s.look.word(14, "金额合计（大写）", "合计（大写）")) + 1, y, Capital.of(b.total()));
        s.pair(smallX, smallY, "（小写）", "total", Bill.money(b.total()), s.look.money(b.total()));
    }

    /** The payments and, on {@code distractors}, the other money and numbers printed beside them. */
    static List<Cell> otherInfo(Sheet s, Bill b, boolean distractors) {
        Look look = s.look;
        List<Cell> pay = new ArrayList<>(List.of(
                money(look.word(15, "医保统筹基金支付：", "统筹基金支付：", "基本医疗保险统筹基金支付："), "fundPaid", b.fund(), look),
                money(look.word(16, "其他支付：", "其他基金支付："), "otherPaid", b.other(), look),
                money(look.word(17, "个人账户支付：", "账户支付："), "personalAccountPaid", b.account(), look),
                money(look.word(18, "个人现金支付：", "现金支付："), "cashPaid", b.cash(), look),
                money(look.word(19, "个人自付：", "自付金额："), "selfPaid", b.selfPaid(), look),
                money(look.word(20, "个人自费：", "自费金额："), "selfFunded", b.selfFunded(), look)));
        List<Cell> other = new ArrayList<>(List.of(new Cell("业务流水号：", null, null, b.serial()),
                new Cell("医保编号：", null, null, b.insuranceNo())));
        if (distractors && b.prepaid() > 0) {
            long owed = b.cash() - b.prepaid();
            other.add(new Cell("预缴金额：", null, null, look.money(b.prepaid())));
            other.add(new Cell("补缴金额：", null, null, look.money(Math.max(owed, 0))));
            other.add(new Cell("退费金额：", null, null, look.money(Math.max(-owed, 0))));
        }
        List<Cell> all = new ArrayList<>();
        if (look.otherReversed()) {
            Collections.reverse(pay);
            all.addAll(other);
            all.addAll(pay);
        } else {
            all.addAll(pay);
            all.addAll(other);
        }
        return all;
    }

    private static Cell money(String label, String field, long cents, Look look) {
        return new Cell(label, field, Bill.money(cents), look.money(cents));
    }

    /** Cells left to right, then down: {@code columns} at {@code x0 + i * step}, rows {@code pitch} apart. */
    static double grid(Sheet s, List<Cell> cells, double x0, double y0, int columns, double step, double pitch) {
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            double x = x0 + (i % columns) * step;
            double y = y0 + (i / columns) * pitch;
            if (c.field() == null) s.distractor(x, y, c.label(), c.printed());
            else s.pair(x, y, c.label(), c.field(), c.normal(), c.printed());
        }
        return y0 + ((cells.size() - 1) / columns) * pitch;
    }

    /** A fee item: its name at {@code x}, its amount ending at {@code right}; a line of the truth. */
    static void fee(Sheet s, Bill.Item item, double x, double right, double y) {
        s.data(x, y, item.name());
        s.dataRight(right, y, Bill.money(item.amount()));
        s.lines.add(new Sheet.Line(item.name(), Bill.money(item.amount())));
    }

    static String qrContent(Bill b) {
        return "https://pjcy.hubei.gov.cn/check?c=" + b.invoiceCode() + "&n=" + b.invoiceNumber() + "&v=" + b.checkCode()
                + "&t=" + Bill.money(b.total()) + "&d=" + b.issueDate().toString().replace("-", "");
    }
}
