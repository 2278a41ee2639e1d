package org.huzhu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GB 11643-1999 resident ID numbers (domain §3). Expected check characters come from
 * {@link #withCheck(String)}, written from ISO 7064 MOD 11-2 itself (weights 2^(n-1) mod 11,
 * check = (12 − sum mod 11) mod 11, 10 → X), not from IdNumber's tables; the literal numbers were
 * verified by hand with the same formula.
 */
class IdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 1);

    /** ISO 7064 MOD 11-2, independent of {@link IdNumber#checkCharacter(CharSequence)}. */
    static String withCheck(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 16; i >= 0; i--) {
            weight = weight * 2 % 11;
            sum += (first17.charAt(i) - '0') * weight;
        }
        int check = (12 - sum % 11) % 11;
        return first17 + (check == 10 ? "X" : String.valueOf(check));
    }

    /** The same 17 characters with a check character that is certainly wrong. */
    private static String withWrongCheck(String first17) {
        char right = withCheck(first17).charAt(17);
        return first17 + (right == '1' ? '2' : '1');
    }

    static Stream<Arguments> validNumbers() {
        return Stream.of(
                // published examples (GB 11643 appendix and common samples), check verified by hand
                Arguments.of("11010519491231002X", "11010519491231002X", "1949-12-31", Gender.F),
                Arguments.of("34052419800101001X", "34052419800101001X", "1980-01-01", Gender.M),
                Arguments.of("11010119900307803X", "11010119900307803X", "1990-03-07", Gender.M),
                // lower-case x and surrounding blanks are normalised
                Arguments.of("11010519491231002x", "11010519491231002X", "1949-12-31", Gender.F),
                Arguments.of("  11010519491231002X\t", "11010519491231002X", "1949-12-31", Gender.F),
                // built with the standard's check character
                Arguments.of(withCheck("42010219900101123"), withCheck("42010219900101123"), "1990-01-01", Gender.M),
                Arguments.of("420102199001010030", "420102199001010030", "1990-01-01", Gender.M),
                Arguments.of(withCheck("42010220000229002"), withCheck("42010220000229002"), "2000-02-29", Gender.F),
                Arguments.of(withCheck("42080219000101001"), withCheck("42080219000101001"), "1900-01-01", Gender.M),
                Arguments.of(withCheck("42280120260501002"), withCheck("42280120260501002"), "2026-05-01", Gender.F),
                Arguments.of(withCheck("65010219991231998"), withCheck("65010219991231998"), "1999-12-31", Gender.F),
                Arguments.of(withCheck("81000019801231003"), withCheck("81000019801231003"), "1980-12-31", Gender.M));
    }

    @ParameterizedTest(name = "[{0}] is {1}, born {2}, {3}")
    @MethodSource("validNumbers")
    void acceptsValidNumbersAndReadsBirthDateAndSexFromThem(String raw, String normalised, LocalDate birth, Gender gender) {
        IdNumber id = IdNumber.parse(raw, TODAY);

        assertThat(id.value()).isEqualTo(normalised);
        assertThat(id.birthDate()).isEqualTo(birth);
        assertThat(id.gender()).isEqualTo(gender);
    }

    @Test
    void independentCheckFormulaAgreesWithThePublishedExample() {
        assertThat(withCheck("11010519491231002")).isEqualTo("11010519491231002X");
        assertThat(withCheck("44052418800101001")).isEqualTo("440524188001010014");
    }

    @ParameterizedTest(name = "check character of {0}")
    @ValueSource(strings = {"11010519491231002", "44052418800101001", "42010219900101003", "42010219900101009",
            "42010219900101123", "00000000000000000", "99999999999999999"})
    void checkCharacterFollowsIso7064Mod11_2(String first17) {
        assertThat(IdNumber.checkCharacter(first17)).isEqualTo(withCheck(first17).charAt(17));
    }

    @ParameterizedTest(name = "sequence {0} → {1}")
    @CsvSource({"000, F", "001, M", "002, F", "123, M", "998, F", "999, M"})
    void sexComesFromTheParityOfTheSeventeenthDigit(String sequence, Gender gender) {
        assertThat(IdNumber.parse(withCheck("42010219900101" + sequence), TODAY).gender()).isEqualTo(gender);
    }

    @ParameterizedTest(name = "[{0}] refused: {1}")
    @CsvSource(delimiter = '|', value = {
            // wrong check character
            "110105194912310021 | 校验位",
            "110105194912310020 | 校验位",
            "34052419800101001x0 | 18位",
            // impossible dates
            "420102_20230229_123 | 出生日期",
            "420102_19900431_123 | 出生日期",
            "420102_19901301_123 | 出生日期",
            "420102_19900001_123 | 出生日期",
            "420102_19900100_123 | 出生日期",
            "420102_19900132_123 | 出生日期",
            "420102_19000229_124 | 出生日期",
            // birth in the future, or before 1900
            "420102_20260502_123 | 出生日期",
            "420102_20270101_123 | 出生日期",
            "420102_18991231_123 | 出生日期",
            "440524188001010014 | 出生日期",
            // unknown province / region code
            "990102_19900101_123 | 地区码",
            "100102_19900101_123 | 地区码",
            "000102_19900101_123 | 地区码",
            "200102_19900101_123 | 地区码",
            // wrong lengths
            "42010219900101123 | 18位",
            "4201021990010112345 | 18位",
            "4201021990010112 | 18位",
            "4201021990010 | 18位",
            // letters where only digits belong
            "4201021990A101123X | 前17位",
            "X20102199001011236 | 前17位",
            "42010219900101123A | 最后一位",
            "42010219900101123Y | 最后一位",
            "4201021990O101123 | 18位",
            "42010219900101１２３６ | 前17位",
            "42010A900101123 | 15位",
            "11010549123100X | 15位",
            // a 15-digit number with an impossible date
            "110105490231002 | 出生日期",
    })
    void refusesInvalidNumbersWithTheReason(String spec, String reason) {
        assertThatThrownBy(() -> IdNumber.parse(number(spec), TODAY))
                .isInstanceOf(IdNumber.InvalidIdNumber.class)
                .hasMessageContaining(reason);
    }

    /** {@code area_yyyyMMdd_seq} means: these 17 digits with a correct check character. */
    private static String number(String spec) {
        return spec.contains("_") ? withCheck(spec.replace("_", "")) : spec;
    }

    @Test
    void wrongCheckCharacterIsRefusedWhereTheRestIsValid() {
        String first17 = "42010219900101123";
        IdNumber.parse(withCheck(first17), TODAY);

        assertThatThrownBy(() -> IdNumber.parse(withWrongCheck(first17), TODAY))
                .isInstanceOf(IdNumber.InvalidIdNumber.class)
                .hasMessageContaining("校验位");
    }

    @Test
    void birthDateIsJudgedAgainstTheGivenToday() {
        String bornMay2 = withCheck("42010220260502123");

        assertThatThrownBy(() -> IdNumber.parse(bornMay2, LocalDate.of(2026, 5, 1)))
                .isInstanceOf(IdNumber.InvalidIdNumber.class)
                .hasMessageContaining("出生日期");
        assertThat(IdNumber.parse(bornMay2, LocalDate.of(2026, 5, 2)).birthDate()).isEqualTo(LocalDate.of(2026, 5, 2));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void refusesBlankNumbers(String raw) {
        assertThatThrownBy(() -> IdNumber.parse(raw, TODAY))
                .isInstanceOf(IdNumber.InvalidIdNumber.class)
                .hasMessageContaining("不能为空");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // GB 11643 appendix example: 15-digit 110105491231002 is 11010519491231002X
            "110105491231002, 11010519491231002X, 1949-12-31, F",
            "420102900101123, 420102199001011236, 1990-01-01, M",
            "340524800101001, 34052419800101001X, 1980-01-01, M",
    })
    void upgradesFifteenDigitNumbersByInsertingTheCenturyAndACheckCharacter(String fifteen, String eighteen,
                                                                          LocalDate birth, Gender gender) {
        assertThat(withCheck(eighteen.substring(0, 17))).isEqualTo(eighteen);

        IdNumber id = IdNumber.parse(fifteen, TODAY);

        assertThat(id.value()).isEqualTo(eighteen);
        assertThat(id.birthDate()).isEqualTo(birth);
        assertThat(id.gender()).isEqualTo(gender);
        assertThat(id).isEqualTo(IdNumber.parse(eighteen, TODAY));
    }

    @Test
    void masksAllButTheLastTwoCharacters() {
        IdNumber id = IdNumber.parse("11010519491231002X", TODAY);

        assertThat(id.masked()).isEqualTo("****************2X");
        assertThat(IdNumber.mask(withCheck("42010219900101123"))).isEqualTo("****************36");
    }

    /**
     * The member answer shows the birth date and the gender beside the masked number, so what is
     * left to guess is the area code, the two sequence digits that are hidden and whatever the
     * gender leaves of the third; the check character is fixed by the other 17. Counted as a
     * reader who knows every county code in use would count, with a deliberate under-count of
     * those codes: 16 per province (Beijing, Tianjin and Shanghai have 16 county-level codes, the
     * fewest of any province), 31 provinces.
     */
    @ParameterizedTest
    @CsvSource({"110101", "310115", "420102", "460105", "650102"})
    void aMaskedIdNumberLeavesAtLeastAThousandCandidates(String area) {
        for (LocalDate birth : List.of(LocalDate.of(1949, 12, 31), LocalDate.of(1975, 8, 9), LocalDate.of(2004, 2, 29))) {
            for (int sequence : List.of(1, 2, 737, 998)) {
                IdNumber id = IdNumber.parse(withCheck(area + birth.toString().replace("-", "") + "%03d".formatted(sequence)), TODAY);

                assertThat(MaskArithmetic.candidates(id.masked(), id.birthDate(), id.gender()))
                        .as("candidates for %s", id.masked()).isGreaterThanOrEqualTo(1000);
            }
        }
        // why the province is hidden too: its two digits and the last two characters leave about 145 in Shanghai
        IdNumber shanghai = IdNumber.parse(withCheck("31011519800101123"), TODAY);
        String provinceAndLastTwo = "31" + "*".repeat(14) + shanghai.value().substring(16);
        assertThat(MaskArithmetic.candidates(provinceAndLastTwo, shanghai.birthDate(), shanghai.gender())).isLessThan(1000);
    }

    /** Counting the full numbers a masked one stands for, given the birth date and the gender shown beside it. */
    static final class MaskArithmetic {

        private static final List<String> MAINLAND = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
                "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65");
        private static final int COUNTIES_PER_PROVINCE = 16;

        static long candidates(String masked, LocalDate birth, Gender gender) {
            String born = birth.toString().replace("-", "");
            long count = 0;
            for (String area : areas(masked.substring(0, 6))) {
                for (int sequence = gender == Gender.M ? 1 : 0; sequence < 1000; sequence += 2) {
                    String first17 = area + born + "%03d".formatted(sequence);
                    if (fits(masked, first17 + IdNumber.checkCharacter(first17))) count++;
                }
            }
            return count;
        }

        /** The area codes a masked area could be: the shown province or any, and its county codes (or any digit shown as *). */
        private static List<String> areas(String masked) {
            List<String> provinces = masked.charAt(0) == '*' ? MAINLAND : List.of(masked.substring(0, 2));
            List<String> areas = new java.util.ArrayList<>();
            for (String province : provinces) {
                if (masked.substring(2).equals("****")) {
                    for (int c = 1; c <= COUNTIES_PER_PROVINCE; c++) areas.add(province + "01" + "%02d".formatted(c));
                } else {
                    for (int c = 0; c < 10_000; c++) {
                        String county = "%04d".formatted(c);
                        if (fits(masked.substring(2), county)) areas.add(province + county);
                    }
                }
            }
            return areas;
        }

        private static boolean fits(String masked, String candidate) {
            for (int i = 0; i < masked.length(); i++) {
                if (masked.charAt(i) != '*' && masked.charAt(i) != candidate.charAt(i)) return false;
            }
            return true;
        }
    }

    @Test
    void toStringNeverShowsTheFullNumber() {
        IdNumber id = IdNumber.parse("34052419800101001X", TODAY);

        assertThat(id.toString())
                .isEqualTo("****************1X")
                .doesNotContain("34052419800101001X")
                .doesNotContain("19800101");
        assertThat(String.valueOf(java.util.List.of(id))).doesNotContain("19800101");
    }

    @Test
    void numbersAreEqualByTheirNormalisedValue() {
        assertThat(IdNumber.parse("11010519491231002x", TODAY))
                .isEqualTo(IdNumber.parse("11010519491231002X", TODAY))
                .hasSameHashCodeAs(IdNumber.parse("110105491231002", TODAY))
                .isNotEqualTo(IdNumber.parse("34052419800101001X", TODAY));
    }
}
