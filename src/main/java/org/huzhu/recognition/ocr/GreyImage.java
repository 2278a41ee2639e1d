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
}
