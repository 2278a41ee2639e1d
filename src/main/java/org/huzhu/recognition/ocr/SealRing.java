package org.huzhu.recognition.ocr;

import java.util.Arrays;

/**
 * A round seal on a grey page, found by its shape, and the page without it. Without colour a seal's ink is told from the
 * data only by its grey, and a grey that takes the seal out takes a light print's strokes out everywhere with it (set
 * 2's scans: every look on {@link GreyInks}'s data lost leading digits of amounts). The seal's ring is a circle, which
 * nothing else on a receipt is: its centre is where the edges beside ink that is not black, each voting along its
 * gradient at every radius a seal may have, agree most (a Hough transform on the page shrunk to a quarter, keeping each
 * cell's darkest pixel so the thin ring stays), and it is a seal when ink that is not black lies on that circle most of
 * the way round (else the next most voted centres are tried, {@link #CENTRES}). The page without it is the page itself,
 * but inside the seal's disc ink as light as the ring's (the ring, its star and its words, and whatever else is printed
 * that light there) goes; darker ink — the data the seal was pressed over — stays with its antialiased rim, and nothing
 * outside the disc changes. On a colour page's layer of red ink, drawn black, the same shape finds the seal among the
 * form's labels and rules ({@link #findInRedInk}), for the words along its arc ({@link SealWords}).
 */
final class SealRing {

    /** A seal's ring: its centre and radius in pixels, and the grey of its ink (the median of the darkest along it). */
    record Ring(double x, double y, double radius, int ink) {
    }

    /** Cells of this many pixels a side are one pixel of the shrunk page. */
    private static final int CELL = 4;
    /** A seal's radius, in millimetres (receipts' 收费专用章 are 38–42 mm across; the bench's and set 2's 32–44). */
    private static final double MIN_RADIUS_MM = 14, MAX_RADIUS_MM = 24;
    /** A receipt's page is 200–245 mm wide: its pixels a millimetre from its width. */
    private static final double WIDEST_MM = 245, NARROWEST_MM = 200;
    /**
     * The centres the votes find, most voted first, tried for a ring round them ({@link #ringAround}); each tried is
     * cleared with its neighbours within {@link #NEAR} cells before the next. A seal whose star is pressed on the data
     * (set 1's other forms scanned with the star on the payer's name, STARSCAN) drew its most votes 6–12 pixels off its
     * centre on 3 of 30 pages (seeds 4, 17, 28), where its circle had ink on too few angles; the next centre was the
     * seal's. Set 1's 38 renderings: 18,209 / 1,067 / 108 → 18,227 / 1,049 / 108 fields right / missing / WRONG.
     */
    private static final int CENTRES = 3;
    /**
     * On a black-and-white page, how far from the votes' centre, in pixels, a ring is looked for where there is none at it
     * ({@link #ringNear}): six pixels, a cell and a half. Set 1 as a fax (FAXSCAN, TFAXSCAN; right / missing / WRONG): the ring found on
     * five pages more, 258/160/4 → 257/161/4 and 413/169/5 → 419/164/4 (three amounts under the ring no longer WRONG,
     * two hospital names it cut read as unlisted ones). Tried on every page's centre, not only where none is found: the
     * rings found before moved, 256/163/3 and 417/166/4.
     */
    private static final int WANDER = 6;
    /** Cells either way of a centre tried whose votes are cleared with it: the votes a star drew off the seal's centre. */
    private static final int NEAR = 2;
    /** An edge votes when the grey changes by this much across it (Sobel, on the shrunk page). */
    private static final int EDGE = 120;
    /** The share of the ring's angles that must have ink on the circle for it to be a seal. */
    static final double COVERED = 0.6;
    /** Only edges beside ink lighter than this vote, and only such ink covers a ring: black print is the data's. */
    private static final int BLACK = 60;
    /** Ink darker than this; lighter is paper. */
    private static final int INK = 215;
    /**
     * The disc the seal's ink is taken out of: its ring's radius times this (the ring's stroke and blur outside it). With
     * {@link #RIM}, measured on set 1's other forms as scans, seeds 1–30, with the seal over the payments and over the
     * payer (fields right and WRONG of 422 each): 1.08 and no rim 359 / 8 and 373 / 2; 1.05 and a rim 357 / 7 and 368 / 2;
     * 1.05 and none 357 / 8 and 372 / 1; 1.08 and a rim 361 / 5 and 371 / 3 (measured while black ink still covered a
     * ring; since, 354 / 6 and 380 / 1, the ring of a 150-dpi scan found that was missed before).
     */
    private static final double REACH = 1.08;
    /** Pixels this near the data's ink stay with it: its antialiased rim, as light as the seal's ink. */
    private static final int RIM = 1;
    /** Ink this much darker than the ring's is the data's, and stays. */
    static final int DARKER = 30;

    private SealRing() {
    }

    /**
     * The page without its seal ({@link #without}), or null when it has no seal's ring or its data is not darker than
     * the seal: when the page's darkest ink outside the disc ({@link #dataInk}) is not {@link #DARKER} darker than what
     * {@link #without} keeps, the seal's grey and the data's cannot be told apart, and taking the seal out would take
     * the data under it too (set 1's other forms scanned with their data in a thin Song face: 294 fields right → 280,
     * WRONG 12 → 19, before this was asked).
     */
    static GreyImage withoutSeal(GreyImage page, Ring ring) {
        if (ring == null || dataInk(page, ring) > ring.ink() - 2 * DARKER) return null;
        return without(page, ring);
    }

    /** The grey of the page's darkest ink outside the seal's disc: the 5th percentile of its pixels darker than paper. */
    static int dataInk(GreyImage page, Ring ring) {
        long[] histogram = new long[256];
        double reach = ring.radius() * 1.1;
        long inked = 0;
        for (int y = 0; y < page.height(); y += 2) {
            for (int x = 0; x < page.width(); x += 2) {
                int v = page.at(x, y);
                if (v >= INK || (x - ring.x()) * (x - ring.x()) + (y - ring.y()) * (y - ring.y()) < reach * reach) continue;
                histogram[v]++;
                inked++;
            }
        }
        long count = 0;
        for (int v = 0; v < INK; v++) {
            count += histogram[v];
            if (count >= 0.05 * inked) return v;
        }
        return INK;
    }

    /** The seal's ring on the page, or null when no circle of a seal's size has ink most of the way round. */
    static Ring find(GreyImage page) {
        return find(page, BLACK);
    }

    /**
     * The seal's ring on a layer of a colour page that holds the red ink alone, drawn black (the form's labels, rules and
     * seal, {@link InkLayers#redInk}): there ink of any grey may be the seal's. Null as {@link #find(GreyImage)}.
     */
    static Ring findInRedInk(GreyImage redInk) {
        return find(redInk, 0);
    }

    /**
     * The seal's ring on a black-and-white page ({@link InkLayers#blackAndWhite}: a fax), where the seal is as black as
     * the data and only its shape tells it. Null as {@link #find(GreyImage)}.
     */
    static Ring findInBlackAndWhite(GreyImage page) {
        return find(page, 0, WANDER);
    }

    /** The ring, counting only ink from {@code black} to paper: darker ink is the data's. */
    private static Ring find(GreyImage page, int black) {
        return find(page, black, 0);
    }

    /** The ring as above, each of the votes' centres tried with the centres {@code wander} pixels round it where it has none ({@link #ringNear}). */
    private static Ring find(GreyImage page, int black, int wander) {
        int w = page.width() / CELL, h = page.height() / CELL;
        if (w < 16 || h < 16) return null;
        int[] small = shrunk(page, w, h);
        int minR = (int) Math.floor(MIN_RADIUS_MM * page.width() / WIDEST_MM / CELL);
        int maxR = (int) Math.ceil(MAX_RADIUS_MM * page.width() / NARROWEST_MM / CELL);
        int radii = maxR - minR + 1;
        int[] votes = new int[radii * w * h];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int near = 255;
                for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) near = Math.min(near, small[(y + dy) * w + x + dx]);
                if (near < black || near >= INK) continue;
                int gx = small[(y - 1) * w + x + 1] + 2 * small[y * w + x + 1] + small[(y + 1) * w + x + 1]
                        - small[(y - 1) * w + x - 1] - 2 * small[y * w + x - 1] - small[(y + 1) * w + x - 1];
                int gy = small[(y + 1) * w + x - 1] + 2 * small[(y + 1) * w + x] + small[(y + 1) * w + x + 1]
                        - small[(y - 1) * w + x - 1] - 2 * small[(y - 1) * w + x] - small[(y - 1) * w + x + 1];
                double g = Math.sqrt((double) gx * gx + (double) gy * gy);
                if (g < EDGE) continue;
                double dx = gx / g, dy = gy / g;
                for (int r = minR; r <= maxR; r++) {
                    for (int sign = -1; sign <= 1; sign += 2) {
                        int cx = (int) Math.round(x + sign * r * dx), cy = (int) Math.round(y + sign * r * dy);
                        if (cx >= 0 && cx < w && cy >= 0 && cy < h) votes[((r - minR) * h + cy) * w + cx]++;
                    }
                }
            }
        }
        for (int tried = 0; tried < CENTRES; tried++) {
            int best = -1, most = 0;
            for (int i = 0; i < votes.length; i++) {
                if (votes[i] > most) {
                    most = votes[i];
                    best = i;
                }
            }
            if (best < 0) return null;
            int r = best / (w * h) + minR, cy = best % (w * h) / w, cx = best % w;
            Ring ring = ringAround(page, (cx + 0.5) * CELL, (cy + 0.5) * CELL, (r + 0.5) * CELL, black);
            if (ring == null && wander > 0) ring = ringNear(page, (cx + 0.5) * CELL, (cy + 0.5) * CELL, (r + 0.5) * CELL, black, wander);
            if (ring != null) return ring;
            withoutVotesNear(votes, w, h, radii, cx, cy);
        }
        return null;
    }

    /** The votes for centres within {@link #NEAR} cells of a centre, at every radius, cleared: no ring was round it. */
    private static void withoutVotesNear(int[] votes, int w, int h, int radii, int cx, int cy) {
        for (int r = 0; r < radii; r++) {
            for (int y = Math.max(0, cy - NEAR); y <= Math.min(h - 1, cy + NEAR); y++) {
                int row = (r * h + y) * w;
                Arrays.fill(votes, row + Math.max(0, cx - NEAR), row + Math.min(w - 1, cx + NEAR) + 1, 0);
            }
        }
    }

    /**
     * The ring round a centre near the votes' one: on a black-and-white page (a fax) every ink votes, the star and the
     * print beside the ring too, and the votes' centre can lie two cells off the seal's, where its circle has ink on too
     * few angles (set 1's template as a fax, seed 8: seven pixels off, the ring missed and 13169.03 read as 113169.03
     * beside it). Where {@link #ringAround} finds none at the votes' centre, the centres {@code wander} pixels either way
     * are tried, every second pixel, and the ring with ink on the most angles is taken; null when none has enough.
     */
    private static Ring ringNear(GreyImage page, double x, double y, double radius, int black, int wander) {
        Ring best = null;
        int most = 0;
        for (int dy = -wander; dy <= wander; dy += 2) {
            for (int dx = -wander; dx <= wander; dx += 2) {
                Around around = around(page, x + dx, y + dy, radius, black);
                if (around.ring() != null && around.covered() > most) {
                    most = around.covered();
                    best = around.ring();
                }
            }
        }
        return best;
    }

    /**
     * The ring round a centre the votes found, at the radius near {@code radius} (two cells either way) with ink no darker
     * than {@code black} at most of its angles; null when no radius there has such ink at {@link #COVERED} of them.
     */
    private static Ring ringAround(GreyImage page, double x, double y, double radius, int black) {
        return around(page, x, y, radius, black).ring();
    }

    /** {@link #ringAround}'s ring (null when none) and the number of its angles with ink on it. */
    private record Around(Ring ring, int covered) {
    }

    private static Around around(GreyImage page, double x, double y, double radius, int black) {
        Ring best = null;
        double bestCover = COVERED;
        int most = 0;
        for (double r = radius - 2 * CELL; r <= radius + 2 * CELL; r += 1) {
            int[] darkest = darkestAround(page, x, y, r);
            int covered = inkedAngles(darkest, black);
            if ((double) covered / ANGLES > bestCover) {
                bestCover = (double) covered / ANGLES;
                most = covered;
                int[] inked = Arrays.stream(darkest).filter(v -> v >= black && v < INK).sorted().toArray();
                best = new Ring(x, y, r, inked[inked.length / 2]);
            }
        }
        return new Around(best, most);
    }

    /** At each of {@link #ANGLES} angles round a centre, the darkest pixel on the circle of radius {@code r} and a pixel either side of it. */
    private static int[] darkestAround(GreyImage page, double x, double y, double r) {
        int[] darkest = new int[ANGLES];
        for (int a = 0; a < ANGLES; a++) {
            double cos = Math.cos(2 * Math.PI * a / ANGLES), sin = Math.sin(2 * Math.PI * a / ANGLES);
            int min = 255;
            for (double d = -1; d <= 1; d += 1) {
                int px = (int) Math.round(x + (r + d) * cos), py = (int) Math.round(y + (r + d) * sin);
                if (px >= 0 && px < page.width() && py >= 0 && py < page.height()) min = Math.min(min, page.at(px, py));
            }
            darkest[a] = min;
        }
        return darkest;
    }

    /** How many of the angles have ink from {@code black} to paper. */
    private static int inkedAngles(int[] darkest, int black) {
        int covered = 0;
        for (int v : darkest) if (v >= black && v < INK) covered++;
        return covered;
    }

    private static final int ANGLES = 180;

    /**
     * The page with the seal's ink taken out inside its disc: ink as light as the ring's, or lighter, becomes paper, but
     * for a pixel's rim beside the data's darker ink ({@link #RIM}). Within the reach of the seal's solid star
     * ({@link SealStar#REACH}), where that rim lies on the star's ink rather than on paper, it is divided by that ink
     * ({@link #dividedByTheInkUnder}); elsewhere the seal's strokes are thin, and the rim beside them mostly paper.
     */
    static GreyImage without(GreyImage page, Ring ring) {
        byte[] out = page.pixels().clone();
        int w = page.width();
        double reach = ring.radius() * REACH + 2;
        int top = Math.max(0, (int) Math.floor(ring.y() - reach)), bottom = Math.min(page.height() - 1, (int) Math.ceil(ring.y() + reach));
        int left = Math.max(0, (int) Math.floor(ring.x() - reach)), right = Math.min(w - 1, (int) Math.ceil(ring.x() + reach));
        int keep = ring.ink() - DARKER;
        boolean[] dark = new boolean[out.length];
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) dark[y * w + x] = (out[y * w + x] & 0xff) <= keep;
        }
        boolean[] stroke = InkLayers.dilate(dark, w, page.height(), RIM);
        double star = ring.radius() * SealStar.REACH;
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) {
                double dx = x - ring.x(), dy = y - ring.y();
                if (dx * dx + dy * dy > reach * reach) continue;
                if (!stroke[y * w + x]) out[y * w + x] = (byte) 255;
                else if (!dark[y * w + x] && dx * dx + dy * dy <= star * star) out[y * w + x] = (byte) dividedByTheInkUnder(page, x, y);
            }
        }
        return new GreyImage(w, page.height(), out);
    }

    /**
     * A pixel of the rim kept beside the data's ink, divided by the grey of the ink it lies on: the brightest within
     * {@link #UNDER} pixels, when that is no paper (darker than {@link #INK}); else as it is. Stamp ink multiplies into
     * what is below it, so the rim of a stroke across the seal's star holds the star's grey; divided by it, it is as
     * light as on paper, and the gaps of a character under the star are open again (STARSCAN, set 1's other forms
     * scanned with the star on the payer's name: 强 of 王强雪 read as 曜, 袁 of 袁红 as 责, the rim filling the gaps).
     */
    private static int dividedByTheInkUnder(GreyImage page, int x, int y) {
        int under = page.at(x, y);
        for (int yy = Math.max(0, y - UNDER); yy <= Math.min(page.height() - 1, y + UNDER); yy++) {
            for (int xx = Math.max(0, x - UNDER); xx <= Math.min(page.width() - 1, x + UNDER); xx++) under = Math.max(under, page.at(xx, yy));
        }
        if (under >= INK) return page.at(x, y);
        return Math.min(255, (int) Math.round(page.at(x, y) * 255.0 / under));
    }

    /** How far round a rim's pixel the ink under it is looked for: past the stroke's rim, not past the star's points. */
    private static final int UNDER = 2;

    /**
     * The page with the seal's ring alone taken out: at each angle round the centre the ring's stroke is found across the
     * circle (the ink nearest it, {@link #BAND} of the radius either way), its middle smoothed over the neighbouring
     * angles, and the stroke's width (the median over the angles) about that middle becomes paper, with a pixel more
     * either side for its antialiased edge. Ink darker than the ring's by {@link #DARKER} stays.
     */
    static GreyImage ringOut(GreyImage page, Ring ring) {
        int reach = (int) Math.ceil(Math.max(6, ring.radius() * BAND));
        int bins = (int) Math.ceil(Math.PI * ring.radius());
        double[] middle = new double[bins];
        int[] width = new int[bins];
        int found = 0;
        for (int a = 0; a < bins; a++) {
            int[] across = strokeAcross(page, ring, 2 * Math.PI * (a + 0.5) / bins, reach);
            middle[a] = across == null ? Double.NaN : (across[0] + across[1]) / 2.0 - reach;
            width[a] = across == null ? 0 : across[1] - across[0] + 1;
            if (across != null) found++;
        }
        if (found < bins / 2) return page;
        int stroke = Arrays.stream(width).filter(n -> n > 0).sorted().toArray()[found / 2];
        return erased(page, ring, smoothed(middle, width, stroke), stroke / 2.0 + 1, reach);
    }

    /**
     * Where the ring's stroke lies across the circle at an angle: the first and last of the run of ink nearest the circle,
     * as offsets from {@code reach} pixels inside it; null when no ink lies within {@code reach} of it.
     */
    private static int[] strokeAcross(GreyImage page, Ring ring, double angle, int reach) {
        double cos = Math.cos(angle), sin = Math.sin(angle);
        int[] profile = new int[2 * reach + 1];
        for (int d = -reach; d <= reach; d++) {
            int px = (int) Math.round(ring.x() + (ring.radius() + d) * cos), py = (int) Math.round(ring.y() + (ring.radius() + d) * sin);
            profile[d + reach] = px >= 0 && px < page.width() && py >= 0 && py < page.height() ? page.at(px, py) : 255;
        }
        int nearest = -1;
        for (int d = 0; d <= reach && nearest < 0; d++) {
            if (profile[reach + d] < INK) nearest = reach + d;
            else if (profile[reach - d] < INK) nearest = reach - d;
        }
        if (nearest < 0) return null;
        int from = nearest, to = nearest;
        while (from > 0 && profile[from - 1] < INK) from--;
        while (to < profile.length - 1 && profile[to + 1] < INK) to++;
        return new int[] {from, to};
    }

    /**
     * The stroke's middle at each angle: the median over the neighbouring angles (a sixtieth of the way round, at least two
     * either side) where the stroke found is no more than two pixels wider than the ring's (wider, the ink of the data
     * crossing it ran into it); on the circle where none is.
     */
    private static double[] smoothed(double[] middle, int[] width, int stroke) {
        int bins = middle.length;
        int window = Math.max(2, bins / 60);
        double[] smooth = new double[bins];
        for (int a = 0; a < bins; a++) {
            double[] near = new double[2 * window + 1];
            int n = 0;
            for (int k = -window; k <= window; k++) {
                int b = Math.floorMod(a + k, bins);
                if (!Double.isNaN(middle[b]) && width[b] <= stroke + 2) near[n++] = middle[b];
            }
            if (n == 0) continue;
            double[] sorted = Arrays.copyOf(near, n);
            Arrays.sort(sorted);
            smooth[a] = sorted[n / 2];
        }
        return smooth;
    }

    /**
     * The page with every pixel within {@code half} of the stroke's middle at its angle made paper, but ink darker than
     * the ring's by {@link #DARKER}.
     */
    private static GreyImage erased(GreyImage page, Ring ring, double[] middle, double half, int reach) {
        int w = page.width(), h = page.height(), bins = middle.length;
        double r = ring.radius();
        byte[] out = page.pixels().clone();
        int keep = ring.ink() - DARKER;
        int top = Math.max(0, (int) Math.floor(ring.y() - r - reach)), bottom = Math.min(h - 1, (int) Math.ceil(ring.y() + r + reach));
        int left = Math.max(0, (int) Math.floor(ring.x() - r - reach)), right = Math.min(w - 1, (int) Math.ceil(ring.x() + r + reach));
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) {
                double dx = x - ring.x(), dy = y - ring.y();
                double off = Math.sqrt(dx * dx + dy * dy) - r;
                if (Math.abs(off) > reach + half) continue;
                int a = Math.floorMod((int) Math.floor(Math.atan2(dy, dx) / (2 * Math.PI) * bins), bins);
                if (Math.abs(off - middle[a]) <= half && (out[y * w + x] & 0xff) > keep) out[y * w + x] = (byte) 255;
            }
        }
        return new GreyImage(w, h, out);
    }

    /** How far from the circle, as a share of its radius, the ring's stroke is looked for at each angle. */
    private static final double BAND = 0.06;

    /** The page shrunk by {@link #CELL}, each cell its darkest pixel. */
    private static int[] shrunk(GreyImage page, int w, int h) {
        int[] small = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int min = 255;
                for (int dy = 0; dy < CELL; dy++) {
                    for (int dx = 0; dx < CELL; dx++) min = Math.min(min, page.at(x * CELL + dx, y * CELL + dy));
                }
                small[y * w + x] = min;
            }
        }
        return small;
    }
}
