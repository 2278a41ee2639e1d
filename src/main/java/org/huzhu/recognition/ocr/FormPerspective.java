package org.huzhu.recognition.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * The national template found in a photographed form layer whose rules perspective has bent out
 * of level and out of parallel (a phone held over a desk), so that the page can be de-warped before
 * it is read: straight lines stay straight under perspective, so the table's six full-width rules
 * (48, 54, 90, 97, 104 and 125.5 mm) and its frame's sides (12 and 228 mm) are found each as its own
 * line — points where strips of the layer are dark across are gathered by a Hough vote over slope
 * and offset and fitted by least squares — and their twelve crossings give the homography from
 * template millimetres to page pixels. Taken only when there are exactly six long rules and two
 * sides, and every crossing lies within {@link #TOLERANCE_MM} of where the homography puts it.
 * A step of {@link ImagePreparation}; {@link FormRegistration} then finds the de-warped page level.
 */
final class FormPerspective {

    /** A projective map of the plane: {@code x' = (h0 x + h1 y + h2) / (h6 x + h7 y + 1)}, likewise y'. */
    record Homography(double[] h) {
        double[] map(double x, double y) {
            double z = h[6] * x + h[7] * y + 1;
            return new double[] {(h[0] * x + h[1] * y + h[2]) / z, (h[3] * x + h[4] * y + h[5]) / z};
        }
    }

    /** A straight line {@code across = intercept + slope * along} (along: x for a rule, y for a side). */
    record Line(double slope, double intercept, int points, double from, double to) {
        double at(double along) {
            return intercept + slope * along;
        }
    }

    private static final double LEFT = 12, RIGHT = 228;
    private static final double[] RULES = {48, 54, 90, 97, 104, 125.5};
    /** How far a crossing may lie from where the fitted homography puts it. */
    private static final double TOLERANCE_MM = 0.6;
    /** A page whose crossings a plain turn and scale places this well needs no de-warping. */
    static final double FLAT_MM = 0.5;
    private static final double MAX_SLOPE = 0.06;
    private static final double SLOPE_STEP = 0.002;

    private FormPerspective() {
    }

    /** The template's homography onto the form layer (mm → pixels), or null when its rules and sides are not found. */
    static Homography find(GreyImage form) {
        int strip = Math.max(12, form.width() / 64);
        List<Line> rules = lines(form, true, 0, form.height(), strip, 0.4 * form.width() / strip);
        rules = rules.stream().filter(l -> l.to() - l.from() >= 0.6 * form.width()).sorted((a, b) -> Double.compare(a.intercept(), b.intercept())).toList();
        if (rules.size() != RULES.length) return null;
        double middle = form.width() / 2.0;
        int top = (int) Math.round(rules.getFirst().at(middle)), bottom = (int) Math.round(rules.getLast().at(middle));
        int band = bottom - top;
        if (band < 10 * strip / 2) return null;
        int margin = (int) (band * 0.08);
        List<Line> sides = lines(form, false, top + margin, bottom - margin, strip, 0.7 * (band - 2 * margin) / strip);
        if (sides.size() < 2) return null;
        Line left = sides.stream().min((a, b) -> Double.compare(a.at(top), b.at(top))).orElseThrow();
        Line right = sides.stream().max((a, b) -> Double.compare(a.at(top), b.at(top))).orElseThrow();
        List<double[]> template = new ArrayList<>(), page = new ArrayList<>();
        for (int i = 0; i < RULES.length; i++) {
            for (double[] side : new double[][] {{LEFT, 0}, {RIGHT, 1}}) {
                template.add(new double[] {side[0], RULES[i]});
                page.add(crossing(rules.get(i), side[1] == 0 ? left : right));
            }
        }
        Homography h = fit(template, page);
        if (h == null) return null;
        double pxPerMm = (right.at(top) - left.at(top)) / (RIGHT - LEFT);
        if (pxPerMm <= 0) return null;
        for (int i = 0; i < template.size(); i++) {
            double[] p = h.map(template.get(i)[0], template.get(i)[1]);
            if (Math.hypot(p[0] - page.get(i)[0], p[1] - page.get(i)[1]) > TOLERANCE_MM * pxPerMm) return null;
        }
        return h;
    }

    /** Where a rule (y along x) meets a side (x along y). */
    private static double[] crossing(Line rule, Line side) {
        // y = a + b x, x = c + d y  →  y = a + b (c + d y)
        double y = (rule.intercept() + rule.slope() * side.intercept()) / (1 - rule.slope() * side.slope());
        return new double[] {side.at(y), y};
    }

    /**
     * The straight lines of dark ink in the layer: horizontal ones (rules) when {@code horizontal},
     * else vertical ones (sides) within rows {@code from}..{@code to}. The layer is cut into strips
     * across the lines' direction; in each, a run of a few rows (columns) dark across at least 60 %
     * of the strip is a point of a line; lines are voted for over slope (±6 %) and offset, best
     * first, and each refitted to its points by least squares.
     */
    static List<Line> lines(GreyImage image, boolean horizontal, int from, int to, int strip, double minPoints) {
        int along = horizontal ? image.width() : to - from;
        int across = horizontal ? image.height() : image.width();
        List<double[]> points = new ArrayList<>();
        int[] profile = new int[across];
        for (int s = 0; s + strip <= along; s += strip) {
            java.util.Arrays.fill(profile, 0);
            if (horizontal) {
                for (int c = 0; c < across; c++) {
                    for (int a = s; a < s + strip; a++) if (image.at(a, c) < 128) profile[c]++;
                }
            } else {
                for (int a = s; a < s + strip; a++) {
                    for (int c = 0; c < across; c++) if (image.at(c, from + a) < 128) profile[c]++;
                }
            }
            double centre = (horizontal ? 0 : from) + s + strip / 2.0;
            int run = -1;
            for (int c = 0; c <= across; c++) {
                boolean dark = c < across && profile[c] >= 0.6 * strip;
                if (dark && run < 0) run = c;
                if (!dark && run >= 0) {
                    if (c - run <= Math.max(6, strip / 3)) {
                        double sum = 0, weight = 0;
                        for (int k = run; k < c; k++) {
                            sum += k * (double) profile[k];
                            weight += profile[k];
                        }
                        points.add(new double[] {centre, sum / weight + 0.5});
                    }
                    run = -1;
                }
            }
        }
        return vote(points, across, Math.max(4, (int) Math.ceil(minPoints)));
    }

    /** Lines through the points (along, across), best voted first, until none has {@code minPoints}. */
    private static List<Line> vote(List<double[]> points, int across, int minPoints) {
        List<Line> lines = new ArrayList<>();
        List<double[]> left = new ArrayList<>(points);
        int slopes = (int) Math.round(2 * MAX_SLOPE / SLOPE_STEP) + 1;
        int bins = across / 2 + 2;
        while (left.size() >= minPoints) {
            int[] votes = new int[slopes * bins];
            int best = 0;
            for (double[] p : left) {
                for (int k = 0; k < slopes; k++) {
                    double slope = -MAX_SLOPE + k * SLOPE_STEP;
                    int bin = (int) Math.floor((p[1] - slope * p[0]) / 2);
                    if (bin < 0 || bin >= bins) continue;
                    int i = k * bins + bin;
                    if (++votes[i] > votes[best]) best = i;
                }
            }
            if (votes[best] < minPoints) break;
            double slope = -MAX_SLOPE + (best / bins) * SLOPE_STEP, intercept = (best % bins) * 2 + 1;
            List<double[]> on = null;
            for (double reach : new double[] {3, 2}) {
                double s = slope, b = intercept;
                on = left.stream().filter(p -> Math.abs(p[1] - (b + s * p[0])) <= reach).toList();
                if (on.size() < 2) break;
                double[] fitted = leastSquares(on);
                slope = fitted[0];
                intercept = fitted[1];
            }
            if (on == null || on.size() < minPoints) break;
            List<double[]> used = on;
            left.removeIf(used::contains);
            double min = on.stream().mapToDouble(p -> p[0]).min().orElseThrow();
            double max = on.stream().mapToDouble(p -> p[0]).max().orElseThrow();
            lines.add(new Line(slope, intercept, on.size(), min, max));
        }
        return lines;
    }

    /** The slope and intercept of the least-squares line through the points (along, across). */
    private static double[] leastSquares(List<double[]> points) {
        double n = points.size(), sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double d = n * sxx - sx * sx;
        if (Math.abs(d) < 1e-9) return new double[] {0, sy / n};
        double slope = (n * sxy - sx * sy) / d;
        return new double[] {slope, (sy - slope * sx) / n};
    }

    /**
     * The homography that best takes each {@code from} point to its {@code to} point (least squares
     * over the linearised equations, at least four pairs, no three of the first four in a line), or
     * null when they do not determine one. Both point sets are centred and scaled first, which keeps
     * the equations well conditioned.
     */
    static Homography fit(List<double[]> from, List<double[]> to) {
        double[] nf = normaliser(from), nt = normaliser(to);
        double[][] a = new double[8][9];
        for (int i = 0; i < from.size(); i++) {
            double x = (from.get(i)[0] - nf[0]) * nf[2], y = (from.get(i)[1] - nf[1]) * nf[2];
            double u = (to.get(i)[0] - nt[0]) * nt[2], v = (to.get(i)[1] - nt[1]) * nt[2];
            accumulate(a, new double[] {x, y, 1, 0, 0, 0, -x * u, -y * u}, u);
            accumulate(a, new double[] {0, 0, 0, x, y, 1, -x * v, -y * v}, v);
        }
        double[] g = solve(a);
        if (g == null) return null;
        // undo the normalisations: H = Tt⁻¹ · G · Tf
        double[][] gm = {{g[0], g[1], g[2]}, {g[3], g[4], g[5]}, {g[6], g[7], 1}};
        double[][] tf = {{nf[2], 0, -nf[2] * nf[0]}, {0, nf[2], -nf[2] * nf[1]}, {0, 0, 1}};
        double[][] ttInverse = {{1 / nt[2], 0, nt[0]}, {0, 1 / nt[2], nt[1]}, {0, 0, 1}};
        double[][] m = multiply(ttInverse, multiply(gm, tf));
        if (Math.abs(m[2][2]) < 1e-12) return null;
        double[] h = new double[8];
        for (int i = 0; i < 8; i++) h[i] = m[i / 3][i % 3] / m[2][2];
        return new Homography(h);
    }

    /** The centre of the points and the factor that brings their mean distance from it to √2. */
    private static double[] normaliser(List<double[]> points) {
        double cx = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double cy = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double spread = points.stream().mapToDouble(p -> Math.hypot(p[0] - cx, p[1] - cy)).average().orElse(1);
        return new double[] {cx, cy, spread > 0 ? Math.sqrt(2) / spread : 1};
    }

    /** Adds one equation {@code row · g = value} to the normal equations (columns 0..7 and the right side in 8). */
    private static void accumulate(double[][] normal, double[] row, double value) {
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) normal[i][j] += row[i] * row[j];
            normal[i][8] += row[i] * value;
        }
    }

    /** Gaussian elimination with partial pivoting of an 8×8 system (right side in column 8); null when singular. */
    private static double[] solve(double[][] a) {
        int n = 8;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
            if (Math.abs(a[pivot][c]) < 1e-10) return null;
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r == c) continue;
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= n; k++) a[r][k] -= f * a[c][k];
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = a[i][n] / a[i][i];
        return x;
    }

    private static double[][] multiply(double[][] p, double[][] q) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) r[i][j] += p[i][k] * q[k][j];
            }
        }
        return r;
    }

    /**
     * How far the homography bends the template's table from a plain turn and scale: the largest
     * distance, in millimetres, between where it puts the table's four corners and where the
     * similarity fitted to them does.
     */
    static double bend(Homography h) {
        double[][] corners = {{LEFT, RULES[0]}, {RIGHT, RULES[0]}, {RIGHT, RULES[RULES.length - 1]}, {LEFT, RULES[RULES.length - 1]}};
        double[][] mapped = new double[4][];
        for (int i = 0; i < 4; i++) mapped[i] = h.map(corners[i][0], corners[i][1]);
        // similarity x' = a x - b y + c, y' = b x + a y + d, by least squares about the centroids
        double mx = 0, my = 0, px = 0, py = 0;
        for (int i = 0; i < 4; i++) {
            mx += corners[i][0] / 4;
            my += corners[i][1] / 4;
            px += mapped[i][0] / 4;
            py += mapped[i][1] / 4;
        }
        double sa = 0, sb = 0, norm = 0;
        for (int i = 0; i < 4; i++) {
            double x = corners[i][0] - mx, y = corners[i][1] - my, u = mapped[i][0] - px, v = mapped[i][1] - py;
            sa += x * u + y * v;
            sb += x * v - y * u;
            norm += x * x + y * y;
        }
        double a = sa / norm, b = sb / norm, scale = Math.hypot(a, b);
        double worst = 0;
        for (int i = 0; i < 4; i++) {
            double x = corners[i][0] - mx, y = corners[i][1] - my;
            double u = a * x - b * y + px, v = b * x + a * y + py;
            worst = Math.max(worst, Math.hypot(u - mapped[i][0], v - mapped[i][1]) / scale);
        }
        return worst;
    }

    /** The scale of the homography at a template point, in pixels per millimetre (the root of its local area ratio). */
    static double pixelsPerMm(Homography h, double x, double y) {
        double[] o = h.map(x, y), dx = h.map(x + 1, y), dy = h.map(x, y + 1);
        double ax = dx[0] - o[0], ay = dx[1] - o[1], bx = dy[0] - o[0], by = dy[1] - o[1];
        return Math.sqrt(Math.abs(ax * by - ay * bx));
    }
}
