package org.huzhu.recognition.ocr;

import java.util.List;
import java.util.function.Supplier;

/**
 * Parting a grey scan's inks by darkness. Without colour, the receipt's red inks still differ from
 * its black data: the printed form's red is a mid grey (about 75 of 255) and the seal's translucent
 * red lighter (about 105), while black data is black to its core (under the seal as well: the seal
 * multiplies over it). A stroke is told by its darkest pixel, not by each pixel — the antialiased
 * rim of a black stroke is as grey as red ink — so a pixel belongs to a layer by the darkest ink
 * within a pixel or two of it ({@link #DATA_REACH}, {@link #REACH}):
 * <ul>
 * <li>the data layer keeps what lies near ink darker than the seal ({@link #DATA_INK}): the seal
 *     goes, black data stays, thin strokes whose core is only dark grey at 150 dpi included — and
 *     so does the form's red, which {@link #withoutForm} then takes out where the registered
 *     template prints it;</li>
 * <li>the form layer is what is dark but not near black ({@link #BLACK}), levelled to black on
 *     white as the colour path's form layer is: the labels, rules and title (and the seal), for
 *     {@link FormRegistration} and the title's read.</li>
 * </ul>
 * Steps of {@link ImagePreparation}, on a flat-fielded page.
 */
final class GreyInks {

    /** Below this a pixel is black ink, not the form's red (measured on the bench's scans: red form ≈ 75 ± 4). */
    static final int BLACK = 45;
    /**
     * Below this a pixel is data or form ink, not the seal's lighter red (≈ 105 ± 4; red form under
     * the seal ≈ 54). Measured on the bench's 40 scans (fields right / WRONG of 585): 80 551 / 12,
     * 90 557 / 8, 97 519 / 17.
     */
    static final int DATA_INK = 90;
    /** How far from black ink a pixel still belongs to its stroke in the form's parting (the rim and the antialiasing). */
    static final int REACH = 2;
    /** The same for the data layer: one pixel, the antialiased rim, so that little of the seal around data stays. */
    static final int DATA_REACH = 1;
    /** Form ink at this grey or darker is black in the form layer; from {@link #FORM_PAPER} up it is paper. */
    private static final int FORM_INK = 110;
    private static final int FORM_PAPER = 215;
    /** A grey page with less form ink than this share of its pixels has no red form to part (a black-only page). */
    private static final double MIN_FORM_SHARE = 0.002;
    /** The darkness of a dark print's darkest ink: the 1st percentile of the ink on set 1's scans (0–24, mostly 1–4). */
    private static final int DARK_PRINT = 3;
    /**
     * The darkest ink of a print still parted as it is: set 1's dark scans reach 0–24 (deepened, the template's lost
     * figures), a light toner's (Variants.lightScan) 41–100, a pale print's 105–140.
     */
    private static final int LIGHT_PRINT = 32;
    /**
     * A page is sharp when its steepest edges ({@link InkLayers#sharpness}) rise at least this share of the way from paper
     * to its darkest ink: set 1's scans 0.51–0.75, a worn scanner's soft ones (Variants.fadedScan) 0.29–0.40.
     */
    private static final double SHARP_PRINT = 0.45;
    /** Millimetres around the template's print taken out of the data layer, and left to a label's value on its right. */
    private static final double FORM_MARGIN_MM = 0.4;
    private static final double VALUE_ROOM_MM = 0.5;

    /**
     * The data and the form of a grey page; {@code form} is null when the page has no mid-grey form to part.
     * {@code dataInked} is false when nothing on the page is darker than the seal ({@link #DATA_INK}): a pale or faded
     * print, whose data layer is blank and whose form layer holds the data as well.
     */
    record Parted(GreyImage data, GreyImage form, boolean dataInked) {
    }

    private GreyInks() {
    }

    static Parted part(GreyImage page) {
        return part(page, DATA_INK);
    }

    /** {@link #part}, with ink darker than {@code dataInk} taken for data rather than {@link #DATA_INK}. */
    private static Parted part(GreyImage page, int dataInk) {
        int w = page.width();
        int h = page.height();
        byte[] p = page.pixels();
        boolean[] black = new boolean[p.length];
        boolean[] inked = new boolean[p.length];
        boolean dataInked = false;
        for (int i = 0; i < p.length; i++) {
            black[i] = (p[i] & 0xff) < BLACK;
            inked[i] = (p[i] & 0xff) < dataInk;
            dataInked |= inked[i];
        }
        boolean[] blackStroke = InkLayers.dilate(black, w, h, REACH);
        boolean[] stroke = InkLayers.dilate(inked, w, h, DATA_REACH);
        byte[] data = new byte[p.length];
        byte[] form = new byte[p.length];
        int formInk = 0;
        for (int i = 0; i < p.length; i++) {
            int v = p[i] & 0xff;
            data[i] = stroke[i] ? (byte) v : (byte) 255;
            int f = blackStroke[i] ? 255 : Math.max(0, Math.min(255, (v - FORM_INK) * 255 / (FORM_PAPER - FORM_INK)));
            form[i] = (byte) f;
            if (f < 128) formInk++;
        }
        if (formInk < MIN_FORM_SHARE * p.length) return new Parted(page, null, dataInked);
        return new Parted(new GreyImage(w, h, data), new GreyImage(w, h, form), dataInked);
    }

    /**
     * A pale print's data parted from its seal as a dark print's is ({@link #part}'s data layer), for the looks that ask
     * for the page without its seal: a pale or faded print has nothing darker than {@link #DATA_INK}, so the page is
     * first {@link #deepened} back.
     */
    static GreyImage paleData(GreyImage page) {
        return part(deepened(page, deepening(darkest(page)))).data();
    }

    /**
     * The page's inks parted ({@link #part}), a light print deepened back first to a dark one's darkness. A dark print
     * (its darkest ink at {@link #LIGHT_PRINT} or darker) is parted as it is. A sharp light print keeps its strokes' cores
     * darker than {@link #DATA_INK} but not their rims or its thin strokes, so parted as it is its data layer would hold
     * only the cores: it is deepened back by its darkest ink and parted. A soft one ({@link #SHARP_PRINT}) is deepened back
     * too, but its darkest ink is its blurred strokes', lighter than their ink was, while the seal's wide ring keeps its
     * grey: deepened by it, the seal can be as dark as data. So its data is what is darker than its seal's ring
     * ({@link SealRing#find}) deepened alike, by {@link SealRing#DARKER}. A soft page on which no ring is found, or with
     * nothing darker than the seal (a soft pale or worn print, whose data layer is blank and which is read as one layer),
     * is parted as it is. {@code seal} gives the page's seal ring ({@link SealRing#find}), asked for only on a soft light
     * page with data ink.
     */
    static Parted partOf(GreyImage page, Supplier<SealRing.Ring> seal) {
        int darkest = darkest(page);
        if (darkest <= LIGHT_PRINT) return part(page);
        byte[] level = deepening(darkest);
        if (InkLayers.sharpness(page) >= SHARP_PRINT * (255 - darkest)) return part(deepened(page, level));
        SealRing.Ring ring = darkerThan(page, DATA_INK) ? seal.get() : null;
        if (ring == null) return part(page);
        return part(deepened(page, level), Math.min(DATA_INK, (level[ring.ink()] & 0xff) - SealRing.DARKER));
    }

    /** Whether any pixel of the page is darker than {@code grey} (what {@link Parted#dataInked} tells for {@link #DATA_INK}). */
    private static boolean darkerThan(GreyImage page, int grey) {
        for (byte b : page.pixels()) if ((b & 0xff) < grey) return true;
        return false;
    }

    /** {@link #partOf(GreyImage, Supplier)}, the seal ring looked for on the page when asked for. */
    static Parted partOf(GreyImage page) {
        return partOf(page, () -> SealRing.find(page));
    }

    /** The darkness of a page's darkest ink: the 1st percentile of what is darker than paper. */
    private static int darkest(GreyImage page) {
        int[] histogram = new int[256];
        int ink = 0;
        for (byte b : page.pixels()) {
            int v = b & 0xff;
            histogram[v]++;
            if (v < FORM_PAPER) ink++;
        }
        int darkest = 0;
        int seen = histogram[0];
        while (seen < ink / 100 && darkest < FORM_PAPER - 1) seen += histogram[++darkest];
        return darkest;
    }

    /** Each grey's darkness divided by the share of it the print kept, told by its darkest ink against a dark print's ({@link #DARK_PRINT}). */
    private static byte[] deepening(int darkest) {
        double kept = Math.min(1, (255.0 - darkest) / (255 - DARK_PRINT));
        byte[] level = new byte[256];
        for (int v = 0; v < 256; v++) level[v] = (byte) Math.max(0, (int) Math.round(255 - (255 - v) / kept));
        return level;
    }

    /** The page with each pixel's grey deepened back ({@link #deepening}). */
    private static GreyImage deepened(GreyImage page, byte[] level) {
        byte[] p = page.pixels();
        byte[] deep = new byte[p.length];
        for (int i = 0; i < p.length; i++) deep[i] = level[p[i] & 0xff];
        return new GreyImage(page.width(), page.height(), deep);
    }

    /** The data layer with paper wherever the registered template prints its form ({@link FormRegistration#printed}). */
    static GreyImage withoutForm(GreyImage data, FormRegistration.Transform t) {
        byte[] out = data.pixels().clone();
        int w = data.width();
        int h = data.height();
        List<FormRegistration.Area> areas = FormRegistration.printed(FORM_MARGIN_MM, VALUE_ROOM_MM);
        for (FormRegistration.Area a : areas) {
            int left = Math.max(0, (int) Math.floor(t.x(a.x())));
            int right = Math.min(w, (int) Math.ceil(t.x(a.x() + a.width())));
            int top = Math.max(0, (int) Math.floor(t.y(a.y())));
            int bottom = Math.min(h, (int) Math.ceil(t.y(a.y() + a.height())));
            for (int y = top; y < bottom; y++) java.util.Arrays.fill(out, y * w + Math.min(left, right), y * w + right, (byte) 255);
        }
        return new GreyImage(w, h, out);
    }
}
