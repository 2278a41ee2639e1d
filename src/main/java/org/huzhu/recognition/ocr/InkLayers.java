package org.huzhu.recognition.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * Parting a receipt's inks: the black data seen through a red filter (red ink becomes paper, black
 * under the seal stays black) and the printed form's dark red alone; and telling a grey scan,
 * which has no colour to part them by. Steps of {@link ImagePreparation}.
 */
final class InkLayers {

    /**
     * How much lighter than the form's darkest quarter a red pixel may be and still belong to the
     * form layer. Measured on the bench's 40 × 6 colour images: 30 keeps most of the seal out and
     * reads clean pages best (0.971 against 0.962), but blurred pages lose their labels (0.728
     * against 0.904); 100 keeps labels on every variant.
     */
    private static final int FORM_INK_SPREAD = 100;
    /**
     * On a soft page ({@link #sharpness} below {@link #SOFT}: blurred, or a phone's defocus; the
     * bench's sharp pages measure 149–242, its blurred ones 48–85 and its photos 68–73), a blur
     * mixes the data's black strokes with the seal's red where they cross, and the form layer
     * (which holds the seal too) would take them for rims of red ink. There black under red — a
     * pixel whose red leads by {@link #UNDER_RED_LEAD} or more and that the red filter leaves
     * darker than {@link #UNDER_RED_GREY} — is kept when it lies within {@link #BLACK_REACH}
     * pixels of plain black or grey ink (red leading by at most {@link #NEUTRAL_LEAD}, darker than
     * {@link #NEUTRAL_DARK}): the rest of the stroke, outside the seal. Measured on a blurred page:
     * the seal's ink (214, 54, 71) is paper through the filter, a digit's core under it (116, 29,
     * 38) about 100. Sharp pages keep the rule as it was: JPEG darkens a red label's thin strokes
     * to the same colours (114, 42, 56), right beside the values.
     */
    static final int SOFT = 120;
    private static final int UNDER_RED_LEAD = 40;
    private static final int UNDER_RED_GREY = 160;
    private static final int BLACK_REACH = 6;
    private static final int NEUTRAL_LEAD = 12;
    private static final int NEUTRAL_DARK = 200;
    /** Red channel levels up to this are black seen through red (black data under the seal, JPEG's colour bleeding on it). */
    private static final int DARK_RED = 60;

    private InkLayers() {
    }

    /**
     * Red ink is seen through a red filter: a pixel's grey is its red channel, with {@code redInk}
     * (the red of the ink on white paper) taken as white, in proportion to how much its red exceeds
     * both green and blue — fully from a lead of {@code margin} on — and its luminance otherwise.
     * Red ink on paper becomes paper, whatever the light, and so do the pinkish rims that
     * antialiasing and JPEG's coarse colour leave around red strokes; black data under the seal,
     * which multiplies over it, stays as dark as it is; neutral pixels keep their luminance.
     */
    static GreyImage withoutRedInk(BufferedImage source, int margin, int redInk) {
        return withoutRedInk(rgb(source), source.getWidth(), source.getHeight(), margin, redInk, null);
    }

    /** As above, each pixel first divided by the paper's brightness there when that is known (flat field). */
    static GreyImage withoutRedInk(int[] rgb, int w, int h, int margin, int redInk, GreyImage paper) {
        byte[] out = new byte[w * h];
        byte[] bg = paper == null ? null : paper.pixels();
        for (int i = 0; i < out.length; i++) out[i] = (byte) grey(rgb[i], margin, redInk, bg == null ? 255 : bg[i] & 0xff);
        return new GreyImage(w, h, out);
    }

    /**
     * The share of the image, brightest first, whose mean colour is taken for the paper's: on a photo the page fills
     * most of the frame and its best-lit part is the brightest thing in it, desk and ink are darker.
     */
    private static final double PAPER_SHARE = 0.15;
    /** A red gain below this (under 2 %) is no cast: the pixels are left exactly as they are. */
    private static final double NO_CAST = 1.02;
    /** The most red is raised: a page lit by a coloured lamp, not a coloured page. */
    private static final double MOST_GAIN = 1.5;

    /**
     * The pixels with a cool light's colour taken out of the red channel: red raised so that the paper, the mean
     * colour of the brightest {@link #PAPER_SHARE} of the image, has as much red as green and blue. Red ink is told by
     * how far its red leads green and blue, and a cool light (daylight, a fluorescent tube: paper at 206, 218, 230)
     * takes that lead down by the paper's own lead, about 24: the lighter half of every red stroke then fell under the
     * form layer's cut and its labels came apart (set 1 photographed in cool light, {@code CoolLightImageTest}: 44 of
     * 87 fields right, 82 now). A warm light only adds to red's lead, and every step after this one was measured on
     * photos in warm light: balancing them all three ways (green and blue raised too) read set 1's warm photos with
     * WRONG 2 → 6 of 235 fields, so they, like clean images and scans, come back untouched (the same array).
     */
    static int[] coolLightBalanced(int[] rgb) {
        int[] histogram = new int[256];
        int step = Math.max(1, rgb.length / 200_000);
        for (int i = 0; i < rgb.length; i += step) histogram[lum(rgb[i])]++;
        int sampled = 0;
        for (int v : histogram) sampled += v;
        int bright = 255, counted = 0;
        while (bright > 0 && counted + histogram[bright] < sampled * PAPER_SHARE) counted += histogram[bright--];
        long r = 0, g = 0, b = 0, n = 0;
        for (int i = 0; i < rgb.length; i += step) {
            int p = rgb[i];
            if (lum(p) < bright) continue;
            r += p >> 16 & 0xff;
            g += p >> 8 & 0xff;
            b += p & 0xff;
            n++;
        }
        if (n == 0) return rgb;
        double gain = Math.min(MOST_GAIN, Math.max(g, b) / Math.max(1.0, r));
        if (gain < NO_CAST) return rgb;
        int[] red = gains(gain);
        int[] out = new int[rgb.length];
        for (int i = 0; i < out.length; i++) out[i] = red[rgb[i] >> 16 & 0xff] << 16 | rgb[i] & 0xffff;
        return out;
    }

    private static int[] gains(double gain) {
        int[] table = new int[256];
        for (int v = 0; v < 256; v++) table[v] = (int) Math.min(255, Math.round(v * gain));
        return table;
    }

    /** The pixel's luminance: ITU-R BT.601's weights in 256ths. */
    static int lum(int p) {
        return ((p >> 16 & 0xff) * 77 + (p >> 8 & 0xff) * 150 + (p & 0xff) * 29) >> 8;
    }

    /** Plain luminance, from which the paper's brightness is estimated. */
    static GreyImage luminance(int[] rgb, int w, int h) {
        byte[] out = new byte[w * h];
        for (int i = 0; i < out.length; i++) {
            int p = rgb[i];
            out[i] = (byte) lum(p);
        }
        return new GreyImage(w, h, out);
    }

    /** The pixels as 0xRRGGBB, composed over white paper where the image is translucent. */
    static int[] rgb(BufferedImage source) {
        int w = source.getWidth();
        int h = source.getHeight();
        int[] out = new int[w * h];
        switch (source.getType()) {
            case BufferedImage.TYPE_INT_RGB -> System.arraycopy(((DataBufferInt) source.getRaster().getDataBuffer()).getData(), 0, out, 0, out.length);
            case BufferedImage.TYPE_3BYTE_BGR -> {
                byte[] bgr = ((DataBufferByte) source.getRaster().getDataBuffer()).getData();
                for (int i = 0, j = 0; i < out.length; i++, j += 3) out[i] = rgb(bgr[j + 2] & 0xff, bgr[j + 1] & 0xff, bgr[j] & 0xff);
            }
            case BufferedImage.TYPE_BYTE_GRAY -> {
                byte[] g = ((DataBufferByte) source.getRaster().getDataBuffer()).getData();
                for (int i = 0; i < out.length; i++) {
                    int v = g[i] & 0xff;
                    out[i] = rgb(v, v, v);
                }
            }
            default -> {
                int[] row = new int[w];
                for (int y = 0; y < h; y++) {
                    source.getRGB(0, y, w, 1, row, 0, w);
                    for (int x = 0; x < w; x++) out[y * w + x] = overWhite(row[x]) & 0xffffff;
                }
            }
        }
        return out;
    }

    private static int rgb(int r, int g, int b) {
        return r << 16 | g << 8 | b;
    }

    /** An ARGB pixel composed over white paper. */
    private static int overWhite(int argb) {
        int a = argb >>> 24;
        if (a == 255) return argb;
        int r = (argb >> 16 & 0xff) * a / 255 + 255 - a;
        int g = (argb >> 8 & 0xff) * a / 255 + 255 - a;
        int b = (argb & 0xff) * a / 255 + 255 - a;
        return rgb(r, g, b);
    }

    private static int grey(int rgb, int margin, int redInk, int paper) {
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        int luminance = overPaper((r * 77 + g * 150 + b * 29) >> 8, paper);
        int lead = r - Math.max(g, b);
        if (lead <= 0) return luminance;
        // through the red filter: red ink on paper (about redInk) is paper, red over black stays dark
        int red = overPaper(r, paper);
        int filtered = Math.max(0, Math.min(255, (red - DARK_RED) * 255 / (redInk - DARK_RED)));
        if (lead >= margin) return filtered;
        return luminance + (filtered - luminance) * lead / margin;
    }

    /**
     * JPEG keeps colour at half resolution, so the rim of a red stroke loses its red and would
     * stay in the data layer as a grey outline of every label, and noise leaves specks of it. The
     * form's ink, and within three pixels of it whatever is still reddish, becomes paper unless
     * it is near black — or, on a soft page ({@code softRgb} given: the page's pixels, else null),
     * black under red beside black ({@link #SOFT}): black data under the seal, which the form
     * layer holds too, keeps its strokes and their edges.
     */
    static GreyImage withoutRimsOf(GreyImage form, GreyImage data, int[] lead, int[] softRgb, GreyImage paper) {
        int w = data.width();
        int h = data.height();
        byte[] f = form.pixels();
        boolean[] ink = new boolean[f.length];
        for (int i = 0; i < f.length; i++) ink[i] = (f[i] & 0xff) < 160;
        boolean[] near = dilate(ink, w, h, 3);
        byte[] p = data.pixels();
        boolean[] besideBlack = null;
        if (softRgb != null) {
            byte[] bg = paper == null ? null : paper.pixels();
            boolean[] plain = new boolean[p.length];
            for (int i = 0; i < p.length; i++) plain[i] = lead[i] <= NEUTRAL_LEAD && luminance(softRgb[i], bg, i) < NEUTRAL_DARK;
            besideBlack = dilate(plain, w, h, BLACK_REACH);
        }
        byte[] out = p.clone();
        for (int i = 0; i < out.length; i++) {
            int v = p[i] & 0xff;
            if (!(ink[i] && v > 60 || near[i] && lead[i] > 8 && v > 90)) continue;
            if (besideBlack != null && besideBlack[i] && lead[i] >= UNDER_RED_LEAD && v < UNDER_RED_GREY) continue;
            out[i] = (byte) 255;
        }
        return new GreyImage(w, h, out);
    }

    /** A square dilation of a mask by {@code reach} pixels, in two one-dimensional passes. */
    static boolean[] dilate(boolean[] mask, int w, int h, int reach) {
        boolean[] across = new boolean[mask.length];
        for (int y = 0; y < h; y++) {
            int last = Integer.MIN_VALUE / 2;
            for (int x = 0; x < w; x++) {
                if (mask[y * w + x]) last = x;
                if (x - last <= reach) across[y * w + x] = true;
            }
            last = Integer.MAX_VALUE / 2;
            for (int x = w - 1; x >= 0; x--) {
                if (mask[y * w + x]) last = x;
                if (last - x <= reach) across[y * w + x] = true;
            }
        }
        // down and up the columns, all of them a row at a time (a column at a time strides across the whole image)
        boolean[] out = new boolean[mask.length];
        int[] last = new int[w];
        Arrays.fill(last, Integer.MIN_VALUE / 2);
        for (int y = 0; y < h; y++) {
            for (int x = 0, at = y * w; x < w; x++, at++) {
                if (across[at]) last[x] = y;
                if (y - last[x] <= reach) out[at] = true;
            }
        }
        Arrays.fill(last, Integer.MAX_VALUE / 2);
        for (int y = h - 1; y >= 0; y--) {
            for (int x = 0, at = y * w; x < w; x++, at++) {
                if (across[at]) last[x] = y;
                if (last[x] - y <= reach) out[at] = true;
            }
        }
        return out;
    }

    // ---- the form layer ----

    /**
     * The printed red form alone, black on white. A pixel belongs to it as far as its red leads
     * green and blue (fully from a lead of 75) and as far as it is dark: up to
     * {@link #FORM_INK_SPREAD} lighter than the form's own ink, whose darkness comes from the
     * page's upper part, where the template has no seal. Black data, having no lead, is left out,
     * and so are faint pinks. The seal's translucent ink (about 105 of 255 over paper, against
     * the form's 75) mostly stays: a tighter spread kept it out of clean pages but took the labels
     * out of blurred ones; {@link TesseractOcr#merge} keeps what the seal makes of itself off the
     * values.
     */
    static GreyImage redInk(int[] rgb, int[] lead, int w, int h, GreyImage paper) {
        return redInk(rgb, lead, w, h, paper, false);
    }

    /**
     * As {@link #redInk(int[], int[], int, int, GreyImage)}; on a sharp page ({@code sealApart}) the red where a stamp
     * lighter than the form lies ({@link #sealCells}) belongs to the form only up to {@link #SEAL_SPREAD} lighter than
     * its ink: many stamp pads are a lighter vermilion than the printed form, and the stamp over labels of the same hue
     * took them out of the form layer. Blurred pages, whose labels' strokes are as light as the stamp, keep the spread.
     */
    static GreyImage redInk(int[] rgb, int[] lead, int w, int h, GreyImage paper, boolean sealApart) {
        byte[] bg = paper == null ? null : paper.pixels();
        int[] histogram = new int[256];
        int upper = (int) (h * 0.45);
        for (int i = 0; i < upper * w; i++) {
            if (lead[i] > 40) histogram[luminance(rgb[i], bg, i)]++;
        }
        int formInk = percentile(histogram, 0.25, 75);
        int lightest = Math.max(100, Math.min(230, formInk + FORM_INK_SPREAD));
        boolean[] seal = sealApart ? sealCells(rgb, lead, w, h, bg, formInk + SEAL_SPREAD) : null;
        int tight = formInk + SEAL_SPREAD;
        int cellsAcross = (w + CELL - 1) / CELL;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int cellRow = (y / CELL) * cellsAcross;
            for (int x = 0, i = y * w; x < w; x++, i++) {
                if (lead[i] <= 15) {
                    out[i] = (byte) 255;
                    continue;
                }
                double red = Math.min(1, (lead[i] - 15) / 60.0);
                int limit = seal != null && seal[cellRow + x / CELL] ? tight : lightest;
                double dark = Math.max(0, Math.min(1, (limit - luminance(rgb[i], bg, i)) / 15.0));
                out[i] = (byte) (255 - (int) Math.round(255 * red * dark));
            }
        }
        return new GreyImage(w, h, out);
    }

    /** The side of the square cells a page is looked at in for a seal, in pixels. */
    static final int CELL = 24;

    /**
     * How much lighter than the form's ink the seal's may be where the seal lies ({@link #sealCells}): set 1 on other
     * forms with a vermilion stamp, 20 receipts at 200 dpi, 249 fields right and 2 WRONG with the page's spread, 273 and
     * 1 with 30 or 40, 272 and 2 with 50; at 300 dpi 248 and 4 → 278 and 1. Set 1 with its own stamp, of the form's
     * hue, reads as before (no cell is a seal's).
     */
    static final int SEAL_SPREAD = 40;

    /**
     * The cells ({@link #CELL} pixels square) where red ink lighter than {@code light} is most of the red — more than
     * 6 % of the cell and three times the darker red — dilated by a cell: where a stamp lighter than the form lies. A
     * label's antialiased rim is lighter too, but never most of its ink.
     */
    static boolean[] sealCells(int[] rgb, int[] lead, int w, int h, byte[] bg, int light) {
        int cw = (w + CELL - 1) / CELL, ch = (h + CELL - 1) / CELL;
        int[] lightCount = new int[cw * ch];
        int[] darkCount = new int[cw * ch];
        for (int y = 0; y < h; y++) {
            int cellRow = (y / CELL) * cw;
            for (int x = 0, i = y * w; x < w; x++, i++) {
                if (lead[i] <= 40) continue;
                int c = cellRow + x / CELL;
                if (luminance(rgb[i], bg, i) > light) lightCount[c]++; else darkCount[c]++;
            }
        }
        boolean[] seal = new boolean[cw * ch];
        for (int c = 0; c < seal.length; c++) {
            seal[c] = lightCount[c] > 0.06 * CELL * CELL && lightCount[c] > 3 * darkCount[c];
        }
        boolean[] grown = seal.clone();
        for (int cy = 0; cy < ch; cy++) {
            for (int cx = 0; cx < cw; cx++) {
                if (!seal[cy * cw + cx]) continue;
                for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) {
                    int ny = cy + dy, nx = cx + dx;
                    if (ny >= 0 && ny < ch && nx >= 0 && nx < cw) grown[ny * cw + nx] = true;
                }
            }
        }
        return grown;
    }

    /**
     * Each pixel's red lead in a shadow as it would be in the best-lit paper's light: where the paper is under
     * {@link FlatField#DESK} of that paper's brightness (the phone's shadow, the desk), times the best-lit paper's
     * brightness over the paper's there, at most {@link #MOST_LEAD_GAIN} times. A lead shrinks with the light as every
     * level does: in the phone's shadow at a third of the light a red label's lead of 60 is 20, under the form's cut, and
     * the labels there were lost (set 1's SHADOWPHONE: amounts given each other's labels). Out of the shadows the leads
     * are left as they are: raised in the light's fall across the whole page too, set 1's photos in the thin Song face
     * lost 6 fields and gained 2 WRONG, its handheld photos lost 7; raised in the shadows only to the shadows' edge's
     * light, SHADOWPHONE read 16 fields more but 3 more WRONG.
     */
    static void leadOverPaper(int[] lead, GreyImage paper) {
        byte[] bg = paper.pixels();
        int bright = FlatField.brightPaper(bg);
        int shadow = (int) (bright * FlatField.DESK);
        for (int i = 0; i < lead.length; i++) {
            int level = bg[i] & 0xff;
            if (level < shadow) lead[i] = Math.min(255, lead[i] * bright / Math.max(bright / MOST_LEAD_GAIN, level));
        }
    }

    /** The most a red lead is raised by {@link #leadOverPaper}: paper a quarter as bright as the best-lit paper. */
    static final int MOST_LEAD_GAIN = 4;

    /**
     * How far red leads green and blue at each pixel (0 when it does not), averaged over 3×3: a
     * scanner's or camera's noise, different in each channel, lends single black or white pixels
     * a lead that a stroke of red ink has throughout.
     */
    static int[] redLead(int[] rgb, int w, int h) {
        int[] lead = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            lead[i] = Math.max(0, (p >> 16 & 0xff) - Math.max(p >> 8 & 0xff, p & 0xff));
        }
        // the mean of three, or of two at the page's edges (a division by three the compiler makes a multiplication)
        int[] across = new int[lead.length];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (x > 0 && x + 1 < w) {
                    across[row + x] = (lead[row + x - 1] + lead[row + x] + lead[row + x + 1]) / 3;
                    continue;
                }
                int sum = lead[row + x];
                int n = 1;
                if (x > 0) { sum += lead[row + x - 1]; n++; }
                if (x + 1 < w) { sum += lead[row + x + 1]; n++; }
                across[row + x] = sum / n;
            }
        }
        int[] out = new int[lead.length];
        for (int y = 0; y < h; y++) {
            boolean inside = y > 0 && y + 1 < h;
            for (int x = 0, i = y * w; x < w; x++, i++) {
                if (inside) {
                    out[i] = (across[i - w] + across[i] + across[i + w]) / 3;
                    continue;
                }
                int sum = across[i];
                int n = 1;
                if (y > 0) { sum += across[i - w]; n++; }
                if (y + 1 < h) { sum += across[i + w]; n++; }
                out[i] = sum / n;
            }
        }
        return out;
    }

    /**
     * How sharp the page's edges are: the step between horizontal neighbours that only one in 500
     * of the steps on every fourth row exceeds (0..255).
     */
    static int sharpness(GreyImage grey) {
        int[] histogram = new int[256];
        int w = grey.width();
        long n = 0;
        for (int y = 0; y < grey.height(); y += 4) {
            for (int x = 1; x < w; x++) {
                histogram[Math.abs(grey.at(x, y) - grey.at(x - 1, y))]++;
                n++;
            }
        }
        long above = 0;
        for (int v = 255; v > 0; v--) {
            above += histogram[v];
            if (above * 500 >= n) return v;
        }
        return 0;
    }

    /** A pixel's luminance, divided by the paper's where that is known. */
    private static int luminance(int p, byte[] paper, int i) {
        int luminance = ((p >> 16 & 0xff) * 77 + (p >> 8 & 0xff) * 150 + (p & 0xff) * 29) >> 8;
        return paper == null ? luminance : overPaper(luminance, paper[i] & 0xff);
    }

    /**
     * A level divided by the paper's brightness where it lies, {@code min(255, value × 255 / paper)}, from a table: the
     * division per pixel was the most of several of the preparation's steps. Paper 0 (never a background's) counts as 1.
     */
    static int overPaper(int value, int paper) {
        return OVER_PAPER[paper << 8 | value] & 0xff;
    }

    private static final byte[] OVER_PAPER = new byte[256 * 256];

    static {
        for (int paper = 0; paper < 256; paper++) {
            for (int value = 0; value < 256; value++) OVER_PAPER[paper << 8 | value] = (byte) Math.min(255, value * 255 / Math.max(1, paper));
        }
    }

    private static int percentile(int[] histogram, double share, int fallback) {
        long total = 0;
        for (int n : histogram) total += n;
        if (total < 500) return fallback;
        long wanted = (long) (total * share);
        long seen = 0;
        for (int v = 0; v < histogram.length; v++) {
            seen += histogram[v];
            if (seen > wanted) return v;
        }
        return fallback;
    }

    /**
     * Whether a grey page is black and white, as a fax sends it: of every seventh pixel, fewer than one in
     * {@link #BETWEEN} is neither black nor white. A scan's antialiased edges, its noise and its paper's grain are
     * neither on far more.
     */
    static boolean blackAndWhite(GreyImage page) {
        byte[] p = page.pixels();
        int between = 0, seen = 0;
        for (int i = 0; i < p.length; i += 7, seen++) {
            int v = p[i] & 0xff;
            if (v != 0 && v != 255) between++;
        }
        return between * BETWEEN < seen;
    }

    /** {@link #blackAndWhite}: one pixel in this many may be grey (a stray grey mark: a note added on screen). */
    private static final int BETWEEN = 200;

    /** Whether the image has no colour to tell red from black by (a grey scan). */
    static boolean isGrey(BufferedImage source) {
        if (source.getType() == BufferedImage.TYPE_BYTE_GRAY || source.getType() == BufferedImage.TYPE_USHORT_GRAY) return true;
        int w = source.getWidth();
        int h = source.getHeight();
        int step = Math.max(1, (int) Math.sqrt((double) w * h / 40_000));
        int coloured = 0;
        int seen = 0;
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                int p = source.getRGB(x, y);
                int r = p >> 16 & 0xff;
                int g = p >> 8 & 0xff;
                int b = p & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 24) coloured++;
                seen++;
            }
        }
        return coloured * 1000 < seen;
    }
}
