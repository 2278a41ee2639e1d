package org.huzhu.recognition.ocr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dust on a scanner's glass: specks of ink far from any stroke, taken off a page before Tesseract reads it and off each
 * second look's line. A worn scanner's page (set 1 scanned with its toner faded, its optics soft and dust on the glass,
 * the probes FADEDSCAN and TFADEDSCAN) read its dust as characters: a look at a faint name beside a few specks came back
 * as other characters or as none (黄明 as {@code *}), an amount with specks after it with more digits
 * ({@code 1283.05.3.}), a page's values with characters that are not there ({@code 1106.电}). The median filter a look
 * already has keeps the specks the look has enlarged past its three pixels.
 * <p>
 * A speck is a blob of ink (8-connected, darker than Otsu's threshold of the image) no larger than a given size across,
 * with no larger blob within a given distance: a decimal point, a colon's dots and a character's own dots lie closer to
 * the strokes beside them and stay. Measured on set 1's probes (right / WRONG, against the same without): looks alone
 * FADEDSCAN 255/13 → 272/15, TFADEDSCAN 386/19 → 394/18; with the page's specks as well 285/8 and 414/18, the seventeen
 * other renderings 7 fields more right and 4 fewer WRONG (none worse by more than one). A look's specks at 0.15 of its
 * height apart rather than 0.3: 283/7 and 408/15; a page's at 0.8 mm apart 283/11 and 415/13, at 2 mm 270/11 and 412/17.
 */
final class Specks {
    /** On a look: the largest speck, as a share of the line's height (a look's box is about twice its print's height). */
    static final double LINE_SPECK = 0.1;
    /** On a look: how far a speck lies from every larger blob, as a share of the line's height. */
    static final double LINE_APART = 0.3;
    /** On a page: the largest speck, in millimetres (a decimal point of the receipts' 3.5-mm print is about 0.4). */
    static final double PAGE_SPECK_MM = 0.5;
    /** On a page: how far a speck lies from every larger blob, in millimetres. */
    static final double PAGE_APART_MM = 1.2;

    private Specks() {
    }

    /** A page, {@code pixelsPerMm} fine, with its specks made white ({@link #PAGE_SPECK_MM}, {@link #PAGE_APART_MM}). */
    static GreyImage offPage(GreyImage page, double pixelsPerMm) {
        return removed(page, PAGE_SPECK_MM * pixelsPerMm, PAGE_APART_MM * pixelsPerMm);
    }

    /** A look's line with its specks made white ({@link #LINE_SPECK}, {@link #LINE_APART}); the same image if none. */
    static GreyImage offLine(GreyImage line) {
        return removed(line, LINE_SPECK * line.height(), LINE_APART * line.height());
    }

    /**
     * The image with every blob no more than {@code largest} pixels across and more than {@code apart} pixels from every
     * larger blob made white, with a halo of half its size (the blur around it); the same image when there is none.
     */
    static GreyImage removed(GreyImage image, double largest, double apart) {
        int w = image.width(), h = image.height();
        byte[] p = image.pixels();
        List<int[]> specks = new ArrayList<>();
        int cell = Math.max(1, (int) Math.ceil(apart));
        Map<Long, List<int[]>> strokes = new HashMap<>();
        for (int[] box : Blobs.of(image, ImagePreparation.otsuThreshold(image)).boxes()) {
            if (box[2] - box[0] + 1 <= largest && box[3] - box[1] + 1 <= largest) {
                specks.add(box);
                continue;
            }
            for (int cy = box[1] / cell; cy <= box[3] / cell; cy++) {
                for (int cx = box[0] / cell; cx <= box[2] / cell; cx++) {
                    strokes.computeIfAbsent(key(cx, cy), k -> new ArrayList<>()).add(box);
                }
            }
        }
        byte[] out = null;
        for (int[] b : specks) {
            if (nearStroke(b, strokes, cell, apart)) continue;
            if (out == null) out = p.clone();
            int halo = Math.max(1, (b[2] - b[0] + b[3] - b[1]) / 4 + 1);
            for (int y = Math.max(0, b[1] - halo); y <= Math.min(h - 1, b[3] + halo); y++) {
                for (int x = Math.max(0, b[0] - halo); x <= Math.min(w - 1, b[2] + halo); x++) out[y * w + x] = (byte) 255;
            }
        }
        return out == null ? image : new GreyImage(w, h, out);
    }

    private static boolean nearStroke(int[] speck, Map<Long, List<int[]>> strokes, int cell, double apart) {
        for (int cy = speck[1] / cell - 1; cy <= speck[3] / cell + 1; cy++) {
            for (int cx = speck[0] / cell - 1; cx <= speck[2] / cell + 1; cx++) {
                for (int[] s : strokes.getOrDefault(key(cx, cy), List.of())) {
                    if (gap(speck, s) <= apart) return true;
                }
            }
        }
        return false;
    }

    private static long key(int cx, int cy) {
        return (long) cx << 32 | (cy & 0xffffffffL);
    }

    /** The distance between two boxes along the axis they are further apart on (0 when they overlap). */
    private static int gap(int[] a, int[] b) {
        int dx = Math.max(0, Math.max(a[0] - b[2], b[0] - a[2]));
        int dy = Math.max(0, Math.max(a[1] - b[3], b[1] - a[3]));
        return Math.max(dx, dy);
    }
}
