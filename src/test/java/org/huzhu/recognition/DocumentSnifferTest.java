package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.huzhu.shared.web.UnreadableUploadException;
import org.huzhu.shared.web.UploadTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentSnifferTest {

    @Test
    void tellsTheFourTypesByTheirFirstBytes() {
        assertThat(DocumentSniffer.sniff(ReceiptFiles.pdf(TestReceipt.inpatient()))).isEqualTo(FileType.PDF);
        assertThat(DocumentSniffer.sniff(ReceiptFiles.ofd(TestReceipt.inpatient()))).isEqualTo(FileType.OFD);
        assertThat(DocumentSniffer.sniff(image(10, 10, "png"))).isEqualTo(FileType.PNG);
        assertThat(DocumentSniffer.sniff(image(10, 10, "jpeg"))).isEqualTo(FileType.JPEG);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "text, 'hello, this is not a receipt'",
        "GIF, GIF89a\u0001\u0000\u0001\u0000",
        "HTML, <html><body>%PDF-1.7</body></html>",
        "BMP, BM6\u0000\u0000\u0000"})
    void refusesAnythingElseWithAChineseMessage(String what, String content) {
        assertThatThrownBy(() -> DocumentSniffer.sniff(content.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(UnreadableUploadException.class).hasMessageContaining("PDF").hasMessageContaining("OFD").hasMessageContaining("PNG");
    }

    @Test
    void refusesAZipWithoutOfdXml() {
        assertThatThrownBy(() -> DocumentSniffer.sniff(OfdReaderTest.zip("word/document.xml", "<w/>")))
                .isInstanceOf(UnreadableUploadException.class).hasMessageContaining("OFD.xml");
    }

    @Test
    void takesAZipBombHoldingOfdXmlForAnOfdSoThatItIsRefusedAsABomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            ReceiptFiles.entry(zip, "OFD.xml", "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>");
            zip.putNextEntry(new java.util.zip.ZipEntry("Doc_0/zeros.bin"));
            zip.write(new byte[60 * 1024 * 1024]);
            zip.closeEntry();
        }

        assertThat(DocumentSniffer.sniff(out.toByteArray())).isEqualTo(FileType.OFD);
        assertThatThrownBy(() -> OfdReader.read(out.toByteArray())).isInstanceOf(UnreadableUploadException.class)
                .hasMessageContaining("压缩炸弹");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> DocumentSniffer.sniff(new byte[0])).isInstanceOf(UnreadableUploadException.class).hasMessageContaining("为空");
    }

    @Test
    void refusesMoreThanTenMegabytesButTakesExactlyTen() {
        byte[] ten = new byte[10 * 1024 * 1024];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, ten, 0, 8);
        byte[] more = java.util.Arrays.copyOf(ten, ten.length + 1);

        assertThat(DocumentSniffer.sniff(ten)).isEqualTo(FileType.PDF);
        assertThatThrownBy(() -> DocumentSniffer.sniff(more)).isInstanceOf(UploadTooLargeException.class).hasMessageContaining("10 MB");
    }

    @Test
    void refusesAPngClaimingThirtyThousandPixelsASideWithoutDecodingIt() {
        byte[] huge = pngHeader(30_000, 30_000);
        long started = System.nanoTime();

        assertThatThrownBy(() -> ImageFiles.checkHeader(huge, FileType.PNG)).isInstanceOf(UnreadableUploadException.class)
                .hasMessageContaining("30000 × 30000");
        assertThatThrownBy(() -> ImageFiles.decode(huge, FileType.PNG)).isInstanceOf(UnreadableUploadException.class);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1000);
    }

    @ParameterizedTest(name = "{0} × {1}: refused {2}")
    @CsvSource({"12000, 3333, false", "12001, 10, true", "10, 12001, true", "8000, 5000, false", "8000, 5001, true"})
    void limitsPixelsToFortyMillionAndEachSideToTwelveThousand(int width, int height, boolean refused) {
        byte[] header = pngHeader(width, height);
        if (refused) {
            assertThatThrownBy(() -> ImageFiles.checkHeader(header, FileType.PNG)).isInstanceOf(UnreadableUploadException.class)
                    .hasMessageContaining("图片过大");
        } else {
            ImageFiles.checkHeader(header, FileType.PNG);
        }
    }

    @Test
    void refusesAJpegClaimingThirtyThousandPixelsASide() {
        byte[] jpeg = image(16, 16, "jpeg");
        int sof = 2;
        while (!((jpeg[sof] & 0xFF) == 0xFF && ((jpeg[sof + 1] & 0xFF) == 0xC0 || (jpeg[sof + 1] & 0xFF) == 0xC2))) sof++;
        jpeg[sof + 5] = (byte) (30_000 >> 8);
        jpeg[sof + 6] = (byte) 30_000;
        jpeg[sof + 7] = (byte) (30_000 >> 8);
        jpeg[sof + 8] = (byte) 30_000;

        assertThatThrownBy(() -> ImageFiles.checkHeader(jpeg, FileType.JPEG)).isInstanceOf(UnreadableUploadException.class)
                .hasMessageContaining("图片过大");
    }

    @Test
    void refusesACorruptPng() {
        byte[] png = image(300, 200, "png");
        byte[] truncated = java.util.Arrays.copyOf(png, 60);

        assertThatThrownBy(() -> ImageFiles.decode(truncated, FileType.PNG)).isInstanceOf(UnreadableUploadException.class)
                .hasMessageContaining("已损坏");
    }

    /** A JPEG cut short decodes with its missing rows grey and a warning only: it is refused, not read as half a page. */
    @Test
    void refusesAJpegCutShort() {
        byte[] jpeg = noise(300, 200, "jpeg");
        byte[] cutShort = java.util.Arrays.copyOf(jpeg, jpeg.length * 2 / 3);

        assertThatThrownBy(() -> ImageFiles.decode(cutShort, FileType.JPEG)).isInstanceOf(UnreadableUploadException.class)
                .hasMessage("JPEG 图片已损坏或不完整，无法读取");
    }

    /** A whole JPEG with bytes after its end (some cameras and apps append them) is read. */
    @Test
    void decodesAWholeJpegWithBytesAfterItsEnd() {
        byte[] jpeg = noise(300, 200, "jpeg");
        byte[] trailed = java.util.Arrays.copyOf(jpeg, jpeg.length + 64);

        assertThat(ImageFiles.decode(trailed, FileType.JPEG).getWidth()).isEqualTo(300);
    }

    @Test
    void decodesAGoodImage() {
        BufferedImage decoded = ImageFiles.decode(image(300, 200, "png"), FileType.PNG);

        assertThat(decoded.getWidth()).isEqualTo(300);
        assertThat(decoded.getHeight()).isEqualTo(200);
    }

    /** An image of random pixels (whose JPEG has data to cut short), written in the format. */
    private static byte[] noise(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(18);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) image.setRGB(x, y, random.nextInt(0x1000000));
        return written(image, format);
    }

    static byte[] image(int width, int height, String format) {
        return written(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format);
    }

    private static byte[] written(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG signature, an IHDR declaring the size, a tiny IDAT and IEND: a few dozen bytes. */
    static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
