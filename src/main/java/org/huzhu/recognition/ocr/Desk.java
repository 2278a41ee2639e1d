package org.huzhu.recognition.ocr;

import java.util.function.IntPredicate;

/**
 * The desk round a photographed page, given the page's paper colour before the page's inks are parted. A reddish-brown
 * desk (set 1 photographed from further off on wood, in cool light: the probes WOODPHONE and TWOODPHONE) was taken for
 * the form's red ink: its grain stood in the form's layer as black bands round the page, the layer no longer
 * registered as the template, and its labels were read among the bands or not at all (seed 7's cash payment given
 * 0.00, seed 20's other and cash payments each other's). The desk is what is darker than the page (Otsu's threshold
 * over the photo's 8-pixel blocks, and at most {@link #DARKER} of the paper's grey) and reaches the photo's edge through
 * such blocks; it is taken only when it covers at least {@link #LEAST_SHARE} of the photo and its red leads
 * ({@link #RED_LEAD}), and the blocks beside it (the page's shaded edge) go with it. A rule or a stroke is thinner than a
 * block, which it leaves far brighter than a desk: a form whose rules run to the photo's edge keeps them. Painted white
 * instead of the paper's colour, the desk was taken for the paper by the light's balance
 * ({@link InkLayers#coolLightBalanced}), which then left the bluish paper as it was and the labels faint. Measured on
 * set 1: WOODPHONE 387 fields right and 5 WRONG → 410 and 0, TWOODPHONE 576 and 1 → 583 and 0.
 */
final class Desk {
    /** The side of the blocks the photo is looked at in, in pixels: a rule or a stroke is far thinner, a desk far wider. */
    static final int BLOCK = 8;
    /** The least share of the photo the dark border must cover to be taken for a desk. */
    static final double LEAST_SHARE = 0.03;
    /**
     * How much darker than the paper a desk's blocks are at least (the brightest tenth of the blocks is the paper): a
     * rule two pixels wide leaves its blocks three quarters as bright, the page's far side in a light falling off 40 %
     * across is 0.6 as bright, a reddish-brown or grey desk about 0.35–0.45.
     */
    static final double DARKER = 0.55;
    /**
     * How far the desk's red leads its green and blue at least, on average: a desk the form's red ink could be taken
     * for. A grey one is left as it is: the page beside it reads as before (given the paper's colour, set 1's photos on
     * the bench's grey desk read a few fields more and some others otherwise, and a Song-face photo's amount under the
     * seal's ring that had been left out, 1321.49, was read 3421.49).
     */
    static final int RED_LEAD = 24;
    private static final int[][] STEPS = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};

    private Desk() {
    }

    /** The photo's pixels (0xRRGGBB) with its desk in its paper's colour; the same array when no desk is found. */
    static int[] paperColoured(int[] rgb, int w, int h) {
        int bw = (w + BLOCK - 1) / BLOCK, bh = (h + BLOCK - 1) / BLOCK;
        int[] mean = new int[bw * bh];
        int[] count = new int[bw * bh];
        long[][] channels = new long[3][bw * bh];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = rgb[y * w + x], at = (y / BLOCK) * bw + x / BLOCK;
                mean[at] += InkLayers.lum(p);
                channels[0][at] += p >> 16 & 0xff;
                channels[1][at] += p >> 8 & 0xff;
                channels[2][at] += p & 0xff;
                count[at]++;
            }
        }
        byte[] blocks = new byte[bw * bh];
        for (int i = 0; i < mean.length; i++) blocks[i] = (byte) (mean[i] / count[i]);
        GreyImage small = new GreyImage(bw, bh, blocks);
        int threshold = (int) Math.min(ImagePreparation.otsuThreshold(small), DARKER * brightest(blocks));
        boolean[] desk = new boolean[bw * bh];
        int[] stack = new int[bw * bh];
        int top = 0, found = 0;
        for (int i = 0; i < desk.length; i++) {
            int x = i % bw, y = i / bw;
            boolean edge = x == 0 || y == 0 || x == bw - 1 || y == bh - 1;
            if (edge && small.at(x, y) < threshold) {
                desk[i] = true;
                stack[top++] = i;
            }
        }
        while (top > 0) {
            int at = stack[--top], x = at % bw, y = at / bw;
            found++;
            for (int[] s : STEPS) {
                int nx = x + s[0], ny = y + s[1];
                if (nx < 0 || ny < 0 || nx >= bw || ny >= bh) continue;
                int next = ny * bw + nx;
                if (!desk[next] && small.at(nx, ny) < threshold) {
                    desk[next] = true;
                    stack[top++] = next;
                }
            }
        }
        if (found < LEAST_SHARE * desk.length || redLead(desk, channels, count) < RED_LEAD) return rgb;
        int paper = paper(blocks, desk, channels, count);
        boolean[] painted = new boolean[desk.length];
        for (int i = 0; i < desk.length; i++) painted[i] = near(desk, bw, bh, i % bw, i / bw);
        int[] out = rgb.clone();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (painted[(y / BLOCK) * bw + x / BLOCK]) out[y * w + x] = paper;
            }
        }
        return out;
    }

    /** How far the red of the desk's blocks, all added up, leads the larger of their green and blue, per pixel. */
    private static long redLead(boolean[] desk, long[][] channels, int[] count) {
        long[] sums = sums(channels, count, i -> desk[i]);
        return sums[3] == 0 ? 0 : (sums[0] - Math.max(sums[1], sums[2])) / sums[3];
    }

    /** The red, green and blue of the blocks chosen added up, and last their pixels. */
    private static long[] sums(long[][] channels, int[] count, IntPredicate chosen) {
        long[] sums = new long[4];
        for (int i = 0; i < count.length; i++) {
            if (!chosen.test(i)) continue;
            for (int c = 0; c < 3; c++) sums[c] += channels[c][i];
            sums[3] += count[i];
        }
        return sums;
    }

    /** The grey the brightest tenth of the blocks reach. */
    private static int brightest(byte[] blocks) {
        int[] histogram = new int[256];
        for (byte b : blocks) histogram[b & 0xff]++;
        int level = 255;
        for (int seen = 0; level > 0 && seen + histogram[level] < blocks.length / 10; level--) seen += histogram[level];
        return level;
    }

    /** The page's paper: the mean colour of the page's brighter half of blocks (beyond the desk, ink rarely). */
    private static int paper(byte[] blocks, boolean[] desk, long[][] channels, int[] count) {
        int[] histogram = new int[256];
        int page = 0;
        for (int i = 0; i < blocks.length; i++) {
            if (!desk[i]) {
                histogram[blocks[i] & 0xff]++;
                page++;
            }
        }
        int median = 0;
        for (int seen = 0; median < 255 && seen + histogram[median] < page / 2; median++) seen += histogram[median];
        int brighter = median;
        long[] sums = sums(channels, count, i -> !desk[i] && (blocks[i] & 0xff) >= brighter);
        long n = sums[3];
        if (n == 0) return 0xFFFFFF;
        return (int) (sums[0] / n) << 16 | (int) (sums[1] / n) << 8 | (int) (sums[2] / n);
    }

    /** Whether the block or one beside it is the desk (the page's shaded edge goes with it). */
    private static boolean near(boolean[] desk, int bw, int bh, int bx, int by) {
        for (int y = Math.max(0, by - 1); y <= Math.min(bh - 1, by + 1); y++) {
            for (int x = Math.max(0, bx - 1); x <= Math.min(bw - 1, bx + 1); x++) {
                if (desk[y * bw + x]) return true;
            }
        }
        return false;
    }
}
