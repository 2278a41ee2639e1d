package org.huzhu.recognition.specimen;

import java.math.BigDecimal;

/**
 * Writes an amount of yuan in financial capitals (大写金额) as receipts print it after 金额合计（大写）:
 * 23456.78 → 贰万叁仟肆佰伍拾陆元柒角捌分. Follows the People's Bank rules for filling in bills
 * (《正确填写票据和结算凭证的基本规定》): 整 after 元 when there are neither 角 nor 分 (none after 角);
 * one 零 for each run of zeros inside the number, also between 元 and 分 when 角 is zero; the
 * optional 零 where the 元 or 万 digit is zero but the next digit is not is left out (1680.32 →
 * 壹仟陆佰捌拾元叁角贰分, 107000.53 → 壹拾万柒仟元伍角叁分); tens are written 壹拾.
 */
final class CapitalAmount {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] PLACES = {"仟", "佰", "拾", ""};
    private static final String[] SECTIONS = {"", "万", "亿", "万亿"};

    private static final BigDecimal LIMIT = new BigDecimal("1E16");

    private CapitalAmount() {}

    static String of(BigDecimal amount) {
        if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("not an amount of yuan and fen: " + amount);
        }
        long fen = amount.movePointRight(2).longValueExact();
        long yuan = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        if (fen == 0) {
            return "零元整";
        }
        StringBuilder out = new StringBuilder();
        if (yuan > 0) {
            out.append(yuanPart(yuan)).append('元');
        }
        if (jiao == 0 && cents == 0) {
            return out.append('整').toString();
        }
        if (jiao > 0) {
            out.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            out.append('零');
        }
        if (cents > 0) {
            out.append(DIGITS.charAt(cents)).append('分');
        }
        return out.toString();
    }

    /** The whole yuan, four digits (仟佰拾个) to a section (万, 亿), highest section first. */
    private static String yuanPart(long yuan) {
        String digits = Long.toString(yuan);
        int sections = (digits.length() + 3) / 4;
        digits = "0".repeat(sections * 4 - digits.length()) + digits;
        StringBuilder out = new StringBuilder();
        boolean zeroPending = false;
        for (int s = 0; s < sections; s++) {
            String section = digits.substring(s * 4, s * 4 + 4);
            if (Integer.parseInt(section) == 0) {
                zeroPending = out.length() > 0;
                continue;
            }
            if (out.length() > 0 && (zeroPending || section.charAt(0) == '0')) {
                out.append('零');
            }
            out.append(section(section)).append(SECTIONS[sections - 1 - s]);
            zeroPending = false;
        }
        return out.toString();
    }

    /** One non-zero group of four digits; leading zeros are the caller's business. */
    private static String section(String fourDigits) {
        StringBuilder out = new StringBuilder();
        boolean zeroSeen = false;
        for (int i = 0; i < 4; i++) {
            int digit = fourDigits.charAt(i) - '0';
            if (digit == 0) {
                zeroSeen = out.length() > 0;
                continue;
            }
            if (zeroSeen) {
                out.append('零');
                zeroSeen = false;
            }
            out.append(DIGITS.charAt(digit)).append(PLACES[i]);
        }
        return out.toString();
    }
}
