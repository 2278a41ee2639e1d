package org.huzhu.recognition.specimen;

import static org.huzhu.recognition.specimen.ReceiptCanvas.Ink.DATA;
import static org.huzhu.recognition.specimen.ReceiptCanvas.Ink.FORM;

import java.util.ArrayList;
import java.util.List;
import org.huzhu.recognition.specimen.ReceiptLayout.Run;

/**
 * A 医保结算单 as insurance offices print it: a ruled grid of label cells and value cells, the
 * labels without colons, each value centred in the cell right of its label (far from it), the
 * hospital's name across three cells, the office's seal over the hospital. Same page as the
 * receipts (240 × 140 mm); words and date forms from the receipt's {@link ReceiptForm}.
 */
final class SettlementLayout {

    private static final double LEFT = 12, TOP = 24, ROW = 9, BASELINE = 6;
    /** Label, value, label, value, label, value. */
    private static final double[] COLUMNS = {LEFT, 46, 84, 118, 158, 192, 228};
    private static final double TITLE_BASELINE = 15;

    private record Cell(String label, String value, String field, int column, int span) {}

    private SettlementLayout() {}

    static void draw(ReceiptTruth truth, ReceiptCanvas canvas) {
        List<List<Cell>> rows = rows(truth);
        double bottom = TOP + ROW * rows.size();
        double right = COLUMNS[COLUMNS.length - 1];
        canvas.rect(LEFT, TOP, right - LEFT, bottom - TOP, ReceiptLayout.RULE * 1.5, FORM);
        for (int r = 1; r < rows.size(); r++) canvas.line(LEFT, TOP + ROW * r, right, TOP + ROW * r, ReceiptLayout.RULE, FORM);
        for (int r = 0; r < rows.size(); r++) {
            double top = TOP + ROW * r;
            for (Cell cell : rows.get(r)) {
                for (int column : new int[] {cell.column(), cell.column() + 1, cell.column() + 1 + cell.span()}) {
                    canvas.line(COLUMNS[column], top, COLUMNS[column], top + ROW, ReceiptLayout.RULE, FORM);
                }
            }
        }
        for (Run run : runs(truth)) canvas.text(run.text(), run.x(), run.baseline(), run.size(), run.ink());
        new Seal(truth.hospital(), COLUMNS[2] + Math.floorMod(truth.payerName().hashCode(), 20), TOP + ROW * 1.5 + 6).draw(canvas);
    }

    static List<Run> runs(ReceiptTruth truth) {
        List<Run> runs = new ArrayList<>();
        ReceiptForm form = truth.form();
        String title = truth.title();
        runs.add(new Run(title, (ReceiptLayout.WIDTH - ReceiptFont.advance(title, ReceiptLayout.TITLE)) / 2, TITLE_BASELINE,
                ReceiptLayout.TITLE, form.blackTitle() ? DATA : FORM, null));
        List<List<Cell>> rows = rows(truth);
        for (int r = 0; r < rows.size(); r++) {
            double baseline = TOP + ROW * r + BASELINE;
            for (Cell cell : rows.get(r)) {
                runs.add(new Run(cell.label(), COLUMNS[cell.column()] + 2, baseline, ReceiptLayout.TEXT, FORM, null));
                double from = COLUMNS[cell.column() + 1];
                double to = COLUMNS[cell.column() + 1 + cell.span()];
                double x = (from + to - ReceiptFont.advance(cell.value(), ReceiptLayout.TEXT)) / 2;
                runs.add(new Run(cell.value(), x, baseline, ReceiptLayout.TEXT, DATA, cell.field()));
            }
        }
        return runs;
    }

    /**
     * What the statement calls the funds paid besides the pool: 其他基金支付, or what they are in Hubei, 大病保险及医疗救助
     * (drawn from the form's own wording of 其他支付, so that the seeds draw as before).
     */
    private static String otherPaidLabel(ReceiptForm form) {
        return form.payments().get(1).startsWith("其他基金") ? "大病保险及医疗救助" : "其他基金支付";
    }

    private static List<List<Cell>> rows(ReceiptTruth truth) {
        ReceiptForm form = truth.form();
        ReceiptTruth.Printed printed = truth.printed();
        List<Cell> dates = truth.stay()
                ? List.of(new Cell("入院日期", form.date(truth.admissionDate()), "admissionDate", 0, 1),
                        new Cell("出院日期", form.date(truth.dischargeDate()), "dischargeDate", 2, 1))
                : List.of(new Cell("就诊日期", form.date(truth.visitDate()), "visitDate", 0, 1),
                        new Cell("医保类型", printed.insuranceType().substring(0, 2), null, 2, 1));
        List<Cell> third = new ArrayList<>(dates);
        third.add(new Cell("结算日期", form.date(truth.issueDate()), "issueDate", 4, 1));
        return List.of(
                List.of(new Cell("姓名", truth.payerName(), "payerName", 0, 1), new Cell("证件号码", printed.payerId(), null, 2, 1),
                        new Cell(truth.stay() ? "住院号" : "门诊号", printed.recordNumber(), null, 4, 1)),
                List.of(new Cell("定点医疗机构名称", truth.hospital(), "hospital", 0, 3)),
                third,
                List.of(new Cell("医疗费用总额", form.money(truth.total()), "total", 0, 1),
                        new Cell("统筹基金支付", form.money(truth.fundPaid()), "fundPaid", 2, 1),
                        new Cell(otherPaidLabel(form), form.money(truth.otherPaid()), "otherPaid", 4, 1)),
                List.of(new Cell("个人账户支付", form.money(truth.personalAccountPaid()), "personalAccountPaid", 0, 1),
                        new Cell("个人现金支付", form.money(truth.cashPaid()), "cashPaid", 2, 1),
                        new Cell("自付金额", form.money(truth.selfPaid()), "selfPaid", 4, 1)),
                List.of(new Cell("自费金额", form.money(truth.selfFunded()), "selfFunded", 0, 1),
                        new Cell("业务流水号", printed.serialNumber(), null, 2, 1),
                        new Cell("经办人", printed.reviewer(), null, 4, 1)));
    }
}
