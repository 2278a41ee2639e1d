package org.huzhu.recognition.ocr;

import java.awt.geom.Point2D;

/**
 * Skew measured on the projection profile of a page's dark pixels, and one bilinear resampling
 * pass that turns it back and scales the page. Steps of {@link ImagePreparation}.
 */
final class PageGeometry {

    private static final double MAX_SKEW = 5.0;

    private PageGeometry() {
    }

    /**
     * The angle in degrees (positive: the text lines fall to the right, i.e. the page is turned
     * clockwise) that makes the ink's horizontal projection profile sharpest: a coarse search over
     * ±5° in 0.5° steps, then 0.1° steps around the best, on the dark pixels of a copy about 800
     * pixels wide.
     */
    static double estimateSkew(GreyImage page) {
        int step = Math.max(1, page.width() / 800);
        int threshold = Math.min(ImagePreparation.otsuThreshold(page), 160);
        int w = page.width() / step;
        int h = page.height() / step;
        int[] xs = new int[w * h];
        int[] ys = new int[w * h];
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (page.at(x * step, y * step) < threshold) {
                    xs[n] = x - w / 2;
                    ys[n] = y;
                    n++;
                }
            }
        }
        if (n < 50) return 0;
        int[] bins = new int[h + w + 2];
        double best = 0;
        double bestScore = -1;
        for (double a = -MAX_SKEW; a <= MAX_SKEW + 1e-9; a += 0.5) {
            double s = profileScore(xs, ys, n, a, bins, w);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double coarse = best;
        for (double a = coarse - 0.5; a <= coarse + 0.5 + 1e-9; a += 0.1) {
            double s = profileScore(xs, ys, n, a, bins, w);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        return Math.round(best * 10) / 10.0;
    }

    /** The darker of two layers of one page at each pixel: both inks on one page. */
    static GreyImage darker(GreyImage a, GreyImage b) {
        byte[] x = a.pixels(), y = b.pixels(), out = new byte[x.length];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Math.min(x[i] & 0xff, y[i] & 0xff);
        return new GreyImage(a.width(), a.height(), out);
    }

    /** Sum of squared row counts after turning the points back by {@code degrees}: high when lines are level. */
    private static double profileScore(int[] xs, int[] ys, int n, double degrees, int[] bins, int w) {
        java.util.Arrays.fill(bins, 0);
        double tan = Math.tan(Math.toRadians(degrees));
        int offset = w / 2 + 1;
        for (int i = 0; i < n; i++) {
            int row = (int) Math.round(ys[i] - xs[i] * tan) + offset;
            if (row >= 0 && row < bins.length) bins[row]++;
        }
        double score = 0;
        for (int b : bins) score += (double) b * b;
        return score;
    }

    // ---- one resampling pass ----

    /**
     * Scales the page by {@code scale} and turns it by {@code -skewDegrees} around its centre in
     * one bilinear pass; what comes in from outside the page is white. The size is the scaled size.
     */
    static GreyImage resample(GreyImage page, double scale, double skewDegrees) {
        return resampled(page, null, scale, skewDegrees)[0];
    }

    /**
     * Where a point of a page ({@code x}, {@code y} from its top left corner, in its pixels) falls on the page
     * {@link #resample} makes of it at {@code scale} and {@code skewDegrees}, over the scale: in the page's units, as the
     * lines read on it are given.
     */
    static Point2D inPageUnits(double x, double y, int width, int height, double scale, double skewDegrees) {
        double rad = Math.toRadians(-skewDegrees), dx = x - width / 2.0, dy = y - height / 2.0;
        double centreX = Math.round(width * scale) / 2.0 / scale, centreY = Math.round(height * scale) / 2.0 / scale;
        return new Point2D.Double(dx * Math.cos(rad) - dy * Math.sin(rad) + centreX, dx * Math.sin(rad) + dy * Math.cos(rad) + centreY);
    }

    /**
     * A page's data and form layers (or its data alone: {@code form} null), each resampled as {@link #resample} does, in
     * one pass: where each pixel comes from is worked out once for both.
     */
    static GreyImage[] resampled(GreyImage data, GreyImage form, double scale, double skewDegrees) {
        if (scale == 1 && skewDegrees == 0) return new GreyImage[] {data, form};
        int sw = data.width();
        int sh = data.height();
        int dw = (int) Math.round(sw * scale);
        int dh = (int) Math.round(sh * scale);
        byte[] a = data.pixels();
        byte[] b = form == null ? null : form.pixels();
        byte[] outA = new byte[dw * dh];
        byte[] outB = b == null ? null : new byte[dw * dh];
        double rad = Math.toRadians(skewDegrees);
        double cos = Math.cos(rad) / scale;
        double sin = Math.sin(rad) / scale;
        double dcx = dw / 2.0;
        double dcy = dh / 2.0;
        double scx = sw / 2.0;
        double scy = sh / 2.0;
        // destination → source: undo the correction (turn by +skew) and the scale; a column's share of it is the same on
        // every row
        double[] columnCos = new double[dw];
        double[] columnSin = new double[dw];
        for (int x = 0; x < dw; x++) {
            double rx = x + 0.5 - dcx;
            columnCos[x] = rx * cos;
            columnSin[x] = rx * sin;
        }
        for (int y = 0; y < dh; y++) {
            double ry = y + 0.5 - dcy;
            double rowSin = ry * sin;
            double rowCos = ry * cos;
            int row = y * dw;
            for (int x = 0; x < dw; x++) {
                double fx = columnCos[x] - rowSin + scx - 0.5;
                double fy = columnSin[x] + rowCos + scy - 0.5;
                boolean inside = fx >= 0 && fy >= 0 && fx < sw - 1 && fy < sh - 1;
                outA[row + x] = (byte) (inside ? inside(a, sw, fx, fy) : bilinear(a, sw, sh, fx, fy));
                if (b != null) outB[row + x] = (byte) (inside ? inside(b, sw, fx, fy) : bilinear(b, sw, sh, fx, fy));
            }
        }
        return new GreyImage[] {new GreyImage(dw, dh, outA), b == null ? null : new GreyImage(dw, dh, outB)};
    }

    /**
     * The median of nine values by the exchange network of Paeth (Graphics Gems, 1990; in Devillard's order): nineteen
     * exchanges, where sorting the nine took most of a second look's preparation.
     */
    static int median9(int p0, int p1, int p2, int p3, int p4, int p5, int p6, int p7, int p8) {
        int t;
        if (p1 > p2) { t = p1; p1 = p2; p2 = t; }
        if (p4 > p5) { t = p4; p4 = p5; p5 = t; }
        if (p7 > p8) { t = p7; p7 = p8; p8 = t; }
        if (p0 > p1) { t = p0; p0 = p1; p1 = t; }
        if (p3 > p4) { t = p3; p3 = p4; p4 = t; }
        if (p6 > p7) { t = p6; p6 = p7; p7 = t; }
        if (p1 > p2) { t = p1; p1 = p2; p2 = t; }
        if (p4 > p5) { t = p4; p4 = p5; p5 = t; }
        if (p7 > p8) { t = p7; p7 = p8; p8 = t; }
        if (p0 > p3) { t = p0; p0 = p3; p3 = t; }
        if (p5 > p8) { t = p5; p5 = p8; p8 = t; }
        if (p4 > p7) { t = p4; p4 = p7; p7 = t; }
        if (p3 > p6) { t = p3; p3 = p6; p6 = t; }
        if (p1 > p4) { t = p1; p1 = p4; p4 = t; }
        if (p2 > p5) { t = p2; p2 = p5; p5 = t; }
        if (p4 > p7) { t = p4; p4 = p7; p7 = t; }
        if (p4 > p2) { t = p4; p4 = p2; p2 = t; }
        if (p6 > p4) { t = p6; p6 = p4; p4 = t; }
        if (p4 > p2) { t = p4; p4 = p2; p2 = t; }
        return p4;
    }

    /** Where a pixel's centre of a warped page comes from in its source (pixel centres at +0.5). */
    interface Mapping {
        double[] source(double x, double y);
    }

    /** A page of the given size whose pixels are taken through the mapping from the source, bilinearly; white outside it. */
    static GreyImage warp(GreyImage page, int width, int height, Mapping mapping) {
        byte[] src = page.pixels();
        byte[] out = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] p = mapping.source(x + 0.5, y + 0.5);
                out[y * width + x] = (byte) bilinear(src, page.width(), page.height(), p[0] - 0.5, p[1] - 0.5);
            }
        }
        return new GreyImage(width, height, out);
    }

    /** Each pixel the median of its 3×3 neighbourhood (the edges keep theirs): salt and pepper gone, strokes kept. */
    static GreyImage median3(GreyImage image) {
        int w = image.width();
        int h = image.height();
        byte[] p = image.pixels();
        byte[] out = p.clone();
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int at = y * w + x;
                out[at] = (byte) median9(p[at - w - 1] & 0xff, p[at - w] & 0xff, p[at - w + 1] & 0xff,
                        p[at - 1] & 0xff, p[at] & 0xff, p[at + 1] & 0xff,
                        p[at + w - 1] & 0xff, p[at + w] & 0xff, p[at + w + 1] & 0xff);
            }
        }
        return new GreyImage(w, h, out);
    }

    /** The image in a white frame {@code margin} pixels wide: Tesseract finds a line's edges better off the image's. */
    static GreyImage framed(GreyImage image, int margin) {
        int w = image.width() + 2 * margin;
        int h = image.height() + 2 * margin;
        GreyImage out = GreyImage.blank(w, h);
        for (int y = 0; y < image.height(); y++) {
            System.arraycopy(image.pixels(), y * image.width(), out.pixels(), (y + margin) * w + margin, image.width());
        }
        return out;
    }

    /** {@link #bilinear} where the four pixels around the point are all on the page: the same value, fewer steps. */
    private static int inside(byte[] src, int w, double fx, double fy) {
        int x0 = (int) fx;
        int y0 = (int) fy;
        double tx = fx - x0;
        double ty = fy - y0;
        int at = y0 * w + x0;
        double top = (src[at] & 0xff) * (1 - tx) + (src[at + 1] & 0xff) * tx;
        double bottom = (src[at + w] & 0xff) * (1 - tx) + (src[at + w + 1] & 0xff) * tx;
        return (int) Math.round(top * (1 - ty) + bottom * ty);
    }

    private static int bilinear(byte[] src, int w, int h, double fx, double fy) {
        if (fx < -0.5 || fy < -0.5 || fx > w - 0.5 || fy > h - 0.5) return 255;
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        double tx = fx - x0;
        double ty = fy - y0;
        int x1 = Math.min(x0 + 1, w - 1);
        int y1 = Math.min(y0 + 1, h - 1);
        x0 = Math.max(x0, 0);
        y0 = Math.max(y0, 0);
        double top = (src[y0 * w + x0] & 0xff) * (1 - tx) + (src[y0 * w + x1] & 0xff) * tx;
        double bottom = (src[y1 * w + x0] & 0xff) * (1 - tx) + (src[y1 * w + x1] & 0xff) * tx;
        return (int) Math.round(top * (1 - ty) + bottom * ty);
    }
}
