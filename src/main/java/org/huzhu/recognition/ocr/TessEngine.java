package org.huzhu.recognition.ocr;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;

/**
 * One Tesseract instance (libtesseract's TessBaseAPI through Tess4J's JNA interface mapping),
 * loaded once with its language model and reused for page after page. Not thread-safe: one per
 * thread. (Tess4J's direct mapping, TessAPI1, cannot be used: it binds every function of Tesseract
 * 5.5 at load time, and Debian 12's 5.3 lacks some; the interface mapping binds on first call.)
 */
final class TessEngine implements AutoCloseable {

    private static final TessAPI TESS = TesseractLibrary.api();

    /**
     * Held to read while a page is read (or a parameter asked), to write while an engine loads or ends. Tesseract keeps
     * the page layout parameters ({@link TesseractOcr#LAYOUT}) for the whole process, and loading a model whose config
     * sets them (the looks' model, {@link LooksModel}) holds its values there for the last third of the load, until the
     * new engine sets them back: a page read meanwhile by another engine read with them (set 1's scans with the star on
     * the payer's name lost seed 1's payer in one run of thirty seeds and not in the next; the thin Song face's scan of
     * seed 1 reads 203 words with them, 212 without). Pages are read side by side; an engine loads between them.
     */
    static final ReadWriteLock PARAMETERS = new ReentrantReadWriteLock();

    /** A word Tesseract found, in the pixels of the image it was given; confidence 0..100. */
    record Word(String text, int left, int top, int right, int bottom, float confidence) {
    }

    private final TessBaseAPI api;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(0);
    private final IntBuffer left = intBuffer();
    private final IntBuffer top = intBuffer();
    private final IntBuffer right = intBuffer();
    private final IntBuffer bottom = intBuffer();
    private boolean closed;

    private TessEngine(TessBaseAPI api) {
        this.api = api;
    }

    /** Loads {@code language} from {@code tessdata}; null when Tesseract cannot load it. */
    static TessEngine open(String tessdata, String language, int pageSegMode, java.util.Map<String, String> variables) {
        PARAMETERS.writeLock().lock();
        try {
            TessBaseAPI api = TESS.TessBaseAPICreate();
            if (TESS.TessBaseAPIInit2(api, tessdata, language, TessOcrEngineMode.OEM_LSTM_ONLY) != 0) {
                TESS.TessBaseAPIDelete(api);
                return null;
            }
            TESS.TessBaseAPISetPageSegMode(api, pageSegMode);
            variables.forEach((name, value) -> TESS.TessBaseAPISetVariable(api, name, value));
            return new TessEngine(api);
        } finally {
            PARAMETERS.writeLock().unlock();
        }
    }

    /** The value of one of Tesseract's numeric or yes/no parameters as this engine reads with it; NaN when it has none such. */
    double parameter(String name) {
        PARAMETERS.readLock().lock();
        try {
            IntBuffer whole = intBuffer();
            if (TESS.TessBaseAPIGetIntVariable(api, name, whole) != 0 || TESS.TessBaseAPIGetBoolVariable(api, name, whole) != 0) return whole.get(0);
            DoubleBuffer real = ByteBuffer.allocateDirect(Double.BYTES).order(ByteOrder.nativeOrder()).asDoubleBuffer();
            return TESS.TessBaseAPIGetDoubleVariable(api, name, real) != 0 ? real.get(0) : Double.NaN;
        } finally {
            PARAMETERS.readLock().unlock();
        }
    }

    static final int AUTO = TessPageSegMode.PSM_AUTO;
    /** As much text as can be found, in no particular order: a form's scattered labels. */
    static final int SPARSE = TessPageSegMode.PSM_SPARSE_TEXT;
    /** The image is one line of text. */
    static final int LINE = TessPageSegMode.PSM_SINGLE_LINE;

    /** The words of a grey page (one byte a pixel, rows without padding) at the given resolution. */
    List<Word> words(GreyImage page, int dpi) {
        return words(page, dpi, AUTO);
    }

    /** The words of a grey page with the given page segmentation mode ({@link #AUTO}, {@link #SPARSE}). */
    List<Word> words(GreyImage page, int dpi, int pageSegMode) {
        return words(page, dpi, pageSegMode, "");
    }

    /**
     * The words of a grey page, read as characters of {@code alphabet} only (empty: any the model
     * knows).
     */
    List<Word> words(GreyImage page, int dpi, int pageSegMode, String alphabet) {
        return read(page, dpi, pageSegMode, alphabet, TessPageIteratorLevel.RIL_WORD);
    }

    /**
     * The characters of a grey page, each with its own confidence, as {@link #words}. A word's confidence is not its
     * characters': read in a restricted alphabet, a word whose crop held characters outside it (a label's colon, the
     * next label's first character) comes back at 0 though each character it keeps was read at 99.
     */
    List<Word> characters(GreyImage page, int dpi, int pageSegMode, String alphabet) {
        return read(page, dpi, pageSegMode, alphabet, TessPageIteratorLevel.RIL_SYMBOL);
    }

    /**
     * {@link #characters}, the page made black and white by a threshold taken around each pixel (Tesseract's Sauvola)
     * instead of one for the whole image (Otsu, the default, which this engine is left at). An enlarged crop holding
     * little but a thin face's short name can find no line at Otsu's threshold and one at a local threshold.
     */
    List<Word> charactersThresholdedLocally(GreyImage page, int dpi, int pageSegMode, String alphabet) {
        TESS.TessBaseAPISetVariable(api, "thresholding_method", "2");
        try {
            return characters(page, dpi, pageSegMode, alphabet);
        } finally {
            TESS.TessBaseAPISetVariable(api, "thresholding_method", "0");
        }
    }

    private List<Word> read(GreyImage page, int dpi, int pageSegMode, String alphabet, int level) {
        PARAMETERS.readLock().lock();
        try {
            return readLocked(page, dpi, pageSegMode, alphabet, level);
        } finally {
            PARAMETERS.readLock().unlock();
        }
    }

    private List<Word> readLocked(GreyImage page, int dpi, int pageSegMode, String alphabet, int level) {
        if (closed) throw new IllegalStateException("engine closed");
        TESS.TessBaseAPISetPageSegMode(api, pageSegMode);
        TESS.TessBaseAPISetVariable(api, "tessedit_char_whitelist", alphabet);
        byte[] pixels = page.pixels();
        if (buffer.capacity() < pixels.length) buffer = ByteBuffer.allocateDirect(pixels.length);
        buffer.clear();
        buffer.put(pixels).flip();
        TESS.TessBaseAPISetImage(api, buffer, page.width(), page.height(), 1, page.width());
        TESS.TessBaseAPISetSourceResolution(api, dpi);
        List<Word> words = new ArrayList<>();
        try {
            if (TESS.TessBaseAPIRecognize(api, null) != 0) return words;
            TessResultIterator it = TESS.TessBaseAPIGetIterator(api);
            if (it == null) return words;
            try {
                TessPageIterator pageIt = TESS.TessResultIteratorGetPageIterator(it);
                List<Word> line = new ArrayList<>();
                do {
                    if (TESS.TessPageIteratorIsAtBeginningOf(pageIt, TessPageIteratorLevel.RIL_TEXTLINE) != 0) {
                        words.addAll(inReadingOrder(line));
                        line.clear();
                    }
                    Pointer utf8 = TESS.TessResultIteratorGetUTF8Text(it, level);
                    if (utf8 == null) continue;
                    String text;
                    try {
                        text = utf8.getString(0, StandardCharsets.UTF_8.name()).strip();
                    } finally {
                        TESS.TessDeleteText(utf8);
                    }
                    if (text.isEmpty()) continue;
                    float confidence = TESS.TessResultIteratorConfidence(it, level);
                    TESS.TessPageIteratorBoundingBox(pageIt, level, left, top, right, bottom);
                    line.add(new Word(text, left.get(0), top.get(0), right.get(0), bottom.get(0), confidence));
                } while (TESS.TessResultIteratorNext(it, level) != 0);
                words.addAll(inReadingOrder(line));
            } finally {
                TESS.TessResultIteratorDelete(it);
            }
            return words;
        } finally {
            TESS.TessBaseAPIClear(api);
        }
    }

    /**
     * The words of one text line with boxes that follow the order Tesseract read them in. Its
     * Chinese model often gives a word a box reaching over the next words (a date's box spanning
     * the whole 2026-08-14至2026-08-22); whoever sorts by position would then interleave their
     * characters. A box is cut back to where the next word begins, and starts no earlier than the
     * previous one ends.
     */
    static List<Word> inReadingOrder(List<Word> line) {
        List<Word> ordered = new ArrayList<>(line.size());
        int previousRight = Integer.MIN_VALUE;
        for (int i = 0; i < line.size(); i++) {
            Word w = line.get(i);
            int l = Math.max(w.left(), previousRight);
            int r = w.right();
            if (i + 1 < line.size()) r = Math.min(r, line.get(i + 1).left());
            if (r <= l) r = l + 1;
            ordered.add(new Word(w.text(), l, w.top(), r, w.bottom(), w.confidence()));
            previousRight = r;
        }
        return ordered;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        PARAMETERS.writeLock().lock();
        try {
            TESS.TessBaseAPIEnd(api);
            TESS.TessBaseAPIDelete(api);
        } finally {
            PARAMETERS.writeLock().unlock();
        }
    }

    private static IntBuffer intBuffer() {
        return ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).asIntBuffer();
    }
}
