package org.huzhu.claims;

import java.util.ArrayList;
import java.util.List;
import org.huzhu.benefits.BenefitRequest.HospitalStay;
import org.huzhu.claims.ClaimView.DocumentView;
import org.huzhu.claims.ClaimView.ReadingView;

/**
 * What a read discharge summary says against what the claim says: a stay that differs from the claim's hospital stay is a
 * warning on the summary's reading, which the reviewer sees; the claim's stay is never changed by it. Checked each time
 * the claim is shown, so a stay typed or corrected later is compared too.
 */
final class MedicalRecordChecks {

    private MedicalRecordChecks() {
    }

    static List<DocumentView> withStayWarnings(List<DocumentView> documents, HospitalStay stay) {
        if (stay == null || stay.admission() == null || stay.discharge() == null) return documents;
        return documents.stream().map(d -> checked(d, stay)).toList();
    }

    private static DocumentView checked(DocumentView d, HospitalStay stay) {
        ReadingView r = d.reading();
        if (r == null || !"DISCHARGE_SUMMARY".equals(r.documentType())) return d;
        String admission = r.fields().get("admissionDate");
        String discharge = r.fields().get("dischargeDate");
        if (admission == null || discharge == null) return d;
        if (admission.equals(stay.admission().toString()) && discharge.equals(stay.discharge().toString())) return d;
        List<String> warnings = new ArrayList<>(r.warnings());
        warnings.add("出院小结的住院日期（" + admission + " 至 " + discharge + "）与申请中的住院日期（" + stay.admission() + " 至 "
                + stay.discharge() + "）不一致");
        ReadingView warned = new ReadingView(r.status(), r.documentType(), r.source(), r.fields(), r.confidence(), warnings,
                r.usedByClaimId(), r.message(), r.diagnosisSuggestion());
        return new DocumentView(d.id(), d.kind(), d.kindName(), d.fileName(), d.contentType(), d.size(), d.sha256(), d.uploadedBy(),
                d.uploadedAt(), warned);
    }
}
