package org.huzhu.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.huzhu.support.PrintedQr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The QR codes Huzhu prints read back, also for the links a standard reader's finder search stumbles on at level M. */
class PdfPartsQrTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:56366/verify/hY63ddsztmkG0lTOFNCjMhwl817YuagwhG0Tbj-S0Co",
            "http://127.0.0.1:31993/verify/DL3JvPHRdY4RNbEXTsChthtJ0Y-a4g_hjzE5r9cV6YM",
            "http://127.0.0.1:50882/verify/dyOnb4u944Xyw0zwCMXb7cg1be-mPkDOGULwggkl0Ro",
            "http://127.0.0.1:53891/verify/LqkVAhy9OO54dbA1Mek91pQD0x_I3-3tnKvnVnu1CoU"})
    void aVerificationLinkThatDidNotReadAtLevelMReadsOnTheSheet(String url) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(LosslessFactory.createFromImage(document, ChinesePdf.qr(url)), ChinesePdf.Writer.LEFT, 300, 110, 110);
            }
            assertThat(PrintedQr.onPage(document, 0)).isEqualTo(url);
        }
    }
}
