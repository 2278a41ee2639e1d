package org.huzhu.recognition.ocr;

/**
 * An 8-bit grey image, row by row, 0 black to 255 white: what the preparation steps pass on and what
 * Tesseract is given (one byte a pixel, no padding).
 */
record GreyImage(int width, int height, byte[] pixels) {

    GreyImage {
        if (width < 1 || height < 1 || pixels.length != width * height) {
            throw new IllegalArgumentException("grey image " + width + "x" + height + " with " + pixels.length + " bytes");
        }
    }

    static GreyImage blank(int width, int height) {
        byte[] white = new byte[width * height];
        java.util.Arrays.fill(white, (byte) 255);
        return new GreyImage(width, height, white);
    }

    int at(int x, int y) {
        return pixels[y * width + x] & 0xff;
    }

    /** The part of the image inside the rectangle (clipped to the image; at least one pixel). */
    GreyImage crop(int x, int y, int w, int h) {
        int left = Math.max(0, Math.min(width - 1, x));
        int top = Math.max(0, Math.min(height - 1, y));
        int cw = Math.max(1, Math.min(width - left, w));
        int ch = Math.max(1, Math.min(height - top, h));
        byte[] out = new byte[cw * ch];
        for (int row = 0; row < ch; row++) System.arraycopy(pixels, (top + row) * width + left, out, row * cw, cw);
        return new GreyImage(cw, ch, out);
    }
}
