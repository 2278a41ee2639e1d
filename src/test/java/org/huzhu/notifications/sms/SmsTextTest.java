package org.huzhu.notifications.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsTextTest {

    @ParameterizedTest
    @CsvSource({"0, 1", "1, 1", "70, 1", "71, 2", "134, 2", "135, 3", "201, 3", "202, 4"})
    void countsSegmentsByUtf16Units(int units, int segments) {
        assertThat(SmsText.segments("互".repeat(units))).isEqualTo(segments);
        assertThat(SmsText.split("互".repeat(units))).hasSize(segments);
    }

    @Test
    void aTextThatFitsOneSegmentIsNotCut() {
        String text = "您的互助金申请已受理".repeat(7);
        assertThat(SmsText.split(text)).containsExactly(text);
    }

    @Test
    void cutsLongTextsInto67UnitPartsThatJoinBackToTheText() {
        String text = "职工互助保障".repeat(25);
        List<String> parts = SmsText.split(text);
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0)).hasSize(67);
        assertThat(parts.get(1)).hasSize(67);
        assertThat(parts.get(2)).hasSize(16);
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "互".repeat(66) + "😀" + "助".repeat(10);
        List<String> parts = SmsText.split(text);
        assertThat(parts.get(0)).hasSize(66).doesNotContain("\uD83D");
        assertThat(parts.get(1)).startsWith("😀");
        assertThat(String.join("", parts)).isEqualTo(text);
        parts.forEach(p -> {
            assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
            assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse();
        });
    }

    @Test
    void aSurrogatePairAtTheBoundaryCanCostOneMoreSegment() {
        String text = "互".repeat(66) + "😀" + "助".repeat(66);
        assertThat(text).hasSize(134);
        assertThat(SmsText.segments(text)).isEqualTo(3);
        assertThat(SmsText.segments("互".repeat(67) + "😀" + "助".repeat(65))).isEqualTo(2);
    }
}
