package org.huzhu.recognition.specimen;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferInt;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** The image operations {@link Variants} chains: geometry, light, colour, noise, blur and encoding. */
final class ImageOps {

    private ImageOps() {}

    /** Where the pixel (u, v) of the output comes from in the input. */
    interface Mapping {
        double[] source(double u, double v);
    }

    /** How much light falls on (x, y): 1 is full light. */
    interface Light {
        double at(int x, int y);
    }

    /** Turns the image clockwise by {@code degrees} on a canvas grown to hold it, the corners filled. */
    static BufferedImage rotate(BufferedImage image, double degrees, Color fill) {
        double angle = Math.toRadians(degrees), cos = Math.cos(angle), sin = Math.sin(angle);
        int width = (int) Math.ceil(image.getWidth() * Math.abs(cos) + image.getHeight() * Math.abs(sin));
        int height = (int) Math.ceil(image.getWidth() * Math.abs(sin) + image.getHeight() * Math.abs(cos));
        double cu = width / 2.0, cv = height / 2.0, cx = image.getWidth() / 2.0, cy = image.getHeight() / 2.0;
        return warp(image, width, height, fill, (u, v) -> new double[] {
                cos * (u - cu) + sin * (v - cv) + cx, -sin * (u - cu) + cos * (v - cv) + cy});
    }

    /**
     * Puts the image's corners (top-left, top-right, bottom-right, bottom-left) at the given points of
     * a new canvas: a perspective view of the page, the rest filled.
     */
    static BufferedImage perspective(BufferedImage image, int width, int height, double[][] corners, Color fill) {
        double w = image.getWidth(), h = image.getHeight();
        double[][] page = {{0, 0}, {w, 0}, {w, h}, {0, h}};
        double[] m = homography(corners, page);
        return warp(image, width, height, fill, (u, v) -> {
            double z = m[6] * u + m[7] * v + 1;
            return new double[] {(m[0] * u + m[1] * v + m[2]) / z, (m[3] * u + m[4] * v + m[5]) / z};
        });
    }

    /** Bilinear resampling through an inverse mapping. */
    static BufferedImage warp(BufferedImage image, int width, int height, Color fill, Mapping mapping) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Raster source = new Raster(pixels(image), image.getWidth(), image.getHeight(), fill.getRGB() & 0xFFFFFF);
        int[] target = pixels(out);
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                double[] p = mapping.source(u + 0.5, v + 0.5);
                target[v * width + u] = source.sample(p[0] - 0.5, p[1] - 0.5);
            }
        }
        return out;
    }

    /** An image's pixels, and the colour around it. */
    private record Raster(int[] pixels, int width, int height, int background) {

        int sample(double x, double y) {
            int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
            double fx = x - x0, fy = y - y0;
            int[] corners = {at(x0, y0), at(x0 + 1, y0), at(x0, y0 + 1), at(x0 + 1, y0 + 1)};
            int rgb = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                double top = (corners[0] >> shift & 0xFF) * (1 - fx) + (corners[1] >> shift & 0xFF) * fx;
                double bottom = (corners[2] >> shift & 0xFF) * (1 - fx) + (corners[3] >> shift & 0xFF) * fx;
                rgb |= (int) Math.round(top * (1 - fy) + bottom * fy) << shift;
            }
            return rgb;
        }

        private int at(int x, int y) {
            boolean inside = x >= 0 && y >= 0 && x < width && y < height;
            return inside ? pixels[y * width + x] & 0xFFFFFF : background;
        }
    }

    /** The pixels of an RGB image, row by row, to read and write in place. */
    static int[] pixels(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("expects an RGB image, got type " + image.getType());
        }
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    /** The 8 coefficients of the projective map taking each {@code from[i]} to {@code to[i]}. */
    private static double[] homography(double[][] from, double[][] to) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double u = from[i][0], v = from[i][1], x = to[i][0], y = to[i][1];
            a[2 * i] = new double[] {u, v, 1, 0, 0, 0, -u * x, -v * x, x};
            a[2 * i + 1] = new double[] {0, 0, 0, u, v, 1, -u * y, -v * y, y};
        }
        for (int col = 0; col < 8; col++) {
            int pivot = col;
            for (int row = col + 1; row < 8; row++) if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) pivot = row;
            double[] swap = a[col]; a[col] = a[pivot]; a[pivot] = swap;
            for (int row = 0; row < 8; row++) {
                if (row == col) continue;
                double factor = a[row][col] / a[col][col];
                for (int k = col; k < 9; k++) a[row][k] -= factor * a[col][k];
            }
        }
        double[] m = new double[8];
        for (int i = 0; i < 8; i++) m[i] = a[i][8] / a[i][i];
        return m;
    }

    /** Multiplies each pixel's channels by {@code light(x, y)} × the channel's tint (1 = unchanged). */
    static void light(BufferedImage image, Light light, double red, double green, double blue) {
        double[] tint = {red, green, blue};
        int[] pixels = pixels(image);
        int width = image.getWidth();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                double amount = light.at(x, y);
                int rgb = pixels[y * width + x], out = 0;
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    out |= clamp((rgb >> shift & 0xFF) * amount * tint[c]) << shift;
                }
                pixels[y * width + x] = out;
            }
        }
    }

    /** Adds gaussian noise of {@code sigma} to each channel; turns a share {@code saltAndPepper} of pixels black or white. */
    static void noise(BufferedImage image, double sigma, double saltAndPepper, Random random) {
        int[] pixels = pixels(image);
        for (int i = 0; i < pixels.length; i++) {
            if (random.nextDouble() < saltAndPepper) {
                pixels[i] = random.nextBoolean() ? 0xFFFFFF : 0;
                continue;
            }
            int rgb = pixels[i], out = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                out |= clamp((rgb >> shift & 0xFF) + random.nextGaussian() * sigma) << shift;
            }
            pixels[i] = out;
        }
    }

    /**
     * Wood grain where the image is exactly {@code wood} (what a warp filled round the page): bands along the width, a
     * third lighter and darker, waving.
     */
    static void grain(BufferedImage image, Color wood, Random random) {
        int[] pixels = pixels(image);
        int fill = wood.getRGB() & 0xFFFFFF, w = image.getWidth();
        double period = 18 + 12 * random.nextDouble(), phase = random.nextDouble() * 2 * Math.PI;
        for (int i = 0; i < pixels.length; i++) {
            if ((pixels[i] & 0xFFFFFF) != fill) continue;
            int x = i % w, y = i / w;
            double shade = 1 + 0.33 * Math.sin((y + 9 * Math.sin(x / 140.0 + phase)) / period * 2 * Math.PI);
            pixels[i] = clamp(wood.getRed() * shade) << 16 | clamp(wood.getGreen() * shade) << 8 | clamp(wood.getBlue() * shade);
        }
    }

    /** Lightens the ink: each channel's distance from white scaled by {@code depth} (1 keeps it, 0 leaves paper). */
    static void fade(BufferedImage image, double depth) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y), out = 0;
                for (int shift = 16; shift >= 0; shift -= 8) out |= clamp(255 - (255 - (rgb >> shift & 0xFF)) * depth) << shift;
                image.setRGB(x, y, out);
            }
        }
    }

    /** Grey specks (values 110–200) of one to three pixels across at a share {@code density} of the pixels. */
    static void dust(BufferedImage image, double density, Random random) {
        long specks = Math.round(image.getWidth() * (long) image.getHeight() * density);
        for (long i = 0; i < specks; i++) {
            int size = 1 + random.nextInt(3), x0 = random.nextInt(image.getWidth()), y0 = random.nextInt(image.getHeight());
            int v = 110 + random.nextInt(91), grey = v << 16 | v << 8 | v;
            for (int y = y0; y < Math.min(image.getHeight(), y0 + size); y++) {
                for (int x = x0; x < Math.min(image.getWidth(), x0 + size); x++) image.setRGB(x, y, grey);
            }
        }
    }

    static BufferedImage boxBlur(BufferedImage image, int size) {
        float[] weights = new float[size * size];
        Arrays.fill(weights, 1f / weights.length);
        return convolve(image, new Kernel(size, size, weights));
    }

    static BufferedImage gaussianBlur(BufferedImage image, int size, double sigma) {
        float[] weights = new float[size * size];
        double sum = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = x - size / 2, dy = y - size / 2;
                weights[y * size + x] = (float) Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                sum += weights[y * size + x];
            }
        }
        for (int i = 0; i < weights.length; i++) weights[i] /= (float) sum;
        return convolve(image, new Kernel(size, size, weights));
    }

    private static BufferedImage convolve(BufferedImage image, Kernel kernel) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        return new ConvolveOp(kernel, ConvolveOp.EDGE_NO_OP, null).filter(image, out);
    }

    /** Luminance (ITU-R BT.601) as an 8-bit grey image. */
    static BufferedImage grey(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int luma = clamp(0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF));
                out.getRaster().setSample(x, y, 0, luma);
            }
        }
        return out;
    }

    /** A grey image cut to black (under {@code level}) and white, as a 1-bit image. */
    static BufferedImage binary(BufferedImage grey, int level) {
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) out.getRaster().setSample(x, y, 0, grey.getRaster().getSample(x, y, 0) < level ? 0 : 1);
        }
        return out;
    }

    /** Flips a share {@code share} of a 1-bit image's pixels (a fax line's lost and stray dots). */
    static void dropDots(BufferedImage binary, double share, Random random) {
        long dots = Math.round(binary.getWidth() * (long) binary.getHeight() * share);
        for (long i = 0; i < dots; i++) {
            int x = random.nextInt(binary.getWidth()), y = random.nextInt(binary.getHeight());
            binary.getRaster().setSample(x, y, 0, 1 - binary.getRaster().getSample(x, y, 0));
        }
    }

    /** Leaves row {@code y} of a 1-bit image white (a scan line the fax lost). */
    static void dropLine(BufferedImage binary, int y) {
        for (int x = 0; x < binary.getWidth(); x++) binary.getRaster().setSample(x, y, 0, 1);
    }

    static byte[] jpeg(BufferedImage image, double quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality((float) quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
