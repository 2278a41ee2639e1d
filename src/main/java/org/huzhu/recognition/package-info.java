/**
 * Recognition (单据识别): turns an uploaded medical receipt — a PDF with a text layer, an OFD
 * file, or a photo or scan read by OCR — into the named fields of docs/receipts.md, with a
 * confidence per field and Chinese warnings for every value a check dropped or doubted. It knows
 * documents, not claims. Front door: {@link org.huzhu.recognition.Recognitions}.
 */
package org.huzhu.recognition;
