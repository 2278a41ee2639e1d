package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.huzhu.claims.DiagnosisSuggestions.How;
import org.huzhu.claims.DiagnosisSuggestions.Suggestion;
import org.junit.jupiter.api.Test;

/** The code a diagnosis read from a discharge summary suggests, from the shipped diagnosis name list; none when unsure. */
class DiagnosisSuggestionsTest {

    private final DiagnosisSuggestions suggestions = new DiagnosisSuggestions(DiagnosisNames.load(""));

    @Test
    void theStandardNameSuggestsItsCode() {
        assertThat(suggestions.suggest("急性心肌梗死")).contains(new Suggestion("I21", "急性心肌梗死", "急性心肌梗死", How.EXACT));
    }

    @Test
    void aSynonymSuggestsItsCodeWithTheStandardName() {
        assertThat(suggestions.suggest("心梗")).contains(new Suggestion("I21", "急性心肌梗死", "心梗", How.SYNONYM));
        assertThat(suggestions.suggest(" 2型糖尿病。")).contains(new Suggestion("E11", "非胰岛素依赖型糖尿病", "2型糖尿病", How.SYNONYM));
    }

    @Test
    void aLongerWordingSuggestsTheLongestNameItContains() {
        assertThat(suggestions.suggest("高血压病3级（极高危）")).contains(new Suggestion("I10", "特发性（原发性）高血压", "高血压病", How.CONTAINED));
        assertThat(suggestions.suggest("社区获得性肺炎，重症")).map(Suggestion::code).contains("J18");
    }

    @Test
    void oneCharacterMisreadStillSuggestsTheCode() {
        assertThat(suggestions.suggest("急性心肌埂死")).contains(new Suggestion("I21", "急性心肌梗死", "急性心肌梗死", How.NEAR));
    }

    @Test
    void wordsThatNameSeveralCodesSuggestNothing() {
        assertThat(suggestions.suggest("糖尿病")).as("E11 and E14").isEmpty();
        assertThat(suggestions.suggest("肺结核")).as("A15 and A16").isEmpty();
    }

    @Test
    void wordsTheListDoesNotKnowSuggestNothing() {
        assertThat(suggestions.suggest("待查")).isEmpty();
        assertThat(suggestions.suggest("")).isEmpty();
        assertThat(suggestions.suggest("痛")).isEmpty();
    }
}
