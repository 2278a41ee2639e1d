package org.huzhu.recognition.ocr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Uneven light divided out: the paper's brightness estimated from the brightest 4×4 means of
 * blocks a 64th of the page wide, smoothed and interpolated. A step of {@link ImagePreparation}.
 */
final class FlatField {

    private FlatField() {
    }

    /**
     * Divides the page by its background: the brightest pixel of each block (text strokes are far
     * thinner than a block), smoothed, interpolated back to full size. Paper becomes white
     * everywhere, whatever the light was; ink keeps its contrast against the paper around it.
     */
    static GreyImage flatField(GreyImage page) {
        return divide(page, background(page));
    }

    /** The paper's brightness at every pixel, as {@link #flatField} estimates it. */
    static GreyImage background(GreyImage page) {
        return background(page, false);
    }

    /**
     * The paper's brightness at every pixel; {@code shadowed}: on a photo with a shadow over the page, each block lifted
     * only as far as {@link #smooth} lifts a shadowed page's.
     */
    static GreyImage background(GreyImage page, boolean shadowed) {
        int w = page.width();
        int h = page.height();
        int cell = 4;
        int block = Math.max(2, Math.max(w, h) / 64 / cell) * cell;
        int bw = (w + block - 1) / block;
        int bh = (h + block - 1) / block;
        int cw = w / cell;
        int ch = h / cell;
        int perBlock = block / cell;
        int[] max = new int[bw * bh];
        byte[] p = page.pixels();
        // the brightest 4×4 mean of each block: averaging first keeps noise from lifting the estimate
        int[] sums = new int[cw];
        for (int cy = 0; cy < ch; cy++) {
            Arrays.fill(sums, 0);
            for (int y = cy * cell; y < cy * cell + cell; y++) {
                int row = y * w;
                for (int cx = 0, x = 0; cx < cw; cx++) {
                    int sum = 0;
                    for (int end = x + cell; x < end; x++) sum += p[row + x] & 0xff;
                    sums[cx] += sum;
                }
            }
            int by = cy / perBlock * bw;
            for (int cx = 0; cx < cw; cx++) {
                int mean = sums[cx] / (cell * cell);
                int k = by + cx / perBlock;
                if (mean > max[k]) max[k] = mean;
            }
        }
        int[] background = smooth(max, bw, bh, shadowed);
        byte[] out = new byte[w * h];
        // bilinear interpolation between block centres: the columns' neighbours and weights once, each row's blend of its two block rows once
        int[] x0 = new int[w];
        int[] x1 = new int[w];
        double[] tx = new double[w];
        for (int x = 0; x < w; x++) {
            double fx = Math.min(Math.max((x + 0.5) / block - 0.5, 0), bw - 1);
            x0[x] = (int) fx;
            x1[x] = Math.min(x0[x] + 1, bw - 1);
            tx[x] = fx - x0[x];
        }
        double[] row = new double[bw];
        for (int y = 0; y < h; y++) {
            double fy = Math.min(Math.max((y + 0.5) / block - 0.5, 0), bh - 1);
            int y0 = (int) fy;
            int y1 = Math.min(y0 + 1, bh - 1);
            double ty = fy - y0;
            for (int bx = 0; bx < bw; bx++) row[bx] = background[y0 * bw + bx] * (1 - ty) + background[y1 * bw + bx] * ty;
            int at = y * w;
            for (int x = 0; x < w; x++) {
                out[at + x] = (byte) Math.max(32, (int) Math.round(row[x0[x]] * (1 - tx[x]) + row[x1[x]] * tx[x]));
            }
        }
        return new GreyImage(w, h, out);
    }

    /** The page divided by its background: paper white, ink as dark as it stands out from the paper around it. */
    static GreyImage divide(GreyImage page, GreyImage background) {
        byte[] p = page.pixels();
        byte[] bg = background.pixels();
        byte[] out = new byte[p.length];
        for (int i = 0; i < p.length; i++) out[i] = (byte) InkLayers.overPaper(p[i] & 0xff, bg[i] & 0xff);
        return new GreyImage(page.width(), page.height(), out);
    }

    /**
     * Each block lifted where it is darker than its neighbours, then a 3×3 mean over the block grid: one dark block (a
     * big glyph) does not pull the light down. A block is lifted to the brightest of its 3×3; on a page with a shadow
     * over it ({@code shadowed}) only to their median: there a block darker than some neighbours may be paper in the
     * shadow, and lifted to the light beside the shadow's edge it left a grey band across the page, the width of a
     * block or two, that hid the text under it (a glyph's block still has more bright neighbours than dark ones). On
     * every photo the median read set 1's bench photos with 3 fields fewer (a hospital and two dates on one page).
     */
    private static int[] smooth(int[] grid, int w, int h, boolean shadowed) {
        int[] dilated = new int[grid.length];
        int[] around = new int[9];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < h && xx >= 0 && xx < w) around[n++] = grid[yy * w + xx];
                    }
                }
                if (shadowed) {
                    Arrays.sort(around, 0, n);
                    dilated[y * w + x] = Math.max(grid[y * w + x], around[n / 2]);
                } else {
                    int brightest = 0;
                    for (int i = 0; i < n; i++) brightest = Math.max(brightest, around[i]);
                    dilated[y * w + x] = brightest;
                }
            }
        }
        int[] mean = new int[grid.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                            sum += dilated[yy * w + xx];
                            n++;
                        }
                    }
                }
                mean[y * w + x] = sum / n;
            }
        }
        return mean;
    }

    /**
     * Whatever lies where the background is far darker than the page's paper — the desk around a
     * photographed receipt — becomes white: Tesseract would take a dark border for a picture and
     * leave out the text beside it. Paper in a shadow (the phone's or the hand's, over a corner of
     * the page) is as dark as a desk, but it is printed on: what stands inside the outline of the
     * lit paper and of the lines of text read in the dark ({@link #outline}) is kept.
     */
    static GreyImage onlyPaper(GreyImage layer, boolean[] desk) {
        byte[] out = layer.pixels().clone();
        for (int i = 0; i < out.length; i++) if (desk[i]) out[i] = (byte) 255;
        return new GreyImage(layer.width(), layer.height(), out);
    }

    /**
     * Where the desk is ({@code desk}): where the background is under {@link #DESK} of the best-lit paper's brightness,
     * and, on a page with print in the dark ({@link Outline#shadowed}), outside the convex outline of the page (on the
     * others all of it: kept inside the lit paper's outline, set 1's photos without a shadow read 3 fields fewer). The
     * outline holds the lit paper and every blob of ink in the dark that has the size of a character and a neighbour
     * beside it as a line of text has ({@link #printedInTheDark}; how many, {@code printedInTheDark}): a shadow's paper
     * is printed on, a desk is not. The inks are the page's layers, already divided by the background.
     */
    record Outline(boolean[] desk, int printedInTheDark) {
        /** Whether the page has a shadow over its print: at least {@link #SHADOWED} characters in the dark. */
        boolean shadowed() {
            return printedInTheDark >= SHADOWED;
        }
    }

    /** How many characters in the dark make a page shadowed ({@link Outline#shadowed}): a desk's blotches are fewer. */
    static final int SHADOWED = 8;

    static Outline outline(GreyImage background, GreyImage... inks) {
        int w = background.width(), h = background.height();
        byte[] bg = background.pixels();
        int deskGrey = (int) (brightPaper(bg) * DESK);
        boolean[] dark = new boolean[bg.length];
        boolean any = false;
        for (int i = 0; i < bg.length; i++) if ((bg[i] & 0xff) < deskGrey) dark[i] = any = true;
        if (!any) return new Outline(dark, 0);
        List<double[]> outline = new ArrayList<>();
        // the lit paper, a point per 8×8 cell: the outline needs its reach, not every pixel
        for (int y = 0; y < h; y += 8) {
            for (int x = 0; x < w; x += 8) if (!dark[y * w + x]) outline.add(new double[] {x, y});
        }
        int printed = 0;
        for (GreyImage ink : inks) {
            if (ink == null) continue;
            for (int[] box : printedInTheDark(ink, dark)) {
                printed++;
                outline.add(new double[] {box[0], box[1]});
                outline.add(new double[] {box[2], box[3]});
                outline.add(new double[] {box[0], box[3]});
                outline.add(new double[] {box[2], box[1]});
            }
        }
        // no print in the dark: all of it is desk, as a photo without a shadow's has always been read
        if (printed < SHADOWED) return new Outline(dark, printed);
        int[][] rows = rowSpans(convexHull(outline), h);
        for (int y = 0; y < h; y++) {
            int from = rows[y][0], to = rows[y][1];
            for (int x = Math.max(0, from); x <= Math.min(w - 1, to); x++) dark[y * w + x] = false;
        }
        return new Outline(dark, printed);
    }

    /** The best-lit paper's brightness: the darkest of the brightest tenth of the background's pixels. */
    static int brightPaper(byte[] bg) {
        int[] histogram = new int[256];
        for (byte b : bg) histogram[b & 0xff]++;
        long seen = 0;
        for (int v = 255; v >= 0; v--) {
            seen += histogram[v];
            if (seen * 10 >= bg.length) return v;
        }
        return 255;
    }

    /** A background under this share of the paper's brightness is a desk's or a shadow's. */
    static final double DESK = 0.6;

    /**
     * The blobs of ink (under 96 once divided by the paper) that stand in the dark, are the size of a character (0.4–5 %
     * of the photo's height high, at most 8 % of its width wide, at least 12 pixels) and have another such blob beside
     * them: their middles within half the taller's height of each other up and down, the gap between them under three
     * heights. A blotch of the desk stands alone.
     */
    static List<int[]> printedInTheDark(GreyImage ink, boolean[] dark) {
        int w = ink.width(), h = ink.height();
        List<int[]> characters = new ArrayList<>();
        for (int[] box : Blobs.of(ink, 96).boxes()) {
            int bw = box[2] - box[0] + 1, bh = box[3] - box[1] + 1;
            int middle = (box[1] + box[3]) / 2 * w + (box[0] + box[2]) / 2;
            if (box[4] >= 12 && bh >= h * 0.004 && bh <= h * 0.05 && bw <= w * 0.08 && dark[middle]) characters.add(box);
        }
        List<int[]> inLines = new ArrayList<>();
        for (int[] a : characters) {
            for (int[] b : characters) {
                if (a == b) continue;
                int height = Math.max(a[3] - a[1], b[3] - b[1]) + 1;
                double rise = Math.abs((a[1] + a[3]) / 2.0 - (b[1] + b[3]) / 2.0);
                int gap = Math.max(a[0], b[0]) - Math.min(a[2], b[2]);
                if (rise <= height / 2.0 && gap < 3 * height) {
                    inLines.add(a);
                    break;
                }
            }
        }
        return inLines;
    }

    /** The convex hull of the points (Andrew's monotone chain), counter-clockwise in image coordinates' sense. */
    private static List<double[]> convexHull(List<double[]> points) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        if (sorted.size() < 3) return sorted;
        double[][] hull = new double[2 * sorted.size()][];
        int k = 0;
        for (double[] p : sorted) {
            while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) k--;
            hull[k++] = p;
        }
        for (int i = sorted.size() - 2, lower = k + 1; i >= 0; i--) {
            double[] p = sorted.get(i);
            while (k >= lower && cross(hull[k - 2], hull[k - 1], p) <= 0) k--;
            hull[k++] = p;
        }
        return Arrays.asList(Arrays.copyOf(hull, k - 1));
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    /** Each row's span inside the convex polygon, {from, to} (from > to where the row misses it). */
    private static int[][] rowSpans(List<double[]> polygon, int height) {
        int[][] rows = new int[height][];
        for (int y = 0; y < height; y++) {
            double from = Double.MAX_VALUE, to = -Double.MAX_VALUE;
            int n = polygon.size();
            for (int i = 0; i < n; i++) {
                double[] a = polygon.get(i), b = polygon.get((i + 1) % n);
                if (n == 1 || (a[1] == y && b[1] == y)) {
                    from = Math.min(from, Math.min(a[0], b[0]));
                    to = Math.max(to, Math.max(a[0], b[0]));
                } else if ((a[1] <= y && y <= b[1]) || (b[1] <= y && y <= a[1])) {
                    double x = a[1] == b[1] ? a[0] : a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1]);
                    from = Math.min(from, x);
                    to = Math.max(to, x);
                }
            }
            rows[y] = new int[] {(int) Math.ceil(from), (int) Math.floor(to)};
        }
        return rows;
    }
}
