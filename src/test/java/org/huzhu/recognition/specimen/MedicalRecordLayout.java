package org.huzhu.recognition.specimen;

import static org.huzhu.recognition.specimen.ReceiptCanvas.Ink.DATA;
import static org.huzhu.recognition.specimen.ReceiptCanvas.Ink.FORM;
import static org.huzhu.recognition.specimen.ReceiptCanvas.Ink.SEAL;

import java.util.List;
import org.huzhu.recognition.specimen.ReceiptCanvas.Ink;

/**
 * Where a discharge summary or a diagnosis certificate puts its words, in three arrangements on a
 * 170 × 240 mm page: (0) 出院小结 with the letterhead over the title and the patient block in
 * columns, 入院诊断 and 出院诊断 as numbered lists; (1) 出院记录 with hospital and title on one line,
 * one label a row, the stay with times and the diagnoses numbered on one line; (2) 疾病诊断证明书
 * with 诊断 numbered below its label, the date of issue alone on a line and the hospital's red seal
 * stamped over the doctor and the date.
 */
final class MedicalRecordLayout {

    static final double WIDTH = 170;
    static final double HEIGHT = 240;
    static final int LAYOUTS = 3;
    static final int CERTIFICATE = 2;
    private static final double SIZE = 3.8;
    private static final double ROW = 8;
    private static final double LEFT = 15;

    private MedicalRecordLayout() {
    }

    static void draw(MedicalRecordTruth t, ReceiptCanvas canvas) {
        Ink title = t.redTitle() ? FORM : DATA;
        switch (t.layout()) {
            case 0 -> summaryInColumns(t, canvas, title);
            case 1 -> summaryInRows(t, canvas, title);
            default -> certificate(t, canvas, title);
        }
    }

    private static void summaryInColumns(MedicalRecordTruth t, ReceiptCanvas c, Ink title) {
        centred(c, t.hospital(), 18, 7, title);
        centred(c, "出院小结", 29, 6, title);
        c.line(LEFT, 34, WIDTH - LEFT, 34, 0.4, title);
        double y = 44;
        c.text("姓名：" + t.patient(), LEFT, y, SIZE, DATA);
        c.text("性别：" + t.sex(), 70, y, SIZE, DATA);
        c.text("年龄：" + t.age() + "岁", 115, y, SIZE, DATA);
        y += ROW;
        c.text("科室：" + t.department(), LEFT, y, SIZE, DATA);
        c.text("住院号：" + t.recordNumber(), 115, y, SIZE, DATA);
        y += ROW;
        c.text("入院日期：" + t.written(t.admission()), LEFT, y, SIZE, DATA);
        c.text("出院日期：" + t.written(t.discharge()), 95, y, SIZE, DATA);
        y = numbered(c, "入院诊断：", t.admissionDiagnoses(), y + ROW + 4);
        c.text("诊疗经过：患者因病入院，完善相关检查，予对症支持治疗后好转出院。", LEFT, y + 4, SIZE, DATA);
        y = numbered(c, "出院诊断：", t.diagnoses(), y + ROW + 8);
        c.text("出院医嘱：1.注意休息，按时服药。2.门诊随诊，不适随时就诊。", LEFT, y + 4, SIZE, DATA);
        c.text("医师签名：" + t.doctor(), 110, HEIGHT - 30, SIZE, DATA);
    }

    private static void summaryInRows(MedicalRecordTruth t, ReceiptCanvas c, Ink title) {
        centred(c, t.hospital() + "出院记录", 20, 6, title);
        c.line(LEFT, 25, WIDTH - LEFT, 25, 0.3, DATA);
        double y = 36;
        c.text("患者姓名：" + t.patient(), LEFT, y, SIZE, DATA);
        c.text("病案号：" + t.recordNumber(), 100, y, SIZE, DATA);
        y += ROW;
        c.text("科别：" + t.department(), LEFT, y, SIZE, DATA);
        y += ROW;
        c.text("入院时间：" + t.written(t.admission()) + " 09:30", LEFT, y, SIZE, DATA);
        y += ROW;
        c.text("出院时间：" + t.written(t.discharge()) + " 10:00", LEFT, y, SIZE, DATA);
        y += ROW;
        StringBuilder line = new StringBuilder("出院诊断：");
        for (int i = 0; i < t.diagnoses().size(); i++) line.append(i + 1).append('.').append(t.diagnoses().get(i)).append("  ");
        c.text(line.toString().strip(), LEFT, y, SIZE, DATA);
        y += ROW;
        c.text("出院情况：一般情况可，生命体征平稳。", LEFT, y, SIZE, DATA);
        c.text("出院医嘱：低盐低脂饮食，两周后复查。", LEFT, y + ROW, SIZE, DATA);
        c.text("主治医师：" + t.doctor(), 100, HEIGHT - 30, SIZE, DATA);
    }

    private static void certificate(MedicalRecordTruth t, ReceiptCanvas c, Ink title) {
        centred(c, t.hospital(), 18, 7, title);
        centred(c, "疾病诊断证明书", 30, 6.5, title);
        double y = 46;
        c.text("姓名：" + t.patient(), LEFT, y, SIZE, DATA);
        c.text("性别：" + t.sex(), 70, y, SIZE, DATA);
        c.text("年龄：" + t.age() + "岁", 115, y, SIZE, DATA);
        y += ROW;
        c.text("科别：" + t.department(), LEFT, y, SIZE, DATA);
        c.text("门诊号：" + t.recordNumber(), 100, y, SIZE, DATA);
        y += ROW;
        c.text("就诊日期：" + t.written(t.visit()), LEFT, y, SIZE, DATA);
        y = numbered(c, "诊断：", t.diagnoses(), y + ROW + 4);
        c.text("建议：注意休息，门诊随诊。", LEFT, y + 6, SIZE, DATA);
        c.text("医师：" + t.doctor(), 100, HEIGHT - 50, SIZE, DATA);
        c.text(t.written(t.issued()), 100, HEIGHT - 40, SIZE, DATA);
        seal(c, t.hospital(), 125, HEIGHT - 46);
    }

    /** A label on its own line and the items below it, numbered 1. 2. …; answers the baseline of the last. */
    private static double numbered(ReceiptCanvas c, String label, List<String> items, double y) {
        c.text(label, LEFT, y, SIZE, DATA);
        for (int i = 0; i < items.size(); i++) {
            y += ROW;
            c.text((i + 1) + ". " + items.get(i), LEFT + 8, y, SIZE, DATA);
        }
        return y + ROW;
    }

    private static void centred(ReceiptCanvas c, String text, double baseline, double size, Ink ink) {
        c.text(text, (WIDTH - ReceiptFont.advance(text, size)) / 2, baseline, size, ink);
    }

    /** The hospital's round seal: a ring, its name along the upper arc, a star, 诊断证明专用章 across the bottom. */
    private static void seal(ReceiptCanvas c, String hospital, double cx, double cy) {
        double radius = 17;
        c.circle(cx, cy, radius, 0.9, SEAL);
        int[] glyphs = hospital.codePoints().toArray();
        double span = Math.toRadians(Math.min(240, 26.0 * glyphs.length));
        for (int i = 0; i < glyphs.length; i++) {
            double angle = -span / 2 + span * (i + 0.5) / glyphs.length;
            c.glyph(Character.toString(glyphs[i]), cx + 13 * Math.sin(angle), cy - 13 * Math.cos(angle), 3.8, angle, SEAL);
        }
        double[] xs = new double[10];
        double[] ys = new double[10];
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? 4.5 : 1.7;
            xs[i] = cx + r * Math.sin(Math.PI * i / 5);
            ys[i] = cy - 1 - r * Math.cos(Math.PI * i / 5);
        }
        c.polygon(xs, ys, SEAL);
        String purpose = "诊断证明专用章";
        c.text(purpose, cx - ReceiptFont.advance(purpose, 2.8) / 2, cy + 9, 2.8, SEAL);
    }
}
