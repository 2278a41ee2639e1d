package org.huzhu.benefits;

import java.time.LocalDate;

/** One checked coverage of the request: its item's terms, plan, shares and period [from, to]. */
record Cover(ItemTerms item, String plan, int planIndex, int shares, LocalDate from, LocalDate to, boolean renewed) {

    /** The date coverage and waiting period are judged on: the admission, or the incident (diagnosis, accident). */
    LocalDate judgedDate(Claim claim) {
        return item.judgedOnAdmission() && claim.stay != null ? claim.stay.admission() : claim.incidentDate;
    }

    String judgedDateLabel(Claim claim) {
        if (item.judgedOnAdmission() && claim.stay != null) return "住院日期";
        return claim.kind == BenefitRequest.IncidentKind.ACCIDENT ? "事故日期" : "确诊日期";
    }
}
