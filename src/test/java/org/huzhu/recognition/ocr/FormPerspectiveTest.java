package org.huzhu.recognition.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.recognition.specimen.PngRenderer;
import org.huzhu.recognition.specimen.ReceiptFaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormPerspectiveTest {

    private static final double DPI = PngRenderer.DEFAULT_DPI;
    private static final double PX_PER_MM = DPI / 25.4;

    /** A known projective map: the unit square's corners moved by hand (a page photographed from below and left). */
    private static final FormPerspective.Homography KNOWN = new FormPerspective.Homography(
            new double[] {7.9, 0.12, 64, -0.08, 7.7, 51, 2.1e-4, -1.3e-4});

    @Test
    void fitRecoversAKnownHomographyFromItsPoints() {
        List<double[]> template = new ArrayList<>(), page = new ArrayList<>();
        for (double x : new double[] {12, 72, 120, 228}) {
            for (double y : new double[] {48, 90, 125.5}) {
                template.add(new double[] {x, y});
                page.add(KNOWN.map(x, y));
            }
        }

        FormPerspective.Homography fitted = FormPerspective.fit(template, page);

        assertThat(fitted).isNotNull();
        for (double[] p : new double[][] {{0, 0}, {240, 140}, {33.3, 101.7}}) {
            double[] expected = KNOWN.map(p[0], p[1]), actual = fitted.map(p[0], p[1]);
            assertThat(actual[0]).isCloseTo(expected[0], within(1e-6));
            assertThat(actual[1]).isCloseTo(expected[1], within(1e-6));
        }
    }

    @Test
    void fitRefusesPointsInALine() {
        List<double[]> template = new ArrayList<>(), page = new ArrayList<>();
        for (double x : new double[] {12, 72, 120, 228}) {
            template.add(new double[] {x, 48});
            page.add(KNOWN.map(x, 48));
        }

        assertThat(FormPerspective.fit(template, page)).isNull();
    }

    /**
     * A receipt drawn at 200 dpi and photographed: its corners moved by the given millimetres on a
     * larger sheet. The homography found on its form layer must put the template's points where
     * the photo has them, within a quarter of a millimetre.
     */
    @ParameterizedTest
    @CsvSource({
            "0, 0, 0, 0, 0, 0, 0, 0",
            "3.6, -2.0, -1.5, 3.0, 2.8, -3.2, -3.4, 1.0",
            "-3.6, 3.6, 3.6, -3.6, -3.6, -3.6, 3.6, 3.6",
            "2.0, 2.5, -1.0, -2.5, 1.5, 2.0, -3.0, -1.5"})
    void findsTheTemplateOnAPhotographedPage(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy) {
        BufferedImage page = PngRenderer.render(ReceiptFaker.receipt(11L));
        double margin = 10 * PX_PER_MM, w = page.getWidth(), h = page.getHeight();
        double[][] from = {{0, 0}, {w, 0}, {w, h}, {0, h}};
        double[][] moved = {{ax, ay}, {bx, by}, {cx, cy}, {dx, dy}};
        List<double[]> pageCorners = new ArrayList<>(), photoCorners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pageCorners.add(from[i]);
            photoCorners.add(new double[] {from[i][0] + margin + moved[i][0] * PX_PER_MM, from[i][1] + margin + moved[i][1] * PX_PER_MM});
        }
        FormPerspective.Homography toPhoto = FormPerspective.fit(pageCorners, photoCorners);
        FormPerspective.Homography toPage = FormPerspective.fit(photoCorners, pageCorners);
        BufferedImage photo = photographed(page, (int) (w + 2 * margin), (int) (h + 2 * margin), toPage);

        FormPerspective.Homography found = FormPerspective.find(formLayer(photo));

        assertThat(found).isNotNull();
        for (double[] mm : new double[][] {{12, 48}, {228, 125.5}, {120, 24}, {30, 133}, {200, 70}}) {
            double[] expected = toPhoto.map(mm[0] * PX_PER_MM, mm[1] * PX_PER_MM), actual = found.map(mm[0], mm[1]);
            assertThat(Math.hypot(actual[0] - expected[0], actual[1] - expected[1])).isLessThan(0.25 * PX_PER_MM);
        }
        boolean bent = java.util.Arrays.stream(moved).anyMatch(m -> m[0] != 0 || m[1] != 0);
        assertThat(FormPerspective.bend(found) > FormPerspective.FLAT_MM).isEqualTo(bent);
    }

    @Test
    void aPhotographedPageIsDeWarpedSoThatTheTemplateRegisters() {
        BufferedImage page = PngRenderer.render(ReceiptFaker.receipt(11L));
        double margin = 10 * PX_PER_MM, w = page.getWidth(), h = page.getHeight();
        double[][] from = {{0, 0}, {w, 0}, {w, h}, {0, h}};
        double[][] to = {{margin + 28, margin - 16}, {w + margin - 12, margin + 24}, {w + margin + 22, h + margin - 25}, {margin - 27, h + margin + 8}};
        FormPerspective.Homography toPage = FormPerspective.fit(List.of(to), List.of(from));
        BufferedImage photo = photographed(page, (int) (w + 2 * margin), (int) (h + 2 * margin), toPage);
        ImagePreparation preparation = new ImagePreparation(ImagePreparation.DEFAULTS);

        ImagePreparation.Prepared prepared = preparation.prepare(photo);

        FormRegistration.Transform t = FormRegistration.register(prepared.form());
        assertThat(t).isNotNull();
        assertThat(prepared.skewDegrees()).isZero();
        double expected = PX_PER_MM * prepared.scale();
        assertThat(t.scaleX()).isCloseTo(expected, within(0.03 * expected));
        assertThat(t.scaleY()).isCloseTo(t.scaleX(), within(0.005 * expected));
    }

    @Test
    void aPageWithoutTheTemplatesRulesIsNotFound() {
        BufferedImage page = PngRenderer.render(ReceiptFaker.receipt(11L));
        java.awt.Graphics2D g = page.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        // the fee table's lower rules painted over: four rules left, not the template's six
        g.fillRect(0, (int) (96 * PX_PER_MM), page.getWidth(), (int) (10 * PX_PER_MM));
        g.dispose();

        assertThat(FormPerspective.find(formLayer(page))).isNull();
    }

    private static GreyImage formLayer(BufferedImage image) {
        int[] rgb = InkLayers.rgb(image);
        int w = image.getWidth(), h = image.getHeight();
        return InkLayers.redInk(rgb, InkLayers.redLead(rgb, w, h), w, h, null);
    }

    /** The page seen through a perspective: each photo pixel taken from where {@code toPage} puts it (nearest), desk grey outside. */
    private static BufferedImage photographed(BufferedImage page, int width, int height, FormPerspective.Homography toPage) {
        BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] p = toPage.map(x + 0.5, y + 0.5);
                int px = (int) Math.floor(p[0]), py = (int) Math.floor(p[1]);
                boolean inside = px >= 0 && py >= 0 && px < page.getWidth() && py < page.getHeight();
                photo.setRGB(x, y, inside ? page.getRGB(px, py) : 0x686058);
            }
        }
        return photo;
    }
}
