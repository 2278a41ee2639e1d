package org.huzhu.recognition.specimen;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Renders a {@link MedicalRecordTruth}: as a PDF with a real text layer (the font embedded, the
 * seal an image laid over the page, as electronic medical records carry it), as a clean PNG (the
 * seal multiplied over the text, black still showing through red), or degraded like a scan or a
 * phone photo with the specimen {@link ImageOps}.
 */
public final class MedicalRecordRenderer {

    private static final double POINTS_PER_MM = 72 / 25.4;
    private static final int DPI = 200;

    public enum Degradation {
        CLEAN, SCAN, PHOTO
    }

    private MedicalRecordRenderer() {
    }

    public static byte[] pdf(MedicalRecordTruth truth) {
        try (TrueTypeCollection collection = new TrueTypeCollection(ReceiptFont.FILE.toFile());
             PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(points(MedicalRecordLayout.WIDTH), points(MedicalRecordLayout.HEIGHT)));
            document.addPage(page);
            AtomicReference<TrueTypeFont> first = new AtomicReference<>();
            collection.processAllFonts(font -> first.compareAndSet(null, font));
            PDType0Font font = PDType0Font.load(document, first.get(), true);
            Raster seal = new Raster(DPI, true);
            MedicalRecordLayout.draw(truth, seal);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                MedicalRecordLayout.draw(truth, new PdfText(content, font));
                PDImageXObject stamp = LosslessFactory.createFromImage(document, seal.sealLayer());
                content.drawImage(stamp, 0, 0, points(MedicalRecordLayout.WIDTH), points(MedicalRecordLayout.HEIGHT));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage image(MedicalRecordTruth truth) {
        Raster raster = new Raster(DPI, false);
        MedicalRecordLayout.draw(truth, raster);
        return raster.stamped();
    }

    /** PNG bytes (JPEG for a photo) of the record, clean or degraded; the seed decides the degradation's details. */
    public static byte[] bytes(MedicalRecordTruth truth, Degradation degradation, long seed) {
        Random random = new Random(seed);
        BufferedImage image = image(truth);
        return switch (degradation) {
            case CLEAN -> PngRenderer.png(image);
            case SCAN -> {
                BufferedImage scanned = ImageOps.rotate(image, random.nextDouble() * 1.2 - 0.6, Color.WHITE);
                ImageOps.noise(scanned, 6, 0.0005, random);
                yield PngRenderer.png(scanned);
            }
            case PHOTO -> {
                BufferedImage photo = ImageOps.rotate(image, random.nextDouble() * 3 - 1.5, new Color(104, 96, 88));
                double fall = 0.2 + 0.2 * random.nextDouble();
                int width = photo.getWidth();
                ImageOps.light(photo, (x, y) -> 1.0 - fall * x / width, 1.0, 0.95, 0.85);
                ImageOps.noise(photo, 8, 0.0005, random);
                yield ImageOps.jpeg(ImageOps.gaussianBlur(photo, 3, 0.7), 0.85);
            }
        };
    }

    private static float points(double mm) {
        return (float) (mm * POINTS_PER_MM);
    }

    /** Text, rules in PDF user space; seal ink is left to the image laid over the page. */
    private record PdfText(PDPageContentStream content, PDType0Font font) implements ReceiptCanvas {

        @Override
        public void text(String text, double x, double baseline, double size, Ink ink) {
            if (ink == Ink.SEAL) return;
            try {
                content.setNonStrokingColor(ink.red / 255f, ink.green / 255f, ink.blue / 255f);
                content.beginText();
                content.setFont(font, points(size));
                content.newLineAtOffset(points(x), points(MedicalRecordLayout.HEIGHT - baseline));
                content.showText(text);
                content.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void glyph(String glyph, double cx, double cy, double size, double angle, Ink ink) {
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, double width, Ink ink) {
            try {
                content.setStrokingColor(ink.red / 255f, ink.green / 255f, ink.blue / 255f);
                content.setLineWidth(points(width));
                content.moveTo(points(x1), points(MedicalRecordLayout.HEIGHT - y1));
                content.lineTo(points(x2), points(MedicalRecordLayout.HEIGHT - y2));
                content.stroke();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void circle(double cx, double cy, double radius, double width, Ink ink) {
        }

        @Override
        public void polygon(double[] xs, double[] ys, Ink ink) {
        }
    }

    /** Java2D in millimetres; seal ink on a layer of its own, multiplied over the page at the end (or kept apart for a PDF). */
    private static final class Raster implements ReceiptCanvas {

        private final BufferedImage page;
        private final BufferedImage seal;
        private final Graphics2D pageGraphics;
        private final Graphics2D sealGraphics;
        private final boolean sealOnly;

        Raster(int dpi, boolean sealOnly) {
            double scale = dpi / 25.4;
            int width = (int) Math.round(MedicalRecordLayout.WIDTH * scale);
            int height = (int) Math.round(MedicalRecordLayout.HEIGHT * scale);
            this.sealOnly = sealOnly;
            page = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            seal = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            pageGraphics = graphics(page, scale);
            pageGraphics.setColor(Color.WHITE);
            pageGraphics.fillRect(0, 0, width, height);
            sealGraphics = graphics(seal, scale);
        }

        private static Graphics2D graphics(BufferedImage image, double scale) {
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.scale(scale, scale);
            return g;
        }

        private Graphics2D on(Ink ink) {
            Graphics2D g = ink == Ink.SEAL ? sealGraphics : pageGraphics;
            g.setColor(new Color(ink.red, ink.green, ink.blue));
            return g;
        }

        @Override
        public void text(String text, double x, double baseline, double size, Ink ink) {
            if (sealOnly && ink != Ink.SEAL) return;
            Graphics2D g = on(ink);
            g.setFont(ReceiptFont.awt().deriveFont((float) size));
            g.drawString(text, (float) x, (float) baseline);
        }

        @Override
        public void glyph(String glyph, double cx, double cy, double size, double angle, Ink ink) {
            Graphics2D g = on(ink);
            AffineTransform saved = g.getTransform();
            g.translate(cx, cy);
            g.rotate(angle);
            g.setFont(ReceiptFont.awt().deriveFont((float) size));
            g.drawString(glyph, (float) (-ReceiptFont.advance(glyph, size) / 2), (float) (size * ReceiptFont.BASELINE_BELOW_CENTRE));
            g.setTransform(saved);
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, double width, Ink ink) {
            if (sealOnly && ink != Ink.SEAL) return;
            Graphics2D g = on(ink);
            g.setStroke(new BasicStroke((float) width));
            g.draw(new Line2D.Double(x1, y1, x2, y2));
        }

        @Override
        public void circle(double cx, double cy, double radius, double width, Ink ink) {
            Graphics2D g = on(ink);
            g.setStroke(new BasicStroke((float) width));
            g.draw(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
        }

        @Override
        public void polygon(double[] xs, double[] ys, Ink ink) {
            Path2D.Double path = new Path2D.Double();
            path.moveTo(xs[0], ys[0]);
            for (int i = 1; i < xs.length; i++) path.lineTo(xs[i], ys[i]);
            path.closePath();
            on(ink).fill(path);
        }

        /** The seal alone, its ink at the seal's opacity (for a PDF). */
        BufferedImage sealLayer() {
            sealGraphics.dispose();
            int[] argb = seal.getRGB(0, 0, seal.getWidth(), seal.getHeight(), null, 0, seal.getWidth());
            for (int i = 0; i < argb.length; i++) {
                int alpha = (int) Math.round((argb[i] >>> 24) * Ink.SEAL.opacity);
                argb[i] = alpha << 24 | argb[i] & 0xFFFFFF;
            }
            seal.setRGB(0, 0, seal.getWidth(), seal.getHeight(), argb, 0, seal.getWidth());
            return seal;
        }

        /** The page with the seal multiplied over it. */
        BufferedImage stamped() {
            pageGraphics.dispose();
            sealGraphics.dispose();
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    int ink = seal.getRGB(x, y);
                    double alpha = (ink >>> 24) / 255.0 * Ink.SEAL.opacity;
                    if (alpha == 0) continue;
                    int paper = page.getRGB(x, y);
                    int rgb = 0;
                    for (int shift = 16; shift >= 0; shift -= 8) {
                        int below = paper >> shift & 0xFF;
                        int stamped = below * (ink >> shift & 0xFF) / 255;
                        rgb |= (int) Math.round(below + (stamped - below) * alpha) << shift;
                    }
                    page.setRGB(x, y, rgb);
                }
            }
            return page;
        }
    }
}
