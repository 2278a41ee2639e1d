package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.huzhu.recognition.specimen.OfdRenderer;
import org.huzhu.recognition.specimen.PdfRenderer;
import org.huzhu.recognition.specimen.ReceiptFaker;
import org.huzhu.recognition.specimen.ReceiptTruth;
import org.junit.jupiter.api.Test;

/**
 * Electronic receipts must be read 100 % right (issue 4): every field and fee line of every
 * generated receipt, as PDF and as OFD, against the generator's truth, with no warning.
 */
class SpecimenAccuracyTest {

    private static final int RECEIPTS = 60;

    private final Recognitions recognitions = new Recognitions(PdfTextReaderTest.pool(null));

    @Test
    void readsEveryFieldOfEveryGeneratedPdfReceipt() {
        assertAllRight(TextSource.PDF_TEXT, PdfRenderer::render);
    }

    @Test
    void readsEveryFieldOfEveryGeneratedOfdReceipt() {
        assertAllRight(TextSource.OFD, OfdRenderer::render);
    }

    private void assertAllRight(TextSource source, Function<ReceiptTruth, byte[]> render) {
        List<String> wrong = new ArrayList<>();
        int fields = 0;
        for (long seed = 1; seed <= RECEIPTS; seed++) {
            ReceiptTruth truth = ReceiptFaker.receipt(seed);
            Recognition r = recognitions.recognise("receipt", render.apply(truth));
            fields += truth.fields().size();
            Map<String, String> expected = new LinkedHashMap<>(truth.fields());
            if (!r.fields().equals(expected)) wrong.add("seed " + seed + ": fields " + r.fields() + " ≠ " + expected);
            if (!r.documentType().name().equals(truth.documentType().name())) wrong.add("seed " + seed + ": type " + r.documentType());
            List<FeeLine> lines = truth.lines().stream().map(l -> new FeeLine(l.name(), l.amount())).toList();
            if (!r.lines().equals(lines)) wrong.add("seed " + seed + ": lines " + r.lines() + " ≠ " + lines);
            if (!r.warnings().isEmpty()) wrong.add("seed " + seed + ": warnings " + r.warnings());
            if (r.source() != source) wrong.add("seed " + seed + ": source " + r.source());
        }
        assertThat(wrong).as("%d receipts, %d fields", RECEIPTS, fields).isEmpty();
        assertThat(fields).isGreaterThan(RECEIPTS * 13);
    }
}
