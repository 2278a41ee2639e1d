package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.huzhu.shared.web.UnreadableUploadException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class PdfTextReaderTest {

    /** Hands back the boxes it was built with and remembers the images it was given: tests the wiring, not OCR. */
    static final class KnownBoxesOcr implements OcrEngine {
        final List<BufferedImage> seen = new CopyOnWriteArrayList<>();
        private final List<TextBox> boxes;

        KnownBoxesOcr(List<TextBox> boxes) {
            this.boxes = boxes;
        }

        @Override
        public PageText read(BufferedImage page, int pageIndex) {
            seen.add(page);
            return new PageText(pageIndex, page.getWidth(), page.getHeight(), boxes);
        }
    }

    static OcrPool pool(OcrEngine engine) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (engine != null) beans.addBean("ocr", engine);
        return new OcrPool(beans.getBeanProvider(OcrEngine.class), 2);
    }

    private final OcrPool noOcr = pool(null);

    @Test
    void readsTheTextLayerInPointsWithoutOcr() {
        TestReceipt receipt = TestReceipt.inpatient();

        ReadPages pages = PdfTextReader.read(ReceiptFiles.pdf(receipt), noOcr);

        assertThat(pages.source()).isEqualTo(TextSource.PDF_TEXT);
        PageText page = pages.pages().getFirst();
        assertThat(page.width()).isCloseTo(240 * 72 / 25.4, org.assertj.core.data.Offset.offset(0.5));
        assertThat(page.height()).isCloseTo(140 * 72 / 25.4, org.assertj.core.data.Offset.offset(0.5));
        TextBox code = page.boxes().stream().filter(b -> b.text().startsWith("票据代码")).findFirst().orElseThrow();
        assertThat(code.text()).isEqualTo("票据代码：42010126");
        assertThat(code.x()).isCloseTo(10 * 72 / 25.4, org.assertj.core.data.Offset.offset(0.5));
        assertThat(code.y()).isCloseTo(20 * 72 / 25.4, org.assertj.core.data.Offset.offset(1.0));
        assertThat(page.boxes()).allSatisfy(b -> assertThat(b.confidence()).isEqualTo(1.0));
    }

    @Test
    void aReceiptPdfGivesEveryFieldExactly() {
        for (TestReceipt receipt : List.of(TestReceipt.inpatient(), TestReceipt.outpatient())) {
            ReadPages pages = PdfTextReader.read(ReceiptFiles.pdf(receipt), noOcr);

            Recognition r = ReceiptChecks.apply(ReceiptExtractor.extract(pages.pages()), pages.source());

            assertThat(r.fields()).isEqualTo(receipt.fields);
            assertThat(r.lines()).isEqualTo(receipt.lines);
            assertThat(r.warnings()).isEmpty();
        }
    }

    @Test
    void refusesAPdfWithNeitherTextNorImage() {
        byte[] empty = document(doc -> doc.addPage(new PDPage(PDRectangle.A4)));

        assertThatThrownBy(() -> PdfTextReader.read(empty, noOcr))
                .isInstanceOf(UnreadableUploadException.class).hasMessageContaining("既没有文字也没有图像");
    }

    @Test
    void sendsAPageWithOnlyAnImageToOcrRenderedAt300Dpi() {
        byte[] scanned = document(doc -> {
            PDPage page = new PDPage(new PDRectangle(240 * 72 / 25.4f, 140 * 72 / 25.4f));
            doc.addPage(page);
            BufferedImage picture = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = picture.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 200, 100);
            g.dispose();
            PDImageXObject image = LosslessFactory.createFromImage(doc, picture);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
        });
        TestReceipt receipt = TestReceipt.outpatient();
        KnownBoxesOcr ocr = new KnownBoxesOcr(receipt.page().boxes());

        ReadPages pages = PdfTextReader.read(scanned, pool(ocr));

        assertThat(pages.source()).isEqualTo(TextSource.OCR);
        assertThat(ocr.seen).singleElement().satisfies(image -> {
            assertThat(image.getWidth()).isBetween(2833, 2836);   // 240 mm at 300 dpi
            assertThat(image.getHeight()).isBetween(1652, 1655);  // 140 mm at 300 dpi
        });
        assertThat(pages.pages()).singleElement().extracting(PageText::boxes).isEqualTo(receipt.page().boxes());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}: readable {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "票据代码：42010126, true",
        "\uE001\uE002\uE003\uE004, false",
        "\uFFFD\uFFFD\uFFFD票据, false",
        "\uE001票据代码：42010126, true"})
    void readsATextLayerOnlyWhenItsCharactersMeanSomething(String text, boolean readable) {
        PageText page = new PageText(0, 100, 100, List.of(new TextBox(text, 0, 0, 10, 3, 1)));

        assertThat(PdfTextReader.readable(page)).isEqualTo(readable);
    }

    @Test
    void refusesAnEncryptedPdf() {
        byte[] locked = document(doc -> {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
        });

        assertThatThrownBy(() -> PdfTextReader.read(locked, noOcr))
                .isInstanceOf(UnreadableUploadException.class).hasMessageContaining("加密");
    }

    @Test
    void refusesATruncatedPdf() {
        byte[] whole = ReceiptFiles.pdf(TestReceipt.inpatient());
        byte[] truncated = Arrays.copyOf(whole, whole.length / 3);

        assertThatThrownBy(() -> PdfTextReader.read(truncated, noOcr))
                .isInstanceOf(UnreadableUploadException.class).hasMessageContaining("PDF");
    }

    @Test
    void refusesMoreThanTenPages() {
        byte[] eleven = document(doc -> {
            for (int i = 0; i < 11; i++) doc.addPage(new PDPage());
        });

        assertThatThrownBy(() -> PdfTextReader.read(eleven, noOcr))
                .isInstanceOf(UnreadableUploadException.class).hasMessageContaining("10 页");
    }

    @Test
    void refusesAContentStreamThatInflatesBeyondTheMemoryBudget() {
        byte[] bomb = document(doc -> {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDStream stream = new PDStream(doc);
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] spaces = new byte[1 << 20];
                Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < 200; i++) out.write(spaces);
            }
            page.setContents(stream);
        });
        assertThat(bomb.length).isLessThan(2_000_000);

        assertThatThrownBy(() -> PdfTextReader.read(bomb, noOcr))
                .isInstanceOf(UnreadableUploadException.class).hasMessageContaining("解压后过大");
    }

    @Test
    void refusesAnImageWhoseStreamInflatesFarBeyondItsDeclaredSize() {
        byte[] bomb = document(doc -> {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDStream stream = new PDStream(doc);
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 100; i++) out.write(zeros);
            }
            PDImageXObject image = new PDImageXObject(stream, null);
            image.setWidth(100);
            image.setHeight(100);
            image.setBitsPerComponent(8);
            image.setColorSpace(org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray.INSTANCE);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 0, 0, 100, 100);
            }
        });
        KnownBoxesOcr ocr = new KnownBoxesOcr(List.of());

        assertThatThrownBy(() -> PdfTextReader.read(bomb, pool(ocr)))
                .isInstanceOf(UnreadableUploadException.class).hasMessageContaining("解压后过大");
        assertThat(ocr.seen).isEmpty();
    }

    interface Builder {
        void build(PDDocument document) throws IOException;
    }

    static byte[] document(Builder builder) {
        try (PDDocument document = new PDDocument()) {
            builder.build(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPdfWithoutAnyCatalogIsRefusedBeforePdfBoxParsesIt() {
        byte[] noCatalog = ("%PDF-1.7\n1 0 obj << /Length 44 >>\nstream\nBT /F1 12 Tf 72 700 Td (huzhu) Tj ET\nendstream\nendobj\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertThat(PdfTextReader.mayHaveCatalog(noCatalog)).isFalse();
        assertThatThrownBy(() -> PdfTextReader.read(noCatalog, noOcr)).isInstanceOf(UnreadableUploadException.class)
                .hasMessageContaining("损坏");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"trailer << /Root 1 0 R >>", "1 0 obj << /Type /Catalog >> endobj",
            "2 0 obj << /Type /ObjStm /N 1 >> endobj", "1 0 obj << /Type /Cat#61log >> endobj"})
    void aPdfThatMayNameItsCatalogIsLeftToPdfBox(String part) {
        byte[] pdf = ("%PDF-1.7\n" + part + "\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertThat(PdfTextReader.mayHaveCatalog(pdf)).isTrue();
    }

    @Test
    void aRealReceiptNamesItsCatalog() {
        assertThat(PdfTextReader.mayHaveCatalog(ReceiptFiles.pdf(TestReceipt.inpatient()))).isTrue();
    }
}
