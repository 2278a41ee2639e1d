package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huzhu.recognition.specimen.MedicalRecordFaker;
import org.huzhu.recognition.specimen.MedicalRecordRenderer;
import org.huzhu.recognition.specimen.MedicalRecordRenderer.Degradation;
import org.huzhu.recognition.specimen.MedicalRecordTruth;
import org.huzhu.support.RunsAlongside;
import org.junit.jupiter.api.Test;

/**
 * Photos and scans of discharge summaries and certificates are read by Debian's Tesseract through the receipts' image
 * path: a few images only (OCR is slow). Every field that is read must be the record's; a field not read is absent.
 */
@RunsAlongside
class MedicalRecordOcrTest extends WithTesseract {


    @Test
    void cleanImagesOfEachLayoutGiveTheirKindAndOnlyRightFields() {
        List<String> wrong = new ArrayList<>();
        int read = 0;
        for (int layout = 0; layout < 3; layout++) {
            MedicalRecordTruth truth = MedicalRecordFaker.record(100 + layout, layout);
            read += check(truth, Degradation.CLEAN, wrong);
        }
        assertThat(wrong).isEmpty();
        assertThat(read).as("fields read of 3 clean images (a red letterhead is often lost, and with it the hospital)")
                .isGreaterThanOrEqualTo(16);
    }

    @Test
    void aScanAndAPhonephotoGiveTheirKindAndOnlyRightFields() {
        List<String> wrong = new ArrayList<>();
        int scanned = check(MedicalRecordFaker.record(204, 0), Degradation.SCAN, wrong);
        int photographed = check(MedicalRecordFaker.record(305, 1), Degradation.PHOTO, wrong);

        assertThat(wrong).isEmpty();
        assertThat(scanned).isGreaterThanOrEqualTo(5);
        assertThat(photographed).isGreaterThanOrEqualTo(3);
    }

    /** Reads one image; adds what is wrong (kind, a field not the record's) to {@code wrong}; answers how many fields were read. */
    private static int check(MedicalRecordTruth truth, Degradation degradation, List<String> wrong) {
        Recognition r = recognitions.recognise("record.png", MedicalRecordRenderer.bytes(truth, degradation, truth.layout()));
        Map<String, String> expected = MedicalRecordsTest.expected(truth);
        String which = "layout " + truth.layout() + " " + degradation;
        if (!r.documentType().name().equals(truth.kind().name())) wrong.add(which + ": kind " + r.documentType());
        r.fields().forEach((field, value) -> {
            if (!value.equals(expected.get(field))) wrong.add(which + ": " + field + " read " + value + ", is " + expected.get(field));
        });
        System.out.println(which + ": read " + r.confidence() + " of " + expected.keySet() + ", warnings " + r.warnings().size());
        return r.fields().size();
    }
}
