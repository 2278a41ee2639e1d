package org.huzhu.recognition.secondset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * A sheet drawn as pixels at a resolution: form, data and QR code painted, then each stamp laid
 * over them like ink — multiplied into what is below (black stays black, white turns red), at
 * {@link Inks#SEAL_OPACITY} and mottled where the pad gave less ink.
 */
final class Raster {

    private Raster() {
    }

    static BufferedImage draw(Sheet sheet, double dpi) {
        double scale = dpi / 25.4;
        int w = (int) Math.round(sheet.width * scale);
        int h = (int) Math.round(sheet.height * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            smooth(g);
            g.scale(scale, scale);
            g.setColor(Inks.of(sheet, Sheet.Ink.FORM));
            for (Sheet.Rule rule : sheet.rules) {
                g.setStroke(new BasicStroke((float) rule.width()));
                g.draw(new Line2D.Double(rule.x1(), rule.y1(), rule.x2(), rule.y2()));
            }
            for (Sheet.Text text : sheet.texts) {
                g.setColor(Inks.of(sheet, text.ink()));
                g.setFont(Fonts.awt(text.face()).deriveFont((float) text.size()));
                g.drawString(text.text(), (float) text.x(), (float) text.baseline());
            }
            g.setColor(Inks.BLACK);
            for (Sheet.Qr qr : sheet.qrs) {
                double module = qr.size() / qr.matrix().getWidth();
                for (int y = 0; y < qr.matrix().getHeight(); y++) {
                    for (int x = 0; x < qr.matrix().getWidth(); x++) {
                        if (qr.matrix().get(x, y)) g.fill(new Rectangle2D.Double(qr.x() + x * module, qr.y() + y * module, module, module));
                    }
                }
            }
        } finally {
            g.dispose();
        }
        for (Sheet.Seal seal : sheet.seals) press(image, seal, scale);
        return image;
    }

    static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    /** Lays one stamp's ink over the image: its coverage, mottled, multiplied with the seal's red. */
    private static void press(BufferedImage image, Sheet.Seal seal, double scale) {
        int size = (int) Math.ceil(seal.radius() * 2 * scale) + 4;
        int left = (int) Math.floor(seal.cx() * scale) - size / 2;
        int top = (int) Math.floor(seal.cy() * scale) - size / 2;
        BufferedImage mask = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        try {
            smooth(g);
            g.translate(seal.cx() * scale - left, seal.cy() * scale - top);
            g.scale(scale, scale);
            g.setColor(Color.WHITE);
            SealShape.draw(g, seal);
        } finally {
            g.dispose();
        }
        Mottle mottle = new Mottle(new Random(Double.doubleToLongBits(seal.cx() * 31 + seal.cy())), size, 1.6 * scale);
        double[] red = {Inks.SEAL_RED.getRed() / 255.0, Inks.SEAL_RED.getGreen() / 255.0, Inks.SEAL_RED.getBlue() / 255.0};
        for (int y = 0; y < size; y++) {
            int py = top + y;
            if (py < 0 || py >= image.getHeight()) continue;
            for (int x = 0; x < size; x++) {
                int px = left + x;
                if (px < 0 || px >= image.getWidth()) continue;
                int m = mask.getRaster().getSample(x, y, 0);
                if (m == 0) continue;
                double c = m / 255.0 * Inks.SEAL_OPACITY * mottle.at(x, y);
                int rgb = image.getRGB(px, py);
                int r = (int) Math.round(((rgb >> 16) & 255) * (1 - c * (1 - red[0])));
                int gr = (int) Math.round(((rgb >> 8) & 255) * (1 - c * (1 - red[1])));
                int b = (int) Math.round((rgb & 255) * (1 - c * (1 - red[2])));
                image.setRGB(px, py, (r << 16) | (gr << 8) | b);
            }
        }
    }

    /** Smooth value noise between 0.55 and 1: how much ink a stamp's pad gave at each place. */
    static final class Mottle {
        private final double[][] grid;
        private final double cell;

        Mottle(Random random, int size, double cell) {
            this.cell = cell;
            int n = (int) (size / cell) + 3;
            grid = new double[n][n];
            for (double[] row : grid) for (int i = 0; i < n; i++) row[i] = 0.55 + 0.45 * Math.sqrt(random.nextDouble());
        }

        double at(int x, int y) {
            double gx = x / cell;
            double gy = y / cell;
            int ix = (int) gx;
            int iy = (int) gy;
            double fx = gx - ix;
            double fy = gy - iy;
            double top = grid[iy][ix] * (1 - fx) + grid[iy][ix + 1] * fx;
            double bottom = grid[iy + 1][ix] * (1 - fx) + grid[iy + 1][ix + 1] * fx;
            return top * (1 - fy) + bottom * fy;
        }
    }
}
