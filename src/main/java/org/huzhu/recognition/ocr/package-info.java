/**
 * Reading photos and scans of receipts: {@link org.huzhu.recognition.ocr.TesseractOcr} is the
 * module's {@link org.huzhu.recognition.OcrEngine}, Debian's Tesseract 5 with its Simplified Chinese
 * model through Tess4J's JNA binding, one engine per page being read. Before the OCR,
 * {@code ImagePreparation} divides out uneven light, parts the black data from the red form and
 * seal, and levels the page. Internal to the recognition module.
 */
package org.huzhu.recognition.ocr;
