package org.huzhu.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * A resident identity number (居民身份证号码, GB 11643-1999): 6-digit area code, 8-digit birth
 * date, 3-digit sequence whose parity gives the sex, and an ISO 7064 MOD 11-2 check character.
 * 15-digit first-generation numbers are upgraded to 18 digits. Never log {@link #value()}.
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
            "65", "71", "81", "82", "83");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final String value;
    private final LocalDate birthDate;
    private final Gender gender;

    private IdNumber(String value, LocalDate birthDate, Gender gender) {
        this.value = value;
        this.birthDate = birthDate;
        this.gender = gender;
    }

    /** Parses and checks a number; {@code today} bounds the birth date. */
    public static IdNumber parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) throw new InvalidIdNumber("身份证号码不能为空");
        String s = raw.strip().toUpperCase();
        if (s.length() == 15) s = upgrade(s);
        if (s.length() != 18) throw new InvalidIdNumber("身份证号码应为18位（或15位旧号码）");
        for (int i = 0; i < 17; i++) {
            if (!isDigit(s.charAt(i))) throw new InvalidIdNumber("身份证号码前17位必须是数字");
        }
        char last = s.charAt(17);
        if (!isDigit(last) && last != 'X') throw new InvalidIdNumber("身份证号码最后一位必须是数字或X");
        if (!PROVINCES.contains(s.substring(0, 2))) throw new InvalidIdNumber("身份证号码的地区码不存在");
        LocalDate birth = birthDate(s, 6);
        if (birth == null) throw new InvalidIdNumber("身份证号码中的出生日期不存在");
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            throw new InvalidIdNumber("身份证号码中的出生日期不合理");
        }
        if (checkCharacter(s) != last) throw new InvalidIdNumber("身份证号码校验位错误");
        Gender gender = (s.charAt(16) - '0') % 2 == 1 ? Gender.M : Gender.F;
        return new IdNumber(s, birth, gender);
    }

    public static IdNumber parse(String raw) {
        return parse(raw, LocalDate.now());
    }

    /** The MOD 11-2 check character of the first 17 characters. */
    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        return CHECK[sum % 11];
    }

    private static String upgrade(String fifteen) {
        for (int i = 0; i < 15; i++) {
            if (!isDigit(fifteen.charAt(i))) throw new InvalidIdNumber("15位身份证号码必须全部是数字");
        }
        String first17 = fifteen.substring(0, 6) + "19" + fifteen.substring(6);
        return first17 + checkCharacter(first17);
    }

    private static LocalDate birthDate(String s, int at) {
        try {
            return LocalDate.of(Integer.parseInt(s, at, at + 4, 10),
                    Integer.parseInt(s, at + 4, at + 6, 10), Integer.parseInt(s, at + 6, at + 8, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Gender gender() {
        return gender;
    }

    /** {@code ****************1X}: what screens and answers show. */
    public String masked() {
        return mask(value);
    }

    /**
     * Shows only the last two characters. Answers show the birth date and the gender beside the
     * masked number, so the area code must stay hidden as a whole: with the province shown, a
     * province of 16 county codes would leave about 145 candidates; hidden, thousands remain
     * (IdNumberTest counts them).
     */
    public static String mask(String idNumber) {
        return "*".repeat(idNumber.length() - 2) + idNumber.substring(idNumber.length() - 2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked on purpose, so that a careless log line leaks nothing. */
    @Override
    public String toString() {
        return masked();
    }

    /** Why a number was refused, in words a clerk understands. */
    public static final class InvalidIdNumber extends IllegalArgumentException {
        public InvalidIdNumber(String message) {
            super(message);
        }
    }
}
