package org.huzhu.hospitals;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest.EligibilityRequestPurpose;
import org.hl7.fhir.r4.model.Identifier;
import org.huzhu.shared.IdNumber;

/**
 * What a discharge desk asked, read from its CoverageEligibilityRequest: the patient's resident ID number and name,
 * the day of discharge ({@code servicedOn}), the hospital it says it is ({@code providerCode}), what it asks about
 * ({@code purposes}: validation, benefits) and the request's own identifier, echoed in the answer (null when none).
 */
record EligibilityQuery(IdNumber idNumber, String name, LocalDate servicedOn, String providerCode,
                        List<EligibilityRequestPurpose> purposes, Identifier requestIdentifier) {

    /** Whether the desk asked what may be claimed, item by item. */
    boolean asksBenefits() {
        return purposes.contains(EligibilityRequestPurpose.BENEFITS);
    }
}
