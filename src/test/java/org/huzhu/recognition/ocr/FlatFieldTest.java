package org.huzhu.recognition.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * The paper's light divided out ({@link FlatField}) on a photo with the phone's shadow over a corner of the page: the
 * shadow's paper is kept and made white, the desk round the page is whitened, and a soft shadow's edge leaves no grey
 * band across the page once the page is taken for a shadowed one.
 */
class FlatFieldTest {

    private static final int W = 1600, H = 1000;
    /** The page on the desk: a margin of 100 pixels of desk all round. */
    private static final int LEFT = 100, TOP = 100, RIGHT = 1500, BOTTOM = 900;

    @Test
    void aShadowedCornersPrintIsKeptAndTheDeskRoundThePageIsWhitened() throws Exception {
        // the shadow's edge runs from (900, 0) down to (1600, 700): the page's top right corner lies in it
        GreyImage photo = photo(x -> y -> shadow(x, y, 4), true);
        GreyImage background = FlatField.background(photo);
        GreyImage flat = FlatField.divide(photo, background);

        FlatField.Outline outline = FlatField.outline(background, flat);
        boolean[] desk = outline.desk();
        GreyImage kept = FlatField.onlyPaper(flat, desk);

        assertThat(outline.shadowed()).as("print in the shadow").isTrue();
        assertThat(desk[30 * W + 30]).as("the lit desk's corner").isTrue();
        assertThat(desk[30 * W + 1570]).as("the shadowed desk's corner").isTrue();
        assertThat(desk[200 * W + 1400]).as("the shadowed paper among the lines").isFalse();
        // the text in the shadow is still there once the desk is whitened: its strokes as dark as the lit text's
        assertThat(darkest(kept, 1150, 160, 1450, 400)).as("the shadowed lines' ink").isLessThan(90);
        assertThat(darkest(kept, 150, 160, 450, 400)).as("the lit lines' ink").isLessThan(90);
        assertThat(darkest(kept, 0, 0, W, 60)).as("the desk above the page").isGreaterThan(240);
    }

    @Test
    void aShadowOverAnUnprintedCornerIsNotTakenForPaperOnItsOwn() throws Exception {
        GreyImage lit = photo(x -> y -> shadow(x, y, 4), false);
        // a blotch on the shadowed desk beyond the page's corner, the size of a character but with none beside it
        byte[] blotched = lit.pixels().clone();
        for (int y = 30; y < 55; y++) for (int x = 1540; x < 1565; x++) blotched[y * W + x] = 4;
        GreyImage photo = new GreyImage(W, H, blotched);
        GreyImage background = FlatField.background(photo);

        FlatField.Outline outline = FlatField.outline(background, FlatField.divide(photo, background));
        boolean[] desk = outline.desk();

        assertThat(outline.shadowed()).as("a blotch alone is no print in the shadow").isFalse();
        // nothing is printed in the dark: the outline is the lit paper's, and the shadowed corner beyond it goes with the desk
        assertThat(desk[200 * W + 1400]).as("a shadowed corner with nothing on it").isTrue();
        assertThat(desk[500 * W + 300]).as("the lit paper").isFalse();
    }

    @Test
    void aSoftShadowsEdgeLeavesThePaperBesideItWhite() throws Exception {
        // an edge 40 pixels wide, as a lamp's shadow of a phone held over the page casts it
        GreyImage photo = photo(x -> y -> shadow(x, y, 40), false);

        GreyImage flat = FlatField.divide(photo, FlatField.background(photo, true));

        // the paper just inside the shadow, across the page: a grey band there is read as ink or hides the text under it
        int palest = 255;
        for (int x = 1000; x < 1400; x += 10) {
            int y = (int) Math.round((x - 900) - 60 * Math.sqrt(2));
            if (y > TOP + 10 && y < BOTTOM - 10) palest = Math.min(palest, flat.at(x, y));
        }
        assertThat(palest).as("the darkest paper 60 pixels inside the shadow's edge").isGreaterThan(215);
    }

    @Test
    void underABigGlyphOfOneBlocksSizeThePapersLightIsTheLightBesideIt() throws Exception {
        GreyImage page = photo(x -> y -> 1.0, false);
        byte[] glyph = page.pixels().clone();
        for (int y = 404; y < 435; y++) for (int x = 692; x < 723; x++) glyph[y * W + x] = 60;
        GreyImage image = new GreyImage(W, H, glyph);

        // lifted to the brightest of the blocks round it, or on a shadowed page to their median: the paper either way
        for (boolean shadowed : new boolean[] {false, true}) {
            assertThat(FlatField.background(image, shadowed).at(707, 419)).as("the light under the glyph, shadowed page: " + shadowed)
                    .isGreaterThanOrEqualTo(232);
        }
    }

    @Test
    void aBandTwoBlocksHighOnAnEvenlyLitPageKeepsItsInkDark() {
        // a filled header band, as some statements print their columns' titles: on an evenly lit page its blocks are
        // lifted to the paper beside them
        BufferedImage page = PaintedImages.whitePage(W, H);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(60, 60, 60));
        g.fillRect(400, 404, 600, 56);
        g.dispose();

        GreyImage flat = FlatField.flatField(InkLayers.withoutRedInk(page, 40, 200));

        assertThat(flat.at(700, 430)).as("the middle of the band, grey 60").isLessThan(75);
    }

    /**
     * A photo's grey luminance: a white page with eight lines of text (or none) on a desk of grey 90, all in a light
     * of 240 times the {@code light} at each pixel.
     */
    private static GreyImage photo(java.util.function.IntFunction<java.util.function.IntToDoubleFunction> light, boolean printed)
            throws Exception {
        BufferedImage page = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = PaintedImages.antialiased(page);
        g.setColor(new Color(90, 90, 90));
        g.fillRect(0, 0, W, H);
        g.setColor(Color.WHITE);
        g.fillRect(LEFT, TOP, RIGHT - LEFT, BOTTOM - TOP);
        if (printed) {
            g.setColor(Color.BLACK);
            g.setFont(PaintedImages.chineseFont(34f));
            for (int line = 0; line < 8; line++) {
                g.drawString("个人自付：5000.00", 160, 190 + line * 85);
                g.drawString("个人自费：3456.78", 1150, 190 + line * 85);
            }
        }
        g.dispose();
        byte[] pixels = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                pixels[y * W + x] = (byte) Math.round((page.getRaster().getSample(x, y, 0)) * 240 / 255.0 * light.apply(x).applyAsDouble(y));
            }
        }
        return new GreyImage(W, H, pixels);
    }

    /** A shadow at 0.45 of the light beyond the line x - y = 900 (the image's top right), its edge {@code edge} pixels wide. */
    private static double shadow(int x, int y, int edge) {
        double into = ((x - y) - 900) / Math.sqrt(2);
        double share = Math.max(0, Math.min(1, into / edge + 0.5));
        return 1 - 0.55 * share;
    }

    private static int darkest(GreyImage image, int left, int top, int right, int bottom) {
        int darkest = 255;
        for (int y = top; y < bottom; y++) for (int x = left; x < right; x++) darkest = Math.min(darkest, image.at(x, y));
        return darkest;
    }
}
