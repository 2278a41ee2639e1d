package org.huzhu.recognition.specimen;

import static org.huzhu.recognition.specimen.ReceiptCanvas.Ink.DATA;
import static org.huzhu.recognition.specimen.ReceiptCanvas.Ink.FORM;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.huzhu.recognition.specimen.ReceiptCanvas.Ink;
import org.huzhu.recognition.specimen.ReceiptTruth.FeeLine;

/**
 * The national template of docs/receipts.md in millimetres (240 × 140, landscape), as data: the
 * labelled entries with their positions, the fee table's grid, the 其他信息 block and the seal. A
 * value is printed right after its label. Every renderer draws the page through {@link #draw}.
 */
final class ReceiptLayout {

    static final double WIDTH = 240;
    static final double HEIGHT = 140;
    static final double TEXT = 3.5;
    static final double TITLE = 6.0;
    static final double RULE = 0.3;

    /** A label (red) and the value (black) printed right of it; {@code field} is the API's name, if any. */
    record Entry(String label, String field, Function<ReceiptTruth, String> value, double x, double baseline) {}

    /** A run of text as placed on the page. */
    record Run(String text, double x, double baseline, double size, Ink ink, String field) {
        Box box() {
            return new Box(x, baseline - 0.85 * size, ReceiptFont.advance(text, size), size);
        }
    }

    /** A rectangle on the page in millimetres. */
    record Box(double x, double y, double width, double height) {
        boolean intersects(Box other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
        }

        /** Whether this box and the disc of radius r around (cx, cy) share any point. */
        boolean intersectsDisc(double cx, double cy, double r) {
            double dx = cx - Math.clamp(cx, x, x + width);
            double dy = cy - Math.clamp(cy, y, y + height);
            return dx * dx + dy * dy <= r * r;
        }
    }

    // Columns and baselines of the header block.
    private static final double COL_A = 14, COL_B = 80, COL_C = 150;
    private static final double TITLE_BASELINE = 15;

    // The table: header row, six rows of two fee lines each, then the total, business and 其他信息 rows.
    private static final double LEFT = 12, RIGHT = 228;
    private static final double[] COLUMNS = {LEFT, 72, 120, 180, RIGHT};
    private static final String[] COLUMN_TITLES = {"项目名称", "金额(元)", "项目名称", "金额(元)"};
    private static final double TABLE_TOP = 48, ROW_HEIGHT = 6, ROW_BASELINE = 4.4, CELL_PADDING = 3;
    static final int FEE_ROWS = 6;
    private static final double FEES_BOTTOM = TABLE_TOP + ROW_HEIGHT * (1 + FEE_ROWS);
    private static final double[] RULES = {TABLE_TOP + ROW_HEIGHT, FEES_BOTTOM, 97, 104};
    private static final double TABLE_BOTTOM = 125.5;

    private static final double PAYMENTS_LEFT = 15, PAYMENTS_TOP = 115.5, PAYMENTS_SECOND = 121.5, PAYMENTS_GAP = 8;
    /** Where the national template prints the six payments of the 其他信息 grid. */
    private static final double[][] NATIONAL_PAYMENTS = {{15, 115.5}, {66, 115.5}, {103, 115.5}, {147, 115.5}, {15, 121.5},
        {66, 121.5}};
    private static final List<String> PAYMENT_FIELDS = List.of("fundPaid", "otherPaid", "personalAccountPaid", "cashPaid",
            "selfPaid", "selfFunded");
    private static final List<Function<ReceiptTruth, String>> PAYMENT_VALUES = List.of(ReceiptTruth::fundPaid,
            ReceiptTruth::otherPaid, ReceiptTruth::personalAccountPaid, ReceiptTruth::cashPaid, ReceiptTruth::selfPaid,
            ReceiptTruth::selfFunded);

    private ReceiptLayout() {}

    static void draw(ReceiptTruth truth, ReceiptCanvas canvas) {
        draw(truth, canvas, false);
    }

    /** As {@link #draw(ReceiptTruth, ReceiptCanvas)}; a receipt's seal over its payer's label instead ({@link #sealOverPayer}). */
    static void draw(ReceiptTruth truth, ReceiptCanvas canvas, boolean sealOverPayer) {
        draw(truth, canvas, sealOverPayer, false);
    }

    /** As above; the seal over the total's figures instead with {@code sealOverTotal} ({@link #sealOverTotal}). */
    static void draw(ReceiptTruth truth, ReceiptCanvas canvas, boolean sealOverPayer, boolean sealOverTotal) {
        draw(truth, canvas, sealOverTotal ? ReceiptLayout::sealOverTotal : sealOverPayer ? ReceiptLayout::sealOverPayer : ReceiptLayout::seal);
    }

    /** As above, the receipt's seal where {@code seal} presses it (a settlement statement's stays its own). */
    static void draw(ReceiptTruth truth, ReceiptCanvas canvas, Function<ReceiptTruth, Seal> seal) {
        if (truth.documentType() == ReceiptTruth.DocumentType.SETTLEMENT_STATEMENT) {
            SettlementLayout.draw(truth, canvas);
            return;
        }
        drawGrid(canvas);
        for (Run run : runs(truth)) {
            canvas.text(run.text(), run.x(), run.baseline(), run.size(), run.ink());
        }
        seal.apply(truth).draw(canvas);
    }

    /** Every text on the page but the seal's: title, labels, values and the fee table. */
    static List<Run> runs(ReceiptTruth truth) {
        if (truth.documentType() == ReceiptTruth.DocumentType.SETTLEMENT_STATEMENT) return SettlementLayout.runs(truth);
        List<Run> runs = new ArrayList<>();
        ReceiptForm form = truth.form();
        String title = truth.title();
        runs.add(new Run(title, (WIDTH - ReceiptFont.advance(title, TITLE)) / 2, TITLE_BASELINE, TITLE,
                form.blackTitle() ? DATA : FORM, null));
        for (Entry entry : entries(truth)) {
            runs.add(new Run(entry.label(), entry.x(), entry.baseline(), TEXT, FORM, null));
            String value = entry.value().apply(truth);
            if (value != null) {
                double x = entry.x() + ReceiptFont.advance(entry.label(), TEXT) + form.shiftX();
                runs.add(new Run(value, x, entry.baseline() + form.shiftY(), TEXT, DATA, entry.field()));
            }
        }
        double headerBaseline = TABLE_TOP + ROW_BASELINE;
        for (int column = 0; column < COLUMN_TITLES.length; column++) {
            double centre = (COLUMNS[column] + COLUMNS[column + 1]) / 2;
            String text = COLUMN_TITLES[column];
            runs.add(new Run(text, centre - ReceiptFont.advance(text, TEXT) / 2, headerBaseline, TEXT, FORM, null));
        }
        List<FeeLine> lines = truth.lines();
        for (int i = 0; i < lines.size(); i++) {
            int side = i % 2;
            double baseline = TABLE_TOP + ROW_HEIGHT * (1 + i / 2) + ROW_BASELINE;
            String amount = lines.get(i).amount();
            double amountRight = COLUMNS[2 * side + 2] - CELL_PADDING;
            double x = COLUMNS[2 * side] + CELL_PADDING + form.shiftX();
            double y = baseline + form.shiftY();
            runs.add(new Run(lines.get(i).name(), x, y, TEXT, DATA, null));
            runs.add(new Run(amount, amountRight + form.shiftX() - ReceiptFont.advance(amount, TEXT), y, TEXT, DATA, null));
        }
        return runs;
    }

    /** The labelled entries of the page, as its form words and places them, top to bottom. */
    private static List<Entry> entries(ReceiptTruth truth) {
        ReceiptForm form = truth.form();
        boolean twoDates = truth.inpatient() && form.stayAsTwoDates();
        List<Entry> entries = new ArrayList<>(List.of(
                new Entry("票据代码：", "invoiceCode", ReceiptTruth::invoiceCode, COL_A, 24),
                new Entry("票据号码：", "invoiceNumber", ReceiptTruth::invoiceNumber, COL_C, 24),
                new Entry("交款人统一社会信用代码：", null, t -> t.printed().payerId(), COL_A, 30.5),
                new Entry("校验码：", "checkCode", ReceiptTruth::checkCode, COL_C, 30.5),
                new Entry(form.payer(), "payerName", ReceiptTruth::payerName, COL_A, 37),
                new Entry(form.issueDate(), "issueDate", t -> form.date(t.issueDate()), COL_C, 37)));
        if (!twoDates) entries.add(new Entry("医疗机构类型：", null, t -> t.printed().hospitalType(), COL_B, 43.5));
        entries.add(new Entry(truth.documentType().recordLabel() + "：", null, t -> t.printed().recordNumber(), COL_A, 43.5));
        if (twoDates) {
            entries.add(new Entry("入院日期：", "admissionDate", t -> form.date(t.admissionDate()), COL_B, 43.5));
            entries.add(new Entry("出院日期：", "dischargeDate", t -> form.date(t.dischargeDate()), COL_C, 43.5));
        } else if (truth.inpatient()) {
            String stay = form.date(truth.admissionDate()) + form.stayJoin() + form.date(truth.dischargeDate());
            double x = Math.min(COL_C, RIGHT - 2 - form.shiftX() - ReceiptFont.advance("住院时间：" + stay, TEXT));
            entries.add(new Entry("住院时间：", null, t -> stay, x, 43.5));
        } else {
            entries.add(new Entry(form.visitDate(), "visitDate", t -> form.date(t.visitDate()), COL_C, 43.5));
        }
        entries.add(new Entry("金额合计（大写）", null, t -> t.printed().totalInCapitals(), 15, 95));
        entries.add(new Entry("（小写）", "total", t -> form.money(t.total()), COL_C, 95));
        entries.add(new Entry("业务流水号：", null, t -> t.printed().serialNumber(), 15, 102));
        entries.add(new Entry("医保类型：", null, t -> t.printed().insuranceType(), 120, 102));
        entries.add(new Entry("其他信息", null, t -> null, 15, 109));
        if (form.distractors()) entries.addAll(Deposit.entries(truth, 109));
        entries.addAll(payments(truth));
        entries.add(new Entry(form.hospital(), "hospital", ReceiptTruth::hospital, 15, 133));
        entries.add(new Entry("复核人：", null, t -> t.printed().reviewer(), 120, 133));
        entries.add(new Entry("收款人：", null, t -> t.printed().cashier(), 170, 133));
        return entries;
    }

    /**
     * The six payments of the 其他信息 grid: where the national template puts them, or, on another
     * form, one after another in the form's order, wrapping to a second line.
     */
    private static List<Entry> payments(ReceiptTruth truth) {
        ReceiptForm form = truth.form();
        List<Entry> entries = new ArrayList<>();
        double x = PAYMENTS_LEFT;
        double baseline = PAYMENTS_TOP;
        for (int k = 0; k < PAYMENT_FIELDS.size(); k++) {
            int i = form.reversed() ? PAYMENT_FIELDS.size() - 1 - k : k;
            String label = form.payments().get(i);
            Function<ReceiptTruth, String> value = t -> form.money(PAYMENT_VALUES.get(i).apply(t));
            if (form.equals(ReceiptForm.NATIONAL)) {
                entries.add(new Entry(label, PAYMENT_FIELDS.get(i), value, NATIONAL_PAYMENTS[i][0], NATIONAL_PAYMENTS[i][1]));
                continue;
            }
            double width = ReceiptFont.advance(label + value.apply(truth), TEXT) + form.shiftX();
            if (x + width > RIGHT - CELL_PADDING) {
                x = PAYMENTS_LEFT;
                baseline = PAYMENTS_SECOND;
            }
            entries.add(new Entry(label, PAYMENT_FIELDS.get(i), value, x, baseline));
            x += width + PAYMENTS_GAP;
        }
        return entries;
    }

    /** Where the value of an API field is printed. */
    static Box valueBox(ReceiptTruth truth, String field) {
        return runs(truth).stream().filter(run -> field.equals(run.field())).findFirst().orElseThrow().box();
    }

    /**
     * The seal: over the end of the 收款单位 value and the payment lines, nudged a few millimetres
     * from receipt to receipt as a hand-held stamp would be (fixed by the invoice number).
     */
    static Seal seal(ReceiptTruth truth) {
        int nudge = Math.floorMod(truth.invoiceNumber().hashCode(), 45);
        return new Seal(truth.hospital(), 64 + nudge % 9 - 4, 116 + nudge / 9 - 2);
    }

    /**
     * The seal pressed over the top left of the form instead, its centre just before the payer's name: over the labels of
     * the invoice code, the payer and the line below, as other hospitals' desks stamp (nudged like {@link #seal}).
     */
    static Seal sealOverPayer(ReceiptTruth truth) {
        int nudge = Math.floorMod(truth.invoiceNumber().hashCode(), 45);
        Box payer = valueBox(truth, "payerName");
        return new Seal(truth.hospital(), payer.x() - 6 + nudge % 9 - 4, payer.y() + payer.height() / 2 + nudge / 9 - 2);
    }

    /**
     * The seal pressed over the top left of the form with its star on the payer's name: its centre over the name's first
     * characters, a little above their middle (nudged like {@link #seal}), so that the star's points lie on the name and
     * the ring crosses the invoice code's line and the one below the payer, as set 2's scans are stamped.
     */
    static Seal sealOnPayersName(ReceiptTruth truth) {
        int nudge = Math.floorMod(truth.invoiceNumber().hashCode(), 45);
        Box payer = valueBox(truth, "payerName");
        return new Seal(truth.hospital(), payer.x() + 3 + nudge % 9 - 4, payer.y() + payer.height() / 2 - 2 + nudge / 9 - 2);
    }

    /**
     * The seal pressed over the total's figures (（小写）'s amount), its centre on them, the words in capitals to their left
     * clear of it (nudged like {@link #seal}).
     */
    static Seal sealOverTotal(ReceiptTruth truth) {
        int nudge = Math.floorMod(truth.invoiceNumber().hashCode(), 45);
        Box total = valueBox(truth, "total");
        return new Seal(truth.hospital(), total.x() + total.width() / 2 + nudge % 9 - 4, total.y() + total.height() / 2 + nudge / 9 - 2);
    }

    private static void drawGrid(ReceiptCanvas canvas) {
        canvas.rect(LEFT, TABLE_TOP, RIGHT - LEFT, TABLE_BOTTOM - TABLE_TOP, RULE * 1.5, FORM);
        for (double y : RULES) {
            canvas.line(LEFT, y, RIGHT, y, RULE, FORM);
        }
        for (int column = 1; column < COLUMNS.length - 1; column++) {
            canvas.line(COLUMNS[column], TABLE_TOP, COLUMNS[column], FEES_BOTTOM, RULE, FORM);
        }
    }
}
