package org.huzhu.recognition.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.recognition.ocr.PaintedImages.filled;
import static org.huzhu.recognition.ocr.PaintedImages.paint;

import org.junit.jupiter.api.Test;

/**
 * Dust off a line and a page ({@link Specks}): a small blob far from every stroke goes, with the grey around it; a
 * blob as small beside a stroke (a decimal point, a colon's dot) and every stroke stay, pixel for pixel.
 */
class SpecksTest {

    /** A 100-px-high line: two "digits" (bars 10 × 40), a point 4 px from the second, and paper (240) elsewhere. */
    private static GreyImage line() {
        GreyImage image = filled(400, 100, 240);
        paint(image, 100, 30, 10, 40, 40);
        paint(image, 130, 30, 10, 40, 40);
        paint(image, 144, 64, 5, 6, 60);
        return image;
    }

    @Test
    void aSpeckFarFromEveryStrokeIsMadeWhiteWithTheGreyAroundIt() {
        GreyImage image = line();
        paint(image, 300, 80, 3, 3, 90);
        image.pixels()[79 * 400 + 301] = (byte) 200;
        GreyImage cleared = Specks.offLine(image);
        for (int y = 79; y <= 83; y++) {
            for (int x = 300; x <= 302; x++) assertThat(cleared.at(x, y)).as("(%d, %d)", x, y).isEqualTo(255);
        }
        assertThat(unchangedBut(image, cleared, 298, 77, 8, 8)).as("every pixel away from the speck as it was").isTrue();
    }

    @Test
    void aPointBesideADigitAndTheStrokesStay() {
        GreyImage image = line();
        assertThat(Specks.offLine(image)).as("nothing to take off: the same image").isSameAs(image);
    }

    @Test
    void aBlobLargerThanASpeckStaysHoweverFarFromTheRest() {
        GreyImage image = line();
        paint(image, 300, 40, 12, 12, 60);
        assertThat(Specks.offLine(image)).isSameAs(image);
    }

    @Test
    void onAPageSpecksAreMeasuredInMillimetres() {
        double perMm = 8;
        GreyImage page = filled(800, 400, 245);
        paint(page, 100, 100, 24, 28, 30);
        paint(page, 130, 120, 3, 3, 30);
        paint(page, 600, 300, 3, 3, 30);
        GreyImage cleared = Specks.offPage(page, perMm);
        assertThat(cleared.at(601, 301)).as("a 0.4-mm speck 60 mm from any stroke").isEqualTo(255);
        assertThat(cleared.at(131, 121)).as("a 0.4-mm point 0.9 mm from a character").isEqualTo(30);
        assertThat(unchangedBut(page, cleared, 590, 290, 20, 20)).isTrue();
    }

    /** Whether every pixel outside the rectangle is the same in both images. */
    private static boolean unchangedBut(GreyImage before, GreyImage after, int x, int y, int w, int h) {
        for (int yy = 0; yy < before.height(); yy++) {
            for (int xx = 0; xx < before.width(); xx++) {
                boolean inside = xx >= x && xx < x + w && yy >= y && yy < y + h;
                if (!inside && before.at(xx, yy) != after.at(xx, yy)) return false;
            }
        }
        return true;
    }
}
