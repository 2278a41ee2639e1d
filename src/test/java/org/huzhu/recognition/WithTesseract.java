package org.huzhu.recognition;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.huzhu.recognition.ocr.TesseractOcr;
import org.huzhu.support.GivesWay;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests that read images as the application does: Debian's Tesseract (two engines) behind {@link Recognitions}. One
 * engine serves every such class: they run beside the rest of the suite and may run at the same time as each other
 * ({@link org.huzhu.support.RunsAlongside}), so no class closes it; the engine lives as long as the test JVM.
 */
@ExtendWith(GivesWay.class)
abstract class WithTesseract {

    static final TesseractOcr ocr = new TesseractOcr("/usr/share/tesseract-ocr/5/tessdata", 2);
    static final Recognitions recognitions = new Recognitions(PdfTextReaderTest.pool(ocr));

    /** Each file read so far, by its digest: several tests draw the same receipt the same way. */
    private static final Map<String, CompletableFuture<Recognition>> READ = new ConcurrentHashMap<>();

    /**
     * A receipt's file read as {@link #recognitions} reads it, once per test run: a test drawing a file another test drew
     * byte for byte is given that test's reading (reading a page is the same computation every time; the suite's time
     * goes mostly to reading pages, beside the other tests).
     */
    static Recognition readOnce(byte[] file) {
        CompletableFuture<Recognition> mine = new CompletableFuture<>();
        CompletableFuture<Recognition> earlier = READ.putIfAbsent(digest(file), mine);
        if (earlier != null) return earlier.join();
        try {
            mine.complete(recognitions.recognise("receipt", file));
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        }
        return mine.join();
    }

    private static String digest(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
