package org.huzhu.recognition.ocr;

/**
 * A table's rule through a look's line: a form printed in black (or dark grey) keeps its rules in the data's layer, and a
 * value printed on one, or a look's box reaching it, has a long stroke along its characters' feet that the line model
 * reads into them (a name above a statement's rule read 崔慧几 and 雕意几 for 崔慧凤). A rule is a run of ink along a row
 * at least {@link #LENGTH} times the look's height long: no character's stroke is, the box being about twice its print's
 * height. Its rows are made white there, and the lighter pixels of its blurred edge above and below; the strokes that
 * cross it lose as much of their length as it is thick.
 */
final class Rules {
    /** The shortest rule, as a multiple of the look's height. */
    static final double LENGTH = 2;

    private Rules() {
    }

    /** A look's line with its rules made white; the same image when it has none. */
    static GreyImage offLine(GreyImage line) {
        int w = line.width(), h = line.height();
        int shortest = (int) Math.ceil(LENGTH * h);
        if (w < shortest) return line;
        int threshold = ImagePreparation.otsuThreshold(line);
        byte[] p = line.pixels();
        byte[] out = null;
        for (int y = 0; y < h; y++) {
            int x = 0;
            while (x < w) {
                if ((p[y * w + x] & 0xff) > threshold) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < w && (p[y * w + x] & 0xff) <= threshold) x++;
                if (x - start < shortest) continue;
                if (out == null) out = p.clone();
                for (int k = start; k < x; k++) {
                    out[y * w + k] = (byte) 255;
                    // the rule's blurred edge, lighter than ink, above and below it
                    for (int edge = y - 1; edge <= y + 1; edge += 2) {
                        if (edge >= 0 && edge < h && (p[edge * w + k] & 0xff) > threshold) out[edge * w + k] = (byte) 255;
                    }
                }
            }
        }
        return out == null ? line : new GreyImage(w, h, out);
    }
}
