package org.huzhu.recognition.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import org.huzhu.recognition.specimen.ReceiptFaker;
import org.huzhu.recognition.specimen.ReceiptTruth;
import org.huzhu.recognition.specimen.Variants;
import org.huzhu.recognition.specimen.Variants.Variant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class InkLayersTest {

    private static final int W = 900, H = 300;

    @ParameterizedTest
    @EnumSource(Variant.class)
    void tellsSoftPagesFromSharpOnes(Variant variant) {
        ReceiptTruth truth = ReceiptFaker.receipt(5L);
        BufferedImage image = Variants.image(truth, variant, 5L);
        int[] rgb = InkLayers.rgb(image);

        int sharpness = InkLayers.sharpness(InkLayers.luminance(rgb, image.getWidth(), image.getHeight()));

        boolean soft = variant == Variant.BLURRED || variant == Variant.PHONE;
        assertThat(sharpness < InkLayers.SOFT).as("sharpness %d", sharpness).isEqualTo(soft);
    }

    /**
     * Black digits with the seal's ring stamped across them (the inks multiply), blurred as a soft
     * page is: on a soft page the digits' strokes under the ring stay in the data layer; the
     * sharp pages' rule (given no colours) clears most of them as rims of the form. The ring
     * alone becomes paper either way.
     */
    @ParameterizedTest
    @CsvSource({"3, true", "5, true", "5, false"})
    void keepsBlackUnderTheSealOnASoftPage(int blur, boolean soft) {
        BufferedImage digits = page(g -> {
            // the receipts' data: dark grey, 3.5 mm high at 200 dpi
            g.setColor(new Color(40, 40, 40));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 36));
            g.drawString("6667.85 6667.85", 180, 180);
        });
        BufferedImage ring = page(g -> {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(7));
            g.drawOval(20, 40, 260, 260);
            // the seal's text and star: strokes across the digits
            for (int x = 230; x < 470; x += 45) g.drawLine(x, 100, x + 30, 260);
            // the form's own red labels in the upper part set how dark its ink is
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 30));
            g.drawString("医保统筹基金支付：其他支付：", 420, 60);
        });
        int seal = new Color(214, 54, 71).getRGB();
        BufferedImage stamped = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int t = digits.getRGB(x, y) & 0xff;
                boolean red = (ring.getRGB(x, y) & 0xff) < 128;
                int r = red ? t * (seal >> 16 & 0xff) / 255 : t, g = red ? t * (seal >> 8 & 0xff) / 255 : t, b = red ? t * (seal & 0xff) / 255 : t;
                stamped.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        BufferedImage blurred = boxBlur(stamped, blur);
        BufferedImage blurredDigits = boxBlur(digits, blur);
        int[] rgb = InkLayers.rgb(blurred);
        int[] lead = InkLayers.redLead(rgb, W, H);
        GreyImage form = InkLayers.redInk(rgb, lead, W, H, null);

        GreyImage data = InkLayers.withoutRimsOf(form, InkLayers.withoutRedInk(rgb, W, H, 40, 200, null), lead, soft ? rgb : null, null);

        int underRing = 0, kept = 0, ringAlone = 0, ringLeft = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean red = (ring.getRGB(x, y) & 0xff) < 128;
                boolean ink = (blurredDigits.getRGB(x, y) & 0xff) < 160;
                if (red && ink) {
                    underRing++;
                    if (data.at(x, y) < 200) kept++;
                }
                if (red && (blurredDigits.getRGB(x, y) & 0xff) == 255 && y > 80) {
                    ringAlone++;
                    if (data.at(x, y) < 200) ringLeft++;
                }
            }
        }
        assertThat(underRing).isGreaterThan(40);
        if (soft) {
            assertThat(kept).isGreaterThan(underRing * 8 / 10);
        } else {
            assertThat(kept).isLessThan(underRing / 2);
        }
        assertThat(ringLeft).isLessThan(ringAlone / 50);
    }

    private static BufferedImage boxBlur(BufferedImage image, int size) {
        float[] kernel = new float[size * size];
        java.util.Arrays.fill(kernel, 1f / kernel.length);
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        new ConvolveOp(new Kernel(size, size, kernel), ConvolveOp.EDGE_NO_OP, null).filter(image, out);
        return out;
    }

    /**
     * A photo in cool light has its red raised until the paper is as red as it is green and blue; the red ink's lead
     * over green and blue grows back by what the light took. Warm light, clean pages and grey scans come back as the
     * same array, untouched.
     */
    /**
     * A photo's red labels, half of the page in the phone's shadow at a third of the light: once each pixel's red lead is
     * taken as it would be in the paper's full light ({@link InkLayers#leadOverPaper}), the shadowed label stands in the
     * form's layer as dark as the lit one; its lead of about 20 had fallen under the form's cut.
     */
    @org.junit.jupiter.api.Test
    void aRedLabelInAShadowIsRedInkAsALitOneIs() throws Exception {
        int w = 1600, h = 600;
        BufferedImage page = ImagePreparationTest.page(w, h, g -> {
            g.setColor(new Color(205, 40, 50));
            try {
                g.setFont(PaintedImages.chineseFont(34f));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            for (int line = 0; line < 5; line++) {
                g.drawString("医保统筹基金支付：", 100, 100 + line * 100);
                g.drawString("医保统筹基金支付：", 1000, 100 + line * 100);
            }
        });
        int[] rgb = InkLayers.rgb(page);
        for (int i = 0; i < rgb.length; i++) {
            double light = 0.92 * (i % w < 800 ? 1 : 0.33);
            int p = rgb[i];
            rgb[i] = (int) ((p >> 16 & 0xff) * light) << 16 | (int) ((p >> 8 & 0xff) * light) << 8 | (int) ((p & 0xff) * light);
        }
        GreyImage paper = FlatField.background(InkLayers.luminance(rgb, w, h));
        int[] lead = InkLayers.redLead(rgb, w, h);

        InkLayers.leadOverPaper(lead, paper);
        GreyImage form = InkLayers.redInk(rgb, lead, w, h, paper);

        int lit = darkest(form, 100, 60, 500, 560), shadowed = darkest(form, 1000, 60, 1400, 560);
        assertThat(lit).as("the lit labels' darkest").isLessThan(60);
        assertThat(shadowed).as("the shadowed labels' darkest").isLessThan(60);
    }

    private static int darkest(GreyImage image, int left, int top, int right, int bottom) {
        int darkest = 255;
        for (int y = top; y < bottom; y++) for (int x = left; x < right; x++) darkest = Math.min(darkest, image.at(x, y));
        return darkest;
    }

    @org.junit.jupiter.api.Test
    void takesACoolLightOutOfTheRedChannelOnly() {
        int paper = rgb(206, 218, 230), ink = rgb(150, 60, 80), data = rgb(30, 32, 36);
        int[] cool = new int[10_000];
        for (int i = 0; i < cool.length; i++) cool[i] = i % 10 == 0 ? ink : i % 10 == 1 ? data : paper;

        int[] balanced = InkLayers.coolLightBalanced(cool);

        int p = balanced[2];
        assertThat(p >> 16 & 0xff).isBetween(228, 232);
        assertThat(p & 0xffff).isEqualTo(paper & 0xffff);
        assertThat(lead(balanced[0])).isEqualTo(167 - 80); // 150 × 230 / 206 = 167.48: its lead 70 → 87
        assertThat(lead(balanced[1])).isLessThanOrEqualTo(5);
        for (int unchanged : new int[] {rgb(255, 255, 255), rgb(255, 240, 209), rgb(180, 180, 180)}) {
            int[] page = cool.clone();
            for (int i = 0; i < page.length; i++) if (page[i] == paper) page[i] = unchanged;
            assertThat(InkLayers.coolLightBalanced(page)).isSameAs(page);
        }
    }

    private static int rgb(int r, int g, int b) {
        return r << 16 | g << 8 | b;
    }

    private static int lead(int p) {
        return (p >> 16 & 0xff) - Math.max(p >> 8 & 0xff, p & 0xff);
    }

    private static BufferedImage page(java.util.function.Consumer<Graphics2D> drawing) {
        return ImagePreparationTest.page(W, H, drawing);
    }
}
