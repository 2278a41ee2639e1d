package org.huzhu.recognition.specimen;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * The image files the bench reads, each made from the clean rendering and fixed by a seed (the
 * same receipt and seed give the same bytes):
 * <ul>
 * <li>{@code CLEAN} — the page at 200 dpi as a PNG;</li>
 * <li>{@code ROTATED} — turned 1–3° either way on a canvas grown to hold it, corners white;</li>
 * <li>{@code NOISY} — gaussian noise (σ 12–20 per channel) and 0.2 % salt-and-pepper pixels;</li>
 * <li>{@code BLURRED} — a 3×3 or 5×5 box blur or a 5×5 gaussian (σ 1);</li>
 * <li>{@code JPEG} — JPEG at quality 40–60;</li>
 * <li>{@code PHONE} — a photo on a desk: the page in perspective (corners moved up to 1.5 % of its
 *     width, tilted up to 1°) on a grey-brown background, light falling off across the page to
 *     about 55 % on one side with a slight vignette, a warm cast (green ×0.94, blue ×0.82), a 3×3
 *     gaussian defocus, sensor noise (σ 4), JPEG at quality 75 ({@link #photo} takes the same photo under another
 *     {@link Light});</li>
 * <li>{@code SCAN} — rendered at 150, 180 or 200 dpi, tilted up to 1°, mild noise (σ 6), grey 8-bit PNG.</li>
 * </ul>
 */
public final class Variants {

    /** A kind of image file; {@link #fileSuffix()} names it, e.g. {@code -phone.jpg}. */
    public enum Variant {
        CLEAN("png"), ROTATED("png"), NOISY("png"), BLURRED("png"), JPEG("jpg"), PHONE("jpg"), SCAN("png");

        private final String extension;

        Variant(String extension) {
            this.extension = extension;
        }

        public String extension() { return extension; }

        public String fileSuffix() {
            return "-" + name().toLowerCase(Locale.ROOT) + "." + extension;
        }
    }

    private static final Color WHITE = Color.WHITE;
    private static final Color DESK = new Color(104, 96, 88);
    private static final Color WOOD = new Color(122, 58, 38);

    private Variants() {}

    /**
     * The colour of the light a photo is taken in: each channel's share. The bench's {@code PHONE} is taken in
     * {@link #WARM} light (a bulb); {@link #COOL} is daylight or a fluorescent tube, which leaves white paper bluish
     * (about 206, 218, 230) and takes the lead of red ink over green and blue down with it.
     */
    public enum Light {
        WARM(1.0, 0.94, 0.82), COOL(0.88, 0.94, 1.0);

        final double red, green, blue;

        Light(double red, double green, double blue) {
            this.red = red;
            this.green = green;
            this.blue = blue;
        }
    }

    /** The file's bytes: PNG or JPEG as {@link Variant#extension()} says. */
    public static byte[] bytes(ReceiptTruth truth, Variant variant, long seed) {
        Random random = new Random(seed * 31 + variant.ordinal());
        return switch (variant) {
            case CLEAN -> PngRenderer.png(PngRenderer.render(truth));
            case ROTATED -> PngRenderer.png(rotated(truth, random));
            case NOISY -> PngRenderer.png(noisy(truth, random));
            case BLURRED -> PngRenderer.png(blurred(truth, random));
            case JPEG -> ImageOps.jpeg(PngRenderer.render(truth), (40 + random.nextInt(21)) / 100.0);
            case PHONE -> ImageOps.jpeg(phone(truth, random, Light.WARM), 0.75);
            case SCAN -> PngRenderer.png(scan(truth, random));
        };
    }

    /** The {@code PHONE} photo of the receipt (the same page, desk, perspective and fall of light) taken in another light: JPEG bytes. */
    public static byte[] photo(ReceiptTruth truth, long seed, Light light) {
        return photo(PngRenderer.render(truth), seed, light);
    }

    /** The image as a reader of the file sees it (JPEG artefacts included). */
    public static BufferedImage image(ReceiptTruth truth, Variant variant, long seed) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes(truth, variant, seed)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage rotated(ReceiptTruth truth, Random random) {
        double degrees = (1 + 2 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
        return ImageOps.rotate(PngRenderer.render(truth), degrees, WHITE);
    }

    private static BufferedImage noisy(ReceiptTruth truth, Random random) {
        BufferedImage image = PngRenderer.render(truth);
        ImageOps.noise(image, 12 + 8 * random.nextDouble(), 0.002, random);
        return image;
    }

    private static BufferedImage blurred(ReceiptTruth truth, Random random) {
        BufferedImage image = PngRenderer.render(truth);
        return switch (random.nextInt(3)) {
            case 0 -> ImageOps.boxBlur(image, 3);
            case 1 -> ImageOps.boxBlur(image, 5);
            default -> ImageOps.gaussianBlur(image, 5, 1.0);
        };
    }

    /** The {@code PHONE} photo of the receipt printed in a {@link PngRenderer.Style}: JPEG bytes. */
    public static byte[] photo(ReceiptTruth truth, PngRenderer.Style style, long seed) {
        return photo(PngRenderer.render(truth, PngRenderer.DEFAULT_DPI, style), seed, Light.WARM);
    }

    /** The {@code PHONE} photo of a rendered page, with the seed's desk, perspective and fall of light: JPEG bytes. */
    private static byte[] photo(BufferedImage page, long seed, Light light) {
        return ImageOps.jpeg(phone(page, new Random(seed * 31 + Variant.PHONE.ordinal()), light), 0.75);
    }

    private static BufferedImage phone(ReceiptTruth truth, Random random, Light tint) {
        return phone(PngRenderer.render(truth), random, tint);
    }

    /**
     * A photo of the receipt on a wooden desk (a probe's rendering, not a bench variant): as {@link #photo} takes it, in
     * cool light, from further off (the desk a seventh of the page's width on each side) and the desk's reddish-brown
     * grain round the page instead of the bench's grey. JPEG bytes.
     */
    public static byte[] photoOnWood(ReceiptTruth truth, PngRenderer.Style style, long seed) {
        BufferedImage page = PngRenderer.render(truth, PngRenderer.DEFAULT_DPI, style);
        return ImageOps.jpeg(phone(page, new Random(seed * 31 + Variant.PHONE.ordinal()), Light.COOL, 0.14, WOOD), 0.75);
    }

    private static BufferedImage phone(BufferedImage page, Random random, Light tint) {
        return phone(page, random, tint, 0.04, null);
    }

    /** The photo of a page {@code margin} of its width from the frame's edges; the desk grey, or {@code wood}'s grain. */
    private static BufferedImage phone(BufferedImage page, Random random, Light tint, double share, Color wood) {
        int margin = (int) (page.getWidth() * share);
        BufferedImage photo = ImageOps.perspective(page, page.getWidth() + 2 * margin, page.getHeight() + 2 * margin,
                photographedCorners(page.getWidth(), page.getHeight(), margin, random), wood == null ? DESK : wood);
        if (wood != null) ImageOps.grain(photo, wood, random);
        return lit(photo, random, tint, null);
    }

    /**
     * A photo held by hand over the desk (a probe's rendering, not a bench variant): as {@link #photo} takes it in warm
     * light, but from further off (the desk a twelfth of the page's width on each side), turned 2–4° either way, and
     * leaning: the edge further from the phone 4–8 % of the width shorter than the near one (the top, the bottom or a
     * side, drawn by the seed), as a page shot at a slant is. JPEG bytes.
     */
    public static byte[] handheldPhoto(ReceiptTruth truth, PngRenderer.Style style, long seed) {
        BufferedImage page = PngRenderer.render(truth, PngRenderer.DEFAULT_DPI, style);
        Random random = new Random(seed * 47 + Variant.PHONE.ordinal());
        int margin = (int) (page.getWidth() * 0.08);
        double[][] corners = leaningCorners(page.getWidth(), page.getHeight(), margin, random);
        return ImageOps.jpeg(photographed(page, corners, margin, random, Light.WARM, null), 0.75);
    }

    /**
     * A photo with the phone's shadow on the page (a probe's rendering, not a bench variant): as {@link #photo} takes it,
     * and a soft-edged shadow (the light at 0.45–0.6 inside it, its edge 2–4 % of the page's width wide) over one of the
     * page's corners, a quarter to a half of the page's width deep. JPEG bytes.
     */
    public static byte[] shadowedPhoto(ReceiptTruth truth, PngRenderer.Style style, long seed) {
        BufferedImage page = PngRenderer.render(truth, PngRenderer.DEFAULT_DPI, style);
        Random random = new Random(seed * 53 + Variant.PHONE.ordinal());
        int margin = (int) (page.getWidth() * 0.04);
        double[][] corners = photographedCorners(page.getWidth(), page.getHeight(), margin, random);
        int width = page.getWidth() + 2 * margin, height = page.getHeight() + 2 * margin;
        double depth = (0.25 + 0.25 * random.nextDouble()) * page.getWidth(), edge = (0.02 + 0.02 * random.nextDouble()) * page.getWidth();
        double darkness = 0.45 + 0.15 * random.nextDouble();
        int corner = random.nextInt(4);
        double cornerX = corner % 3 == 0 ? 0 : width, cornerY = corner < 2 ? 0 : height;
        double slant = Math.toRadians(20 + 50 * random.nextDouble());
        double nx = (cornerX == 0 ? 1 : -1) * Math.cos(slant), ny = (cornerY == 0 ? 1 : -1) * Math.sin(slant);
        ImageOps.Light shadow = (x, y) -> {
            double into = depth - ((x - cornerX) * nx + (y - cornerY) * ny);
            double share = Math.max(0, Math.min(1, into / edge + 0.5));
            return 1 - (1 - darkness) * share;
        };
        return ImageOps.jpeg(photographed(page, corners, margin, random, Light.WARM, shadow), 0.75);
    }

    /** Corners of a page shot at a slant: turned 2–4° either way, the far edge 4–8 % of the width shorter. */
    private static double[][] leaningCorners(int width, int height, int margin, Random random) {
        double turn = Math.toRadians((2 + 2 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1));
        double lean = width * (0.04 + 0.04 * random.nextDouble()) / 2;
        double[][] corners = {{0, 0}, {width, 0}, {width, height}, {0, height}};
        switch (random.nextInt(4)) {
            case 0 -> { corners[0][0] += lean; corners[1][0] -= lean; }
            case 1 -> { corners[3][0] += lean; corners[2][0] -= lean; }
            case 2 -> { corners[0][1] += lean; corners[3][1] -= lean; }
            default -> { corners[1][1] += lean; corners[2][1] -= lean; }
        }
        double cos = Math.cos(turn), sin = Math.sin(turn);
        for (double[] corner : corners) {
            double x = corner[0] - width / 2.0, y = corner[1] - height / 2.0;
            corner[0] = margin + width / 2.0 + x * cos - y * sin;
            corner[1] = margin + height / 2.0 + x * sin + y * cos;
        }
        return corners;
    }

    /** The page photographed to {@code corners} on the grey desk, in {@link #lit}'s light with the {@code shadow} if any. */
    private static BufferedImage photographed(BufferedImage page, double[][] corners, int margin, Random random, Light tint,
                                              ImageOps.Light shadow) {
        BufferedImage photo = ImageOps.perspective(page, page.getWidth() + 2 * margin, page.getHeight() + 2 * margin, corners, DESK);
        return lit(photo, random, tint, shadow);
    }

    /**
     * The photo in the phone's light: falling off across the frame to about 60 % in a direction the seed draws, a slight
     * vignette, the {@code shadow} if any, the light's tint; then a 3×3 gaussian defocus and sensor noise (σ 4).
     */
    private static BufferedImage lit(BufferedImage photo, Random random, Light tint, ImageOps.Light shadow) {
        double direction = random.nextDouble() * 2 * Math.PI, dx = Math.cos(direction), dy = Math.sin(direction);
        double cx = photo.getWidth() / 2.0, cy = photo.getHeight() / 2.0, reach = Math.hypot(cx, cy);
        double extent = Math.abs(dx) * cx + Math.abs(dy) * cy;
        ImageOps.light(photo, (x, y) -> {
            double across = ((x - cx) * dx + (y - cy) * dy) / extent / 2 + 0.5;
            double vignette = Math.hypot(x - cx, y - cy) / reach;
            return (1.0 - 0.40 * across - 0.06 * vignette * vignette) * (shadow == null ? 1 : shadow.at(x, y));
        }, tint.red, tint.green, tint.blue);
        BufferedImage soft = ImageOps.gaussianBlur(photo, 3, 0.8);
        ImageOps.noise(soft, 4, 0, random);
        return soft;
    }

    /** Where the page's corners land in the photo: tilted up to 1°, each moved up to 1.5 % of the width. */
    private static double[][] photographedCorners(int width, int height, int margin, Random random) {
        double jitter = width * 0.015, tilt = Math.toRadians(random.nextDouble() * 2 - 1);
        double cos = Math.cos(tilt), sin = Math.sin(tilt);
        double[][] corners = {{0, 0}, {width, 0}, {width, height}, {0, height}};
        for (double[] corner : corners) {
            double x = corner[0] - width / 2.0, y = corner[1] - height / 2.0;
            corner[0] = margin + width / 2.0 + x * cos - y * sin + jitter * (2 * random.nextDouble() - 1);
            corner[1] = margin + height / 2.0 + x * sin + y * cos + jitter * (2 * random.nextDouble() - 1);
        }
        return corners;
    }

    private static BufferedImage scan(ReceiptTruth truth, Random random) {
        return scan(truth, PngRenderer.Style.PLAIN, random);
    }

    /** The {@code SCAN} image of the receipt printed in a {@link PngRenderer.Style}: grey PNG bytes. */
    public static byte[] scan(ReceiptTruth truth, PngRenderer.Style style, long seed) {
        return PngRenderer.png(scan(truth, style, new Random(seed * 31 + Variant.SCAN.ordinal())));
    }

    /**
     * A worn scanner's image of the receipt (a probe's rendering, not a bench variant): as {@link #scan} does, with the
     * toner faded (ink a half to two-thirds as dark), the optics soft (a 5×5 gaussian, σ 1) and dust on the glass
     * (0.05 % of pixels each a grey speck of one to three pixels). Grey PNG bytes.
     */
    public static byte[] fadedScan(ReceiptTruth truth, PngRenderer.Style style, long seed) {
        Random random = new Random(seed * 31 + Variant.SCAN.ordinal());
        BufferedImage page = scannedColour(truth, style, random);
        ImageOps.fade(page, 0.5 + random.nextDouble() / 6);
        BufferedImage soft = ImageOps.gaussianBlur(page, 5, 1.0);
        ImageOps.dust(soft, 0.0005, random);
        return PngRenderer.png(ImageOps.grey(soft));
    }

    /**
     * A sharp scan of a pale print (a laser printer low on toner, or the scanner's brightness set high): every ink lightened
     * to 0.45–0.6 of its darkness — black data a mid grey (115–140), the seal's red lighter still — with no blur or dust,
     * so that the data stays darker than the seal and the ring apart from the text, as a pale office printout scans.
     */
    public static byte[] paleScan(ReceiptTruth truth, PngRenderer.Style style, long seed) {
        Random random = new Random(seed * 37 + Variant.SCAN.ordinal());
        BufferedImage page = scannedColour(truth, style, random);
        ImageOps.fade(page, 0.45 + random.nextDouble() * 0.15);
        return PngRenderer.png(ImageOps.grey(page));
    }

    /**
     * A scan of a print from a toner running light (a probe's rendering, not a bench variant): as {@link #paleScan} does,
     * every ink kept at 0.6–0.85 of its darkness — black data's darkest at about 40–100, between a dark print's and a
     * pale one's, its cores still darker than the seal's grey but its strokes' rims lighter — with no blur or dust.
     */
    public static byte[] lightScan(ReceiptTruth truth, PngRenderer.Style style, long seed) {
        Random random = new Random(seed * 41 + Variant.SCAN.ordinal());
        BufferedImage page = scannedColour(truth, style, random);
        ImageOps.fade(page, 0.6 + random.nextDouble() * 0.25);
        return PngRenderer.png(ImageOps.grey(page));
    }

    /**
     * A soft scan of a print from a toner running light (a probe's rendering, not a bench variant): as {@link #lightScan}
     * does, every ink at 0.6–0.85 of its darkness, through soft optics (a 3×3 gaussian, σ 0.8, as {@link #photo}'s), with
     * no dust: its darkest ink (the 1st percentile) at 68–132 on the template's seeds 0–39, its steepest edges 0.41–0.44 of
     * the way from paper to it (every sharp scan of set 1 0.51–0.75, a worn scanner's 0.29–0.40).
     */
    public static byte[] softLightScan(ReceiptTruth truth, PngRenderer.Style style, long seed) {
        Random random = new Random(seed * 43 + Variant.SCAN.ordinal());
        BufferedImage page = scannedColour(truth, style, random);
        ImageOps.fade(page, 0.6 + random.nextDouble() * 0.25);
        return PngRenderer.png(ImageOps.grey(ImageOps.gaussianBlur(page, 3, 0.8)));
    }

    /**
     * A received fax (a probe's rendering, not a bench variant): the sending machine scans the print in fine mode (200 lines
     * an inch each way), tilted up to 1°, through soft optics (a 3×3 gaussian, σ 0.7) with mild sensor noise, and cuts each
     * pixel to black or white at one level for the page (luminance 110–165 of 255: a low level thins and breaks strokes and
     * drops a light seal, a high one thickens them and keeps red print black); the line loses a share of its dots (0.1–0.3 %
     * flipped) and a few scan lines (two to five rows left white). A black and white PNG.
     */
    public static byte[] faxedScan(ReceiptTruth truth, PngRenderer.Style style, long seed) {
        Random random = new Random(seed * 47 + Variant.SCAN.ordinal());
        BufferedImage page = ImageOps.rotate(PngRenderer.render(truth, 200, style), random.nextDouble() * 2 - 1, WHITE);
        BufferedImage soft = ImageOps.gaussianBlur(page, 3, 0.7);
        ImageOps.noise(soft, 4, 0, random);
        BufferedImage fax = ImageOps.binary(ImageOps.grey(soft), 110 + random.nextInt(56));
        ImageOps.dropDots(fax, 0.001 + random.nextDouble() * 0.002, random);
        for (int lost = 2 + random.nextInt(4); lost > 0; lost--) ImageOps.dropLine(fax, random.nextInt(fax.getHeight()));
        return PngRenderer.png(fax);
    }

    private static BufferedImage scan(ReceiptTruth truth, PngRenderer.Style style, Random random) {
        return ImageOps.grey(scannedColour(truth, style, random));
    }

    /** The scan before it is made grey: at 150, 180 or 200 dpi, tilted up to 1°, mild noise. */
    private static BufferedImage scannedColour(ReceiptTruth truth, PngRenderer.Style style, Random random) {
        int[] resolutions = {150, 180, 200};
        BufferedImage page = PngRenderer.render(truth, resolutions[random.nextInt(resolutions.length)], style);
        BufferedImage tilted = ImageOps.rotate(page, random.nextDouble() * 2 - 1, WHITE);
        ImageOps.noise(tilted, 6, 0, random);
        return tilted;
    }
}
