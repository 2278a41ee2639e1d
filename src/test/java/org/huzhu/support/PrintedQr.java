package org.huzhu.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The QR code on a page of a PDF as a phone reads it off the printed sheet: the page at 150 dpi (a sheet held at arm's
 * length), and at 300 dpi (held closer) when the first look does not read.
 */
public final class PrintedQr {

    private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);

    private PrintedQr() {
    }

    /** The text of the page's QR code (page from 0); an assertion error when neither look reads one. */
    public static String onPage(PDDocument document, int page) throws IOException {
        ReaderException last = null;
        for (int dpi : new int[] {150, 300}) {
            try {
                return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
                        new PDFRenderer(document).renderImageWithDPI(page, dpi)))), HINTS).getText();
            } catch (ReaderException e) {
                last = e;
            }
        }
        throw new AssertionError("no QR code reads on page " + (page + 1), last);
    }
}
