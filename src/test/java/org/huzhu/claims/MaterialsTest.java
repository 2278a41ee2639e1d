package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The materials a claim needs (claims/materials.yaml), by item and by the facts of the claim. */
class MaterialsTest {

    private static final Materials MATERIALS = Materials.load();

    @Test
    void aHospitalStayNeedsIdBankCardReceiptSettlementAndDischargeSummary() {
        var required = MATERIALS.required(List.of("HOSPITAL"), EnumSet.of(Materials.Fact.HOSPITAL_STAY, Materials.Fact.EXPENSES));

        assertThat(MATERIALS.missing(required, Set.of())).containsExactly("身份证", "银行卡", "医疗收费票据", "医保结算单", "出院小结");
        assertThat(MATERIALS.missing(required, Set.of("ID_CARD", "BANK_CARD", "RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY"))).isEmpty();
    }

    @Test
    void aCancerNeedsAPathologyReportAndEitherADischargeSummaryOrADiagnosisCertificate() {
        var cancer = MATERIALS.required(List.of("CRITICAL_ILLNESS", "FEMALE_SPECIAL"), EnumSet.of(Materials.Fact.CANCER));
        var stroke = MATERIALS.required(List.of("CRITICAL_ILLNESS"), EnumSet.noneOf(Materials.Fact.class));

        assertThat(MATERIALS.missing(cancer, Set.of("ID_CARD", "BANK_CARD"))).containsExactly("出院小结或诊断证明书", "病理报告");
        assertThat(MATERIALS.missing(cancer, Set.of("ID_CARD", "BANK_CARD", "DIAGNOSIS_CERTIFICATE"))).containsExactly("病理报告");
        assertThat(MATERIALS.missing(stroke, Set.of("ID_CARD", "BANK_CARD", "DIAGNOSIS_CERTIFICATE"))).isEmpty();
    }

    @Test
    void anAccidentNeedsProofAndWhatItsFactsCallFor() {
        var disability = MATERIALS.required(List.of("ACCIDENT"), EnumSet.of(Materials.Fact.DISABILITY));

        assertThat(MATERIALS.missing(disability, Set.of("ID_CARD", "BANK_CARD"))).containsExactly("意外事故证明", "伤残鉴定书");
    }
}
