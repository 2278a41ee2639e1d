package org.huzhu.recognition.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The words along a seal's upper arc unrolled into a line: a receipt-sized grey page (1,900 × 1,100 pixels, 200 dpi)
 * with a seal of 40 mm (150 pixels' radius) whose ring, star and hospital's name (利川市人民医院, each glyph's top facing
 * outwards, over 150°) are pressed in a lighter grey, a line of black print crossing its lower half, noise σ 4.
 */
class SealWordsTest {

    private static final int W = 1900;
    private static final int H = 1100;
    private static final int SEAL_X = 700, SEAL_Y = 600, SEAL_R = 150;
    private static final String NAME = "利川市人民医院";
    private static Font font;

    @BeforeAll
    static void chineseFont() throws Exception {
        font = PaintedImages.chineseFont(30f);
    }

    /** The page: the seal in {@code sealGrey} (0: black, as the red ink's layer draws it), black print over its lower half. */
    private static GreyImage page(int sealGrey, boolean named) {
        BufferedImage image = PaintedImages.whitePage(W, H);
        Graphics2D g = PaintedImages.antialiased(image);
        g.setColor(new Color(sealGrey, sealGrey, sealGrey));
        PaintedImages.sealRingAndStar(g, SEAL_X, SEAL_Y, SEAL_R, 8);
        g.setFont(font);
        if (named) {
            double span = Math.toRadians(150), step = span / NAME.length();
            double radius = SEAL_R - 8 - 6 - 15;
            for (int i = 0; i < NAME.length(); i++) {
                double angle = -span / 2 + step * (i + 0.5);
                AffineTransform saved = g.getTransform();
                g.translate(SEAL_X + radius * Math.sin(angle), SEAL_Y - radius * Math.cos(angle));
                g.rotate(angle);
                String glyph = NAME.substring(i, i + 1);
                g.drawString(glyph, -g.getFontMetrics().stringWidth(glyph) / 2f, 11);
                g.setTransform(saved);
            }
        }
        g.setColor(Color.BLACK);
        g.drawString("收款单位（章）：利川市人民医院", SEAL_X - 260, SEAL_Y + 75);
        g.dispose();
        byte[] pixels = new byte[W * H];
        Random random = new Random(5);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int v = image.getRaster().getSample(x, y, 0);
                pixels[y * W + x] = (byte) Math.clamp(Math.round(v + random.nextGaussian() * 4), 0, 255);
            }
        }
        return new GreyImage(W, H, pixels);
    }

    @Test
    void theNameAlongTheArcComesOutAsALevelLineThatReadsAsTheName() {
        GreyImage page = page(140, true);
        SealRing.Ring ring = SealRing.find(page);

        GreyImage band = SealWords.unrolled(page, ring);

        assertThat(band.width()).isCloseTo((int) Math.round(SealWords.SPAN * SEAL_R * (SealWords.INNER + SealWords.OUTER) / 2), within(20));
        assertThat(band.height()).as("cut under the glyphs, above the print across the band")
                .isBetween(28, (int) Math.round(SEAL_R * (SealWords.OUTER - SealWords.INNER)) - 5);
        try (TessEngine engine = TessEngine.open("/usr/share/tesseract-ocr/5/tessdata", "chi_sim", TessEngine.AUTO, Map.of())) {
            List<TessEngine.Word> words = engine.characters(PageGeometry.framed(band, band.height() / 2), 200, TessEngine.LINE, "");
            assertThat(String.join("", words.stream().map(TessEngine.Word::text).toList())).contains(NAME);
        }
    }

    @Test
    void aLightSealsInkIsDrawnBlackAndThePaperKeptWhite() {
        GreyImage page = page(140, true);

        GreyImage band = SealWords.unrolled(page, SealRing.find(page));

        int darkest = 255, black = 0, white = 0;
        for (int y = 0; y < band.height(); y++) {
            for (int x = 0; x < band.width(); x++) {
                darkest = Math.min(darkest, band.at(x, y));
                if (band.at(x, y) < 40) black++;
                if (band.at(x, y) > 215) white++;
            }
        }
        assertThat(darkest).isZero();
        assertThat(black).as("the glyphs' cores").isGreaterThan(1_000);
        assertThat(white).as("paper").isGreaterThan(band.width() * band.height() / 2);
    }

    @Test
    void theRedInksLayerHasItsSealFoundInBlackWhereAGreyPagesBlackIsTheData() {
        GreyImage redInk = page(0, true);

        SealRing.Ring ring = SealRing.findInRedInk(redInk);

        assertThat(SealRing.find(redInk)).as("black ink is the data's on a grey page").isNull();
        assertThat(ring).isNotNull();
        assertThat(ring.x()).isCloseTo(SEAL_X, within(5.0));
        assertThat(ring.y()).isCloseTo(SEAL_Y, within(5.0));
        assertThat(ring.radius()).isCloseTo(SEAL_R, within(7.0));
    }

    @Test
    void theBandIsCutAtTheFirstGapUnderTheGlyphsDownToItsFloor() {
        int width = 400, height = 60;
        byte[] pixels = new byte[width * height];
        Arrays.fill(pixels, (byte) 255);
        // glyphs in rows 2–37 (their feet thinning out over 33–37), a printed line crossing in rows 46–55
        for (int y = 2; y < 38; y++) {
            int inked = y < 33 ? 160 : 160 - (y - 32) * 30;
            for (int x = 0; x < inked; x++) pixels[y * width + x * 2] = 0;
        }
        for (int y = 46; y < 56; y++) for (int x = 0; x < 90; x++) pixels[y * width + x] = 0;

        GreyImage cut = SealWords.nameRows(new GreyImage(width, height, pixels));

        assertThat(cut.width()).isEqualTo(width);
        assertThat(cut.height()).as("rows 0–38: the first row with under a quarter of the densest row's ink is 37, its floor 38").isEqualTo(39);
    }

    @Test
    void aBandWithNoGapUnderItsGlyphsIsKeptWhole() {
        int width = 200, height = 40;
        byte[] pixels = new byte[width * height];
        Arrays.fill(pixels, (byte) 255);
        for (int y = 0; y < height; y++) for (int x = 0; x < 60; x++) pixels[y * width + x * 3] = 0;

        assertThat(SealWords.nameRows(new GreyImage(width, height, pixels)).height()).isEqualTo(height);
    }

    @Test
    void aSealTooSmallToUnrollGivesNoBand() {
        assertThat(SealWords.unrolled(GreyImage.blank(10, 10), new SealRing.Ring(5, 5, 1, 100))).isNull();
    }
}
