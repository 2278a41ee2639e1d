package org.huzhu.recognition.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A photo's desk given the paper's colour ({@link Desk}): the reddish-brown grain round a bluish page goes, the page and
 * its inks stay pixel for pixel; a grey desk, a page with no desk, or one whose rules run to the photo's edge, is left
 * as it came.
 */
class DeskTest {

    private static final int W = 800, H = 500;
    private static final int PAPER = 0xCEDAE6, BLACK = 0x202020, RED = 0xC02030;

    /** A bluish page from (100, 80) to (700, 420) with black text and red labels, on a wooden desk. */
    private static int[] photo() {
        int[] rgb = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double shade = 1 + 0.33 * Math.sin(y / 24.0 * 2 * Math.PI);
                rgb[y * W + x] = (int) (122 * shade) << 16 | (int) (58 * shade) << 8 | (int) (38 * shade);
            }
        }
        fill(rgb, 100, 80, 600, 340, PAPER);
        for (int row = 0; row < 6; row++) {
            fill(rgb, 140, 110 + row * 50, 90, 18, RED);
            fill(rgb, 250, 110 + row * 50, 160, 18, BLACK);
        }
        return rgb;
    }

    @Test
    void theDeskTakesThePapersColourAndThePageStaysAsItWas() {
        int[] photo = photo();
        int[] out = Desk.paperColoured(photo, W, H);
        assertThat(out[10 * W + 10]).as("a corner of the desk").isEqualTo(PAPER);
        assertThat(out[450 * W + 400]).as("the desk below the page").isEqualTo(PAPER);
        for (int y = 100; y < 400; y++) {
            for (int x = 120; x < 680; x++) assertThat(out[y * W + x]).as("(%d, %d)", x, y).isEqualTo(photo[y * W + x]);
        }
    }

    @Test
    void aGreyDeskIsLeftAsItIs() {
        int[] photo = photo();
        for (int i = 0; i < photo.length; i++) {
            int x = i % W, y = i / W;
            if (x < 100 || x >= 700 || y < 80 || y >= 420) photo[i] = 0x686058;
        }
        assertThat(Desk.paperColoured(photo, W, H)).isSameAs(photo);
    }

    @Test
    void aPageWithoutADeskIsLeftAsItCame() {
        int[] page = new int[W * H];
        Arrays.fill(page, PAPER);
        for (int row = 0; row < 6; row++) fill(page, 140, 110 + row * 50, 300, 18, BLACK);
        assertThat(Desk.paperColoured(page, W, H)).isSameAs(page);
    }

    @Test
    void rulesRunningToThePhotosEdgeAreNotADesk() {
        int[] page = new int[W * H];
        Arrays.fill(page, PAPER);
        for (int y = 0; y < H; y += 60) fill(page, 0, y, W, 2, RED);
        for (int x = 0; x < W; x += 120) fill(page, x, 0, 2, H, BLACK);
        assertThat(Desk.paperColoured(page, W, H)).isSameAs(page);
    }

    private static void fill(int[] rgb, int x, int y, int w, int h, int colour) {
        for (int yy = y; yy < y + h; yy++) Arrays.fill(rgb, yy * W + x, yy * W + x + w, colour);
    }
}
