package org.huzhu.recognition.specimen;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.huzhu.recognition.specimen.Variants.Variant;
import org.huzhu.support.GivesWay;
import org.huzhu.support.RunsAlongside;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each variant is a readable image of its kind, and the same receipt and seed always give the same file. */
@RunsAlongside
@ExtendWith(GivesWay.class)
class VariantsTest {

    private static final ReceiptTruth RECEIPT = ReceiptFaker.receipt(21);

    @ParameterizedTest
    @EnumSource(Variant.class)
    void theSameSeedGivesTheSameBytes(Variant variant) {
        byte[] first = Variants.bytes(RECEIPT, variant, 4);

        assertThat(Variants.bytes(RECEIPT, variant, 4)).isEqualTo(first);
        assertThat(Variants.image(RECEIPT, variant, 4)).isNotNull();
        // CLEAN has nothing to vary, and JPEG only its quality: 21 settings, two seeds may share one.
        if (variant != Variant.CLEAN && variant != Variant.JPEG) {
            assertThat(Variants.bytes(RECEIPT, variant, 5)).isNotEqualTo(first);
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void theFileIsWhatItsExtensionSays(Variant variant) {
        byte[] bytes = Variants.bytes(RECEIPT, variant, 4);
        boolean png = bytes[0] == (byte) 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
        boolean jpeg = bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xD8;

        assertThat(variant.extension().equals("png") ? png : jpeg).isTrue();
        assertThat(bytes.length).isLessThan(10 * 1024 * 1024);
    }

    @Test
    void aTurnedPageNeedsALargerCanvas() {
        BufferedImage clean = Variants.image(RECEIPT, Variant.CLEAN, 4);
        BufferedImage rotated = Variants.image(RECEIPT, Variant.ROTATED, 4);

        assertThat(rotated.getHeight() - clean.getHeight()).isGreaterThan((int) (clean.getWidth() * Math.sin(Math.toRadians(1))));
    }

    @Test
    void aScanIsGreyAtScannerResolution() {
        BufferedImage scan = Variants.image(RECEIPT, Variant.SCAN, 4);

        assertThat(scan.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(scan.getWidth()).isBetween(1417, 1890 + 20);   // 240 mm at 150–200 dpi, tilted at most 1°
    }

    @Test
    void aPhotoIsDarkerOnOneSideAndWarm() {
        BufferedImage photo = Variants.image(RECEIPT, Variant.PHONE, 4);
        int width = photo.getWidth(), height = photo.getHeight();
        double[] sides = {paper(photo, width / 8, height / 2), paper(photo, width * 7 / 8, height / 2),
                paper(photo, width / 2, height / 8), paper(photo, width / 2, height * 7 / 8)};
        int centre = photo.getRGB(width / 2, height / 2);

        double darkest = Math.min(Math.min(sides[0], sides[1]), Math.min(sides[2], sides[3]));
        double brightest = Math.max(Math.max(sides[0], sides[1]), Math.max(sides[2], sides[3]));
        assertThat(darkest / brightest).isLessThan(0.85);
        assertThat((centre >> 16 & 0xFF) - (centre & 0xFF)).isGreaterThan(20);
    }

    /** The brightest red channel near (x, y): the paper between the print. */
    private static double paper(BufferedImage image, int x, int y) {
        int brightest = 0;
        for (int dy = -20; dy <= 20; dy++) {
            for (int dx = -20; dx <= 20; dx++) {
                brightest = Math.max(brightest, image.getRGB(x + dx, y + dy) >> 16 & 0xFF);
            }
        }
        return brightest;
    }

    @Test
    void aFaxIsBlackAndWhiteAtFineResolutionAndTheSameForTheSameSeed() throws IOException {
        byte[] fax = Variants.faxedScan(RECEIPT, PngRenderer.Style.PLAIN, 4);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(fax));

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(PngRenderer.render(RECEIPT, 200, PngRenderer.Style.PLAIN).getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) for (int x = 0; x < image.getWidth(); x += 3) colours.add(image.getRGB(x, y));
        assertThat(colours).hasSize(2);
        assertThat(Variants.faxedScan(RECEIPT, PngRenderer.Style.PLAIN, 4)).isEqualTo(fax);
        assertThat(Variants.faxedScan(RECEIPT, PngRenderer.Style.PLAIN, 5)).isNotEqualTo(fax);
    }
}
