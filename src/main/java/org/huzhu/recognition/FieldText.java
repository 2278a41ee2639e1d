package org.huzhu.recognition;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the text read beside a label into the field's spelling, without judging it (that is
 * {@link ReceiptChecks}' job): codes become digits, dates {@code yyyy-MM-dd}, amounts
 * {@code 0.00}. The usual OCR confusions (O for 0, l or I for 1) are undone only inside fields
 * made of digits, where a letter cannot be meant. Text that does not fit is passed on as read, to
 * be refused by the checks with a reason.
 */
final class FieldText {

    /**
     * A date's separator: 年 or 月, or a dash, point or slash — which OCR reads in a Song face as a V beside it or in its
     * place (2025/03V/14, 2026/02V10; set 1 printed in the Song face at 300 dpi): a V stands in no date.
     */
    private static final String SEPARATOR = "(?:[Vv]?[\\-./][Vv]?|[Vv])";
    static final Pattern DATE = Pattern.compile("(\\d{4})\\s*(?:年|" + SEPARATOR + ")\\s*(\\d{1,2})\\s*(?:月|" + SEPARATOR
            + ")\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(?!\\d)");
    /**
     * An amount as a receipt prints it: its yuan, with no 0 before another digit, a point and two decimals. A worn
     * scanner's template lost the 1 of ¥10044.87, read 0044.87; taken as money, it made the payments add up to the total
     * without its first digit (14211.64 read right, then taken for a misread ¥ before 4211.64), both WRONG. As no amount,
     * the total stands and the sum leaves 10044.87 for it. Set 1's 17 grey renderings: 7,305 → 7,307 right, WRONG 39 →
     * 37; a photo printed black off the grid no longer keeps 00.00 for 0.00 (WRONG 2 → 1); the rest page for page.
     */
    static final String MONEY_FORM = "(?:0|[1-9]\\d*)\\.\\d{2}";
    private static final Pattern MONEY = Pattern.compile(MONEY_FORM);
    private static final Pattern LEADING_ZERO = Pattern.compile("0\\d+\\.\\d{2}");
    /** A digit before a ¥ or ￥: text that is no amount, which begins at its sign. */
    private static final Pattern DIGIT_BEFORE_SIGN = Pattern.compile("\\d\\s*[¥￥]");
    /**
     * ¥ or ￥ before an amount as OCR misreads it (no amount begins with a letter or a mark): on grey scans its two bars
     * read as # and its fork as x, alone or after a Y (set 1's scan of seed 11's statement: Y#13287.93, YX1227.68,
     * x269.71, #2050.47 — the total and two payments were refused as noise and the sum had nothing to hold).
     */
    private static final Pattern CURRENCY_MISREAD = Pattern.compile("^(?:[Yy半羊兰丫#]|[Xx][Yy]?|[Yy][Xx#]|[Yy]{2})(?=\\d)");
    /** An amount inside other text: digits (thousands commas allowed), a point or a comma, two decimals. */
    /**
     * An amount's point and two decimals with a Chinese character right after them: the amount ends there, what follows
     * being the next label's ({@link #money}; where the page read it, {@code PageReading.Span#toAmountsEnd}).
     */
    static final Pattern AMOUNT_BEFORE_HAN = Pattern.compile("\\d[.,]\\d{2}(?=\\p{IsHan})");

    static final Pattern MONEY_IN_TEXT = Pattern.compile("(?<![\\d.,])\\d[\\d,]*[.,]\\d{2}(?![\\d.,]*\\d)");

    private FieldText() {
    }

    /**
     * Undoes the letter-for-digit confusions of OCR (O for 0; l, I, | for 1), character for
     * character, but only inside runs that are mostly digits already: a letter in a word stays a
     * letter. A vertical stroke at either end of a run is more likely a table rule than a 1 and is
     * left alone.
     */
    static String digitsFromLookAlikes(String text) {
        char[] chars = text.toCharArray();
        int i = 0;
        while (i < chars.length) {
            if (!digitLike(chars[i])) {
                i++;
                continue;
            }
            int end = i;
            int digits = 0;
            int lookAlikes = 0;
            while (end < chars.length && digitLike(chars[end])) {
                if (Character.isDigit(chars[end])) digits++;
                else if (zero(chars[end]) || one(chars[end])) lookAlikes++;
                end++;
            }
            if (digits > 0 && digits >= lookAlikes) {
                for (int k = i; k < end; k++) {
                    boolean edge = k == i || k == end - 1;
                    if (zero(chars[k])) chars[k] = '0';
                    else if (one(chars[k]) && !(edge && stroke(chars[k]))) chars[k] = '1';
                }
            }
            i = end;
        }
        return new String(chars);
    }

    private static boolean digitLike(char c) {
        return c >= '0' && c <= '9' || c == '.' || c == ',' || zero(c) || one(c);
    }

    private static boolean zero(char c) {
        return c == 'O' || c == 'o' || c == 'Q' || c == '〇';
    }

    private static boolean one(char c) {
        return c == 'l' || c == 'I' || c == 'i' || stroke(c);
    }

    private static boolean stroke(char c) {
        return c == '|' || c == '丨' || c == '!';
    }

    /** A code of digits: look-alikes undone, separators and stray strokes at the ends dropped; anything else kept, to be refused. */
    static String code(String text) {
        return trimCode(digitsFromLookAlikes(text).replaceAll("[\\s\\-_·]", ""));
    }

    /** The 校验码: lower-case hexadecimal. */
    static String checkCode(String text) {
        String code = trimCode(digitsFromLookAlikes(text).replaceAll("[\\s\\-_·]", "")).toLowerCase(java.util.Locale.ROOT);
        // hexadecimal has no l, i or o: between letters too they can only be 1 and 0 (c1cef5 read as clcef5)
        return code.matches("[0-9a-flio]+") ? code.replaceAll("[li]", "1").replace('o', '0') : code;
    }

    /** Strokes and specks at the ends of a value, read as marks: a fax's dotted streak beside a code reads 。 and 、 as well. */
    private static String trimNoise(String text) {
        return text.replaceAll("^[|丨!.,:;'\"`。、]+|[|丨!.,:;'\"`。、]+$", "");
    }

    /**
     * A code's ends without marks, curly quotes too (a speck before 42402648 read ”): a code's digit count refuses it
     * when a mark stood for a digit, which an amount, with no count, could not.
     */
    private static String trimCode(String text) {
        return text.replaceAll("^[|丨!.,:;'\"`。、“”‘’]+|[|丨!.,:;'\"`。、“”‘’]+$", "");
    }

    /** {@code yyyy-MM-dd} (also from {@code yyyy年M月d日}, {@code yyyy/M/d}, {@code yyyyMMdd}); the date's reality is not judged here. */
    static String date(String text) {
        List<String> dates = dates(text);
        return dates.size() == 1 ? dates.getFirst() : text;
    }

    /** Every date written in the text, in order. */
    static List<String> dates(String text) {
        String digits = digitsFromLookAlikes(text);
        List<String> dates = new ArrayList<>();
        Matcher m = DATE.matcher(digits);
        while (m.find()) dates.add(ymd(m));
        if (dates.isEmpty()) {
            Matcher compact = COMPACT_DATE.matcher(digits);
            while (compact.find()) dates.add(ymd(compact));
        }
        return dates;
    }

    private static String ymd(Matcher m) {
        return m.group(1) + "-" + pad(m.group(2)) + "-" + pad(m.group(3));
    }

    private static String pad(String number) {
        return number.length() == 1 ? "0" + number : number;
    }

    /**
     * An amount {@code 0.00}: currency signs (¥, ￥, and OCR's Y, YY, XY, 半, 羊, 兰 or 丫 for them right
     * before the digits), 元, spaces, thousands commas, stray strokes at the ends and marks after
     * the two decimals dropped, a comma read for the decimal point restored. Anything else in the
     * value (another letter before or inside it, a third decimal, a second amount)
     * and the text is passed on as read, to be refused: an amount is never picked out of noise. Nor is a digit before
     * the sign the amount's: an amount begins at its sign (a second look read the last stroke of 个人自付's 付 as a 1 before
     * ¥515.17, and both looks made it 1515.17).
     */
    static String money(String text) {
        if (DIGIT_BEFORE_SIGN.matcher(text).find()) return text;
        String t = trimNoise(digitsFromLookAlikes(text).replaceAll("[\\s¥￥元]", ""));
        t = CURRENCY_MISREAD.matcher(t).replaceFirst("");
        // after the two decimals, marks without a digit among them are the seal's or the paper's, not the amount's
        t = t.replaceFirst("(?<=[.,]\\d{2})[^\\d.,]+$", "");
        // and a Chinese character there ends the amount: what follows is the next label's, whatever digits it holds
        Matcher end = AMOUNT_BEFORE_HAN.matcher(t);
        if (end.find()) t = t.substring(0, end.end());
        if (!t.matches("\\d[\\d,]*[.,]\\d{2}")) return t;
        String whole = t.substring(0, t.length() - 3).replace(",", "");
        return whole + "." + t.substring(t.length() - 2);
    }

    static boolean isMoney(String text) {
        return MONEY.matcher(text).matches();
    }

    /** Whether a read is an amount's digits, point and decimals but for a 0 before its first digit (0044.87): no amount. */
    static boolean leadingZero(String text) {
        return LEADING_ZERO.matcher(text).matches();
    }

    /**
     * A person's or an institution's name: stray strokes OCR reads from rules and frames dropped, curly quotes too (a grey
     * scan's ”利川市人民医院, a speck before the name read as a quote, was then no listed hospital's read).
     */
    static String name(String text) {
        return text.replaceAll("[|丨_'\"`,.:;、，。\u201C\u201D\u2018\u2019\\s]", "");
    }

    /**
     * A person's name, as {@link #name}, with the middle dot of a name written so (买买提·艾力, the way an ID card writes
     * a Uyghur's or a foreigner's name) kept as {@code ·}: OCR reads the dot as a point, a hyphen, a bullet or a katakana
     * dot, and a point would otherwise be dropped as a speck and the name run together.
     */
    static String personName(String text) {
        String name = name(MIDDLE_DOT.matcher(text).replaceAll("·"));
        Matcher before = BEFORE_A_NUMBER.matcher(name);
        return before.matches() ? before.group(1) : name;
    }

    /**
     * A payer's name read after strokes that are no part of it (+，陈怡军 and +3，陈怡军 for 陈怡军, 3人)赵静 for 赵静: the seal's
     * ring over the label before it, read as marks, digits and the label's last characters): the Chinese characters after
     * the last character that is neither Chinese nor a middle dot, when they are two to four and begin with a surname
     * ({@link Surnames}); else the text as it is, for the checks to refuse. A name holds no mark, digit or letter, so what
     * stands before one is not the name's; Chinese strokes run into the name (了陈怡军) are not cut, and reads that differ
     * so are left out as they disagree.
     */
    static String nameAfterStrokes(String text) {
        Matcher m = AFTER_STROKES.matcher(text);
        return m.matches() && Surnames.makeAName(m.group(1)) ? m.group(1) : text;
    }

    /**
     * A payer's name as read on the page or by a look: {@link #personName}, then {@link #nameAfterStrokes}. Where the
     * read as {@link #personName} gives it is no name of Chinese characters alone beginning with a surname, the marks
     * it dropped as stray strokes still part what the seal left of the label from the name first (患者如:;:“王强雪 for 王强雪,
     * 取:林超 for 林超: the star over 交款人（患者）, its last characters read as others, then the colon): the name is the
     * characters after the last mark when they make one. A name read whole (张明华, or a speck in it: 张,明华) is never cut
     * so.
     */
    static String payerName(String text) {
        String name = personName(text);
        if (!(HAN_NAME.matcher(name).matches() && Surnames.makeAName(name))) {
            Matcher marked = AFTER_STROKES.matcher(MIDDLE_DOT.matcher(text).replaceAll("·").replaceAll("\\s", ""));
            if (marked.matches() && Surnames.makeAName(marked.group(1))) return marked.group(1);
        }
        return nameAfterStrokes(name);
    }

    /** Chinese characters alone, a middle dot among them for a name written so. */
    private static final Pattern HAN_NAME = Pattern.compile("[\\p{IsHan}·]+");

    private static final Pattern AFTER_STROKES = Pattern.compile(".*[^\\p{IsHan}·](\\p{IsHan}{2,4})");

    /**
     * A name read with the number of the next cell run on after it (吴梅420882199510121265: a settlement statement's
     * 姓名 and 证件号码 on one row, the seal over the number's label, so the look at the name's room read on into the
     * number): the Chinese characters before six digits or more. No one's name holds a digit.
     */
    private static final Pattern BEFORE_A_NUMBER = Pattern.compile("(\\p{IsHan}[\\p{IsHan}·]+)\\d{6}.*");

    /**
     * A hospital's name read with what followed it: up to its last usual ending (医院, 卫生院, 中心 …) when at most one
     * Chinese character and marks follow (利川市人民医院龟， → 利川市人民医院), or two of which the first begins a label
     * ({@link ReceiptLabel#firstCharacters}: the next label's first two, 复和 for 复核 of 复核人, where a look ran into it
     * past the room's end, which the page's read places by sharing a word's width among its characters); with no usual
     * ending, without the next label's first character or two ({@link #NEXT_LABELS_FIRST}); else as read, for the checks
     * to judge (武汉大学人民医院东院 stays whole).
     */
    static String upToItsEnding(String hospital) {
        Matcher m = ENDED.matcher(hospital);
        return m.matches() ? m.group(1) : NEXT_LABELS_FIRST.matcher(hospital).replaceFirst("");
    }

    /** How a hospital's name ends: the endings of the names of China's medical institutions. */
    static final String HOSPITAL_ENDINGS = "医院|卫生院|中心|诊所|保健院|门诊部|卫生室|卫生所|医务室";

    /**
     * The Chinese characters labels begin with: one of them after a hospital's name begins the next label, and a payer's
     * name read with a stroke after it does not end with one ({@link SecondReads#sharedBeforeAStroke}).
     */
    static final String LABELS_FIRST = ReceiptLabel.firstCharacters();

    private static final Pattern ENDED = Pattern.compile(
            "(.*(?:" + HOSPITAL_ENDINGS + "))[^\\p{IsHan}]*(?:[" + LABELS_FIRST + "]\\p{IsHan}|\\p{IsHan})?[^\\p{IsHan}]*");

    /**
     * The next label's first character or two at the end of a hospital's name read past its room's end, no usual ending
     * before them (宜昌市中心人民医吃复忆, its 院 misread: 复忆 is 复核人's 复核): cut off, for the list to be held against
     * the name alone. A character of the endings (医 of 医保类型) is the name's own: 宜昌市中心人民医 keeps its 医.
     */
    private static final Pattern NEXT_LABELS_FIRST = Pattern.compile("(?<=\\p{IsHan}[^\\p{IsHan}]{0,4})["
            + LABELS_FIRST.replaceAll("[" + HOSPITAL_ENDINGS.replace("|", "") + "]", "") + "]\\p{IsHan}?[^\\p{IsHan}]*$");

    /** A dot-like mark between two Chinese characters, spaced or not. */
    private static final Pattern MIDDLE_DOT = Pattern.compile("(?<=\\p{IsHan})\\s*[.·•・‧･∙⋅\\-－—–]\\s*(?=\\p{IsHan})");

    /**
     * A hospital's name: as {@link #name}, without the stamp mark of its label (收款单位（章）) that OCR left before it
     * when the brackets came out as other characters or the label was found by its shorter wording (收款单位): 章 and a
     * closing bracket at the start, after nothing or anything but a Chinese character (an opening bracket read as one
     * or two marks: 〈(章): for （章）：, a set 2 scan's). No hospital's name begins so (章丘市人民医院 keeps its 章).
     * Nor with anything but a Chinese character: what comes before one is the label's end misread (i): for 章): in
     * i):京山市人民医院), dropped. And no hospital's name holds 入 (none of the list's), where a worn or thin 人 is read
     * so (利川市入民医院, 荆门市筝二入民医贬): each is its 人.
     */
    static String hospital(String text) {
        String name = STAMP_MARK.matcher(name(DASHES_FOR_ONE.matcher(text).replaceAll("一"))).replaceFirst("");
        return BEFORE_THE_FIRST_CHARACTER.matcher(name).replaceFirst("").replace(READ_FOR_PERSON, PERSON);
    }

    /** 入, as OCR reads 人 in a hospital's name, where no hospital's name has it. */
    static final char READ_FOR_PERSON = '入', PERSON = '人';

    private static final Pattern BEFORE_THE_FIRST_CHARACTER = Pattern.compile("^[^\\p{IsHan}]+(?=\\p{IsHan})");

    /**
     * One or two dashes between two Chinese characters of a hospital's name: its 一, which OCR reads as a hyphen or two
     * (武汉市第--医院, 武汉市第~-医院 for 武汉市第一医院). No hospital's name holds a dash.
     */
    private static final Pattern DASHES_FOR_ONE = Pattern.compile("(?<=\\p{IsHan})[-－—–~～]{1,2}(?=\\p{IsHan})");

    private static final Pattern STAMP_MARK = Pattern.compile("^[^\\p{IsHan}]*章[)）〉】》」〕\\]]+");
}
