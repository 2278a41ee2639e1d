package org.huzhu.recognition.specimen;

/**
 * What {@link ReceiptLayout} draws with: millimetres from the page's top-left corner, y growing
 * downwards, sizes in millimetres (a text's size is its em height). The PNG, PDF and OFD renderers
 * each implement it, so all three draw the same page.
 */
interface ReceiptCanvas {

    /** The printed red form, the black data, and the red seal ink laid over both. */
    enum Ink {
        FORM(200, 16, 46, 1.0),
        DATA(0, 0, 0, 1.0),
        /** Stamp ink: multiplied over what lies below with this opacity, so black text shows through. */
        SEAL(208, 20, 40, 0.85);

        final int red;
        final int green;
        final int blue;
        final double opacity;

        Ink(int red, int green, int blue, double opacity) {
            this.red = red;
            this.green = green;
            this.blue = blue;
            this.opacity = opacity;
        }
    }

    /** A run of text starting at {@code x}, its baseline at {@code baseline}. */
    void text(String text, double x, double baseline, double size, Ink ink);

    /** One glyph centred on (cx, cy), turned clockwise by {@code angle} radians (the seal's ring). */
    void glyph(String glyph, double cx, double cy, double size, double angle, Ink ink);

    void line(double x1, double y1, double x2, double y2, double width, Ink ink);

    void circle(double cx, double cy, double radius, double width, Ink ink);

    /** A filled polygon (the seal's star). */
    void polygon(double[] xs, double[] ys, Ink ink);

    default void rect(double x, double y, double width, double height, double lineWidth, Ink ink) {
        line(x, y, x + width, y, lineWidth, ink);
        line(x + width, y, x + width, y + height, lineWidth, ink);
        line(x + width, y + height, x, y + height, lineWidth, ink);
        line(x, y + height, x, y, lineWidth, ink);
    }
}
