package org.huzhu.recognition.specimen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.stream.LongStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The PDF carries every value in a text layer PDFBox reads back, on a 240 × 140 mm page. */
class PdfRendererTest {

    static LongStream seeds() {
        return LongStream.range(0, 12);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theTextLayerHoldsEveryValueOfTheReceipt(long seed) throws IOException {
        ReceiptTruth receipt = ReceiptFaker.receipt(seed);

        try (PDDocument document = Loader.loadPDF(PdfRenderer.render(receipt))) {
            String text = new PDFTextStripper().getText(document);

            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(text).contains(receipt.documentType().title(), receipt.printed().totalInCapitals());
            assertThat(receipt.fields().values()).allSatisfy(value -> assertThat(text).contains(value));
            receipt.lines().forEach(line -> assertThat(text).contains(line.name(), line.amount()));
        }
    }

    @Test
    void thePageIsLandscape240By140MillimetresWithTheFontEmbedded() throws IOException {
        try (PDDocument document = Loader.loadPDF(PdfRenderer.render(ReceiptFaker.receipt(7)))) {
            PDPage page = document.getPage(0);
            PDFont font = page.getResources().getFont(page.getResources().getFontNames().iterator().next());

            assertThat(page.getMediaBox().getWidth() / 72 * 25.4).isCloseTo(240, within(0.01));
            assertThat(page.getMediaBox().getHeight() / 72 * 25.4).isCloseTo(140, within(0.01));
            assertThat(font).isInstanceOf(PDType0Font.class);
            assertThat(font.isEmbedded()).isTrue();
        }
    }
}
