package org.huzhu.recognition.specimen;

import java.time.LocalDate;
import java.util.List;

/**
 * What a made-up discharge summary (出院小结) or diagnosis certificate (诊断证明书) says, as
 * {@link MedicalRecordFaker} made it and {@link MedicalRecordLayout} prints it: the answer a reader
 * must give. A certificate has no stay ({@code admission} and {@code discharge} null) but a visit
 * date and a date of issue; a summary has no visit date.
 *
 * @param layout which of the {@link MedicalRecordLayout#LAYOUTS} arrangements prints it
 * @param dateForm how its dates are written (0 年月日, 1 with hyphens, 2 with slashes, 3 with points)
 * @param redTitle letterhead and title in red (as many hospitals print them) or black
 */
public record MedicalRecordTruth(Kind kind, int layout, int dateForm, boolean redTitle, String hospital, String department,
                                 String patient, String sex, int age, String recordNumber, LocalDate admission,
                                 LocalDate discharge, LocalDate visit, LocalDate issued, List<String> admissionDiagnoses,
                                 List<String> diagnoses, String doctor) {

    public enum Kind {
        DISCHARGE_SUMMARY, DIAGNOSIS_CERTIFICATE
    }

    public MedicalRecordTruth {
        admissionDiagnoses = List.copyOf(admissionDiagnoses);
        diagnoses = List.copyOf(diagnoses);
    }

    /** A date as this record writes it. */
    String written(LocalDate date) {
        return switch (dateForm) {
            case 0 -> date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
            case 1 -> date.toString();
            case 2 -> date.toString().replace('-', '/');
            default -> date.toString().replace('-', '.');
        };
    }
}
