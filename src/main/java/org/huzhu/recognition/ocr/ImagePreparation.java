package org.huzhu.recognition.ocr;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.function.Supplier;
import org.huzhu.recognition.LineReader;

/**
 * Turns a photo or scan of a receipt into the two grey layers Tesseract reads, in pure Java:
 * <ol>
 * <li>a photo's desk is given the paper's colour ({@link Desk});</li>
 * <li>the paper's brightness is estimated from block maxima, so that uneven light can be divided
 *     out (flat field);</li>
 * <li>the data layer: every pixel seen through a red filter in proportion to how red it is, so
 *     that the red ink — printed form, table rules, seal — becomes paper before the page turns
 *     grey, while black data under the seal stays black; what JPEG leaves of the red strokes'
 *     rims is cleared — on a soft page (blurred, a phone's defocus) not where black ink lies under
 *     red beside black, which a blur mixes with the seal's edges;</li>
 * <li>the form layer: the form's dark red alone, black on white, without the seal's lighter ink,
 *     so that the labels can be read, the ones under the seal included;</li>
 * <li>a photo whose table the perspective bends is de-warped onto the template's level grid
 *     ({@link FormPerspective}); else</li>
 * <li>skew within ±5° is measured on the projection profile of all the page's ink — data and form: the form's rules
 *     and labels are its longest level lines, and a receipt's values alone can be too few to tell (a set 2 scan's
 *     values measured −4.6° where the page is turned 0.4°) — and turned back, in the same resampling pass that scales small or huge pages to between 1,800 and
 *     3,000 pixels across (the receipts are 240 mm wide: about 190–320 dpi).</li>
 * </ol>
 * A grey scan has no colour to tell red from black, but its inks differ in darkness: it is parted
 * by the darkest ink around each pixel ({@link GreyInks}) into a data layer without the seal and a
 * form layer; once the form layer registers as the national template ({@link FormRegistration}),
 * the form's red, which the data layer still holds, is taken out where the template prints it, and
 * the page is read in two layers as a colour one is. A grey page that does not register (another
 * form, or no mid-grey form at all) is read as one layer, flat-fielded and levelled, as before; so is a pale or faded
 * print, nothing on it darker than the seal's grey, whose data layer would be blank, without registering it.
 * Binarising is left to Tesseract (measured: it did no better here). Stateless and thread-safe.
 */
final class ImagePreparation {

    /** How hard each step works; {@link #DEFAULTS} are what the recognition benchmark chose. */
    record Settings(int redMargin, int redInk, boolean flatField, boolean deskew, int minWidth, int maxWidth,
                    boolean binarise) {
    }

    static final Settings DEFAULTS = new Settings(40, 200, true, true, 1800, 1900, false);

    /**
     * The prepared page as two grey layers of the same size — the black data with the red ink
     * gone, and the red form (labels, title, rules) alone in black — and how they relate to the
     * original: original = prepared / scale, turned back by the skew. A grey scan has no colour to
     * part them by and is one layer: {@code form} is null. {@code withoutSeal}, not null only on a grey page read as
     * one layer with its seal's grey on it (the seal kept, its ring alone taken out, or no ring found), gives its data
     * parted from the seal's lighter ink ({@link GreyInks}; a pale or faded print's deepened back first,
     * {@link GreyInks#paleData}), at the same scale and skew, made when first asked for;
     * {@code withSeal}, not null only on a grey page read as one layer whose seal, or the seal's ring, was taken out,
     * gives that page as it came, seal and all, for the labels the seal took along. {@code sealDisc}, not null only on a
     * grey page read as one layer with the words under its seal on it (its ring taken out, its star divided out), is the
     * seal's disc in the page's units ({@link LineReader#sealDisc}). {@code withoutStar}, not null only on a grey page
     * read as one layer whose seal was taken out by its grey (the labels under its star with it), gives that page as it
     * came with the seal's ring taken out and its star divided out ({@link SealStar#dividedOut}), made when first asked
     * for: the labels under the star for {@link LineReader#readLabelWithoutStar}.
     */
    record Prepared(GreyImage data, GreyImage form, double scale, double skewDegrees, Supplier<Prepared> oneLayer,
                    Supplier<GreyImage> withoutSeal, Supplier<GreyImage> withSeal, LineReader.Disc sealDisc,
                    Supplier<GreyImage> withoutStar) {
        Prepared(GreyImage data, GreyImage form, double scale, double skewDegrees) {
            this(data, form, scale, skewDegrees, null, null, null, null, null);
        }

        /** The same page with another data layer of the same size (its specks taken off). */
        Prepared withData(GreyImage other) {
            return other == data ? this : new Prepared(other, form, scale, skewDegrees, oneLayer, withoutSeal, withSeal, sealDisc, withoutStar);
        }
    }

    /**
     * A grey scan parted into two layers grows to this width (about 250 dpi) rather than
     * {@link Settings#minWidth()}: its 3.5 mm print at 150–200 dpi read best so (measured on the
     * bench's 40 scans: 2,400 px 557 fields right and 8 WRONG, 2,100 px 560 and 13, 1,800 px 554
     * and 15), at a CPU time still under the bare command's.
     */
    static final int GREY_MIN_WIDTH = 2400;

    private final Settings settings;

    ImagePreparation(Settings settings) {
        this.settings = settings;
    }

    /** A colour page's data and form layers, the desk round them whitened; whether print lies in a shadow. */
    private record ColourLayers(GreyImage data, GreyImage form, boolean shadowed) {
    }

    /**
     * A colour page parted into its black data and its red form ({@code soft}: a soft page's, {@link InkLayers#SOFT}).
     * {@code inShadow}: the page has a shadow over its print ({@link FlatField.Outline#shadowed}): its light is estimated
     * as a shadowed page's and a red lead in the shadow is taken as in the best light ({@link InkLayers#leadOverPaper}).
     * Both only then: on every photo they read set 1's bench photos and photos in the thin Song face worse.
     */
    private ColourLayers colourLayers(int[] rgb, GreyImage luminance, boolean soft, boolean inShadow) {
        int w = luminance.width();
        int h = luminance.height();
        GreyImage paper = settings.flatField() ? FlatField.background(luminance, inShadow) : null;
        int[] lead = InkLayers.redLead(rgb, w, h);
        if (inShadow && paper != null) InkLayers.leadOverPaper(lead, paper);
        GreyImage form = InkLayers.redInk(rgb, lead, w, h, paper, !soft);
        GreyImage data = InkLayers.withoutRimsOf(form, InkLayers.withoutRedInk(rgb, w, h, settings.redMargin(), settings.redInk(), paper),
                lead, soft ? rgb : null, paper);
        if (paper == null) return new ColourLayers(data, form, false);
        FlatField.Outline outline = FlatField.outline(paper, data, form);
        return new ColourLayers(FlatField.onlyPaper(data, outline.desk()), FlatField.onlyPaper(form, outline.desk()), outline.shadowed());
    }

    Prepared prepare(BufferedImage source) {
        GreyImage data;
        GreyImage form;
        GreyImage grey = null;
        Supplier<SealRing.Ring> seal = null;
        boolean noDataInk = false;
        if (InkLayers.isGrey(source)) {
            grey = InkLayers.withoutRedInk(source, settings.redMargin(), settings.redInk());
            // a fax: its seal as black as its data, found by its shape alone and taken out by it
            SealRing.Ring black = InkLayers.blackAndWhite(grey) ? SealRing.findInBlackAndWhite(grey) : null;
            if (black != null) return withoutBlackSeal(grey, black, settings.deskew() ? PageGeometry.estimateSkew(grey) : 0);
            if (settings.flatField()) grey = FlatField.flatField(grey);
            seal = sealOf(grey);
            GreyInks.Parted parted = GreyInks.partOf(grey, seal);
            data = parted.data();
            form = parted.form();
            noDataInk = form != null && !parted.dataInked();
        } else {
            int w = source.getWidth();
            int h = source.getHeight();
            int[] rgb = InkLayers.coolLightBalanced(Desk.paperColoured(InkLayers.rgb(source), w, h));
            GreyImage luminance = InkLayers.luminance(rgb, w, h);
            boolean soft = InkLayers.sharpness(luminance) < InkLayers.SOFT;
            ColourLayers layers = colourLayers(rgb, luminance, soft, false);
            // print in a shadow (the phone's, a hand's): parted again with the shadow's light and red taken as the page's
            if (layers.shadowed()) layers = colourLayers(rgb, luminance, soft, true);
            data = layers.data();
            form = layers.form();
            Prepared flattened = settings.deskew() ? flattened(data, form) : null;
            if (flattened != null) return flattened;
        }
        double skew = settings.deskew() ? PageGeometry.estimateSkew(grey != null ? grey : PageGeometry.darker(data, form)) : 0;
        // a soft pale or faded print, nothing on it darker than the seal (a light one with data ink is deepened back before
        // it is parted, GreyInks.partOf): its data layer is blank, so it is read as one layer
        if (noDataInk) {
            GreyImage pale = grey;
            return oneLayer(grey, seal, () -> GreyInks.paleData(pale), skew);
        }
        boolean parted = grey != null && form != null;
        double scale = scaleFor(data.width(), parted ? GREY_MIN_WIDTH : settings.minWidth());
        if (parted) {
            // a grey page's data layer still holds the form's red: taken out where the template prints it, else read as one
            // layer (its data not resampled for nothing)
            form = PageGeometry.resample(form, scale, skew);
            FormRegistration.Transform template = FormRegistration.register(form);
            // the data parted from the seal by grey, before it is resampled: what the looks without the seal read
            GreyImage page = grey, inked = data;
            Supplier<SealRing.Ring> ring = seal;
            if (template == null) return oneLayer(grey, seal, () -> inked, skew);
            data = PageGeometry.resample(data, scale, skew);
            return new Prepared(GreyInks.withoutForm(data, template), form, scale, skew, () -> oneLayer(page, ring, () -> inked, skew), null, null, null, null);
        }
        GreyImage[] layers = PageGeometry.resampled(data, form, scale, skew);
        data = layers[0];
        form = layers[1];
        if (settings.binarise()) data = binarise(data, otsuThreshold(data));
        return new Prepared(data, form, scale, skew);
    }

    /**
     * A grey page as one layer, flat-fielded and levelled: its form and data are not parted. A seal found by its shape
     * is taken out of it where its data is darker than the seal ({@link SealRing#withoutSeal}). Otherwise the seal's ring
     * is taken out of the page read ({@link SealRing#ringOut}: what crosses the ring loses no more than the ring's
     * stroke) and its star divided out ({@link SealStar#dividedOut}: the data under and beside it kept), the words inside
     * it left, and the seal's disc kept for the amounts read inside it ({@link Prepared#sealDisc}); and the looks that
     * ask for the page without its seal
     * ({@link Prepared#withoutSeal}) read its data parted from the seal by grey ({@code sealFree}, made when first asked for), as they do where no ring
     * is found. Set 1's other forms as scans, seeds 1–30: 330 → 354 fields right, WRONG 8 → 6, and stamped over the
     * payer's label 347 → 380, WRONG 5 → 1, with the seal taken out where the data is darker. With the seal kept, the
     * page read with it on lost whole blocks under it (Tesseract took the ring and all inside it for a picture); with its
     * ring out, set 1's eleven grey probes read 4,344 → 4,436 fields right, WRONG 61 → 58 (pale scans 353/66/3 → 368/54/0,
     * worn 417/153/17 → 446/122/19, in the thin Song face stamped over the payer 352/63/7 → 352/67/3). A page whose seal or
     * ring was taken out keeps itself as it came ({@link Prepared#withSeal}): the labels under the seal, no darker than it,
     * went with it. A pale or faded print's data parted by grey was blank, nothing on it darker than the seal, and every
     * look without the seal read nothing; it is parted deepened back ({@link GreyInks#paleData}), made only when a look
     * asks for it. With that, and such a page read as one layer even where its form registers, set 1's pale and worn
     * scans read 1,954 → 2,020 fields right, WRONG 37 → 37 (pale scans 368/54/0 → 394/28/0, the template's 494/91/2 →
     * 529/56/2, worn 300/113/9 → 301/112/9 and the template's 446/122/19 → 449/119/19, in the thin Song face 346/69/7 →
     * 347/68/7).
     */
    private Prepared oneLayer(GreyImage grey, Supplier<SealRing.Ring> seal, Supplier<GreyImage> sealFree, double skew) {
        double scale = scaleFor(grey.width(), settings.minWidth());
        SealRing.Ring ring = seal.get();
        GreyImage apart = SealRing.withoutSeal(grey, ring);
        GreyImage read = apart != null ? apart : ring != null ? SealStar.dividedOut(SealRing.ringOut(grey, ring), ring) : grey;
        GreyImage page = PageGeometry.resample(read, scale, skew);
        if (settings.binarise()) page = binarise(page, otsuThreshold(page));
        Supplier<GreyImage> asItCame = ring == null ? null : once(() -> PageGeometry.resample(grey, scale, skew));
        if (apart != null) {
            Supplier<GreyImage> starOut = once(() -> PageGeometry.resample(SealStar.dividedOut(SealRing.ringOut(grey, ring), ring), scale, skew));
            return new Prepared(page, null, scale, skew, null, null, asItCame, null, starOut);
        }
        LineReader.Disc disc = ring == null ? null : disc(ring, grey, scale, skew);
        return new Prepared(page, null, scale, skew, null, once(() -> PageGeometry.resample(sealFree.get(), scale, skew)), asItCame, disc, null);
    }

    /**
     * A black-and-white page (a fax: one cut from grey to black for the whole page) with its seal's ring taken out
     * ({@link SealRing#ringOut}: what crosses the ring loses the ring's stroke) and its star's body
     * ({@link SealStar#without}: strokes thinner than it stay, its points' tips too), the words inside the ring left and
     * the seal's disc kept for the amounts read inside it, as on a grey page read as one layer whose data is no darker
     * than its seal. Black and white, the seal cannot be told from the data by its grey: left on the page, the black
     * ring over the hospital's name and the amounts, and the star beside them, were read as strokes, digits gained and
     * lost. Set 1 as a fax (FAXSCAN, TFAXSCAN; fields right / missing / WRONG): 243/175/4 → 258/160/4 and 377/195/15 →
     * 412/170/5. Measured and not kept: the star's whole shape made paper rather than its body (250 and 411 right), the
     * ring kept where ink lies on both sides of it (a stroke crossing it; 260/159/3 and 413/166/8, digits gained under
     * it), no disc (264/153/5 and 421/157/9), the words' band inside the ring made paper too (235 and 380 right).
     */
    private Prepared withoutBlackSeal(GreyImage page, SealRing.Ring ring, double skew) {
        double scale = scaleFor(page.width(), settings.minWidth());
        GreyImage read = PageGeometry.resample(SealStar.without(SealRing.ringOut(page, ring), ring), scale, skew);
        if (settings.binarise()) read = binarise(read, otsuThreshold(read));
        Supplier<GreyImage> asItCame = once(() -> PageGeometry.resample(page, scale, skew));
        return new Prepared(read, null, scale, skew, null, null, asItCame, disc(ring, page, scale, skew), null);
    }

    /** The seal's disc in the prepared page's units ({@link LineReader#sealDisc}). */
    private static LineReader.Disc disc(SealRing.Ring ring, GreyImage page, double scale, double skew) {
        Point2D centre = PageGeometry.inPageUnits(ring.x() + 0.5, ring.y() + 0.5, page.width(), page.height(), scale, skew);
        return new LineReader.Disc(centre.getX(), centre.getY(), ring.radius());
    }

    /**
     * The grey page's seal ring ({@link SealRing#find}, null when there is none), looked for once at the first call: the
     * parting of a soft light page and the page read as one layer both ask for it.
     */
    private static Supplier<SealRing.Ring> sealOf(GreyImage grey) {
        Supplier<java.util.Optional<SealRing.Ring>> found = once(() -> java.util.Optional.ofNullable(SealRing.find(grey)));
        return () -> found.get().orElse(null);
    }

    /** The supplier's value, made at the first call only (by whichever thread comes first). */
    static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = supplier.get();
                return value;
            }
        };
    }

    /**
     * A photo whose form the perspective bends ({@link FormPerspective}: the table's corners more
     * than {@link FormPerspective#FLAT_MM} from where a plain turn and scale would put them) is
     * de-warped: both layers are resampled, at the page's scale, so that the template's millimetres
     * fall on a level grid with the table's centre where it was. Null when the form is not found
     * or is flat enough for the deskew.
     */
    private Prepared flattened(GreyImage data, GreyImage form) {
        FormPerspective.Homography h = FormPerspective.find(form);
        if (h == null || FormPerspective.bend(h) <= FormPerspective.FLAT_MM) return null;
        double scale = scaleFor(data.width(), settings.minWidth());
        double mx = 120, my = 86.75;
        double k = FormPerspective.pixelsPerMm(h, mx, my) * scale;
        double[] centre = h.map(mx, my);
        double cx = centre[0] * scale, cy = centre[1] * scale;
        PageGeometry.Mapping mapping = (x, y) -> h.map(mx + (x - cx) / k, my + (y - cy) / k);
        int w = (int) Math.round(data.width() * scale), hh = (int) Math.round(data.height() * scale);
        GreyImage flatData = PageGeometry.warp(data, w, hh, mapping);
        if (settings.binarise()) flatData = binarise(flatData, otsuThreshold(flatData));
        return new Prepared(flatData, PageGeometry.warp(form, w, hh, mapping), scale, 0);
    }

    /**
     * Small pages grow to {@code minWidth}, large ones shrink to {@link Settings#maxWidth()} (never below
     * {@code minWidth}); the rest keep their size. Pages are read at about 200 dpi, the resolution the reader is tuned
     * at: 1,900 px is a 241-mm receipt at 200 dpi. Finer pages read at their own size lost names and amounts to
     * look-alikes (set 1 rendered at 300 dpi, 20 receipts on the template and 20 on other forms, their data in the
     * ordinary and in a Song face: 1,037 fields right and 24 WRONG kept at 2,846 px, 1,059 and 9 shrunk to 1,900 px,
     * 1,058 and 16 to 2,000, 1,058 and 17 to 2,200), and took longer.
     */
    private double scaleFor(int width, int minWidth) {
        if (width < minWidth) return (double) minWidth / width;
        int largest = Math.max(minWidth, settings.maxWidth());
        if (width > largest) return (double) largest / width;
        return 1;
    }

    // ---- binarisation (measured, not used by default: Tesseract binarises as well) ----

    /** Otsu's threshold over the grey histogram: the level that best separates ink from paper. */
    static int otsuThreshold(GreyImage page) {
        long[] histogram = new long[256];
        for (byte b : page.pixels()) histogram[b & 0xff]++;
        long total = page.pixels().length;
        double sum = 0;
        for (int i = 0; i < 256; i++) sum += (double) i * histogram[i];
        double sumBackground = 0;
        long weightBackground = 0;
        double bestVariance = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            weightBackground += histogram[t];
            if (weightBackground == 0) continue;
            long weightForeground = total - weightBackground;
            if (weightForeground == 0) break;
            sumBackground += (double) t * histogram[t];
            double meanBackground = sumBackground / weightBackground;
            double meanForeground = (sum - sumBackground) / weightForeground;
            double between = (double) weightBackground * weightForeground * (meanBackground - meanForeground) * (meanBackground - meanForeground);
            if (between > bestVariance) {
                bestVariance = between;
                threshold = t + 1;
            }
        }
        return threshold;
    }

    static GreyImage binarise(GreyImage page, int threshold) {
        byte[] p = page.pixels();
        byte[] out = new byte[p.length];
        for (int i = 0; i < p.length; i++) out[i] = (byte) ((p[i] & 0xff) < threshold ? 0 : 255);
        return new GreyImage(page.width(), page.height(), out);
    }
}
