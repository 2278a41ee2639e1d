package org.huzhu.recognition.secondset;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The second set's own ways of spoiling a page: a flatbed scan (grey, a slight tilt, dust and
 * sensor noise), a phone photo (the page turned in perspective on a desk, light falling off,
 * defocus, noise, JPEG), and a fax (black and white at a fax's fine resolution, streaks).
 */
final class Degrade {

    private Degrade() {
    }

    /** Grey, tilted by up to 1.2°, softened a little, specks of dust, noise; paper a shade off white. */
    static BufferedImage scan(BufferedImage page, Random random) {
        int w = page.getWidth();
        int h = page.getHeight();
        double tilt = Math.toRadians(random.nextDouble() * 2.4 - 1.2);
        double paper = 238 + random.nextInt(12);
        float[] grey = new float[w * h];
        double cos = Math.cos(tilt);
        double sin = Math.sin(tilt);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sx = cos * (x - w / 2.0) + sin * (y - h / 2.0) + w / 2.0;
                double sy = -sin * (x - w / 2.0) + cos * (y - h / 2.0) + h / 2.0;
                grey[y * w + x] = (float) (luma(page, sx, sy, 255) / 255.0 * paper);
            }
        }
        grey = blur(grey, w, h, 0.55 + random.nextDouble() * 0.3);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < grey.length; i++) {
            double v = grey[i] + random.nextGaussian() * 3.5;
            if (random.nextInt(4000) == 0) v *= 0.35;
            out.getRaster().setSample(i % w, i / w, 0, clamp(v));
        }
        return out;
    }

    /**
     * The page photographed on a desk: its corners moved by a perspective (the phone held a little
     * askew), a margin of desk around it, light falling to 60–80 % across the page and a warm or
     * cool cast, defocus, sensor noise.
     */
    static BufferedImage phone(BufferedImage page, Random random) {
        int pw = page.getWidth();
        int ph = page.getHeight();
        int w = (int) (pw * (1.16 + random.nextDouble() * 0.1));
        int h = (int) (ph * (1.2 + random.nextDouble() * 0.12));
        double[][] corners = new double[4][];
        double[][] page0 = {{0, 0}, {pw, 0}, {pw, ph}, {0, ph}};
        double far = random.nextDouble() * 0.05 * pw;
        double[][] moved = {{far, 0}, {-far, 0}, {0, 0}, {0, 0}};
        double turn = Math.toRadians(random.nextDouble() * 5 - 2.5);
        for (int i = 0; i < 4; i++) {
            double x = page0[i][0] + moved[i][0] - pw / 2.0 + (random.nextDouble() - 0.5) * 0.03 * pw;
            double y = page0[i][1] - ph / 2.0 + (random.nextDouble() - 0.5) * 0.03 * ph;
            corners[i] = new double[] {w / 2.0 + x * Math.cos(turn) - y * Math.sin(turn), h / 2.0 + x * Math.sin(turn) + y * Math.cos(turn)};
        }
        double[] toPage = Homography.between(corners, page0);
        double angle = random.nextDouble() * 2 * Math.PI;
        double fall = 0.6 + random.nextDouble() * 0.2;
        double[] cast = random.nextBoolean() ? new double[] {1.0, 0.96, 0.86} : new double[] {0.9, 0.95, 1.0};
        Color desk = new Color(110 + random.nextInt(60), 85 + random.nextInt(40), 60 + random.nextInt(40));
        float[][] rgb = new float[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] p = Homography.apply(toPage, x, y);
                double along = ((x - w / 2.0) * Math.cos(angle) + (y - h / 2.0) * Math.sin(angle)) / Math.hypot(w, h) + 0.5;
                double light = 1 - (1 - fall) * along;
                boolean on = p[0] >= 0 && p[1] >= 0 && p[0] < pw - 1 && p[1] < ph - 1;
                for (int c = 0; c < 3; c++) {
                    double v = on ? channel(page, p[0], p[1], c)
                            : (c == 0 ? desk.getRed() : c == 1 ? desk.getGreen() : desk.getBlue()) * (0.9 + 0.1 * Math.sin(y * 0.05 + x * 0.003));
                    rgb[c][y * w + x] = (float) (v * light * cast[c]);
                }
            }
        }
        double sigma = 0.9 + random.nextDouble() * 0.8;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int c = 0; c < 3; c++) rgb[c] = blur(rgb[c], w, h, sigma);
        for (int i = 0; i < w * h; i++) {
            double n = random.nextGaussian() * 4;
            out.setRGB(i % w, i / w, clamp(rgb[0][i] + n) << 16 | clamp(rgb[1][i] + n) << 8 | clamp(rgb[2][i] + n));
        }
        return out;
    }

    /** A fax: grey, thresholded at a dark level (the seal's light red mostly drops, the form's red stays), streaks and lost dots. */
    static BufferedImage fax(BufferedImage page, Random random) {
        int w = page.getWidth();
        int h = page.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        int streak = random.nextInt(h);
        for (int y = 0; y < h; y++) {
            boolean dirty = Math.abs(y - streak) < 2 || random.nextInt(900) == 0;
            for (int x = 0; x < w; x++) {
                double v = luma(page, x, y, 255) + random.nextGaussian() * 14;
                boolean black = v < 128 || dirty && random.nextInt(3) == 0;
                if (black && random.nextInt(60) != 0) out.getRaster().setSample(x, y, 0, 0);
                else if (random.nextInt(20_000) == 0) out.getRaster().setSample(x, y, 0, 0);
            }
        }
        return out;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Bilinear sample of one channel (0 red, 1 green, 2 blue); white off the page. */
    private static double channel(BufferedImage image, double x, double y, int c) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        int shift = 16 - 8 * c;
        double a = at(image, x0, y0, shift);
        double b = at(image, x0 + 1, y0, shift);
        double d = at(image, x0, y0 + 1, shift);
        double e = at(image, x0 + 1, y0 + 1, shift);
        return (a * (1 - fx) + b * fx) * (1 - fy) + (d * (1 - fx) + e * fx) * fy;
    }

    private static double at(BufferedImage image, int x, int y, int shift) {
        if (x < 0 || y < 0 || x >= image.getWidth() || y >= image.getHeight()) return 255;
        return (image.getRGB(x, y) >> shift) & 255;
    }

    private static double luma(BufferedImage image, double x, double y, double outside) {
        if (x < 0 || y < 0 || x >= image.getWidth() - 1 || y >= image.getHeight() - 1) return outside;
        return 0.299 * channel(image, x, y, 0) + 0.587 * channel(image, x, y, 1) + 0.114 * channel(image, x, y, 2);
    }

    /** Gaussian blur, separable, edges clamped. */
    static float[] blur(float[] in, int w, int h, double sigma) {
        int radius = (int) Math.ceil(sigma * 2.5);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) sum += kernel[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
        for (int i = 0; i < kernel.length; i++) kernel[i] /= sum;
        float[] across = new float[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (int k = -radius; k <= radius; k++) v += kernel[k + radius] * in[y * w + Math.min(w - 1, Math.max(0, x + k))];
                across[y * w + x] = (float) v;
            }
        }
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (int k = -radius; k <= radius; k++) v += kernel[k + radius] * across[Math.min(h - 1, Math.max(0, y + k)) * w + x];
                out[y * w + x] = (float) v;
            }
        }
        return out;
    }

    static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
