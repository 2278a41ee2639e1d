package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.recognition.specimen.MedicalRecordFaker;
import org.huzhu.recognition.specimen.MedicalRecordRenderer;
import org.huzhu.recognition.specimen.MedicalRecordTruth;
import org.huzhu.support.GivesWay;
import org.huzhu.support.RunsAlongside;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Discharge summaries and diagnosis certificates as PDFs with a text layer are read exactly: kind,
 * patient, hospital, department, dates in every written form, the main diagnosis and the list.
 */
@RunsAlongside
@ExtendWith(GivesWay.class)
class MedicalRecordsTest {

    private final Recognitions recognitions = new Recognitions(PdfTextReaderTest.pool(null));

    /** What a reader must answer for a generated record. */
    static Map<String, String> expected(MedicalRecordTruth t) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("patientName", t.patient());
        fields.put("hospital", t.hospital());
        fields.put("department", t.department());
        if (t.admission() != null) fields.put("admissionDate", t.admission().toString());
        if (t.discharge() != null) fields.put("dischargeDate", t.discharge().toString());
        if (t.visit() != null) fields.put("visitDate", t.visit().toString());
        if (t.issued() != null) fields.put("issueDate", t.issued().toString());
        fields.put("diagnosis", t.diagnoses().getFirst());
        fields.put("diagnoses", String.join("\n", t.diagnoses()));
        return fields;
    }

    @Test
    void readsEveryFieldOfGeneratedPdfRecordsInAllLayoutsExactly() {
        List<String> wrong = new ArrayList<>();
        for (long seed = 1; seed <= 24; seed++) {
            MedicalRecordTruth truth = MedicalRecordFaker.record(seed);
            Recognition r = recognitions.recognise("record.pdf", MedicalRecordRenderer.pdf(truth));
            if (!r.documentType().name().equals(truth.kind().name())) wrong.add(seed + ": kind " + r.documentType());
            if (!r.fields().equals(expected(truth))) wrong.add(seed + ": " + r.fields() + " ≠ " + expected(truth));
            if (!r.warnings().isEmpty()) wrong.add(seed + ": warnings " + r.warnings());
            if (r.source() != TextSource.PDF_TEXT) wrong.add(seed + ": source " + r.source());
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyDateFormIsWrittenAsYearMonthDay() {
        for (int form = 0; form < 4; form++) {
            MedicalRecordTruth t = MedicalRecordFaker.record(7, 0);
            MedicalRecordTruth written = new MedicalRecordTruth(t.kind(), 0, form, t.redTitle(), t.hospital(), t.department(), t.patient(),
                    t.sex(), t.age(), t.recordNumber(), t.admission(), t.discharge(), null, null, t.admissionDiagnoses(), t.diagnoses(),
                    t.doctor());

            Recognition r = recognitions.recognise("s.pdf", MedicalRecordRenderer.pdf(written));

            assertThat(r.fields()).containsEntry("admissionDate", t.admission().toString())
                    .containsEntry("dischargeDate", t.discharge().toString());
        }
    }

    @Test
    void aStayThatEndsBeforeItBeginsIsDroppedWithAWarning() {
        MedicalRecordTruth t = MedicalRecordFaker.record(3, 0);
        MedicalRecordTruth backwards = new MedicalRecordTruth(t.kind(), 0, 1, false, t.hospital(), t.department(), t.patient(), t.sex(),
                t.age(), t.recordNumber(), t.discharge(), t.admission(), null, null, t.admissionDiagnoses(), t.diagnoses(), t.doctor());

        Recognition r = recognitions.recognise("s.pdf", MedicalRecordRenderer.pdf(backwards));

        assertThat(r.documentType()).isEqualTo(DocumentKind.DISCHARGE_SUMMARY);
        assertThat(r.fields()).doesNotContainKeys("admissionDate", "dischargeDate").containsEntry("patientName", t.patient());
        assertThat(r.warnings()).containsExactly("入院日期晚于出院日期，两个日期均已舍弃");
    }

    @Test
    void theKindComesFromLabelsWhenTheTitleIsMissing() {
        Recognition summary = MedicalRecords.read(List.of(page("姓名：王芳", "出院诊断：", "1.肺炎", "出院医嘱：注意休息")), TextSource.OCR)
                .orElseThrow();
        Recognition certificate = MedicalRecords.read(List.of(page("兹证明王芳于2026年5月3日就诊", "诊断：肺炎")), TextSource.OCR)
                .orElseThrow();

        assertThat(summary.documentType()).isEqualTo(DocumentKind.DISCHARGE_SUMMARY);
        assertThat(summary.fields()).containsEntry("diagnosis", "肺炎").containsEntry("patientName", "王芳");
        assertThat(certificate.documentType()).isEqualTo(DocumentKind.DIAGNOSIS_CERTIFICATE);
        assertThat(certificate.fields()).containsEntry("diagnosis", "肺炎");
        Recognition noTitle = MedicalRecords.read(List.of(page("交病诊业电", "姓名:郭洋", "就诊日期:2026年6月26日", "诊断:", "1.慢性肾脏病5期",
                "建议:注意休息", "2026年6月27日")), TextSource.OCR).orElseThrow();
        assertThat(noTitle.documentType()).isEqualTo(DocumentKind.DIAGNOSIS_CERTIFICATE);
        assertThat(noTitle.fields()).containsEntry("visitDate", "2026-06-26").containsEntry("issueDate", "2026-06-27")
                .containsEntry("diagnosis", "慢性肾脏病5期");
    }

    @Test
    void aReceiptIsNeverTakenForAMedicalRecord() {
        assertThat(MedicalRecords.read(List.of(page("医疗住院收费票据", "出院诊断：肺炎", "出院医嘱：休息")), TextSource.OCR)).isEmpty();
        assertThat(recognitions.recognise("r.pdf", ReceiptFiles.pdf(TestReceipt.inpatient())).documentType())
                .isEqualTo(DocumentKind.INPATIENT_RECEIPT);
    }

    @Test
    void aDiagnosisLabelWithNothingUnderItGivesNoDiagnosis() {
        Recognition r = MedicalRecords.read(List.of(page("出院小结", "出院诊断：", "出院医嘱：注意休息")), TextSource.PDF_TEXT).orElseThrow();

        assertThat(r.fields()).doesNotContainKeys("diagnosis", "diagnoses");
        assertThat(r.warnings()).containsExactly("没有读出诊断");
    }

    /** A page of lines, one box each, 20 units apart. */
    static PageText page(String... lines) {
        List<TextBox> boxes = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) boxes.add(new TextBox(lines[i], 10, 20 + 20 * i, 10 * lines[i].length(), 10, 0.9));
        return new PageText(0, 600, 40 + 20 * lines.length, boxes);
    }
}
