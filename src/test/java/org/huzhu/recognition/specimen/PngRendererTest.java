package org.huzhu.recognition.specimen;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.huzhu.recognition.specimen.ReceiptLayout.Box;
import org.junit.jupiter.api.Test;

/** The image is the page at its resolution: red form, black data, the seal's red over the hospital's name. */
class PngRendererTest {

    @Test
    void isTheSizeOfThePageAt200Dpi() {
        BufferedImage image = PngRenderer.render(ReceiptFaker.receipt(1));

        assertThat(image.getWidth()).isEqualTo(1890);   // 240 mm / 25.4 × 200
        assertThat(image.getHeight()).isEqualTo(1102);  // 140 mm / 25.4 × 200
        assertThat(PngRenderer.render(ReceiptFaker.receipt(1), 120).getWidth()).isEqualTo(1134);
    }

    @Test
    void printsTheFormInRedAndTheDataInBlack() {
        ReceiptTruth receipt = ReceiptFaker.receipt(2);
        BufferedImage image = PngRenderer.render(receipt);
        double scale = PngRenderer.DEFAULT_DPI / 25.4;

        assertThat(count(image, new Box(0, 0, ReceiptLayout.WIDTH, ReceiptLayout.HEIGHT), scale, PngRendererTest::red))
                .isGreaterThan(5_000);
        assertThat(count(image, ReceiptLayout.valueBox(receipt, "invoiceNumber"), scale, PngRendererTest::black))
                .isGreaterThan(100);
        assertThat(count(image, ReceiptLayout.valueBox(receipt, "invoiceNumber"), scale, PngRendererTest::red)).isZero();
    }

    @Test
    void theSealInkLiesOverTheHospitalsNameWithTheNameStillBlackBeneath() {
        ReceiptTruth receipt = ReceiptFaker.receipt(3);
        BufferedImage image = PngRenderer.render(receipt);
        Box hospital = ReceiptLayout.valueBox(receipt, "hospital");
        double scale = PngRenderer.DEFAULT_DPI / 25.4;

        assertThat(count(image, hospital, scale, PngRendererTest::red)).isGreaterThan(20);
        assertThat(count(image, hospital, scale, PngRendererTest::black)).isGreaterThan(200);
    }

    private interface Colour {
        boolean matches(int red, int green, int blue);
    }

    private static boolean red(int red, int green, int blue) {
        return red > 150 && green < 110 && blue < 120;
    }

    private static boolean black(int red, int green, int blue) {
        return red < 70 && green < 70 && blue < 70;
    }

    private static int count(BufferedImage image, Box box, double scale, Colour colour) {
        int found = 0;
        for (int y = (int) (box.y() * scale); y < Math.min(image.getHeight(), (box.y() + box.height()) * scale); y++) {
            for (int x = (int) (box.x() * scale); x < Math.min(image.getWidth(), (box.x() + box.width()) * scale); x++) {
                int rgb = image.getRGB(x, y);
                if (colour.matches(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF)) found++;
            }
        }
        return found;
    }
}
