package org.huzhu.recognition;

/** Where the text of a recognised document came from (contract §2 {@code source}). */
public enum TextSource {
    /** The text layer of a PDF: exact. */
    PDF_TEXT,
    /** The XML of an OFD electronic receipt: exact. */
    OFD,
    /** Read from an image by Tesseract: every field carries the engine's confidence. */
    OCR
}
