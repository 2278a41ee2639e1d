package org.huzhu.recognition.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImagePreparationTest {

    private static final int W = 1600;
    private static final int H = 900;
    private static Font font;

    @BeforeAll
    static void chineseFont() throws Exception {
        font = Font.createFont(Font.TRUETYPE_FONT, new File("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")).deriveFont(40f);
    }

    @Test
    void redStampOverBlackTextLeavesTheTextAndWhitensTheStamp() {
        BufferedImage text = page(g -> {
            g.setColor(Color.BLACK);
            g.drawString("收款单位：武汉市第一医院 0012345678", 100, 300);
            g.drawString("个人现金支付：8456.78", 100, 380);
        });
        BufferedImage stampMask = page(g -> {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(12));
            g.drawOval(250, 180, 300, 300);
            g.fillRect(330, 300, 140, 30);
        });
        // red ink stamped over printed black data: the inks multiply (black stays black)
        Color red = new Color(220, 36, 40);
        BufferedImage receipt = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        int textPixels = 0;
        int stampOnlyPixels = 0;
        int underStamp = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int t = text.getRGB(x, y) & 0xff;
                boolean stamped = (stampMask.getRGB(x, y) & 0xff) < 128;
                int r = stamped ? t * red.getRed() / 255 : t;
                int g = stamped ? t * red.getGreen() / 255 : t;
                int b = stamped ? t * red.getBlue() / 255 : t;
                receipt.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        GreyImage grey = InkLayers.withoutRedInk(receipt, 40, 200);

        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int t = text.getRGB(x, y) & 0xff;
                boolean stamped = (stampMask.getRGB(x, y) & 0xff) < 128;
                if (t < 40) {
                    textPixels++;
                    if (stamped) underStamp++;
                    assertThat(grey.at(x, y)).as("black text at %d,%d", x, y).isLessThan(60);
                } else if (stamped && t == 255) {
                    stampOnlyPixels++;
                    assertThat(grey.at(x, y)).as("stamp at %d,%d", x, y).isEqualTo(255);
                }
            }
        }
        assertThat(textPixels).isGreaterThan(1000);
        assertThat(stampOnlyPixels).isGreaterThan(1000);
        assertThat(underStamp).as("text pixels under the stamp").isGreaterThan(100);
    }

    @Test
    void redPrintedLabelsVanishAndBlackDataStays() {
        BufferedImage receipt = page(g -> {
            g.setColor(new Color(210, 40, 40));
            g.drawString("票据号码：", 100, 200);
            g.setColor(Color.BLACK);
            g.drawString("0012345678", 400, 200);
        });
        GreyImage grey = InkLayers.withoutRedInk(receipt, 40, 200);

        assertThat(darkPixels(grey, 90, 150, 380, 220)).as("label area").isZero();
        assertThat(darkPixels(grey, 390, 150, 700, 220)).as("number area").isGreaterThan(500);
    }

    @Test
    void theFormLayerHoldsTheRedLabelsButNeitherTheBlackDataNorFaintPink() {
        BufferedImage receipt = page(g -> {
            g.setColor(new Color(200, 16, 46));
            g.drawString("个人自费：", 100, 600);
            g.setColor(Color.BLACK);
            g.drawString("3456.78", 400, 600);
            // a faint pink tint, far lighter than the form's ink
            g.setColor(new Color(250, 215, 218));
            g.fillRect(1000, 100, 300, 300);
            // the upper part of the page has the form's own labels, which set how dark the form's ink is
            g.setColor(new Color(200, 16, 46));
            for (int i = 0; i < 4; i++) g.drawString("票据代码：交款人：开票日期：", 100, 100 + 60 * i);
        });
        int[] rgb = InkLayers.rgb(receipt);
        GreyImage form = InkLayers.redInk(rgb, InkLayers.redLead(rgb, W, H), W, H, null);

        assertThat(darkPixels(form, 90, 550, 390, 620)).as("label").isGreaterThan(500);
        assertThat(darkPixels(form, 390, 550, 700, 620)).as("black data").isZero();
        assertThat(darkPixels(form, 1010, 110, 1290, 390)).as("faint pink").isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {2.0, -2.0, 3.7, -0.8})
    void measuresTheSkewOfATurnedPageWithinAThirdOfADegree(double degrees) {
        BufferedImage turned = page(g -> {
            g.rotate(Math.toRadians(degrees), W / 2.0, H / 2.0);
            g.setColor(Color.BLACK);
            for (int line = 0; line < 8; line++) {
                g.drawString("医疗住院收费票据 金额合计 23456.78 住院时间 2026-05-01", 120, 150 + line * 85);
            }
        });
        GreyImage grey = InkLayers.withoutRedInk(turned, 40, 200);

        assertThat(PageGeometry.estimateSkew(grey)).isCloseTo(degrees, within(0.3));
    }

    /**
     * A level page whose few black values happen to stand in a staircase, each a little lower than the one before
     * (a set 2 scan's values measured −4.6° where its page was turned 0.4°): the values alone line up best turned by
     * the stair's slope, the whole page's ink — the red form's rules and labels with them — is level.
     */
    @Test
    void measuresTheSkewOnTheFormAndTheDataTogether() {
        BufferedImage level = page(g -> {
            g.setColor(new Color(200, 40, 50));
            for (int line = 0; line < 6; line++) {
                g.fillRect(60, 120 + line * 120, W - 120, 3);
                g.drawString("票据代码 交款人 开票日期", 80, 170 + line * 120);
            }
            g.setColor(Color.BLACK);
            for (int k = 0; k < 6; k++) g.drawString("23456.78", 200 + 230 * k, 260 + 16 * k);
        });
        ImagePreparation preparation = new ImagePreparation(ImagePreparation.DEFAULTS);
        ImagePreparation.Prepared prepared = preparation.prepare(level);
        GreyImage valuesOnly = InkLayers.withoutRedInk(level, 40, 200);

        assertThat(PageGeometry.estimateSkew(valuesOnly)).as("the values alone").isGreaterThan(3);
        assertThat(prepared.skewDegrees()).isCloseTo(0, within(0.2));
    }

    @Test
    void turningBackLevelsTheLines() {
        BufferedImage turned = page(g -> {
            g.rotate(Math.toRadians(2.5), W / 2.0, H / 2.0);
            g.setColor(Color.BLACK);
            for (int line = 0; line < 8; line++) g.drawString("票据代码 42010126 票据号码 0012345678", 120, 150 + line * 85);
        });
        GreyImage grey = InkLayers.withoutRedInk(turned, 40, 200);
        GreyImage level = PageGeometry.resample(grey, 1, PageGeometry.estimateSkew(grey));

        assertThat(PageGeometry.estimateSkew(level)).isCloseTo(0, within(0.2));
    }

    @Test
    void flatFieldMakesAnUnevenlyLitPageUniformAndKeepsTheInk() {
        BufferedImage paper = page(g -> {
            g.setColor(Color.BLACK);
            for (int line = 0; line < 8; line++) g.drawString("个人自付：5000.00   个人自费：3456.78", 120, 150 + line * 85);
        });
        // light falls off from the top-left corner: paper goes from 250 down to about 110
        BufferedImage lit = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double light = 0.98 - 0.55 * Math.hypot(x / (double) W, y / (double) H) / Math.sqrt(2);
                int v = (int) Math.round((paper.getRGB(x, y) & 0xff) * light);
                lit.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        GreyImage before = InkLayers.withoutRedInk(lit, 40, 200);
        GreyImage flat = FlatField.flatField(before);

        int[] paperBefore = range(before, paper, true);
        int[] paperAfter = range(flat, paper, true);
        assertThat(paperBefore[1] - paperBefore[0]).as("paper before").isGreaterThan(100);
        assertThat(paperAfter[0]).as("darkest paper after").isGreaterThanOrEqualTo(235);
        int[] inkAfter = range(flat, paper, false);
        assertThat(inkAfter[1]).as("lightest ink core after").isLessThan(100);
    }

    @Test
    void scalingKeepsThePageAndItsProportions() {
        BufferedImage small = page(g -> {
            g.setColor(Color.BLACK);
            g.fillRect(400, 300, 200, 100);
        });
        GreyImage grey = InkLayers.withoutRedInk(small, 40, 200);
        GreyImage big = PageGeometry.resample(grey, 1.75, 0);

        assertThat(big.width()).isEqualTo(2800);
        assertThat(big.height()).isEqualTo(1575);
        assertThat(big.at(875, 612)).isLessThan(10);
        assertThat(big.at(695, 612)).isGreaterThan(245);
        assertThat(big.at(875, 510)).isGreaterThan(245);
    }

    @ParameterizedTest(name = "scale {0}, skew {1}°")
    @CsvSource({"1.0, 0", "1.75, 0", "1.3, 2.5", "0.8, -3.2"})
    void aPointOfThePageIsWhereTheResampledPageHasItInPageUnits(double scale, double skew) {
        BufferedImage dotted = page(g -> {
            g.setColor(Color.BLACK);
            g.fillOval(1210, 275, 20, 20);
        });
        GreyImage resampled = PageGeometry.resample(InkLayers.withoutRedInk(dotted, 40, 200), scale, skew);

        double sx = 0, sy = 0, ink = 0;
        for (int y = 0; y < resampled.height(); y++) {
            for (int x = 0; x < resampled.width(); x++) {
                double dark = 255 - resampled.at(x, y);
                if (dark < 20) continue;
                sx += dark * (x + 0.5);
                sy += dark * (y + 0.5);
                ink += dark;
            }
        }
        Point2D dot = PageGeometry.inPageUnits(1220, 285, W, H, scale, skew);

        assertThat(sx / ink / scale).isCloseTo(dot.getX(), within(0.5));
        assertThat(sy / ink / scale).isCloseTo(dot.getY(), within(0.5));
    }

    @Test
    void otsuSeparatesInkFromPaper() {
        byte[] pixels = new byte[10_000];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) (i % 10 == 0 ? 30 : 220);
        int threshold = ImagePreparation.otsuThreshold(new GreyImage(100, 100, pixels));

        assertThat(threshold).isBetween(31, 220);
    }

    /** Min and max over paper pixels (at least 6 px from any ink) or over ink cores (black in the clean page). */
    private static int[] range(GreyImage image, BufferedImage clean, boolean paper) {
        int min = 255;
        int max = 0;
        for (int y = 6; y < H - 6; y += 3) {
            for (int x = 6; x < W - 6; x += 3) {
                boolean ink = (clean.getRGB(x, y) & 0xff) < 30;
                boolean nearInk = false;
                if (paper) {
                    for (int d = -6; d <= 6 && !nearInk; d += 2) {
                        nearInk = (clean.getRGB(x + d, y) & 0xff) < 250 || (clean.getRGB(x, y + d) & 0xff) < 250;
                    }
                    if (nearInk) continue;
                } else if (!ink) {
                    continue;
                }
                int v = image.at(x, y);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new int[] {min, max};
    }

    static int darkPixels(GreyImage image, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) if (image.at(x, y) < 128) n++;
        }
        return n;
    }

    private static BufferedImage page(Consumer<Graphics2D> drawing) {
        return page(W, H, g -> {
            g.setFont(font);
            drawing.accept(g);
        });
    }

    /** A white page of the given size, drawn on with antialiasing. */
    static BufferedImage page(int width, int height, Consumer<Graphics2D> drawing) {
        return page(width, height, BufferedImage.TYPE_INT_RGB, drawing);
    }

    /** A white page of the given size and image type, drawn on with antialiasing. */
    static BufferedImage page(int width, int height, int type, Consumer<Graphics2D> drawing) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        drawing.accept(g);
        g.dispose();
        return image;
    }
}
