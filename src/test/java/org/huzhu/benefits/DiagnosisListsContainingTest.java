package org.huzhu.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which of the catalogue's named ICD-10 lists a diagnosis is on (BenefitEngine#listsContaining), as claims are judged. */
class DiagnosisListsContainingTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            "C50; CRITICAL_SEVERE,FEMALE_CANCER",
            "C50.900x001; CRITICAL_SEVERE,FEMALE_CANCER",
            "C44; CRITICAL_MILD",
            "D05; CRITICAL_MILD,FEMALE_IN_SITU",
            "D07; CRITICAL_MILD",
            "D07.2; CRITICAL_MILD,FEMALE_IN_SITU",
            "D07.5; CRITICAL_MILD",
            "T31.3; CRITICAL_SEVERE",
            "I21.9; CRITICAL_SEVERE"})
    void namesEveryListTheCodeIsOnInFileOrder(String code, String lists) {
        assertThat(TestTerms.ENGINE.listsContaining(code, DAY)).extracting(DiagnosisListName::code)
                .containsExactly(lists.split(","));
    }

    @Test
    void listsCarryTheirChineseNames() {
        assertThat(TestTerms.ENGINE.listsContaining("C53", DAY))
                .containsExactly(new DiagnosisListName("CRITICAL_SEVERE", "重大疾病（重症）"), new DiagnosisListName("FEMALE_CANCER", "女性特定恶性肿瘤"));
    }

    @Test
    void anUnlistedOrUnreadableCodeIsOnNoList() {
        assertThat(TestTerms.ENGINE.listsContaining("K35", DAY)).isEmpty();
        assertThat(TestTerms.ENGINE.listsContaining("T31.2", DAY)).isEmpty();
        assertThat(TestTerms.ENGINE.listsContaining("乳腺癌", DAY)).isEmpty();
        assertThat(TestTerms.ENGINE.listsContaining(null, DAY)).isEqualTo(List.of());
    }
}
