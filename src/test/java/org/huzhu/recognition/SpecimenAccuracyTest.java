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
import org.huzhu.support.GivesWay;
import org.huzhu.support.RunsAlongside;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Electronic receipts must be read 100 % right (issue 4): every field and fee line of every
 * generated receipt, as PDF and as OFD, against the generator's truth, with no warning.
 */
@RunsAlongside
@ExtendWith(GivesWay.class)
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
            fields += truth.fields().size();
            wrong.addAll(differences("seed " + seed, recognitions.recognise("receipt", render.apply(truth)), truth, source));
        }
        assertThat(wrong).as("%d receipts, %d fields", RECEIPTS, fields).isEmpty();
        assertThat(fields).isGreaterThan(RECEIPTS * 13);
    }

    /** Where a recognition differs from the generator's truth: fields, type, fee lines, any warning, the source. */
    static List<String> differences(String which, Recognition r, ReceiptTruth truth, TextSource source) {
        List<String> wrong = new ArrayList<>();
        Map<String, String> expected = new LinkedHashMap<>(truth.fields());
        if (!r.fields().equals(expected)) wrong.add(which + ": fields " + r.fields() + " ≠ " + expected);
        if (!r.documentType().name().equals(truth.documentType().name())) wrong.add(which + ": type " + r.documentType());
        List<FeeLine> lines = truth.lines().stream().map(l -> new FeeLine(l.name(), l.amount())).toList();
        if (!r.lines().equals(lines)) wrong.add(which + ": lines " + r.lines() + " ≠ " + lines);
        if (!r.warnings().isEmpty()) wrong.add(which + ": warnings " + r.warnings());
        if (r.source() != source) wrong.add(which + ": source " + r.source());
        return wrong;
    }
}
