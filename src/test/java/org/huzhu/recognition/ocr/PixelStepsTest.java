package org.huzhu.recognition.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pixel steps written for speed give exactly what their plain definitions give: the median of a 3×3 window by sorting
 * it, a dilation by looking at every pixel within reach, a resampling by the bilinear formula at every pixel.
 */
class PixelStepsTest {

    @Test
    void theMedianOfNineIsTheMiddleOfTheNineSorted() {
        Random random = new Random(9);
        for (int round = 0; round < 200_000; round++) {
            int[] v = new int[9];
            // few distinct values as often as many: ties are where an exchange network goes wrong
            int range = round % 2 == 0 ? 4 : 256;
            for (int i = 0; i < 9; i++) v[i] = random.nextInt(range);
            int median = PageGeometry.median9(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
            int[] sorted = v.clone();
            Arrays.sort(sorted);
            assertThat(median).as(Arrays.toString(v)).isEqualTo(sorted[4]);
        }
    }

    @Test
    void aMedianFilteredImageKeepsItsEdgesAndTakesEachInnerPixelsWindowMedian() {
        GreyImage image = noise(37, 23, 256, 5);
        GreyImage filtered = PageGeometry.median3(image);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                boolean edge = x == 0 || y == 0 || x == image.width() - 1 || y == image.height() - 1;
                int expected = edge ? image.at(x, y) : windowMedian(image, x, y);
                assertThat(filtered.at(x, y)).as("(%d, %d)", x, y).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "2", "5", "40"})
    void aDilatedMaskHoldsEveryPixelWithinReachOfOneSetAcrossAndDown(int reach) {
        int w = 53, h = 31;
        Random random = new Random(reach);
        boolean[] mask = new boolean[w * h];
        for (int i = 0; i < mask.length; i++) mask[i] = random.nextInt(40) == 0;
        boolean[] dilated = InkLayers.dilate(mask, w, h, reach);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean expected = false;
                for (int yy = Math.max(0, y - reach); yy <= Math.min(h - 1, y + reach) && !expected; yy++) {
                    for (int xx = Math.max(0, x - reach); xx <= Math.min(w - 1, x + reach); xx++) {
                        if (mask[yy * w + xx]) {
                            expected = true;
                            break;
                        }
                    }
                }
                assertThat(dilated[y * w + x]).as("(%d, %d)", x, y).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1.0, 0.7", "0.67, -2.3", "1.49, 0.4", "1.25, 0"})
    void aResampledPageTakesEachPixelBilinearlyFromWhereTheTurnAndScaleBringIt(double scale, double skew) {
        GreyImage page = noise(61, 41, 256, 3);
        GreyImage out = PageGeometry.resample(page, scale, skew);
        double rad = Math.toRadians(skew);
        for (int y = 0; y < out.height(); y++) {
            for (int x = 0; x < out.width(); x++) {
                double rx = x + 0.5 - out.width() / 2.0;
                double ry = y + 0.5 - out.height() / 2.0;
                double fx = rx * Math.cos(rad) / scale - ry * Math.sin(rad) / scale + page.width() / 2.0 - 0.5;
                double fy = rx * Math.sin(rad) / scale + ry * Math.cos(rad) / scale + page.height() / 2.0 - 0.5;
                assertThat(out.at(x, y)).as("(%d, %d)", x, y).isEqualTo(bilinear(page, fx, fy));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1.0, 0.7", "0.67, -2.3", "1.49, 0.4", "1.25, 0", "1.0, 0"})
    void aPagesTwoLayersResampledTogetherAreEachAsResampledAlone(double scale, double skew) {
        GreyImage data = noise(61, 41, 256, 5);
        GreyImage form = noise(61, 41, 256, 6);

        GreyImage[] both = PageGeometry.resampled(data, form, scale, skew);

        assertThat(both[0].pixels()).isEqualTo(PageGeometry.resample(data, scale, skew).pixels());
        assertThat(both[1].pixels()).isEqualTo(PageGeometry.resample(form, scale, skew).pixels());
        assertThat(both[1].width()).isEqualTo(PageGeometry.resample(form, scale, skew).width());
    }

    @Test
    void aLevelOverThePapersIsTheDivisionCappedAtWhite() {
        for (int paper = 1; paper < 256; paper++) {
            for (int value = 0; value < 256; value++) {
                assertThat(InkLayers.overPaper(value, paper)).as("%d over %d", value, paper).isEqualTo(Math.min(255, value * 255 / paper));
            }
        }
    }

    @Test
    void theRedLeadIsEachPixelsLeadAveragedOverItsNeighboursOnThePage() {
        int w = 37, h = 23;
        Random random = new Random(11);
        int[] rgb = new int[w * h];
        for (int i = 0; i < rgb.length; i++) rgb[i] = random.nextInt(1 << 24);
        int[] lead = InkLayers.redLead(rgb, w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // across first (the mean of the row's neighbours, rounded down), then down the column the same way
                int sum = 0, n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    if (y + dy < 0 || y + dy >= h) continue;
                    int across = 0, m = 0;
                    for (int dx = -1; dx <= 1; dx++) {
                        if (x + dx < 0 || x + dx >= w) continue;
                        int p = rgb[(y + dy) * w + x + dx];
                        across += Math.max(0, (p >> 16 & 0xff) - Math.max(p >> 8 & 0xff, p & 0xff));
                        m++;
                    }
                    sum += across / m;
                    n++;
                }
                assertThat(lead[y * w + x]).as("(%d, %d)", x, y).isEqualTo(sum / n);
            }
        }
    }

    private static GreyImage noise(int w, int h, int range, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[w * h];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) random.nextInt(range);
        return new GreyImage(w, h, pixels);
    }

    private static int windowMedian(GreyImage image, int x, int y) {
        int[] window = new int[9];
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) window[n++] = image.at(x + dx, y + dy);
        Arrays.sort(window);
        return window[4];
    }

    /** The formula itself: white outside the page, the nearest pixels at its edges. */
    private static int bilinear(GreyImage page, double fx, double fy) {
        if (fx < -0.5 || fy < -0.5 || fx > page.width() - 0.5 || fy > page.height() - 0.5) return 255;
        int x0 = (int) Math.floor(fx), y0 = (int) Math.floor(fy);
        double tx = fx - x0, ty = fy - y0;
        int x1 = Math.min(x0 + 1, page.width() - 1), y1 = Math.min(y0 + 1, page.height() - 1);
        x0 = Math.max(x0, 0);
        y0 = Math.max(y0, 0);
        double top = page.at(x0, y0) * (1 - tx) + page.at(x1, y0) * tx;
        double bottom = page.at(x0, y1) * (1 - tx) + page.at(x1, y1) * tx;
        return (int) Math.round(top * (1 - ty) + bottom * ty);
    }
}
