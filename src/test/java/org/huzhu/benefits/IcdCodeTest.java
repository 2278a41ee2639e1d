package org.huzhu.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ICD-10 codes as slots, and list entries: categories, subcategories, ranges at 3 and 4 characters, exclusions. */
class IcdCodeTest {

    private static final DiagnosisList SEVERE_PART = DiagnosisList.compile("X", "test",
            List.of("C00-C97", "N18.5", "T31.3-T31.9", "G20"), List.of("C44"));

    @ParameterizedTest(name = "{0} and {1} share a slot")
    @CsvSource({
            "C50.9, C50.9",
            "C50.900x001, C50.9",
            "c50.9, C50.9",
            "C509, C50.9",
            "' C50.9 ', C50.9",
            "G20.x00, G20",
            "G20.X00, G20",
            "N18.500x002, N18.5",
            "C50., C50"})
    void readsClinicalExtensionsByTheirIcd10Prefix(String code, String same) {
        assertThat(IcdCode.slot(code)).isEqualTo(IcdCode.slot(same)).isNotEqualTo(IcdCode.INVALID);
    }

    @ParameterizedTest(name = "''{0}'' is not a code")
    @ValueSource(strings = {"", "C5", "50.9", "CC0.9", "C50 9", "C5X.1", "中文", "C50.9;DROP", "C50.900x001000000000000000"})
    void refusesWhatIsNotAnIcd10Code(String code) {
        assertThat(IcdCode.slot(code)).isEqualTo(IcdCode.INVALID);
    }

    @ParameterizedTest(name = "{0} in list: {1}")
    @CsvSource({
            "C00, true", "C97.9, true", "C98, false", "B99, false",
            "C44, false", "C44.3, false", "C43.9, true", "C45.0, true",
            "N18.5, true", "N18.4, false", "N18, false", "N18.x00, false",
            "T31.2, false", "T31.3, true", "T31.9, true", "T31, false", "T32.3, false",
            "G20, true", "G20.x00, true", "G20.1, true", "G21.0, false"})
    void matchesCategoriesRangesSubcategoriesAndExclusions(String code, boolean listed) {
        assertThat(SEVERE_PART.contains(IcdCode.slot(code))).isEqualTo(listed);
    }

    @ParameterizedTest(name = "entry {0} is refused")
    @ValueSource(strings = {"C97-C00", "T31.9-T31.3", "C50-C51.2", "T31.3-T32.4", "C5", "C50.x", "C50.12", "ABC"})
    void refusesListEntriesThatCannotBeRead(String entry) {
        assertThatThrownBy(() -> DiagnosisList.compile("BAD", "bad", List.of(entry), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BAD");
    }

    @Test
    void acceptsAnEnDashInRanges() {
        DiagnosisList list = DiagnosisList.compile("D", "d", List.of("D07.0–D07.3"), List.of());
        assertThat(list.contains(IcdCode.slot("D07.3"))).isTrue();
        assertThat(list.contains(IcdCode.slot("D07.4"))).isFalse();
    }
}
