package org.huzhu.shared.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** What Huzhu's printed pages (cover certificate, 申领提示牌) share: the CJK font, embedded as a subset, and QR codes. */
public final class PdfParts {

    private PdfParts() {
    }

    /** The collection's first face (WenQuanYi Micro Hei's regular), embedded in the document as a subset. */
    public static PDType0Font cjkFont(PDDocument document, TrueTypeCollection fonts) throws IOException {
        AtomicReference<TrueTypeFont> first = new AtomicReference<>();
        fonts.processAllFonts(f -> first.compareAndSet(null, f));
        return PDType0Font.load(document, first.get(), true);
    }

    /** A QR code of the text, {@code pixels} square with a quiet zone of {@code margin} modules. */
    public static BufferedImage qr(String text, int pixels, int margin) {
        try {
            return MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, pixels, pixels,
                    Map.of(EncodeHintType.MARGIN, margin)));
        } catch (WriterException e) {
            throw new IllegalStateException("QR code of " + text, e);
        }
    }
}
