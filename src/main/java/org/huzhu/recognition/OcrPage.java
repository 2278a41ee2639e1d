package org.huzhu.recognition;

/** A page read by OCR: its words, and a way to read single lines of the same page image again. */
public record OcrPage(PageText text, LineReader lines) {
}
