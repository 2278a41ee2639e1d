package org.huzhu.recognition.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the national template (docs/receipts.md) in a prepared form layer from its own red ink,
 * so that its labels can be placed rather than read: the table's six full-width rules (48, 54, 90,
 * 97, 104 and 125.5 mm from the top) and its frame's sides (12 and 228 mm from the left) are the
 * rows and columns of the layer that are dark across most of the table. Their pixels give the
 * page's scale and offset in each direction; the template is taken only when every rule lies
 * where the template has it (within {@link #TOLERANCE_MM}) and both directions agree on the scale.
 * Anything else — another form, a page cut off, a photo bent by perspective — is not registered
 * and the caller reads the form layer whole, as before.
 */
final class FormRegistration {

    /** A label of the template: its text and where it is printed (left edge and baseline, mm). */
    record Label(String text, double x, double baseline) {}

    /** Template millimetres → prepared-page pixels: {@code px = x * scaleX + offsetX}. */
    record Transform(double scaleX, double offsetX, double scaleY, double offsetY) {
        double x(double mm) {
            return mm * scaleX + offsetX;
        }

        double y(double mm) {
            return mm * scaleY + offsetY;
        }
    }

    static final double TEXT_MM = 3.5;
    static final double TITLE_MM = 6.0;
    static final double TITLE_BASELINE = 15;
    static final double PAGE_WIDTH_MM = 240;
    private static final double LEFT = 12, RIGHT = 228;
    private static final double[] RULES = {48, 54, 90, 97, 104, 125.5};
    private static final double TOLERANCE_MM = 0.8;

    private static final double COL_A = 14, COL_B = 80, COL_C = 150;
    /** The labels every receipt of the template prints, whatever its kind. */
    static final List<Label> COMMON = List.of(
            new Label("票据代码：", COL_A, 24), new Label("票据号码：", COL_C, 24),
            new Label("交款人统一社会信用代码：", COL_A, 30.5), new Label("校验码：", COL_C, 30.5),
            new Label("交款人：", COL_A, 37), new Label("开票日期：", COL_C, 37),
            new Label("医疗机构类型：", COL_B, 43.5),
            new Label("金额合计（大写）", 15, 95), new Label("（小写）", COL_C, 95),
            new Label("业务流水号：", 15, 102), new Label("医保类型：", 120, 102),
            new Label("其他信息", 15, 109),
            new Label("医保统筹基金支付：", 15, 115.5), new Label("其他支付：", 66, 115.5),
            new Label("个人账户支付：", 103, 115.5), new Label("个人现金支付：", 147, 115.5),
            new Label("个人自付：", 15, 121.5), new Label("个人自费：", 66, 121.5),
            new Label("收款单位（章）：", 15, 133), new Label("复核人：", 120, 133), new Label("收款人：", 170, 133),
            centred("项目名称", 12, 72), centred("金额(元)", 72, 120), centred("项目名称", 120, 180),
            centred("金额(元)", 180, 228));
    static final List<Label> INPATIENT = List.of(new Label("住院号：", COL_A, 43.5), new Label("住院时间：", COL_C, 43.5));
    static final List<Label> OUTPATIENT = List.of(new Label("门诊号：", COL_A, 43.5), new Label("就诊日期：", COL_C, 43.5));
    /** Labels read again to confirm the registration: the top-left and bottom-right corners of the labels. */
    static final Label TOP_LEFT = COMMON.getFirst();
    static final Label BOTTOM_RIGHT = COMMON.get(20);
    /**
     * A label read again to confirm the 其他信息 grid is printed in the template's order: 个人现金支付 in the first row's
     * last cell. Forms that print the grid the other way round (or another payment there) keep the template's rules,
     * title and corners, and placing the template's payment labels on them would give each amount another's name.
     * Only its core ({@link #GRID_CORE}) must be read there: 现金支付 is the same payment.
     */
    static final Label GRID = COMMON.get(15);
    static final String GRID_CORE = "现金";

    private FormRegistration() {
    }

    private static Label centred(String text, double from, double to) {
        return new Label(text, (from + to) / 2 - advance(text, TEXT_MM) / 2, 52.4);
    }

    /** The printed width of a text in mm: CJK and full-width characters one em, the rest half of one. */
    static double advance(String text, double size) {
        return text.codePoints().mapToDouble(c -> c < 0x2E80 ? 0.5 : 1.0).sum() * size;
    }

    /** The template's placement on the form layer, or null when the layer's rules are not the template's. */
    static Transform register(GreyImage form) {
        int w = form.width(), h = form.height();
        int[] rowDark = new int[h];
        for (int y = 0; y < h; y++) {
            int n = 0;
            for (int x = 0; x < w; x++) if (form.at(x, y) < 128) n++;
            rowDark[y] = n;
        }
        List<Double> rows = runs(rowDark, (int) (w * (RIGHT - LEFT) / PAGE_WIDTH_MM * 0.6));
        if (rows.size() != RULES.length) return null;
        double top = rows.getFirst(), bottom = rows.getLast();
        int[] columnDark = new int[w];
        for (int y = (int) top; y <= (int) bottom; y++) {
            for (int x = 0; x < w; x++) if (form.at(x, y) < 128) columnDark[x]++;
        }
        List<Double> columns = runs(columnDark, (int) ((bottom - top) * 0.8));
        if (columns.size() < 2) return null;
        double left = columns.getFirst(), right = columns.getLast();
        double scaleX = (right - left) / (RIGHT - LEFT);
        double scaleY = (bottom - top) / (RULES[RULES.length - 1] - RULES[0]);
        if (scaleX <= 0 || Math.abs(scaleX - scaleY) > 0.02 * scaleX) return null;
        Transform t = new Transform(scaleX, left - LEFT * scaleX, scaleY, top - RULES[0] * scaleY);
        for (int i = 0; i < RULES.length; i++) {
            if (Math.abs(rows.get(i) - t.y(RULES[i])) > TOLERANCE_MM * scaleY) return null;
        }
        return t;
    }

    /** The centres of the runs of consecutive indices whose count reaches the threshold. */
    private static List<Double> runs(int[] counts, int threshold) {
        List<Double> centres = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= counts.length; i++) {
            boolean dark = i < counts.length && counts[i] >= threshold && threshold > 0;
            if (dark && start < 0) start = i;
            if (!dark && start >= 0) {
                centres.add((start + i - 1) / 2.0);
                start = -1;
            }
        }
        return centres;
    }

    /** A rectangle of the template in mm. */
    record Area(double x, double y, double width, double height) {
    }

    /** The table's vertical rules inside the frame (the fee columns' sides), from the table's top to the fees' bottom. */
    private static final double[] COLUMN_RULES = {72, 120, 180};
    private static final double FEES_BOTTOM = 90;

    /**
     * Where the template prints its own ink — the title's band, every label (of both kinds of
     * receipt: theirs share places), the table's rules and frame — with {@code margin} mm around
     * it, except on a label's right, where its value follows: there the box stops
     * {@code valueRoom} mm short of the label's advance (a full-width colon's ink ends well
     * before it).
     */
    static List<Area> printed(double margin, double valueRoom) {
        List<Area> areas = new ArrayList<>();
        areas.add(new Area(30, TITLE_BASELINE - 0.95 * TITLE_MM - margin, 180, 1.2 * TITLE_MM + 2 * margin));
        for (List<Label> labels : List.of(COMMON, INPATIENT, OUTPATIENT)) {
            for (Label l : labels) {
                areas.add(new Area(l.x() - margin, l.baseline() - 0.95 * TEXT_MM - margin,
                        advance(l.text(), TEXT_MM) - valueRoom + margin, 1.2 * TEXT_MM + 2 * margin));
            }
        }
        double top = RULES[0], bottom = RULES[RULES.length - 1];
        for (double y : RULES) areas.add(new Area(LEFT - margin, y - margin, RIGHT - LEFT + 2 * margin, 2 * margin));
        for (double x : new double[] {LEFT, RIGHT}) areas.add(new Area(x - margin, top - margin, 2 * margin, bottom - top + 2 * margin));
        for (double x : COLUMN_RULES) areas.add(new Area(x - margin, top - margin, 2 * margin, FEES_BOTTOM - top + 2 * margin));
        return areas;
    }

    /** Where a label of the template lies on the page, as Tesseract would box it (pixels). */
    static TessEngine.Word placed(Label label, Transform t, float confidence) {
        double size = TEXT_MM;
        return new TessEngine.Word(label.text(), (int) Math.round(t.x(label.x())),
                (int) Math.round(t.y(label.baseline() - 0.85 * size)),
                (int) Math.round(t.x(label.x() + advance(label.text(), size))),
                (int) Math.round(t.y(label.baseline() + 0.15 * size)), confidence);
    }
}
