package org.huzhu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GB 32100-2015 unified social credit codes (domain §2). {@link #withCheck(String)} is written
 * from the standard (alphabet 0-9 and A-Z without I O S V Z; weight of position i is 3^i mod 31;
 * check = 31 − sum mod 31, 31 → 0), not from CreditCode's tables.
 */
class CreditCodeTest {

    private static final String ALPHABET = IntStream.concat(IntStream.rangeClosed('0', '9'), IntStream.rangeClosed('A', 'Z'))
            .filter(c -> "IOSVZ".indexOf(c) < 0)
            .mapToObj(c -> String.valueOf((char) c))
            .collect(Collectors.joining());

    static String withCheck(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // real codes published on business licences; check characters verified by hand
            "91350100M000100Y43",
            "914403001922038216",
            "9144030071526726XG",
            "91330100716105852F",
            // built here; the last two have the extreme check characters Y (30) and 0 (31 → 0)
            "12420100MB1234567X",
            "92420102MA4K0U3R1K",
            "53420000MJH2Y8K4XJ",
            "12420100MB0000008Y",
            "12420100MB00000180"})
    void acceptsValidCodes(String code) {
        assertThat(withCheck(code.substring(0, 17))).as("fixture is valid by the standard").isEqualTo(code);

        assertThat(CreditCode.check(code)).isEqualTo(code);
        assertThat(CreditCode.checkCharacter(code)).isEqualTo(code.charAt(17));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"31420000MD0123456", "11100000000013127", "000000000000000000", "YYYYYYYYYYYYYYYYY",
            "91420100MA4K0U3R1", "9142010ABCDEFGHJK"})
    void checkCharacterFollowsTheStandard(String first17) {
        assertThat(CreditCode.checkCharacter(first17)).isEqualTo(withCheck(first17).charAt(17));
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', value = {
            "9144030071526726xg | 9144030071526726XG",
            "91350100m000100y43 | 91350100M000100Y43",
            "'  91330100716105852F ' | 91330100716105852F"})
    void normalisesCaseAndSurroundingBlanks(String raw, String normalised) {
        assertThat(CreditCode.check(raw)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "[{0}] refused: {1}")
    @CsvSource(delimiter = '|', value = {
            // wrong check character
            "91350100M000100Y44 | 校验位",
            "91350100M000100Y4X | 校验位",
            "914403001922038217 | 校验位",
            "9144030071526726XH | 校验位",
            "12420100MB00000181 | 校验位",
            // two characters swapped: the weighted sum notices
            "91350100M000100Y34 | 校验位",
            "19350100M000100Y43 | 校验位",
            // letters that the alphabet leaves out, anywhere, including as the check character
            "91350100M000100I43 | 不允许的字符",
            "91350100O000100Y43 | 不允许的字符",
            "91350100M000100S43 | 不允许的字符",
            "91350100M00V100Y43 | 不允许的字符",
            "Z1350100M000100Y43 | 不允许的字符",
            "91350100M000100Y4O | 不允许的字符",
            "91350100M000100Y4-  | 不允许的字符",
            "91350100M000 00Y43 | 不允许的字符",
            // wrong length
            "91350100M000100Y4 | 18位",
            "91350100M000100Y431 | 18位",
            "9135 | 18位",
    })
    void refusesInvalidCodesWithTheReason(String raw, String reason) {
        assertThatThrownBy(() -> CreditCode.check(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"91A50100MA4K0U3R1", "9142010AMA4K0U3R1", "91Y20100MA4K0U3R1", "91420B00MA4K0U3R1",
            "91HUBE10MA4K0U3R1", "9142M100MA4K0U3R1"})
    void refusesLettersInTheAreaCodePositionsThreeToEight(String first17) {
        String code = withCheck(first17);

        assertThatThrownBy(() -> CreditCode.check(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("行政区划码");
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void refusesBlankCodes(String raw) {
        assertThatThrownBy(() -> CreditCode.check(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("不能为空");
    }
}
