package org.huzhu.recognition.specimen;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws a receipt as an image with Java2D: red form, black data (antialiased WenQuanYi Micro Hei),
 * and the seal drawn on a layer of its own, then stamped over the page by multiplying (red ink
 * over white paper, black toner still black under it) at the seal ink's opacity.
 */
public final class PngRenderer {

    public static final int DEFAULT_DPI = 200;

    private PngRenderer() {}

    public static BufferedImage render(ReceiptTruth truth) {
        return render(truth, DEFAULT_DPI);
    }

    public static BufferedImage render(ReceiptTruth truth, int dpi) {
        return render(truth, dpi, Style.PLAIN);
    }

    /**
     * The page with its data (black ink) printed in another face, as printers that fill a form in do: AR PL UMing
     * ({@link ReceiptFont#song()}), a Song face with thin strokes and serifs, where the form keeps WenQuanYi Micro Hei.
     * The values stand where the layout places them; only their glyphs differ.
     */
    public static BufferedImage renderWithSongData(ReceiptTruth truth, int dpi) {
        return render(truth, dpi, new Style(true, false, null, false));
    }

    /**
     * The page with its stamp in another ink: a lighter vermilion (235, 80, 90) than the form's red, as many stamp pads
     * are, rather than the form's own. What tells a seal from the labels it lies over is then its lightness.
     */
    public static BufferedImage renderWithSealInk(ReceiptTruth truth, int dpi, Color sealInk) {
        return render(truth, dpi, new Style(false, false, sealInk, false));
    }

    /**
     * How a page is printed beyond the layout: the data and the form in the Song face ({@link ReceiptFont#song()}, thin
     * strokes and serifs; else WenQuanYi Micro Hei), the stamp in another ink (null: {@link Ink#SEAL}'s own), and the
     * stamp pressed over the top left of the form, on the payer's label and the labels above and below it
     * ({@link ReceiptLayout#sealOverPayer}), rather than over the hospital and the payments, as many desks stamp; and
     * the form in another ink (null: {@link Ink#FORM}'s red; black for the forms printed in black, whose labels share
     * the data's ink); and the data printed off the form's grid, {@code dataDrop} millimetres lower (negative: higher), as a
     * hospital's printer feeds a pre-printed form a little off; and the data in WenQuanYi Zen Hei
     * ({@link ReceiptFont#zenHei()}) rather than Micro Hei, where it is not in the Song face; and the stamp pressed over
     * the total's figures ({@link ReceiptLayout#sealOverTotal}, the words in capitals beside them left clear); and the stamp
     * pressed with its star on the payer's name ({@link ReceiptLayout#sealOnPayersName}).
     */
    public record Style(boolean songData, boolean songForm, Color sealInk, boolean sealOverPayer, Color formInk, double dataDrop,
                        boolean zenHeiData, boolean sealOverTotal, boolean sealOnPayersName) {
        public static final Style PLAIN = new Style(false, false, null, false);
        /** The stamp pressed with its star on the payer's name, as set 2's scans are stamped; all else plain. */
        public static final Style STAR_ON_PAYERS_NAME = new Style(false, false, null, false, null, 0, false, false, true);

        public Style(boolean songData, boolean songForm, Color sealInk, boolean sealOverPayer, Color formInk, double dataDrop,
                     boolean zenHeiData, boolean sealOverTotal) {
            this(songData, songForm, sealInk, sealOverPayer, formInk, dataDrop, zenHeiData, sealOverTotal, false);
        }

        public Style(boolean songData, boolean songForm, Color sealInk, boolean sealOverPayer, Color formInk, double dataDrop,
                     boolean zenHeiData) {
            this(songData, songForm, sealInk, sealOverPayer, formInk, dataDrop, zenHeiData, false);
        }

        public Style(boolean songData, boolean songForm, Color sealInk, boolean sealOverPayer, Color formInk, double dataDrop) {
            this(songData, songForm, sealInk, sealOverPayer, formInk, dataDrop, false);
        }

        public Style(boolean songData, boolean songForm, Color sealInk, boolean sealOverPayer) {
            this(songData, songForm, sealInk, sealOverPayer, null, 0);
        }

        public Style(boolean songData, boolean songForm, Color sealInk, boolean sealOverPayer, Color formInk) {
            this(songData, songForm, sealInk, sealOverPayer, formInk, 0);
        }
    }

    /** The page printed in a {@link Style}. */
    public static BufferedImage render(ReceiptTruth truth, int dpi, Style style) {
        Font data = style.songData() ? ReceiptFont.song() : style.zenHeiData() ? ReceiptFont.zenHei() : ReceiptFont.awt();
        Java2dCanvas canvas = new Java2dCanvas(dpi, data, style.songForm() ? ReceiptFont.song() : ReceiptFont.awt(), style.sealInk(),
                style.formInk(), style.dataDrop());
        if (style.sealOnPayersName()) ReceiptLayout.draw(truth, canvas, ReceiptLayout::sealOnPayersName);
        else ReceiptLayout.draw(truth, canvas, style.sealOverPayer(), style.sealOverTotal());
        return canvas.finish();
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Pixels from millimetres; seal ink goes to its own layer until {@link #finish}. */
    private static final class Java2dCanvas implements ReceiptCanvas {

        private final double scale;
        private final BufferedImage page;
        private final BufferedImage sealLayer;
        private final Graphics2D pageGraphics;
        private final Graphics2D sealGraphics;

        private final Font dataFace;
        private final Font formFace;
        /** The stamp's ink, or null for {@link Ink#SEAL}'s own. */
        private final Color sealInk;
        /** The form's ink, or null for {@link Ink#FORM}'s own. */
        private final Color formInk;

        /** How much lower the data is printed than the layout puts it, in millimetres. */
        private final double dataDrop;

        Java2dCanvas(int dpi, Font dataFace, Font formFace, Color sealInk, Color formInk, double dataDrop) {
            this.dataDrop = dataDrop;
            this.dataFace = dataFace;
            this.formFace = formFace;
            this.sealInk = sealInk;
            this.formInk = formInk;
            scale = dpi / 25.4;
            int width = (int) Math.round(ReceiptLayout.WIDTH * scale);
            int height = (int) Math.round(ReceiptLayout.HEIGHT * scale);
            page = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            sealLayer = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            pageGraphics = graphics(page);
            pageGraphics.setColor(Color.WHITE);
            pageGraphics.fillRect(0, 0, width, height);
            sealGraphics = graphics(sealLayer);
        }

        private Graphics2D graphics(BufferedImage image) {
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(scale, scale);
            return g;
        }

        private Graphics2D on(Ink ink) {
            Graphics2D g = ink == Ink.SEAL ? sealGraphics : pageGraphics;
            Color own = ink == Ink.SEAL ? sealInk : ink == Ink.FORM ? formInk : null;
            g.setColor(own != null ? own : new Color(ink.red, ink.green, ink.blue));
            return g;
        }

        @Override
        public void text(String text, double x, double baseline, double size, Ink ink) {
            Graphics2D g = on(ink);
            g.setFont((ink == Ink.DATA ? dataFace : ink == Ink.SEAL ? ReceiptFont.awt() : formFace).deriveFont((float) size));
            g.drawString(text, (float) x, (float) (ink == Ink.DATA ? baseline + dataDrop : baseline));
        }

        @Override
        public void glyph(String glyph, double cx, double cy, double size, double angle, Ink ink) {
            Graphics2D g = on(ink);
            AffineTransform saved = g.getTransform();
            g.translate(cx, cy);
            g.rotate(angle);
            g.setFont(ReceiptFont.awt().deriveFont((float) size));
            float x = (float) (-ReceiptFont.advance(glyph, size) / 2);
            g.drawString(glyph, x, (float) (size * ReceiptFont.BASELINE_BELOW_CENTRE));
            g.setTransform(saved);
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, double width, Ink ink) {
            Graphics2D g = on(ink);
            g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
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

        /** The page with the seal layer multiplied over it. */
        BufferedImage finish() {
            pageGraphics.dispose();
            sealGraphics.dispose();
            int[] paper = ((DataBufferInt) page.getRaster().getDataBuffer()).getData();
            int[] ink = ((DataBufferInt) sealLayer.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < paper.length; i++) {
                double alpha = (ink[i] >>> 24) / 255.0 * Ink.SEAL.opacity;
                if (alpha > 0) {
                    paper[i] = multiply(paper[i], ink[i], alpha);
                }
            }
            return page;
        }

        private static int multiply(int paper, int ink, double alpha) {
            int rgb = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                int below = paper >> shift & 0xFF;
                int stamped = below * (ink >> shift & 0xFF) / 255;
                rgb |= (int) Math.round(below + (stamped - below) * alpha) << shift;
            }
            return rgb;
        }
    }
}
