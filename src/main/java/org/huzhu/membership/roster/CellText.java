package org.huzhu.membership.roster;

/**
 * Cell text clean-up shared by the CSV and XLSX readers: trims ordinary, full-width (U+3000),
 * non-breaking and zero-width spaces, and strips the wrappers Excel users add to keep long digit
 * strings as text: {@code ="420106199001011234"} and a leading apostrophe {@code '420106...}.
 * No regular expressions: this runs for every cell.
 */
final class CellText {

    private CellText() {
    }

    static boolean isBlank(char c) {
        return c <= ' '
                || c == '\u3000' || c == '\u00A0' || c == '\uFEFF' || c == '\u200B'
                || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F';
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2018' || c == '\u2019' || c == '\uFF07';
    }

    /** Cleaned text of {@code s}, or null if nothing is left. Returns {@code s} itself when already clean. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        int start = 0;
        int end = s.length();
        while (start < end && isBlank(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(s.charAt(end - 1))) {
            end--;
        }
        if (end - start >= 3 && s.charAt(start) == '=' && s.charAt(start + 1) == '"' && s.charAt(end - 1) == '"') {
            start += 2;
            end -= 1;
            while (start < end && isBlank(s.charAt(start))) {
                start++;
            }
            while (end > start && isBlank(s.charAt(end - 1))) {
                end--;
            }
        } else if (start < end && isApostrophe(s.charAt(start))) {
            start++;
            while (start < end && isBlank(s.charAt(start))) {
                start++;
            }
        }
        if (start == end) {
            return null;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    /** Cleaned text of {@code buf[from, to)}, or null if nothing is left. */
    static String clean(char[] buf, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && isBlank(buf[start])) {
            start++;
        }
        while (end > start && isBlank(buf[end - 1])) {
            end--;
        }
        if (end - start >= 3 && buf[start] == '=' && buf[start + 1] == '"' && buf[end - 1] == '"') {
            start += 2;
            end -= 1;
            while (start < end && isBlank(buf[start])) {
                start++;
            }
            while (end > start && isBlank(buf[end - 1])) {
                end--;
            }
        } else if (start < end && isApostrophe(buf[start])) {
            start++;
            while (start < end && isBlank(buf[start])) {
                start++;
            }
        }
        return start == end ? null : new String(buf, start, end - start);
    }

    /** Whether {@code buf[from, to)} holds any non-blank character. */
    static boolean hasContent(char[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isBlank(buf[i])) {
                return true;
            }
        }
        return false;
    }
}
