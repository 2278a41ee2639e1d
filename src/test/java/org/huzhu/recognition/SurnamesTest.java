package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurnamesTest {

    @ParameterizedTest
    @CsvSource({"钟敏, true", "董明, true", "付强, true", "肖红, true", "覃大勇, true", "诸葛浩涛, true", "欧阳修, true",
            "司马光, true", "买买提·艾力, true", "名敏, false", "芷明, false", "囊伟, false", "钟, false", "葛亮, true"})
    void aNameBeginsWithASurnameOrHasAMiddleDot(String name, boolean begins) {
        assertThat(Surnames.begins(name)).isEqualTo(begins);
    }

    @org.junit.jupiter.api.Test
    void theListHoldsTheHundredFamiliesAndMore() {
        assertThat(Surnames.count()).isGreaterThan(500);
    }
}
