package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.huzhu.recognition.specimen.PngRenderer;
import org.huzhu.recognition.specimen.ReceiptFaker;
import org.huzhu.recognition.specimen.ReceiptTruth;
import org.junit.jupiter.api.Test;

/**
 * Receipts on other forms as clean images (issue 18): a form that keeps the national template's rules, title and
 * corners but prints the 其他信息 grid the other way round must not have the template's payment labels placed on it,
 * which named each amount after its neighbour (seeds 4, 18 and 25 of {@link ReceiptFaker#onOtherForm} did: fundPaid
 * 183.13 for 878.43 …). A payment may be missing; none may be WRONG.
 */
class OtherFormsImageTest extends WithTesseract {

    private static final List<String> PAYMENTS = List.of("fundPaid", "otherPaid", "personalAccountPaid", "cashPaid", "selfPaid",
            "selfFunded");


    @Test
    void aGridPrintedTheOtherWayRoundGivesNoPaymentAnotherPaymentsAmount() throws IOException {
        List<String> wrong = new ArrayList<>();
        int right = 0;
        for (long seed : new long[] {4, 18, 25}) {
            ReceiptTruth truth = ReceiptFaker.onOtherForm(seed);
            assertThat(truth.form().reversed()).as("seed %d prints the grid reversed", seed).isTrue();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(PngRenderer.render(truth), "png", png);
            Map<String, String> read = recognitions.recognise("receipt", png.toByteArray()).fields();
            for (String field : PAYMENTS) {
                String expected = truth.fields().get(field), got = read.get(field);
                if (got != null && !got.equals(expected)) wrong.add("seed " + seed + " " + field + "=" + got + " ≠ " + expected);
                if (got != null && got.equals(expected)) right++;
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(right).as("payments read right of 18 (10 when written: the layer read whole finds most)").isGreaterThanOrEqualTo(9);
    }
}
