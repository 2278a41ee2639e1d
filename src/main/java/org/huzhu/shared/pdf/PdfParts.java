package org.huzhu.shared.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** What Huzhu's printed pages (cover certificate, 申领提示牌) share: the CJK font, embedded as a subset, and QR codes. */
public final class PdfParts {

    private static final List<ErrorCorrectionLevel> READ_BACK_ORDER = List.of(ErrorCorrectionLevel.M, ErrorCorrectionLevel.Q,
            ErrorCorrectionLevel.H, ErrorCorrectionLevel.L);

    private PdfParts() {
    }

    /** The collection's first face (WenQuanYi Micro Hei's regular), embedded in the document as a subset. */
    public static PDType0Font cjkFont(PDDocument document, TrueTypeCollection fonts) throws IOException {
        AtomicReference<TrueTypeFont> first = new AtomicReference<>();
        fonts.processAllFonts(f -> first.compareAndSet(null, f));
        return PDType0Font.load(document, first.get(), true);
    }

    /**
     * A QR code of the text, {@code pixels} square with a quiet zone of {@code margin} modules. Error correction M (15 %: a
     * printed sheet folded, stamped or photographed askew still reads) unless the code does not read back: a standard
     * reader's finder search is fooled by a few data patterns (about one URL in 300 at M), so the code is read back as drawn
     * and at four fifths of its size, and the next level (Q, H, then L) is taken when either look fails.
     */
    public static BufferedImage qr(String text, int pixels, int margin) {
        BufferedImage first = null;
        for (ErrorCorrectionLevel level : READ_BACK_ORDER) {
            BufferedImage image = encode(text, pixels, margin, level);
            if (first == null) first = image;
            if (readsBack(image, text) && readsBack(scaled(image, 0.8), text)) return image;
        }
        return first;
    }

    private static BufferedImage encode(String text, int pixels, int margin, ErrorCorrectionLevel level) {
        try {
            return MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, pixels, pixels,
                    Map.of(EncodeHintType.MARGIN, margin, EncodeHintType.ERROR_CORRECTION, level)));
        } catch (WriterException e) {
            throw new IllegalStateException("QR code of " + text, e);
        }
    }

    private static boolean readsBack(BufferedImage image, String text) {
        try {
            return text.equals(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText());
        } catch (ReaderException e) {
            return false;
        }
    }

    private static BufferedImage scaled(BufferedImage image, double factor) {
        int side = (int) Math.round(image.getWidth() * factor);
        BufferedImage smaller = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = smaller.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, side, side, null);
        g.dispose();
        return smaller;
    }
}
