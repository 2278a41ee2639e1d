package org.huzhu.recognition.specimen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.blend.BlendMode;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes a receipt as a one-page PDF with a real text layer, as an electronic receipt platform
 * does: the font subset embedded (Type 0, Identity-H, with a ToUnicode map), red and black text,
 * rules and the seal as vector graphics; the seal's own words are text too, multiplied over the
 * page at the seal ink's opacity.
 */
public final class PdfRenderer {

    private static final double POINTS_PER_MM = 72 / 25.4;

    private PdfRenderer() {}

    public static byte[] render(ReceiptTruth truth) {
        try (TrueTypeCollection collection = new TrueTypeCollection(ReceiptFont.FILE.toFile());
             PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(points(ReceiptLayout.WIDTH), points(ReceiptLayout.HEIGHT)));
            document.addPage(page);
            PDType0Font font = PDType0Font.load(document, firstFont(collection), true);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                ReceiptLayout.draw(truth, new PdfCanvas(content, font, sealInk()));
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(truth.title() + " " + truth.invoiceCode() + "-" + truth.invoiceNumber());
            info.setProducer("huzhu receipt specimens");
            document.getDocument().getTrailer().setItem(COSName.ID, fileId(truth));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixed file identifier (MD5 of the receipt's numbers), so the same receipt gives the same bytes. */
    private static COSArray fileId(ReceiptTruth truth) {
        byte[] id;
        try {
            id = MessageDigest.getInstance("MD5").digest((truth.invoiceCode() + truth.invoiceNumber())
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        return ids;
    }

    /** Seal ink: multiplied over the page at its opacity. */
    private static PDExtendedGraphicsState sealInk() {
        PDExtendedGraphicsState state = new PDExtendedGraphicsState();
        state.setNonStrokingAlphaConstant((float) ReceiptCanvas.Ink.SEAL.opacity);
        state.setStrokingAlphaConstant((float) ReceiptCanvas.Ink.SEAL.opacity);
        state.setBlendMode(BlendMode.MULTIPLY);
        return state;
    }

    private static TrueTypeFont firstFont(TrueTypeCollection collection) throws IOException {
        AtomicReference<TrueTypeFont> first = new AtomicReference<>();
        collection.processAllFonts(font -> first.compareAndSet(null, font));
        return first.get();
    }

    private static float points(double mm) {
        return (float) (mm * POINTS_PER_MM);
    }

    /** PDF user space: points, origin bottom-left, y upwards. */
    private record PdfCanvas(PDPageContentStream content, PDType0Font font, PDExtendedGraphicsState sealInk)
            implements ReceiptCanvas {

        private static float x(double mm) {
            return points(mm);
        }

        private static float y(double mm) {
            return points(ReceiptLayout.HEIGHT - mm);
        }

        @Override
        public void text(String text, double x, double baseline, double size, Ink ink) {
            inked(ink, () -> {
                content.beginText();
                content.setFont(font, points(size));
                content.newLineAtOffset(x(x), y(baseline));
                content.showText(text);
                content.endText();
            });
        }

        @Override
        public void glyph(String glyph, double cx, double cy, double size, double angle, Ink ink) {
            double turn = -angle;
            double dx = -ReceiptFont.advance(glyph, size) / 2;
            double dy = -size * ReceiptFont.BASELINE_BELOW_CENTRE;
            double originX = cx + dx * Math.cos(turn) - dy * Math.sin(turn);
            double originY = ReceiptLayout.HEIGHT - cy + dx * Math.sin(turn) + dy * Math.cos(turn);
            inked(ink, () -> {
                content.beginText();
                content.setFont(font, points(size));
                content.setTextMatrix(Matrix.getRotateInstance(turn, points(originX), points(originY)));
                content.showText(glyph);
                content.endText();
            });
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, double width, Ink ink) {
            inked(ink, () -> {
                content.setLineWidth(points(width));
                content.setLineCapStyle(2);
                content.moveTo(x(x1), y(y1));
                content.lineTo(x(x2), y(y2));
                content.stroke();
            });
        }

        @Override
        public void circle(double cx, double cy, double radius, double width, Ink ink) {
            double k = 0.5523 * radius;
            inked(ink, () -> {
                content.setLineWidth(points(width));
                content.moveTo(x(cx + radius), y(cy));
                content.curveTo(x(cx + radius), y(cy + k), x(cx + k), y(cy + radius), x(cx), y(cy + radius));
                content.curveTo(x(cx - k), y(cy + radius), x(cx - radius), y(cy + k), x(cx - radius), y(cy));
                content.curveTo(x(cx - radius), y(cy - k), x(cx - k), y(cy - radius), x(cx), y(cy - radius));
                content.curveTo(x(cx + k), y(cy - radius), x(cx + radius), y(cy - k), x(cx + radius), y(cy));
                content.closePath();
                content.stroke();
            });
        }

        @Override
        public void polygon(double[] xs, double[] ys, Ink ink) {
            inked(ink, () -> {
                content.moveTo(x(xs[0]), y(ys[0]));
                for (int i = 1; i < xs.length; i++) content.lineTo(x(xs[i]), y(ys[i]));
                content.closePath();
                content.fill();
            });
        }

        private interface Drawing {
            void draw() throws IOException;
        }

        /** Draws in the ink's colour, seal ink multiplied, leaving the graphics state as it was. */
        private void inked(Ink ink, Drawing drawing) {
            try {
                content.saveGraphicsState();
                if (ink == Ink.SEAL) {
                    content.setGraphicsStateParameters(sealInk);
                }
                content.setNonStrokingColor(ink.red / 255f, ink.green / 255f, ink.blue / 255f);
                content.setStrokingColor(ink.red / 255f, ink.green / 255f, ink.blue / 255f);
                drawing.draw();
                content.restoreGraphicsState();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
