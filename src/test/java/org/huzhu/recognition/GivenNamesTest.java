package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GivenNamesTest {

    @ParameterizedTest
    @CsvSource({"怡, true", "凤, true", "军, true", "盛, true", "恰, false", "怕, false", "睾, false", "盘, false", "谥, false"})
    void tellsTheCharactersPeopleAreNamedBy(String character, boolean usual) {
        assertThat(GivenNames.usual(character.codePointAt(0))).isEqualTo(usual);
    }

    @Test
    void theListHoldsAboutAThousandCharacters() {
        assertThat(GivenNames.count()).isBetween(800, 2000);
    }
}
