package org.huzhu.recognition.ocr;

/**
 * The words along a round seal's upper arc — on a receipt's 收费专用章 the hospital's own name, each glyph's top facing
 * outwards — unrolled into a straight line that can be read as one: the band just inside the ring, over the arc the name
 * takes, laid out left to right with the ring's outside at the top. A seal pressed over the printed 收款单位 hides the
 * name it repeats; its own words stand clear of the print (only what crosses the band lies over them).
 */
final class SealWords {

    /**
     * The band the name's glyphs stand in, as parts of the ring's radius (found at the middle of its stroke): set 1's
     * seal sets glyphs of 2.6–4.6 mm with their tops 0.4 mm inside a ring of 18 mm, 0.69–0.95 of its radius. The band
     * reaches further in than any glyph and is cut under them ({@link #nameRows}). Its outer edge measured on set 1
     * ({@code SealWordsProbe}, six renderings, 180 pages): the seal's words named the receipt's hospital on 4 pages with
     * the band reaching out to 0.92 of the radius, 11 to 0.94, 19 to 0.96 and 14 to 0.98 (the ring's stroke inside it);
     * none named another hospital or one the list lacked.
     */
    static final double INNER = 0.60, OUTER = 0.96;
    /** The arc the name may take, centred at the top: long names take up to 250°, short ones are spread over less. */
    static final double SPAN = Math.toRadians(250);

    private SealWords() {
    }

    /**
     * The seal's band unrolled: a pixel of the strip for a pixel of arc at the band's middle radius, the ring's outside at
     * the top, from the arc's left end clockwise over the top; the ring's ink ({@link SealRing.Ring#ink()}) stretched to
     * black and the paper kept white, so that a light seal on a grey scan reads as print does. Outside the page is paper.
     */
    static GreyImage unrolled(GreyImage page, SealRing.Ring ring) {
        double middle = ring.radius() * (INNER + OUTER) / 2;
        int width = (int) Math.round(SPAN * middle);
        int height = (int) Math.round(ring.radius() * (OUTER - INNER));
        if (width < 1 || height < 1) return null;
        double outer = ring.radius() * OUTER, start = 1.5 * Math.PI - SPAN / 2;
        // the strip's pixel centres and the page's both at +0.5: the strip's top row on the outer edge, its columns along the arc
        GreyImage band = PageGeometry.warp(page, width, height, (x, y) -> {
            double r = outer - (y - 0.5), angle = start + (x - 0.5) / middle;
            return new double[] {ring.x() + r * Math.cos(angle) + 0.5, ring.y() + r * Math.sin(angle) + 0.5};
        });
        return nameRows(stretched(band, Math.min(ring.ink(), 254)));
    }

    /** The band with the seal's ink grey and darker drawn black, the paper kept white, the greys between spread out. */
    private static GreyImage stretched(GreyImage band, int ink) {
        byte[] out = new byte[band.pixels().length];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Math.clamp((long) ((band.pixels()[i] & 0xff) - ink) * 255 / (255 - ink), 0, 255);
        return new GreyImage(band.width(), band.height(), out);
    }

    /** Darker than this is ink, in the unrolled band. */
    private static final int INK = 128;
    /** A row with less ink than this part of the densest row's is below the name's glyphs. */
    private static final double BELOW = 0.25;
    /** The name's glyphs take at least this part of the band's height from its top. */
    private static final double GLYPHS = 0.3;

    /**
     * The band down to the gap under the name's glyphs: what lies further in (a stroke of the star, the printed line the
     * seal was pressed over, where it crosses the band) is cut off. Read with it, a whole name came back as nothing at
     * all (set 2's grey scan doc-002, where the seal's words read 中科技大学同济医学院附属同济医院 without it), or with its
     * strokes run into the name's. The gap is the first row, past the glyphs' least height, with less than
     * {@link #BELOW} of the densest row's ink, and the rows after it while each has less ink than the one before (down
     * to the valley's floor): the glyphs' feet thin out into it, and what crosses the band never leaves it empty.
     * Measured on set 1 ({@code SealWordsProbe}, as for {@link #OUTER}): pages whose seal named their hospital 7 with the
     * band uncut, 13 cut below 0.15 of the densest row, 19 below 0.25, 17 below 0.4; none named another.
     */
    static GreyImage nameRows(GreyImage band) {
        int[] ink = new int[band.height()];
        int densest = 0;
        for (int y = 0; y < band.height(); y++) {
            for (int x = 0; x < band.width(); x++) if (band.at(x, y) < INK) ink[y]++;
            densest = Math.max(densest, ink[y]);
        }
        for (int y = (int) Math.ceil(GLYPHS * band.height()); y < band.height(); y++) {
            if (ink[y] >= BELOW * densest) continue;
            while (y + 1 < band.height() && ink[y + 1] < ink[y]) y++;
            return band.crop(0, 0, band.width(), y + 1);
        }
        return band;
    }
}
