package org.huzhu.recognition.ocr;

import java.awt.Rectangle;
import java.awt.geom.Path2D;
import java.util.Arrays;

/**
 * The solid star at the centre of a round seal, taken out of a colour page's layer of red ink (drawn black,
 * {@link InkLayers#redInk}), for a label the star lies over to be read by what is left of it. The star is the ink joined
 * to the seal's centre within {@link #REACH} of its radius, opened (eroded and grown back by {@link #THIN} of the radius):
 * a label's strokes that touch it are thinner than its body and stay, its points' thin tips too. What is left of the
 * star's body, and {@link #RIM} pixels around it, becomes paper. Set 1's other forms stamp the seal with its star over
 * 自付金额 or 个人自付 beside the value before it (the star over 付金, 自 and 额 clear of it), whose read with the star
 * made other characters of it (自人, 计人, 代).
 * <p>
 * On a grey page whose data is no darker than its seal the star cannot be told from the data by its grey, nor taken out
 * without the data it touches; it is divided out instead ({@link #dividedOut}): the star's shape is known, a regular
 * five-pointed star at the seal's centre, and stamp ink multiplies over what is below it, so each pixel the star covers
 * is divided by the star's grey, in the share it covers it.
 */
final class SealStar {

    /** How far from the seal's centre, in its radii, the star's ink may reach (a seal's star spans about a third of it). */
    static final double REACH = 0.45;
    /** The layer's ink: darker than this. */
    static final int INK = 128;
    /** A stroke no wider than twice this share of the seal's radius is no part of the star's body (a label's, 1-2 px). */
    static final double THIN = 0.025;
    /** Pixels around the star's body made paper with it: its antialiased edge. */
    static final int RIM = 2;
    /** A regular five-pointed star's inner radius, its notches', to its outer, its points'. */
    static final double INNER = 0.382;
    /**
     * On a grey page, the star's ink is what is no lighter than its ring's by more than this: the solid star is as dark
     * as the ring's thin stroke or darker, and a soft scan's data beside it, no darker than the seal, mostly lighter.
     */
    static final int LIGHTER = 15;
    /**
     * Pixels the star's notches stand out past where its ink ends, at {@link #LIGHTER}: about half its blurred edge. Its
     * points' tips, thin and blurred lighter, end well short of theirs, so the star's size is told by its notches. With
     * none (the star fitted to where its ink ends), set 1's 17 grey renderings read 40 fields fewer right, WRONG the same.
     */
    static final double NOTCH_EDGE = 0.5;
    /** The star's turn is looked for in steps of this many degrees. */
    private static final double TURN_STEP = 0.5;
    /** Each pixel's share under the star is counted on this many points a side. */
    private static final int SAMPLES = 4;
    /** Fewer pixels than this in the star's body (opened): no star to divide out. */
    private static final int MIN_BODY = 20;

    private SealStar() {
    }

    /** The layer without the star of the seal whose ring is given; the layer itself when there is no ring or no ink at its centre. */
    static GreyImage without(GreyImage layer, SealRing.Ring ring) {
        if (ring == null) return layer;
        int start = inkNearCentre(layer, ring, INK);
        if (start < 0) return layer;
        Box b = Box.about(layer, ring);
        boolean[] out = body(layer.crop(b.left(), b.top(), b.width(), b.height()), b.index(start, layer.width()),
                ring.x() - b.left(), ring.y() - b.top(), ring.radius() * REACH, b.thin());
        byte[] pixels = layer.pixels().clone();
        for (int y = 0; y < b.height(); y++) {
            for (int x = 0; x < b.width(); x++) if (out[y * b.width() + x]) pixels[b.onPage(x, y, layer.width())] = (byte) 255;
        }
        return new GreyImage(layer.width(), layer.height(), pixels);
    }

    /**
     * The square about the seal's centre that holds all the star's reach, its rim and the opening, clipped to the page:
     * the star is looked at in it alone. {@code thin}: the stroke no star's body is as narrow as ({@link #THIN}).
     */
    private record Box(int left, int top, int width, int height, int thin) {
        static Box about(GreyImage page, SealRing.Ring ring) {
            int thin = (int) Math.max(2, Math.round(ring.radius() * THIN));
            int half = (int) Math.ceil(ring.radius() * REACH) + thin + RIM + 2;
            int cx = (int) Math.round(ring.x()), cy = (int) Math.round(ring.y());
            int left = Math.max(0, cx - half), top = Math.max(0, cy - half);
            return new Box(left, top, Math.min(page.width(), cx + half + 1) - left, Math.min(page.height(), cy + half + 1) - top, thin);
        }

        /** A page pixel's index, in the box. */
        int index(int onPage, int pageWidth) {
            return (onPage / pageWidth - top) * width + onPage % pageWidth - left;
        }

        /** The box's pixel's index on the page. */
        int onPage(int x, int y, int pageWidth) {
            return (top + y) * pageWidth + left + x;
        }
    }

    /**
     * A grey page with the star of the seal whose ring is given divided out ({@link SealStar}); the page itself when there
     * is no ring, no ink at its centre or too little to be a star. The star's ink is what is no lighter than the ring's by
     * {@link #LIGHTER}, joined to the centre; its body, that ink opened as {@link #without}'s, gives the star's centre (its
     * middle) and its turn (the one whose five points reach furthest through the ink); its size is told by its notches, the
     * star's ink reaching no further than the notch along each of the five directions between the points (the median, plus
     * {@link #NOTCH_EDGE}, over {@link #INNER}). The share of each pixel the star so placed covers, blurred as a scan blurs
     * its edge, divides the pixel by the star's grey (the median where it covers whole): under the star and about it the
     * page is as it was before the stamp, the data's strokes over and beside it kept whole, where taking out the star's
     * grey took theirs with it (set 1's pale scans, the star over the payments: first digits lost and seven WRONG). Set
     * 1's 17 grey renderings (seeds 1–30, the template's 0–39): 7,212 fields right and 67 WRONG → 7,336 and 75, and 7,258
     * and 41 with an amount under the seal taken only with a witness ({@code SecondReads.withoutUnwitnessedUnderTheSeal}).
     */
    static GreyImage dividedOut(GreyImage page, SealRing.Ring ring) {
        if (ring == null) return page;
        int ink = ring.ink() + LIGHTER;
        int start = inkNearCentre(page, ring, ink);
        if (start < 0) return page;
        Box b = Box.about(page, ring);
        int bw = b.width(), bh = b.height();
        double reach = ring.radius() * REACH;
        GreyImage box = page.crop(b.left(), b.top(), bw, bh);
        boolean[] star = joined(box, b.index(start, page.width()), ring.x() - b.left(), ring.y() - b.top(), reach, ink);
        boolean[] body = opened(star, bw, bh, b.thin());
        double sx = 0, sy = 0;
        int n = 0;
        for (int i = 0; i < body.length; i++) {
            if (!body[i]) continue;
            sx += i % bw;
            sy += i / bw;
            n++;
        }
        if (n < MIN_BODY) return page;
        double x0 = sx / n + 0.5, y0 = sy / n + 0.5;
        double turn = 0, furthest = -1;
        for (double degrees = 0; degrees < 72; degrees += TURN_STEP) {
            double t = Math.toRadians(degrees), points = 0;
            for (int k = 0; k < 5; k++) points += inkAlong(star, bw, bh, x0, y0, t - Math.PI / 2 + k * 2 * Math.PI / 5, reach);
            if (points > furthest) {
                furthest = points;
                turn = t;
            }
        }
        double[] notches = new double[5];
        for (int k = 0; k < 5; k++) notches[k] = inkAlong(star, bw, bh, x0, y0, turn - Math.PI / 2 + (2 * k + 1) * Math.PI / 5, reach);
        Arrays.sort(notches);
        double radius = (notches[2] + NOTCH_EDGE) / INNER;
        double[] share = blurred(covered(shape(x0, y0, radius, turn), bw, bh), bw, bh);
        int grey = medianWhereWhole(box, share);
        if (grey < 0) return page;
        double starShare = grey / 255.0;
        byte[] pixels = page.pixels().clone();
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                double c = share[y * bw + x];
                if (c <= 0) continue;
                int i = b.onPage(x, y, page.width());
                pixels[i] = (byte) Math.min(255, (int) Math.round((pixels[i] & 0xff) / (1 - c * (1 - starShare))));
            }
        }
        return new GreyImage(page.width(), page.height(), pixels);
    }

    /** How far from ({@code x}, {@code y}) along the angle the mask holds without a break, in steps of a quarter pixel, up to {@code reach}. */
    private static double inkAlong(boolean[] mask, int w, int h, double x, double y, double angle, double reach) {
        double cos = Math.cos(angle), sin = Math.sin(angle), along = 0;
        for (double t = 0; t < reach; t += 0.25) {
            int px = (int) Math.floor(x + t * cos), py = (int) Math.floor(y + t * sin);
            if (px < 0 || py < 0 || px >= w || py >= h || !mask[py * w + px]) break;
            along = t;
        }
        return along;
    }

    /** A regular five-pointed star about ({@code x}, {@code y}), its points {@code radius} out, the first turned {@code turn} from straight up. */
    private static Path2D shape(double x, double y, double radius, double turn) {
        Path2D.Double star = new Path2D.Double();
        for (int k = 0; k < 10; k++) {
            double a = turn - Math.PI / 2 + k * Math.PI / 5, r = k % 2 == 0 ? radius : radius * INNER;
            if (k == 0) star.moveTo(x + r * Math.cos(a), y + r * Math.sin(a));
            else star.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
        }
        star.closePath();
        return star;
    }

    /** The share of each pixel of a box the shape covers, counted on {@link #SAMPLES} points a side. */
    private static double[] covered(Path2D shape, int w, int h) {
        double[] share = new double[w * h];
        Rectangle bounds = shape.getBounds();
        for (int y = Math.max(0, bounds.y); y < Math.min(h, bounds.y + bounds.height + 1); y++) {
            for (int x = Math.max(0, bounds.x); x < Math.min(w, bounds.x + bounds.width + 1); x++) {
                int in = 0;
                for (int j = 0; j < SAMPLES; j++) {
                    for (int i = 0; i < SAMPLES; i++) if (shape.contains(x + (i + 0.5) / SAMPLES, y + (j + 0.5) / SAMPLES)) in++;
                }
                share[y * w + x] = in / (double) (SAMPLES * SAMPLES);
            }
        }
        return share;
    }

    /** The shares blurred by [1 2 1] / 4 across and down: a scan's soft edge. */
    private static double[] blurred(double[] share, int w, int h) {
        double[] across = new double[share.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                across[y * w + x] = (share[y * w + Math.max(0, x - 1)] + 2 * share[y * w + x] + share[y * w + Math.min(w - 1, x + 1)]) / 4;
            }
        }
        double[] out = new double[share.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (across[Math.max(0, y - 1) * w + x] + 2 * across[y * w + x] + across[Math.min(h - 1, y + 1) * w + x]) / 4;
            }
        }
        return out;
    }

    /** The median grey of the box where the share is whole (the star's own grey, data over it darker); −1 when nowhere. */
    private static int medianWhereWhole(GreyImage box, double[] share) {
        int[] histogram = new int[256];
        int whole = 0;
        for (int i = 0; i < share.length; i++) {
            if (share[i] < 0.999) continue;
            histogram[box.pixels()[i] & 0xff]++;
            whole++;
        }
        if (whole == 0) return -1;
        int grey = 0, seen = histogram[0];
        while (2 * seen < whole) seen += histogram[++grey];
        return grey;
    }

    /**
     * Within a box: the ink joined to {@code start} no further than {@code reach} from ({@code x}, {@code y}), opened by
     * {@code thin} pixels and grown by {@link #RIM} more.
     */
    private static boolean[] body(GreyImage box, int start, double x0, double y0, double reach, int thin) {
        int w = box.width(), h = box.height();
        return InkLayers.dilate(opened(joined(box, start, x0, y0, reach, INK), w, h, thin), w, h, RIM);
    }

    /** Within a box: the pixels darker than {@code ink} joined to {@code start} no further than {@code reach} from ({@code x}, {@code y}). */
    private static boolean[] joined(GreyImage box, int start, double x0, double y0, double reach, int ink) {
        int w = box.width(), h = box.height();
        byte[] px = box.pixels();
        boolean[] star = new boolean[w * h];
        int[] stack = new int[w * h];
        int top = 0;
        stack[top++] = start;
        star[start] = true;
        while (top > 0) {
            int i = stack[--top];
            int x = i % w, y = i / w;
            for (int k = 0; k < 4; k++) {
                int nx = x + (k == 0 ? 1 : k == 1 ? -1 : 0), ny = y + (k == 2 ? 1 : k == 3 ? -1 : 0);
                if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                int j = ny * w + nx;
                if (star[j] || (px[j] & 0xff) >= ink) continue;
                if ((nx - x0) * (nx - x0) + (ny - y0) * (ny - y0) > reach * reach) continue;
                star[j] = true;
                stack[top++] = j;
            }
        }
        return star;
    }

    /** The mask opened: eroded and grown back by {@code thin} pixels (what is no wider than twice that goes). */
    private static boolean[] opened(boolean[] mask, int w, int h, int thin) {
        boolean[] outside = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) outside[i] = !mask[i];
        boolean[] eroded = InkLayers.dilate(outside, w, h, thin);
        for (int i = 0; i < eroded.length; i++) eroded[i] = !eroded[i];
        return InkLayers.dilate(eroded, w, h, thin);
    }

    /**
     * The first pixel darker than {@code ink}, row by row, within a twentieth of the radius (two pixels at least) of the
     * seal's centre; −1 when none.
     */
    private static int inkNearCentre(GreyImage layer, SealRing.Ring ring, int ink) {
        int cx = (int) Math.round(ring.x()), cy = (int) Math.round(ring.y());
        int near = (int) Math.max(2, ring.radius() * 0.05);
        for (int y = cy - near; y <= cy + near; y++) {
            for (int x = cx - near; x <= cx + near; x++) {
                if (x >= 0 && y >= 0 && x < layer.width() && y < layer.height() && layer.at(x, y) < ink) return y * layer.width() + x;
            }
        }
        return -1;
    }
}
