package org.huzhu.recognition.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
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

    /**
     * A soft grey scan whose data is no darker than its seal: figures and a name in grey 150, a regular star in the same
     * grey multiplied over some of their strokes, blurred as a soft scan is (3 × 3, σ 0.8). Divided out, the star's own
     * pixels are paper and the data's strokes over it and beside it keep their grey; nothing beyond the star changes.
     * The star is told by its notches as on set 1's softer scans ({@link SealStar#NOTCH_EDGE}): on this sharper page it is
     * fitted about 2 pixels wider than drawn, and the strokes' cores beside its points are lightened, 91 % kept within 30
     * of their grey (96 % with no allowance for the blur, which set 1's grey renderings read 40 fields fewer right with).
     */
    @Test
    void dividesTheStarOutOfAGreyPageKeepingTheDataItLiesOver() {
        int cx = 300, cy = 200, r = 30;
        GreyImage clean = softPage(false, cx, cy, r);
        GreyImage page = softPage(true, cx, cy, r);

        GreyImage out = SealStar.dividedOut(page, new SealRing.Ring(cx, cy, 130, 150));

        Path2D star = regularStar(cx, cy, r);
        int starOnly = 0, starGone = 0, data = 0, dataKept = 0, dataUnder = 0, changedFar = 0;
        long error = 0;
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 600; x++) {
                double d = Math.hypot(x - cx, y - cy);
                boolean inStar = star.contains(x + 0.5, y + 0.5);
                if (inStar && clean.at(x, y) > 250) {
                    starOnly++;
                    if (out.at(x, y) > 225) starGone++;
                }
                if (d < r + 6 && clean.at(x, y) < 175) {
                    data++;
                    if (inStar) dataUnder++;
                    error += Math.abs(out.at(x, y) - clean.at(x, y));
                    if (out.at(x, y) < clean.at(x, y) + 30) dataKept++;
                }
                if (d > r + 8 && out.at(x, y) != page.at(x, y)) changedFar++;
            }
        }
        assertThat(starOnly).isGreaterThan(300);
        assertThat(starGone).as("the star's own pixels made paper, of " + starOnly).isGreaterThan(starOnly * 95 / 100);
        assertThat(dataUnder).as("data strokes under the star").isGreaterThan(50);
        assertThat((double) error / data).as("mean grey off the data's as printed").isLessThan(20.0);
        assertThat(dataKept).as("data strokes' cores by the star within 30 of their grey, of " + data).isGreaterThan(data * 90 / 100);
        assertThat(changedFar).isZero();
    }

    @Test
    void leavesAGreyPageWithoutInkAtTheSealsCentreAsItIs() {
        GreyImage plain = softPage(false, 300, 200, 30);
        assertThat(SealStar.dividedOut(plain, null)).isSameAs(plain);
        assertThat(SealStar.dividedOut(plain, new SealRing.Ring(520, 360, 130, 150))).isSameAs(plain);
    }

    /** A soft grey page of 600 × 400: data in grey 150 across the star's place, the star (when {@code stamped}) multiplied over it. */
    private static GreyImage softPage(boolean stamped, int cx, int cy, int r) {
        BufferedImage print = PaintedImages.whitePage(600, 400);
        Graphics2D g = PaintedImages.antialiased(print);
        g.setColor(new Color(150, 150, 150));
        g.setFont(font.deriveFont(30f));
        g.drawString("¥9558.93 蒋敏斌", cx - 150, cy + 12);
        g.drawString("42010126", cx - 40, cy - 24);
        g.dispose();
        BufferedImage stamp = PaintedImages.whitePage(600, 400);
        if (stamped) {
            Graphics2D s = PaintedImages.antialiased(stamp);
            s.setColor(new Color(150, 150, 150));
            s.fill(regularStar(cx, cy, r));
            s.dispose();
        }
        double[] k = {0.0924, 0.1192, 0.0924, 0.1192, 0.1538, 0.1192, 0.0924, 0.1192, 0.0924};
        byte[] pixels = new byte[600 * 400];
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 600; x++) {
                double v = 0;
                for (int j = -1; j <= 1; j++) {
                    for (int i = -1; i <= 1; i++) {
                        int xx = Math.min(599, Math.max(0, x + i)), yy = Math.min(399, Math.max(0, y + j));
                        v += k[(j + 1) * 3 + i + 1] * print.getRaster().getSample(xx, yy, 0) * stamp.getRaster().getSample(xx, yy, 0) / 255.0;
                    }
                }
                pixels[y * 600 + x] = (byte) Math.round(v);
            }
        }
        return new GreyImage(600, 400, pixels);
    }

    /** A regular five-pointed star about ({@code x}, {@code y}), point up, {@code r} to a point. */
    private static Path2D regularStar(double x, double y, double r) {
        Path2D.Double star = new Path2D.Double();
        for (int k = 0; k < 10; k++) {
            double a = -Math.PI / 2 + k * Math.PI / 5, rr = k % 2 == 0 ? r : r * 0.382;
            if (k == 0) star.moveTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
            else star.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
        }
        star.closePath();
        return star;
    }
}
