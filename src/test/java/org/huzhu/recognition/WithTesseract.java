package org.huzhu.recognition;

import org.huzhu.recognition.ocr.TesseractOcr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that read images as the application does: Debian's Tesseract (two engines) behind {@link Recognitions}, once a class. */
abstract class WithTesseract {

    static TesseractOcr ocr;
    static Recognitions recognitions;

    @BeforeAll
    static void engine() {
        ocr = new TesseractOcr("/usr/share/tesseract-ocr/5/tessdata", 2);
        recognitions = new Recognitions(PdfTextReaderTest.pool(ocr));
    }

    @AfterAll
    static void close() {
        ocr.close();
    }
}
