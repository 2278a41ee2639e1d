package org.huzhu.recognition;

import org.huzhu.recognition.ocr.TesseractOcr;

/**
 * Tests that read images as the application does: Debian's Tesseract (two engines) behind {@link Recognitions}. One
 * engine serves every such class: they run beside the rest of the suite and may run at the same time as each other
 * ({@link org.huzhu.support.RunsAlongside}), so no class closes it; the engine lives as long as the test JVM.
 */
abstract class WithTesseract {

    static final TesseractOcr ocr = new TesseractOcr("/usr/share/tesseract-ocr/5/tessdata", 2);
    static final Recognitions recognitions = new Recognitions(PdfTextReaderTest.pool(ocr));
}
