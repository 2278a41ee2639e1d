package org.huzhu.recognition.specimen;

import static org.huzhu.recognition.specimen.ReceiptCanvas.Ink.SEAL;

/**
 * The hospital's round 医疗收费专用章: a ring, the hospital's name along the upper arc with each
 * glyph's top facing outwards, a five-pointed star in the middle and 医疗收费专用章 across the
 * bottom. Short names are spread over 180°, long ones take up to 250°.
 */
record Seal(String hospital, double cx, double cy) {

    static final double RADIUS = 18;
    private static final double RING = 0.9;
    private static final double STAR = 4.6;
    private static final String PURPOSE = "医疗收费专用章";
    private static final double PURPOSE_SIZE = 2.9;
    private static final double PURPOSE_BASELINE = 9.5;
    private static final double MIN_SPAN = Math.toRadians(180), MAX_SPAN = Math.toRadians(250);

    void draw(ReceiptCanvas canvas) {
        canvas.circle(cx, cy, RADIUS - RING / 2, RING, SEAL);
        drawName(canvas);
        drawStar(canvas);
        double width = ReceiptFont.advance(PURPOSE, PURPOSE_SIZE);
        canvas.text(PURPOSE, cx - width / 2, cy + PURPOSE_BASELINE, PURPOSE_SIZE, SEAL);
    }

    private void drawName(ReceiptCanvas canvas) {
        int count = hospital.codePointCount(0, hospital.length());
        double arc = (RADIUS - 3) * MAX_SPAN;
        double size = Math.clamp(arc / count * 0.85, 2.6, 4.6);
        double radius = RADIUS - RING - 0.4 - size / 2;
        double span = Math.clamp(count * size * 1.08 / radius, MIN_SPAN, MAX_SPAN);
        double step = span / count;
        int[] glyphs = hospital.codePoints().toArray();
        for (int i = 0; i < count; i++) {
            double angle = -span / 2 + step * (i + 0.5);
            double x = cx + radius * Math.sin(angle);
            double y = cy - radius * Math.cos(angle);
            canvas.glyph(Character.toString(glyphs[i]), x, y, size, angle, SEAL);
        }
    }

    private void drawStar(ReceiptCanvas canvas) {
        double[] xs = new double[10];
        double[] ys = new double[10];
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? STAR : STAR * 0.382;
            double angle = Math.PI * i / 5;
            xs[i] = cx + r * Math.sin(angle);
            ys[i] = cy - 1 - r * Math.cos(angle);
        }
        canvas.polygon(xs, ys, SEAL);
    }
}
