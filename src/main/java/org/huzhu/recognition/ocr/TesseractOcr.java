package org.huzhu.recognition.ocr;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.huzhu.recognition.LineReader;
import org.huzhu.recognition.OcrEngine;
import org.huzhu.recognition.OcrPage;
import org.huzhu.recognition.OcrUnavailableException;
import org.huzhu.recognition.PageText;
import org.huzhu.recognition.TextBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads page images with Debian's Tesseract 5 (chi_sim) after {@link ImagePreparation}. The black
 * data and the red form of a colour image are read as two layers, so that the seal printed over
 * the data does not garble it while the printed labels, which the extractor finds values by, are
 * still read: the data layer as sparse text (values scattered over the page; automatic page
 * segmentation dropped whole blocks of a photo's values, taking them for a picture), the form
 * layer with automatic page segmentation in the characters of the form's own words only
 * ({@link FormVocabulary}), which keeps what is left of the seal from turning into other text —
 * unless the form is the national template ({@link FormRegistration}), whose labels are then
 * placed where the template prints them and only the title and two corner labels are read. A
 * grey scan parted by darkness and registered ({@link GreyInks}) is read in two layers the same
 * way; one that is not is read as one layer, with automatic page segmentation. Tesseract does not retry
 * lines of low confidence inverted ({@code tessedit_do_invert=0}): the pages are dark on light,
 * and the retries cost time on the seal's and the rules' remnants for nothing.
 *
 * <p>The prepared data layer is kept with the page's words ({@link #readKeeping}) for second
 * looks at single lines ({@link org.huzhu.recognition.LineReader}): the box is cut out, scaled up,
 * framed in white and read in Tesseract's single-line mode, in the characters asked for. A look
 * in any characters (a name, a hospital, a date written in words, a label with its value) is read
 * with tessdata 4.0.0's chi_sim, a larger network than Debian's fast model, which the page is read
 * with ({@link LooksModel}); numbers with the English model.
 *
 * <p>At most {@code huzhu.recognition.ocr-threads} pages (default: the number of processors) are
 * read at once, each on its caller's thread with one of as many Tesseract instances, loaded once
 * and reused. OpenMP is kept to one thread ({@code OMP_THREAD_LIMIT=1}): pages in parallel use
 * the processors better.
 *
 * <p>Word boxes come back in pixels at the original image's scale but in the deskewed page (whose
 * width and height the page text carries, within a pixel of the original's), with Tesseract's
 * word confidence scaled to 0..1. When the library or the chi_sim model is missing the application
 * still starts; reading an image then throws {@link OcrUnavailableException} (a 503).
 */
@Component
public class TesseractOcr implements OcrEngine, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TesseractOcr.class);
    static final String DEFAULT_TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";
    private static final String LANGUAGE = "chi_sim";
    /**
     * The model a line asked in the characters of numbers only is read with ({@link #numbersOnly}: second looks at
     * invoice codes and numbers, dates and amounts): Debian's tesseract-ocr brings it (tesseract-ocr-eng). chi_sim reads
     * the digits of a Song face poorly and knows no ¥, which it read as 圣, 苦 or a digit fused with the next (¥225.77 as
     * 2295.77, ¥50.14 as 20.14); the English model reads the sign as ¥ and the digits as printed. Without it such lines
     * are read with chi_sim, as before.
     */
    private static final String LATIN = "eng";
    /** The receipts' width (docs/receipts.md): Tesseract is told the resolution a page's width gives it. */
    private static final double PAGE_WIDTH_MM = 240;
    /**
     * Tesseract's page layout parameters, which every engine sets after loading its model. Tesseract keeps many of them
     * for the whole process, not per engine, and a model's config sets them when it is loaded: the looks' model
     * ({@link LooksModel}, tessdata 4.0.0's chi_sim, whose config sets edges_children_count_limit 1000,
     * textord_noise_normratio 6 …) changed every page read after its engine was first opened — a grey scan read before
     * it and again after it came back otherwise (its 医保统筹基金支付 row lost its amount), so that what a receipt read
     * hung on which receipts came before it (two {@code OtherFormsImageTest} renderings failed in a run of the whole
     * suite and passed alone). Pinned here, a page reads the same whatever was loaded before. The values are those
     * Debian's fast chi_sim reads with (it brings no config: Tesseract's defaults), the page's reading as before the
     * looks' model came; the config's other parameters are the legacy engine's, which these engines (LSTM only) do not
     * run. Measured on set 1's seventeen probes: the looks' model's values for all engines read 49 fields more but 8
     * more WRONG (the thin Song face's scans 18 fewer, 7 more WRONG); textord_single_height_mode 1 alone read the photos
     * of data printed off the grid 46 fields better but ten other renderings worse (docs/benchmarks.md).
     */
    static final Map<String, String> LAYOUT = Map.ofEntries(
            Map.entry("edges_children_count_limit", "45"),
            Map.entry("edges_use_new_outline_complexity", "0"),
            Map.entry("edges_children_fix", "0"),
            Map.entry("textord_force_make_prop_words", "0"),
            Map.entry("textord_use_cjk_fp_model", "0"),
            Map.entry("textord_single_height_mode", "0"),
            Map.entry("textord_noise_sizelimit", "0.5"),
            Map.entry("textord_noise_normratio", "2"));

    /** What every engine is set to after loading its model: the layout ({@link #LAYOUT}), spaces kept, no inverted pages. */
    private static final Map<String, String> VARIABLES = variables();

    private static Map<String, String> variables() {
        Map<String, String> variables = new HashMap<>(LAYOUT);
        variables.put("preserve_interword_spaces", "1");
        variables.put("tessedit_do_invert", "0");
        variables.put("debug_file", "/dev/null");
        return Map.copyOf(variables);
    }

    /** Below this word confidence (Tesseract's 0..100) a data word lying on a label is taken for junk. */
    private static final float JUNK_CONFIDENCE = 60;

    private final String tessdata;
    private final ImagePreparation preparation;
    private final int threads;
    private final Semaphore permits;
    /** The engines of the model a look in any characters is read with ({@link LooksModel}). */
    private static final String LOOKS = "looks";
    private final Map<String, Deque<TessEngine>> idle = Map.of(LANGUAGE, new ConcurrentLinkedDeque<>(), LATIN, new ConcurrentLinkedDeque<>(),
            LOOKS, new ConcurrentLinkedDeque<>());
    /** The folder of the looks' chi_sim model; null: looks are read with the page's. */
    private final String looksTessdata;
    private final boolean latinModel;
    private final List<TessEngine> engines = new CopyOnWriteArrayList<>();
    private final String missing;
    private volatile boolean closed;

    @Autowired
    public TesseractOcr(@Value("${huzhu.recognition.tessdata:" + DEFAULT_TESSDATA + "}") String tessdata,
                        @Value("${huzhu.recognition.ocr-threads:0}") int threads,
                        @Value("${huzhu.recognition.looks-tessdata:}") String looksTessdata) {
        this(tessdata, threads, ImagePreparation.DEFAULTS, LooksModel.folder(looksTessdata));
    }

    /** With the looks' model Huzhu brings ({@link LooksModel}). */
    public TesseractOcr(String tessdata, int threads) {
        this(tessdata, threads, "");
    }

    TesseractOcr(String tessdata, int threads, ImagePreparation.Settings settings) {
        this(tessdata, threads, settings, LooksModel.folder(""));
    }

    TesseractOcr(String tessdata, int threads, ImagePreparation.Settings settings, String looksTessdata) {
        this.tessdata = tessdata;
        this.looksTessdata = looksTessdata;
        this.preparation = new ImagePreparation(settings);
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.permits = new Semaphore(this.threads, true);
        this.missing = whatIsMissing(tessdata);
        this.latinModel = Files.isReadable(Path.of(tessdata, LATIN + ".traineddata"));
        if (missing != null) log.warn("Images cannot be recognised: {} (PDF and OFD receipts still are)", missing);
    }

    /** Whether images can be read here. */
    public boolean available() {
        return missing == null;
    }

    /** The number of pages read at the same time. */
    public int threads() {
        return threads;
    }

    @Override
    public PageText read(BufferedImage page, int pageIndex) {
        return readKeeping(page, pageIndex).text();
    }

    /**
     * Reads the page, and keeps its prepared data layer for second looks at single lines: a line
     * is cut out with a margin, scaled up, framed in white and read as one line
     * ({@link TessEngine#LINE}), on one of the same engines.
     */
    @Override
    public OcrPage readKeeping(BufferedImage page, int pageIndex) {
        if (missing != null) throw new OcrUnavailableException(missing);
        ImagePreparation.Prepared[] prepared = new ImagePreparation.Prepared[1];
        Set<TessEngine.Word> formWords = Collections.newSetFromMap(new IdentityHashMap<>());
        List<TessEngine.Word> words = withEngine(engine -> {
            ImagePreparation.Prepared p = preparation.prepare(page);
            List<TessEngine.Word> form = null;
            if (p.form() != null) {
                form = formWords(engine, p.form(), dpi(p), p.oneLayer() != null);
                // a grey page whose rules are the template's but whose labels are not: the template's form was taken out
                // of its data layer where another form's values stand, so it is read as one layer
                if (form == null) p = p.oneLayer().get();
            }
            p = p.withData(Specks.offPage(p.data(), dpi(p) / 25.4));
            prepared[0] = p;
            if (p.form() == null) return engine.words(p.data(), dpi(p), TessEngine.AUTO, "");
            formWords.addAll(form);
            return withoutEchoes(merge(engine.words(p.data(), dpi(p), TessEngine.SPARSE, ""), form));
        });
        ImagePreparation.Prepared p = prepared[0];
        Supplier<GreyImage> both = p.form() == null ? p::data : ImagePreparation.once(() -> PageGeometry.darker(p.data(), p.form()));
        // the seal's ring in the form's layer, found once for its words and its star
        Supplier<SealRing.Ring> redRing = ImagePreparation.once(() -> p.form() == null ? null : SealRing.findInRedInk(p.form()));
        Supplier<List<String>> sealWords = ImagePreparation.once(() -> sealWords(p, redRing));
        Supplier<GreyImage> starless = ImagePreparation.once(() -> p.form() != null ? SealStar.without(p.form(), redRing.get())
                : p.withoutStar() != null ? p.withoutStar().get() : null);
        return new OcrPage(inPageUnits(pageIndex, words, p, formWords), new LineReader() {
            @Override
            public List<String> readSealWords() {
                return sealWords.get();
            }

            @Override
            public TextBox readLine(double x, double y, double width, double height, double scale, String alphabet) {
                return TesseractOcr.this.readLine(p, p.data(), x, y, width, height, scale, alphabet);
            }

            @Override
            public int middleDotAfter(double x, double y, double width, double height, int characters) {
                double s = p.scale();
                GreyImage box = p.data().crop((int) Math.floor(x * s), (int) Math.floor(y * s), (int) Math.ceil(width * s), (int) Math.ceil(height * s));
                return MiddleDots.after(box, characters);
            }

            @Override
            public TextBox readLabel(double x, double y, double width, double height, double scale) {
                GreyImage labels = p.form() != null ? p.form() : p.data();
                return TesseractOcr.this.readLine(p, labels, x, y, width, height, scale, FormVocabulary.ALPHABET);
            }

            @Override
            public TextBox readLabelWithSeal(double x, double y, double width, double height, double scale) {
                if (p.withSeal() == null) return null;
                return TesseractOcr.this.readLine(p, p.withSeal().get(), x, y, width, height, scale, FormVocabulary.ALPHABET);
            }

            @Override
            public TextBox readLabelWithoutStar(double x, double y, double width, double height, double scale) {
                GreyImage layer = starless.get();
                if (layer == null || layer == p.form()) return null;
                return TesseractOcr.this.readLine(p, layer, x, y, width, height, scale, FormVocabulary.ALPHABET);
            }

            @Override
            public TextBox readLineWithLabels(double x, double y, double width, double height, double scale, String alphabet) {
                return TesseractOcr.this.readLine(p, both.get(), x, y, width, height, scale, alphabet);
            }

            @Override
            public TextBox readLineWithoutSeal(double x, double y, double width, double height, double scale, String alphabet) {
                if (p.withoutSeal() == null) return null;
                return TesseractOcr.this.readLine(p, p.withoutSeal().get(), x, y, width, height, scale, alphabet);
            }

            @Override
            public LineReader.Disc sealDisc() {
                return p.sealDisc();
            }
        });
    }

    /**
     * The words along the upper arc of the page's round seal ({@link SealWords}), read by the page's model and by the
     * looks' (where it is there), the empty reads left out. The seal is looked for where its ink is: on a colour page in
     * the red ink's layer, drawn black there; on a grey page on the page as one layer, seal and all (as it came, where
     * the seal was taken out of it), where only ink lighter than black is the seal's. A grey page read in two layers has
     * its seal's ink parted between them, and is made one layer for it.
     */
    private List<String> sealWords(ImagePreparation.Prepared read, Supplier<SealRing.Ring> redRing) {
        ImagePreparation.Prepared p = read.form() != null && read.oneLayer() != null ? read.oneLayer().get() : read;
        boolean colour = p.form() != null;
        GreyImage layer = colour ? p.form() : p.withSeal() != null ? p.withSeal().get() : p.data();
        // the page's own form layer's ring is the one already looked for (redRing); a grey page made one layer has its own
        SealRing.Ring ring = colour ? (p == read ? redRing.get() : SealRing.findInRedInk(layer)) : SealRing.find(layer);
        GreyImage band = ring == null ? null : SealWords.unrolled(layer, ring);
        if (band == null) return List.of();
        GreyImage image = PageGeometry.framed(band, (int) Math.ceil(band.height() * 0.5));
        int dpi = dpi(p);
        List<String> reads = new ArrayList<>();
        for (String model : looksTessdata != null ? List.of(LANGUAGE, LOOKS) : List.of(LANGUAGE)) {
            String words = text(withEngine(model, engine -> engine.characters(image, dpi, TessEngine.LINE, "")));
            if (!words.isBlank()) reads.add(words);
        }
        return reads;
    }

    /**
     * The words of the form layer: its labels placed from the template when the layer is the
     * template's ({@link FormRegistration}: its table's rules where the template has them, the
     * title read as an inpatient or outpatient receipt's, and the labels of two far corners read
     * where they are expected), else the layer read whole.
     */
    static List<TessEngine.Word> formWords(TessEngine engine, GreyImage form, int dpi) {
        return formWords(engine, form, dpi, false);
    }

    /** As above; null, when {@code templateOnly}, for a layer whose labels are not the template's where it prints them. */
    private static List<TessEngine.Word> formWords(TessEngine engine, GreyImage form, int dpi, boolean templateOnly) {
        FormRegistration.Transform t = FormRegistration.register(form);
        List<TessEngine.Word> placed = t == null ? null : placedLabels(engine, form, dpi, t);
        if (placed != null || templateOnly) return placed;
        return engine.words(form, dpi, TessEngine.AUTO, FormVocabulary.ALPHABET);
    }

    private static List<TessEngine.Word> placedLabels(TessEngine engine, GreyImage form, int dpi, FormRegistration.Transform t) {
        double titleTop = FormRegistration.TITLE_BASELINE - FormRegistration.TITLE_MM;
        List<TessEngine.Word> title = readCrop(engine, form, dpi, t, 40, titleTop, 160, FormRegistration.TITLE_MM * 1.5);
        String titleText = text(title);
        List<FormRegistration.Label> kind = titleText.contains("住院") ? FormRegistration.INPATIENT
                : titleText.contains("门诊") ? FormRegistration.OUTPATIENT : null;
        if (kind == null || !titleText.contains("票据")) return null;
        for (FormRegistration.Label anchor : List.of(FormRegistration.TOP_LEFT, FormRegistration.BOTTOM_RIGHT)) {
            if (!where(engine, form, dpi, t, anchor, anchor.text().replace("：", ""))) return null;
        }
        if (!where(engine, form, dpi, t, FormRegistration.GRID, FormRegistration.GRID_CORE)) return null;
        List<TessEngine.Word> words = new ArrayList<>(title);
        for (List<FormRegistration.Label> labels : List.of(FormRegistration.COMMON, kind)) {
            for (FormRegistration.Label label : labels) words.add(FormRegistration.placed(label, t, 90));
        }
        return words;
    }

    /**
     * Whether a label is read at its place: {@code expected} (the label, or the part of it every wording shares) in the
     * crop around it, its ink within a millimetre of where expected.
     */
    private static boolean where(TessEngine engine, GreyImage form, int dpi, FormRegistration.Transform t, FormRegistration.Label label,
                                 String expected) {
        double size = FormRegistration.TEXT_MM;
        double width = FormRegistration.advance(label.text(), size);
        List<TessEngine.Word> words = readCrop(engine, form, dpi, t, label.x() - 3, label.baseline() - 1.8 * size,
                width + 6, 2.8 * size);
        if (words.isEmpty() || !text(words).contains(expected)) return false;
        int left = words.stream().mapToInt(TessEngine.Word::left).min().orElseThrow();
        double middle = words.stream().mapToDouble(w -> (w.top() + w.bottom()) / 2.0).average().orElseThrow();
        return Math.abs(left - t.x(label.x())) <= 1.5 * t.scaleX()
                && Math.abs(middle - t.y(label.baseline() - 0.37 * size)) <= 1.0 * t.scaleY();
    }

    /** A rectangle of the template (mm) read on the form layer as one line; the words in page pixels. */
    private static List<TessEngine.Word> readCrop(TessEngine engine, GreyImage form, int dpi, FormRegistration.Transform t,
                                                  double x, double y, double width, double height) {
        int left = Math.max(0, (int) Math.floor(t.x(x)));
        int top = Math.max(0, (int) Math.floor(t.y(y)));
        GreyImage crop = form.crop(left, top, (int) Math.ceil(width * t.scaleX()), (int) Math.ceil(height * t.scaleY()));
        int margin = crop.height() / 2;
        GreyImage framed = PageGeometry.framed(crop, margin);
        List<TessEngine.Word> words = new ArrayList<>();
        for (TessEngine.Word w : engine.words(framed, dpi, TessEngine.LINE, FormVocabulary.ALPHABET)) {
            int dx = left - margin, dy = top - margin;
            words.add(new TessEngine.Word(w.text(), w.left() + dx, w.top() + dy, w.right() + dx, w.bottom() + dy, w.confidence()));
        }
        return words;
    }

    private static String text(List<TessEngine.Word> words) {
        StringBuilder text = new StringBuilder();
        words.forEach(w -> text.append(w.text()));
        return text.toString();
    }

    /**
     * The height, in the image's own pixels, of a box a second look enlarges by the scale it asks: a line of the
     * receipts' 3.5-mm print at 200 dpi with a third of its height above and below. A taller box (the same print at
     * 300 dpi) is enlarged less, so that print of any resolution is read again at about the same size; never shrunk.
     * The image's pixels, not the prepared page's: a 150-dpi scan grown to 2,400 px is no finer print. Read twice
     * the size of a 300-dpi page, names came back as other characters two reads agreed on (草门市 for 荆门市). Set 1
     * rendered at 300 dpi, 40 receipts on the template: 568 fields of 587 right and 6 WRONG before, 575 and 1 after;
     * on other forms names and hospitals 59 → 62 right of 80, WRONG 4 → 8; at 200 dpi within a field, the bench's scans
     * unchanged.
     */
    static final double ORDINARY_LINE_BOX = 52;

    /**
     * A second look at a box of a layer of a prepared page (in page units): cut out, cleared of a black form's rules
     * ({@link Rules#offLine}), enlarged (by {@code asked}, less for a box
     * taller than {@link #ORDINARY_LINE_BOX} in the image's pixels), cleared of specks (a 3×3 median, which the
     * scaled strokes are far wider than, then the dust the enlarging grew past it: {@link Specks#offLine}), framed and
     * read as one line. A look that finds no line at all is read once more thresholded locally
     * ({@link TessEngine#charactersThresholdedLocally}): a thin Song face's two-character name on a clean 300-dpi page
     * came back from Otsu's threshold as nothing. Only then: thresholded so every time, scans' and
     * clean images' looks read more wrong characters (set 1 on other forms, scans 299 fields right → 296, clean images'
     * WRONG 3 → 5).
     */
    private TextBox readLine(ImagePreparation.Prepared page, GreyImage layer, double x, double y, double width, double height,
                             double asked, String alphabet) {
        double s = page.scale();
        double scale = Math.max(1, asked * Math.min(1, ORDINARY_LINE_BOX / height));
        GreyImage line = Rules.offLine(layer.crop((int) Math.floor(x * s), (int) Math.floor(y * s),
                (int) Math.ceil(width * s), (int) Math.ceil(height * s)));
        line = Specks.offLine(PageGeometry.median3(PageGeometry.resample(line, scale, 0)));
        line = PageGeometry.framed(line, (int) Math.ceil(line.height() * 0.5));
        int dpi = (int) Math.round(dpi(page) * scale);
        GreyImage image = line;
        String language = modelFor(alphabet);
        List<TessEngine.Word> words = withEngine(language, engine -> engine.characters(image, dpi, TessEngine.LINE, alphabet));
        if (words.isEmpty()) words = withEngine(language, engine -> engine.charactersThresholdedLocally(image, dpi, TessEngine.LINE, alphabet));
        if (words.isEmpty()) return null;
        StringBuilder text = new StringBuilder();
        double confidence = 0;
        int characters = 0;
        for (TessEngine.Word w : words) {
            text.append(w.text());
            int n = w.text().codePointCount(0, w.text().length());
            confidence += w.confidence() * n;
            characters += n;
        }
        return new TextBox(text.toString(), x, y, width, height, Math.max(0, Math.min(1, confidence / characters / 100.0)));
    }

    /**
     * The model a look in these characters is read with: numbers with the English model, any characters with the looks'
     * ({@link LooksModel}), each when it is there; the rest (a label's characters, a check code's) with the page's.
     */
    String modelFor(String alphabet) {
        if (latinModel && numbersOnly(alphabet)) return LATIN;
        return looksTessdata != null && alphabet.isEmpty() ? LOOKS : LANGUAGE;
    }

    /**
     * Whether a line is asked in the characters of numbers only: digits with a point, a dash, a slash or ¥. Letters stay
     * with chi_sim: the English model read a Song face's check codes worse (f1adc1 as 0fadc, where chi_sim read it right).
     */
    static boolean numbersOnly(String alphabet) {
        return !alphabet.isEmpty() && alphabet.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.' || c == '-' || c == '/' || c == '¥');
    }

    private <T> T withEngine(Function<TessEngine, T> reading) {
        return withEngine(LANGUAGE, reading);
    }

    /** The value of a numeric parameter ({@link #LAYOUT}) an engine of the model ({@link #modelFor}'s names) reads with. */
    double parameter(String model, String name) {
        return withEngine(model, engine -> engine.parameter(name));
    }

    /** Runs a reading on an idle engine of the language (loading one when none is idle), at most {@link #threads} at once. */
    private <T> T withEngine(String language, Function<TessEngine, T> reading) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to read a page", e);
        }
        TessEngine engine = null;
        try {
            if (closed) throw new IllegalStateException("OCR is shut down");
            engine = idle.get(language).pollFirst();
            if (engine == null) engine = openEngine(language);
            return reading.apply(engine);
        } finally {
            if (engine != null) idle.get(language).addFirst(engine);
            permits.release();
        }
    }

    /**
     * The words of both layers. Where a form word and data words overlap, the data wins — what is
     * left of the seal in the form layer, read over a value, would break the value apart — unless
     * the data words are junk (read with little confidence, less than the form word's): the faint
     * rim a red label can leave in the data layer would otherwise hide the label.
     */
    static List<TessEngine.Word> merge(List<TessEngine.Word> data, List<TessEngine.Word> form) {
        List<TessEngine.Word> kept = new ArrayList<>(data);
        List<TessEngine.Word> labels = new ArrayList<>();
        for (TessEngine.Word f : form) {
            List<TessEngine.Word> under = kept.stream().filter(d -> overlap(f, d)).toList();
            boolean displaces = f.text().length() >= 2
                    && under.stream().allMatch(d -> d.confidence() < Math.min(f.confidence(), JUNK_CONFIDENCE));
            if (!under.isEmpty() && !displaces) continue;
            kept.removeAll(under);
            labels.add(f);
        }
        kept.addAll(labels);
        return kept;
    }

    /**
     * The words less any that lies half or more within a word read with more confidence: two reads of the same pixels
     * cannot both be text, and the less sure is the echo — a label's rim read again in the data layer, or a line
     * Tesseract found twice in a layer (医保保统统人筹基金支付 for 医保统筹基金支付, which no label matched).
     */
    static List<TessEngine.Word> withoutEchoes(List<TessEngine.Word> words) {
        List<TessEngine.Word> kept = new ArrayList<>(words.size());
        for (TessEngine.Word w : words) {
            long area = (long) (w.right() - w.left()) * (w.bottom() - w.top());
            boolean echo = false;
            for (TessEngine.Word other : words) {
                if (other == w || other.confidence() <= w.confidence()) continue;
                if (2 * intersection(w, other) >= area) {
                    echo = true;
                    break;
                }
            }
            if (!echo) kept.add(w);
        }
        return kept;
    }

    private static long intersection(TessEngine.Word a, TessEngine.Word b) {
        long w = Math.min(a.right(), b.right()) - Math.max(a.left(), b.left());
        long h = Math.min(a.bottom(), b.bottom()) - Math.max(a.top(), b.top());
        return w > 0 && h > 0 ? w * h : 0;
    }

    private static boolean overlap(TessEngine.Word a, TessEngine.Word b) {
        return intersection(a, b) > 0;
    }

    private static int dpi(ImagePreparation.Prepared prepared) {
        return (int) Math.max(70, Math.min(600, Math.round(prepared.data().width() * 25.4 / PAGE_WIDTH_MM)));
    }

    /**
     * The boxes in the deskewed page at the original image's scale: the preparation's scale is
     * undone, its rotation is not, so that a text line stays level for whoever groups words into
     * lines. The page's size is the prepared page's at that scale. On a page read in two layers each box says which
     * ({@code formWords} those of the form's layer), unless the form's layer read fewer than {@value #FORM_CHARACTERS}
     * characters: a form printed in black leaves its labels in the data's layer and the red one the seal alone
     * (医收费专用章一, 7 characters; a red form's labels are a hundred and more), and there the layers tell no label from a
     * value, as on a page read whole (款人：魏俊兰, 交 under the seal, read in the data's layer, was no label: two
     * characters of one are only where they are in the form's ink).
     */
    static PageText inPageUnits(int pageIndex, List<TessEngine.Word> words, ImagePreparation.Prepared prepared,
                                Set<TessEngine.Word> formWords) {
        double scale = prepared.scale();
        boolean parted = prepared.form() != null
                && formWords.stream().mapToInt(w -> w.text().codePointCount(0, w.text().length())).sum() >= FORM_CHARACTERS;
        List<TextBox> boxes = new ArrayList<>(words.size());
        for (TessEngine.Word w : words) {
            double confidence = Math.max(0, Math.min(1, w.confidence() / 100.0));
            TextBox.Ink ink = !parted ? TextBox.Ink.EITHER : formWords.contains(w) ? TextBox.Ink.FORM : TextBox.Ink.DATA;
            boxes.add(new TextBox(w.text(), w.left() / scale, w.top() / scale, (w.right() - w.left()) / scale,
                    (w.bottom() - w.top()) / scale, confidence, ink));
        }
        return new PageText(pageIndex, prepared.data().width() / scale, prepared.data().height() / scale, boxes);
    }

    /** The fewest characters a page's form layer reads for its words to be told the form's from the data's. */
    static final int FORM_CHARACTERS = 30;

    private TessEngine openEngine(String language) {
        TessEngine e = language.equals(LOOKS) ? TessEngine.open(looksTessdata, LANGUAGE, TessEngine.AUTO, VARIABLES)
                : TessEngine.open(tessdata, language, TessEngine.AUTO, VARIABLES);
        if (e == null) throw new OcrUnavailableException("Tesseract 无法加载 " + language + " 语言包");
        engines.add(e);
        return e;
    }

    /** Null when Tesseract and chi_sim are there, else what is missing (said in Chinese, for the 503). */
    private static String whatIsMissing(String tessdata) {
        if (!Files.isReadable(Path.of(tessdata, LANGUAGE + ".traineddata"))) {
            return "缺少 tesseract-ocr-chi-sim 语言包 " + Path.of(tessdata, LANGUAGE + ".traineddata");
        }
        try {
            String version = TesseractLibrary.load();
            log.debug("Tesseract {} loaded", version);
            return null;
        } catch (LinkageError e) {
            log.debug("libtesseract could not be loaded", e);
            return "缺少 tesseract-ocr（libtesseract.so.5）";
        }
    }

    /** Frees every engine once the pages being read are done. */
    @Override
    public void close() {
        closed = true;
        try {
            if (!permits.tryAcquire(threads, 60, TimeUnit.SECONDS)) {
                log.warn("pages still being read after 60 s; their engines are not freed");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        engines.forEach(TessEngine::close);
        engines.clear();
        idle.values().forEach(Deque::clear);
    }
}
