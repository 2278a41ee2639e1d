package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.huzhu.recognition.PdfTextReaderTest.KnownBoxesOcr;
import org.huzhu.shared.web.UnreadableUploadException;
import org.huzhu.shared.web.UploadTooLargeException;
import org.junit.jupiter.api.Test;

/**
 * The front door's wiring. Images go to the OCR engine; here a stand-in that returns known boxes
 * proves only that its boxes reach the extractor — OCR accuracy is measured by the benchmark.
 */
class RecognitionsTest {

    @Test
    void anImageIsReadByTheOcrEngineAndItsBoxesByTheReceiptLayout() {
        TestReceipt receipt = TestReceipt.inpatient();
        KnownBoxesOcr ocr = new KnownBoxesOcr(ocrBoxes(receipt));

        Recognition r = new Recognitions(PdfTextReaderTest.pool(ocr)).recognise("photo.jpg", DocumentSnifferTest.image(2400, 1400, "jpeg"));

        assertThat(ocr.seen).singleElement().satisfies(image -> assertThat(image.getWidth()).isEqualTo(2400));
        assertThat(r.source()).isEqualTo(TextSource.OCR);
        assertThat(r.documentType()).isEqualTo(DocumentKind.INPATIENT_RECEIPT);
        assertThat(r.fields()).isEqualTo(receipt.fields);
        assertThat(r.confidence()).allSatisfy((field, c) -> assertThat(c).isEqualTo(0.8));
    }

    /**
     * A hospital OCR read a character or two from listed names, the list lacking it, is left out as a likely misread —
     * unless the page's seal shows it: then it is kept with the warning that says so, and no other.
     */
    @Test
    void aDoubtedHospitalIsLeftOutUnlessItsSealShowsIt() {
        TestReceipt receipt = TestReceipt.inpatient();
        HospitalList lacking = HospitalList.shipped().without(receipt.fields.get("hospital"));

        Recognition unsealed = new Recognitions(PdfTextReaderTest.pool(sealed(receipt, List.of())), lacking)
                .recognise("photo.jpg", DocumentSnifferTest.image(2400, 1400, "jpeg"));
        Recognition sealed = new Recognitions(PdfTextReaderTest.pool(sealed(receipt, List.of("/武汉市第一医院"))), lacking)
                .recognise("photo.jpg", DocumentSnifferTest.image(2400, 1400, "jpeg"));

        assertThat(unsealed.fields()).doesNotContainKey("hospital");
        assertThat(unsealed.warnings()).contains(lacking.doubtedWarning("武汉市第一医院"));
        assertThat(sealed.fields()).containsEntry("hospital", "武汉市第一医院");
        assertThat(sealed.warnings()).containsExactly(lacking.sealShownWarning("武汉市第一医院"));
    }

    /** The receipt's boxes as OCR would give them on an image ten times the page's size, at confidence 0.8. */
    private static List<TextBox> ocrBoxes(TestReceipt receipt) {
        return receipt.page().boxes().stream()
                .map(b -> new TextBox(b.text(), b.x() * 10, b.y() * 10, b.width() * 10, b.height() * 10, 0.8)).toList();
    }

    /** The receipt's boxes, its lines read again as nothing, and its seal's words read as given. */
    private static OcrEngine sealed(TestReceipt receipt, List<String> sealWords) {
        List<TextBox> boxes = ocrBoxes(receipt);
        return new OcrEngine() {
            @Override
            public PageText read(java.awt.image.BufferedImage page, int pageIndex) {
                return new PageText(pageIndex, page.getWidth(), page.getHeight(), boxes);
            }

            @Override
            public OcrPage readKeeping(java.awt.image.BufferedImage page, int pageIndex) {
                return new OcrPage(read(page, pageIndex), new LineReader() {
                    @Override
                    public TextBox readLine(double x, double y, double width, double height, double scale, String alphabet) {
                        return null;
                    }

                    @Override
                    public List<String> readSealWords() {
                        return sealWords;
                    }
                });
            }
        };
    }

    @Test
    void aPdfAndAnOfdAreReadExactlyWithoutTheOcrEngine() {
        KnownBoxesOcr ocr = new KnownBoxesOcr(List.of());
        Recognitions recognitions = new Recognitions(PdfTextReaderTest.pool(ocr));
        TestReceipt receipt = TestReceipt.outpatient();

        Recognition pdf = recognitions.recognise("r.pdf", ReceiptFiles.pdf(receipt));
        Recognition ofd = recognitions.recognise("r.ofd", ReceiptFiles.ofd(receipt));

        assertThat(ocr.seen).isEmpty();
        assertThat(pdf.source()).isEqualTo(TextSource.PDF_TEXT);
        assertThat(ofd.source()).isEqualTo(TextSource.OFD);
        assertThat(pdf.fields()).isEqualTo(receipt.fields);
        assertThat(ofd.fields()).isEqualTo(receipt.fields);
        assertThat(pdf.confidence()).allSatisfy((field, c) -> assertThat(c).isEqualTo(1.0));
    }

    @Test
    void readsAPdfReceiptInMilliseconds() {
        Recognitions recognitions = new Recognitions(PdfTextReaderTest.pool(null));
        byte[] pdf = ReceiptFiles.pdf(TestReceipt.inpatient());
        byte[] ofd = ReceiptFiles.ofd(TestReceipt.inpatient());
        for (int i = 0; i < 20; i++) {
            recognitions.recognise("w.pdf", pdf);
            recognitions.recognise("w.ofd", ofd);
        }

        // processor time of this thread, so that other work on the machine does not count; rendering a page
        // at 300 dpi or OCR alone would take far longer than this
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long started = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < 20; i++) {
            recognitions.recognise("r.pdf", pdf);
            recognitions.recognise("r.ofd", ofd);
        }
        double millisEach = (threads.getCurrentThreadCpuTime() - started) / 1e6 / 40;

        assertThat(millisEach).isLessThan(50);
    }

    @Test
    void refusesAnOversizedImageBeforeAskingForTheOcrEngine() {
        Recognitions recognitions = new Recognitions(PdfTextReaderTest.pool(null));

        assertThatThrownBy(() -> recognitions.recognise("big.png", DocumentSnifferTest.pngHeader(30_000, 30_000)))
                .isInstanceOf(UnreadableUploadException.class);
        assertThatThrownBy(() -> recognitions.recognise("big.pdf", new byte[10 * 1024 * 1024 + 1]))
                .isInstanceOf(UploadTooLargeException.class);
    }
}
