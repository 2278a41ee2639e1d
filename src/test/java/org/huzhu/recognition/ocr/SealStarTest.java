package org.huzhu.recognition.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seal's star taken out of a colour page's layer of red ink, drawn black: a receipt-sized layer (1,900 × 1,100
 * pixels, 200 dpi) with a row of labels, a seal of 40 mm (158 pixels' radius) whose star lies over one label, 自付金额,
 * its strokes touching the star; the ring found by its shape ({@link SealRing#findInRedInk}).
 */
class SealStarTest {

    private static final int W = 1900;
    private static final int H = 1100;
    private static final int SEAL_X = 620, SEAL_Y = 640, SEAL_R = 158;
    /** Where the label under the star is drawn: its baseline runs under the star's centre. */
    private static final int LABEL_X = 520, LABEL_Y = 655;
    private static Font font;

    @BeforeAll
    static void chineseFont() throws Exception {
        font = PaintedImages.chineseFont(34f);
    }

    private static GreyImage layer(boolean seal) {
        BufferedImage image = PaintedImages.whitePage(W, H);
        Graphics2D g = PaintedImages.antialiased(image);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString("个人自费：", 120, LABEL_Y);
        g.drawString("自付金额：", LABEL_X, LABEL_Y);
        g.drawString("现金支付：", 1100, LABEL_Y);
        g.drawString("医保统筹基金支付：", 120, 300);
        if (seal) {
            PaintedImages.sealRingAndStar(g, SEAL_X, SEAL_Y, SEAL_R, 9);
            g.drawString("医疗收费专用章", SEAL_X - 120, SEAL_Y + 110);
        }
        g.dispose();
        return new GreyImage(W, H, (byte[]) image.getRaster().getDataElements(0, 0, W, H, null));
    }

    @Test
    void takesTheStarsBodyOutAndLeavesTheLabelsStrokesBesideIt() {
        GreyImage page = layer(true);
        SealRing.Ring ring = SealRing.findInRedInk(page);
        assertThat(ring).isNotNull();

        GreyImage without = SealStar.without(page, ring);

        // the star's body: paper at its centre and across its inner pentagon
        for (int[] p : new int[][] {{SEAL_X, SEAL_Y}, {SEAL_X + 8, SEAL_Y - 4}, {SEAL_X - 8, SEAL_Y + 4}, {SEAL_X, SEAL_Y - 20}}) {
            assertThat(page.at(p[0], p[1])).as("star at %d,%d before", p[0], p[1]).isLessThan(SealStar.INK);
            assertThat(without.at(p[0], p[1])).as("star at %d,%d after", p[0], p[1]).isEqualTo(255);
        }
        // the label's ink clear of the star stays, the strokes joined to it within its reach too; and so does every
        // pixel further than the star's reach
        GreyImage label = layer(false);
        int kept = 0, inked = 0;
        for (int y = LABEL_Y - 40; y < LABEL_Y + 10; y++) {
            for (int x = LABEL_X; x < LABEL_X + 170; x++) {
                double d = Math.hypot(x - SEAL_X, y - SEAL_Y);
                if (label.at(x, y) >= 100 || d < 46 || d > SEAL_R * SealStar.REACH) continue;
                inked++;
                if (without.at(x, y) == page.at(x, y)) kept++;
            }
        }
        assertThat(inked).isGreaterThan(100);
        assertThat(kept).as("label pixels beside the star kept").isGreaterThan(inked * 9 / 10);
        for (int y = 0; y < H; y += 3) {
            for (int x = 0; x < W; x += 3) {
                if (Math.hypot(x - SEAL_X, y - SEAL_Y) > SEAL_R * SealStar.REACH + 8) assertThat(without.at(x, y)).isEqualTo(page.at(x, y));
            }
        }
    }

    @Test
    void leavesALayerWithoutASealOrWithoutInkAtItsCentreAsItIs() {
        GreyImage plain = layer(false);
        assertThat(SealStar.without(plain, null)).isSameAs(plain);
        assertThat(SealStar.without(plain, new SealRing.Ring(1500, 900, SEAL_R, 0))).isSameAs(plain);
    }
}
