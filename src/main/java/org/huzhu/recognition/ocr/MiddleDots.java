package org.huzhu.recognition.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * The middle dot of a name written so (麦克·李, 阿依·买买提: the way an ID card writes a Uyghur's, a Mongol's or a
 * foreigner's name), found in the ink of the name's box where OCR read none: a half-width {@code ·} in a Hei face is a
 * speck of a tenth of the characters' height, which Tesseract drops, reads as an apostrophe or a colon, or runs the
 * name together (麦克李, a name beginning with the surname 麦, given WRONG).
 * <p>
 * A middle dot is a blob of ink (8-connected, darker than Otsu's threshold of the box) that is small (at most
 * {@link #LARGEST} of the characters' height across, at least {@link #SMALLEST}), about as wide as high and filled
 * (a round or square dot, not a slanting stroke such as the dots of 小 or 心), whose middle is about halfway down
 * the characters, with characters on both sides and no other ink above or below it (the dots of 冫 and 氵 stand over
 * one another, a colon's two as well). It is given as the share of the characters' ink that lies left of it: about
 * k/n for a dot after the k-th of n characters.
 */
final class MiddleDots {
    /** The largest a dot is across, as a share of the characters' height. */
    static final double LARGEST = 0.22;
    /** The smallest, under which it is dust. */
    static final double SMALLEST = 0.05;
    /** How far from halfway down the characters a dot's middle may be, as a share of their height. */
    static final double OFF_MIDDLE = 0.15;
    /** The least share of its box a dot fills (a round one, π/4). */
    static final double FILLED = 0.55;
    /** How much wider than high, or higher than wide, a dot may be. */
    static final double ASPECT = 1.6;

    /** How far from a boundary between characters the dot's share may lie, in characters. */
    static final double OFF_BOUNDARY = 0.25;

    private MiddleDots() {
    }

    /**
     * After how many of the name's {@code characters} the one middle dot its ink holds stands (k when its share lies
     * within {@link #OFF_BOUNDARY} of k/n, between the first character and the last); 0 when the ink holds none, more
     * than one, or one between no two characters, and when the box holds more or less than so many characters
     * ({@link #holds}).
     */
    static int after(GreyImage box, int characters) {
        Found found = in(box);
        List<Double> dots = found.dots();
        if (dots.size() != 1 || characters < 2 || !holds(found, characters)) return 0;
        double place = dots.get(0) * characters;
        long k = Math.round(place);
        return k >= 1 && k <= characters - 1 && Math.abs(place - k) <= OFF_BOUNDARY ? (int) k : 0;
    }

    /**
     * Whether the characters' ink is as wide as a name of so many characters: from {@link #NARROWEST} to
     * {@link #WIDEST} of their height each, and half a character more for the dot. A box holding more than the name (the
     * whole line, its label and the next value too) is not looked at: a dot between other words is no dot of the name's.
     */
    private static boolean holds(Found found, int characters) {
        return found.width() >= NARROWEST * characters * found.height() && found.width() <= (WIDEST * characters + 0.5) * found.height();
    }

    /** The least width of a character of a name, as a share of the characters' height (一's is narrow, but not the name's). */
    static final double NARROWEST = 0.7;
    /** The most, with the spacing of a name printed spaced out. */
    static final double WIDEST = 1.6;

    /** The dots found, as shares of the characters' ink left of them, and how wide and high the characters' ink is. */
    record Found(List<Double> dots, double width, double height) {
        static final Found NONE = new Found(List.of(), 0, 0);
    }

    /**
     * The middle dots of the name whose ink the image holds, each as the share of the characters' ink (from the left
     * edge of the first character's to the right edge of the last's, the dot's gap taken out) left of it (none when
     * there is none, or no characters to measure by), and the characters' ink's width and height.
     */
    static Found in(GreyImage box) {
        int w = box.width(), h = box.height();
        Blobs ink = Blobs.of(box, ImagePreparation.otsuThreshold(box));
        int[] label = ink.label();
        List<int[]> blobs = ink.boxes();
        int tallest = blobs.stream().mapToInt(b -> b[3] - b[1] + 1).max().orElse(0);
        // the characters' strokes: blobs at least half as high as the tallest (a character's parts, its radicals)
        int top = h, bottom = -1, left = w, right = -1;
        for (int[] b : blobs) {
            if (b[3] - b[1] + 1 < tallest / 2.0) continue;
            top = Math.min(top, b[1]);
            bottom = Math.max(bottom, b[3]);
            left = Math.min(left, b[0]);
            right = Math.max(right, b[2]);
        }
        if (bottom < 0) return Found.NONE;
        double height = bottom - top + 1, middle = (top + bottom) / 2.0;
        List<Double> dots = new ArrayList<>();
        for (int i = 0; i < blobs.size(); i++) {
            int[] b = blobs.get(i);
            int bw = b[2] - b[0] + 1, bh = b[3] - b[1] + 1;
            boolean dotSized = Math.max(bw, bh) <= LARGEST * height && Math.min(bw, bh) >= SMALLEST * height
                    && Math.max(bw, bh) <= ASPECT * Math.min(bw, bh) && b[4] >= FILLED * bw * bh;
            if (!dotSized || Math.abs((b[1] + b[3]) / 2.0 - middle) > OFF_MIDDLE * height || b[0] <= left || b[2] >= right) continue;
            if (!aloneInItsColumns(label, w, i + 1, b, top, bottom)) continue;
            int before = left, after = right;
            for (int[] o : blobs) {
                if (o == b) continue;
                if (o[2] < b[0]) before = Math.max(before, o[2]);
                if (o[0] > b[2]) after = Math.min(after, o[0]);
            }
            double leftInk = before - left + 1, rightInk = right - after + 1;
            if (before == left || after == right) continue;
            dots.add(leftInk / (leftInk + rightInk));
        }
        return new Found(dots, right - left + 1, height);
    }

    /** Whether the columns of the blob, from the characters' top to their bottom, hold no ink but its own. */
    private static boolean aloneInItsColumns(int[] label, int w, int id, int[] blob, int top, int bottom) {
        for (int y = top; y <= bottom; y++) {
            for (int x = blob[0]; x <= blob[2]; x++) {
                int l = label[y * w + x];
                if (l != 0 && l != id) return false;
            }
        }
        return true;
    }
}
