package org.huzhu.recognition.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.recognition.ocr.PaintedImages.filled;
import static org.huzhu.recognition.ocr.PaintedImages.paint;

import org.junit.jupiter.api.Test;

/**
 * A table's rule off a look's line ({@link Rules}): a run of ink along a row twice the line's height long goes, with its
 * lighter edge; the strokes (a character's longest, a bar crossing the rule) stay but where the rule was.
 */
class RulesTest {

    /** A 100-px-high, 400-px-wide line: a "character" (a bar 10 × 60 and a stroke 80 × 8 across it), paper (240) elsewhere. */
    private static GreyImage line() {
        GreyImage image = filled(400, 100, 240);
        paint(image, 100, 20, 10, 60, 40);
        paint(image, 65, 40, 80, 8, 40);
        return image;
    }

    @Test
    void aRuleAlongTheLineIsMadeWhiteWithItsEdgeAndTheStrokeCrossingItKeepsTheRest() {
        GreyImage image = line();
        paint(image, 0, 76, 400, 3, 30);
        paint(image, 0, 75, 400, 1, 180);
        paint(image, 0, 79, 400, 1, 180);
        paint(image, 100, 75, 10, 5, 40);

        GreyImage cleared = Rules.offLine(image);

        for (int y = 75; y <= 79; y++) {
            for (int x : new int[] {0, 50, 399}) assertThat(cleared.at(x, y)).as("(%d, %d)", x, y).isEqualTo(255);
        }
        for (int y = 76; y <= 78; y++) assertThat(cleared.at(105, y)).as("the bar where the rule was").isEqualTo(255);
        assertThat(cleared.at(105, 75)).as("the bar's ink beside the rule's edge").isEqualTo(40);
        assertThat(cleared.at(105, 79)).isEqualTo(40);
        assertThat(cleared.at(105, 30)).isEqualTo(40);
        assertThat(cleared.at(70, 44)).as("the character's long stroke").isEqualTo(40);
    }

    @Test
    void aLineWithoutARuleIsTheSameImage() {
        GreyImage image = line();
        paint(image, 200, 40, 150, 8, 40);
        assertThat(Rules.offLine(image)).as("a stroke 1.5 line heights long is no rule").isSameAs(image);
    }

    @Test
    void aLineNarrowerThanARuleIsTheSameImage() {
        GreyImage image = filled(150, 100, 240);
        paint(image, 0, 76, 150, 3, 30);
        assertThat(Rules.offLine(image)).isSameAs(image);
    }
}
