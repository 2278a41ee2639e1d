package org.huzhu.recognition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An amount in the capitals a receipt writes its total in beside its figures (金额合计（大写）伍仟捌佰贰拾叁元零壹分), and
 * whether a read of such words agrees with an amount. The words are a second writing of the total: where the seal lies
 * over the figures (小写) and not over the words, they still say what the total is — read, not reckoned.
 * <p>
 * Receipts write the same amount in a few ways (元 or 圆, 整 or 正 or nothing after 角, 壹拾 or 拾 for ten to nineteen,
 * 零 or nothing between 元 and 角), so a read is held against each. OCR misreads capitals mostly as characters no
 * amount is written with (仟 as 什, 捌 as 制, 柒 as 染): such a character says nothing, and is let pass; a capital or a
 * unit read where another stands says the amount is another, and the read does not agree. 参 is the one misread taken
 * for the capital it stands for ({@link #MISREAD}): it is 叁 less two strokes, and no other capital looks like it.
 */
final class AmountInWords {
    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    /** Every character amounts are written with in capitals. */
    static final String ALPHABET = DIGITS + "拾佰仟万亿元圆角分整正";
    /** The least share of the words' characters a read must keep, in place. */
    static final double KEPT = 0.6;
    /** Amounts from this on are written with 亿, which no receipt's total reaches: none agrees. */
    private static final BigDecimal LARGEST = BigDecimal.valueOf(100_000_000L);
    /**
     * A character no amount is written with that OCR reads for one capital only, 叁: read so, it says that capital.
     * Set 1's worn scan (FADEDSCAN seed 1) read 叁仟柒佰伍拾壹元肆角陆分 as 参什类佰伍拾考元肆角陆分; with 参 saying nothing
     * it agreed with 2751.46, the payments' sum with the fund's leading 1 lost (321.49 for 1321.49), and that total was
     * taken.
     */
    private static final char MISREAD = '参', MEANT = '叁';
    /** The most characters a read may have lost or gained. */
    static final int GAPS = 1;

    private AmountInWords() {
    }

    /** The ways receipts write the amount (at least 0, under a hundred million yuan) in capitals. */
    static Set<String> spellings(BigDecimal amount) {
        long units = amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
        long yuan = units / 100;
        int jiao = (int) (units / 10 % 10), fen = (int) (units % 10);
        Set<String> spellings = new LinkedHashSet<>();
        for (String integer : integers(yuan)) {
            for (String yuanUnit : new String[] {"元", "圆"}) {
                String whole = yuan == 0 ? "" : integer + yuanUnit;
                List<String> fractions = new ArrayList<>();
                if (jiao == 0 && fen == 0) {
                    fractions.add("整");
                    fractions.add("正");
                } else if (fen == 0) {
                    for (String end : new String[] {"", "整", "正"}) {
                        fractions.add(DIGITS.charAt(jiao) + "角" + end);
                        if (yuan % 10 == 0 && yuan > 0) fractions.add("零" + DIGITS.charAt(jiao) + "角" + end);
                    }
                } else if (jiao == 0) {
                    fractions.add((yuan == 0 ? "" : "零") + DIGITS.charAt(fen) + "分");
                } else {
                    fractions.add(DIGITS.charAt(jiao) + "角" + DIGITS.charAt(fen) + "分");
                    if (yuan % 10 == 0 && yuan > 0) fractions.add("零" + DIGITS.charAt(jiao) + "角" + DIGITS.charAt(fen) + "分");
                }
                if (yuan == 0 && jiao == 0 && fen == 0) fractions = List.of("零" + yuanUnit + "整");
                for (String fraction : fractions) spellings.add(whole + fraction);
            }
        }
        return spellings;
    }

    /** The yuan in capitals: 壹万零伍佰 …; ten to nineteen both as 壹拾 and as 拾. */
    private static List<String> integers(long yuan) {
        if (yuan >= 100_000_000L) throw new IllegalArgumentException("amount too large to write in words: " + yuan);
        String words = yuan >= 10_000 ? group((int) (yuan / 10_000)) + "万" + (yuan % 10_000 < 1000 && yuan % 10_000 > 0 ? "零" : "")
                + (yuan % 10_000 == 0 ? "" : group((int) (yuan % 10_000))) : group((int) yuan);
        if (yuan >= 10 && yuan < 20) return List.of(words, words.substring(1));
        return List.of(words);
    }

    /** A number under ten thousand in capitals, its inner runs of zeros one 零, none at its end. */
    private static String group(int n) {
        StringBuilder words = new StringBuilder();
        String[] units = {"仟", "佰", "拾", ""};
        int[] digits = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
        boolean zero = false;
        for (int i = 0; i < 4; i++) {
            if (digits[i] == 0) {
                zero = words.length() > 0;
                continue;
            }
            if (zero) words.append('零');
            zero = false;
            words.append(DIGITS.charAt(digits[i])).append(units[i]);
        }
        return words.toString();
    }

    /**
     * Whether the words read agree with the amount: held against one of its {@link #spellings}, character by character
     * (the fewest changes that make one the other), no character of the {@link #ALPHABET} stands where another does or
     * was read in more, at most {@link #GAPS} characters were lost or gained, at least {@link #KEPT} of the spelling's
     * characters were read in their place, and at least half its capitals (one at least) were. Characters outside the
     * alphabet (a read's misreads) say nothing. No words agree with an amount below nothing, of a hundred million yuan
     * or more, or with fractions of a cent.
     */
    static boolean agrees(String read, BigDecimal amount) {
        if (amount.signum() < 0 || amount.compareTo(LARGEST) >= 0 || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) return false;
        String words = read.replaceAll("[^\\p{IsHan}]", "").replace(MISREAD, MEANT);
        for (String spelling : spellings(amount)) {
            if (agreesWith(words, spelling)) return true;
        }
        return false;
    }

    private static boolean agreesWith(String read, String spelling) {
        int n = read.length(), m = spelling.length();
        int[][] cost = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) cost[i][0] = i;
        for (int j = 0; j <= m; j++) cost[0][j] = j;
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int same = read.charAt(i - 1) == spelling.charAt(j - 1) ? 0 : 1;
                cost[i][j] = Math.min(cost[i - 1][j - 1] + same, Math.min(cost[i - 1][j], cost[i][j - 1]) + 1);
            }
        }
        int kept = 0, capitals = 0, capitalsKept = 0, gaps = 0;
        for (char c : spelling.toCharArray()) if (DIGITS.indexOf(c) >= 0) capitals++;
        int i = n, j = m;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && cost[i][j] == cost[i - 1][j - 1] + (read.charAt(i - 1) == spelling.charAt(j - 1) ? 0 : 1)) {
                char r = read.charAt(i - 1), s = spelling.charAt(j - 1);
                if (r == s) {
                    kept++;
                    if (DIGITS.indexOf(s) >= 0) capitalsKept++;
                } else if (ALPHABET.indexOf(r) >= 0) {
                    return false;
                }
                i--;
                j--;
            } else if (i > 0 && cost[i][j] == cost[i - 1][j] + 1) {
                if (ALPHABET.indexOf(read.charAt(i - 1)) >= 0) return false;
                gaps++;
                i--;
            } else {
                gaps++;
                j--;
            }
        }
        return gaps <= GAPS && kept >= KEPT * m && capitalsKept >= Math.max(1, (capitals + 1) / 2);
    }
}
