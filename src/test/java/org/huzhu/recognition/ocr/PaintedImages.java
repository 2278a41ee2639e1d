package org.huzhu.recognition.ocr;

import java.util.Arrays;

/** Grey images drawn for the tests of the steps that clean a page or a look: paper of one grey, rectangles of ink. */
final class PaintedImages {

    private PaintedImages() {
    }

    /** An image of {@code w} × {@code h} pixels, all of grey {@code value}. */
    static GreyImage filled(int w, int h, int value) {
        byte[] pixels = new byte[w * h];
        Arrays.fill(pixels, (byte) value);
        return new GreyImage(w, h, pixels);
    }

    /** Paints the rectangle at ({@code x}, {@code y}), {@code w} × {@code h}, in grey {@code value}. */
    static void paint(GreyImage image, int x, int y, int w, int h, int value) {
        for (int yy = y; yy < y + h; yy++) {
            for (int xx = x; xx < x + w; xx++) image.pixels()[yy * image.width() + xx] = (byte) value;
        }
    }
}
