package org.huzhu.shared;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-letter
 * alphabet without I, O, S, V, Z, the last one a MOD 31 check character.
 */
public final class CreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Returns the normalised code (upper case), or throws with a Chinese reason. */
    public static String check(String raw) {
        if (raw == null || raw.isBlank()) throw new IllegalArgumentException("统一社会信用代码不能为空");
        String s = raw.strip().toUpperCase();
        if (s.length() != 18) throw new IllegalArgumentException("统一社会信用代码应为18位");
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                throw new IllegalArgumentException("统一社会信用代码含有不允许的字符：" + s.charAt(i));
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                throw new IllegalArgumentException("统一社会信用代码第3至8位应为行政区划码（数字）");
            }
        }
        if (checkCharacter(s) != s.charAt(17)) throw new IllegalArgumentException("统一社会信用代码校验位错误");
        return s;
    }

    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
