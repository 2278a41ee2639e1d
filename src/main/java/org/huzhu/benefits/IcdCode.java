package org.huzhu.benefits;

/**
 * ICD-10 codes as small integers, so that list look-ups are one array access. A code's slot is its
 * 3-character category (letter and two digits) and its first subcategory digit; codes without a
 * digit there (C50, G20.x00) take the category's slot 0. National clinical extensions after the
 * fourth character (C50.900x001) do not matter: codes match by their ICD-10 prefix.
 */
final class IcdCode {

    /** Category: letter × 100 + two digits (A00 = 0 … Z99 = 2599); slots per category: none + 0…9. */
    static final int CATEGORIES = 26 * 100;
    static final int SLOTS_PER_CATEGORY = 11;
    static final int SLOTS = CATEGORIES * SLOTS_PER_CATEGORY;
    static final int INVALID = -1;
    private static final int MAX_LENGTH = 24;

    private IcdCode() {
    }

    /** The slot of a diagnosis code such as {@code C50.9}, {@code c509}, {@code C50.900x001}; INVALID otherwise. */
    static int slot(String code) {
        if (code == null) return INVALID;
        int start = 0;
        int end = code.length();
        while (start < end && code.charAt(start) <= ' ') start++;
        while (end > start && code.charAt(end - 1) <= ' ') end--;
        if (end - start < 3 || end - start > MAX_LENGTH) return INVALID;
        int category = category(code, start);
        if (category == INVALID) return INVALID;
        int i = start + 3;
        int sub = -1;
        if (i < end && code.charAt(i) == '.') i++;
        else if (i < end && !isDigit(code.charAt(i))) return INVALID;
        if (i < end && isDigit(code.charAt(i))) sub = code.charAt(i) - '0';
        for (; i < end; i++) {
            char c = code.charAt(i);
            if (!isDigit(c) && !isLetter(c) && c != '+' && c != '*' && c != '†' && c != '-') return INVALID;
        }
        return category * SLOTS_PER_CATEGORY + sub + 1;
    }

    /** The category number of the letter and two digits at {@code at}, or INVALID. */
    static int category(String code, int at) {
        if (code.length() < at + 3) return INVALID;
        char letter = code.charAt(at);
        if (letter >= 'a' && letter <= 'z') letter = (char) (letter - 'a' + 'A');
        if (letter < 'A' || letter > 'Z') return INVALID;
        char d1 = code.charAt(at + 1);
        char d2 = code.charAt(at + 2);
        if (!isDigit(d1) || !isDigit(d2)) return INVALID;
        return (letter - 'A') * 100 + (d1 - '0') * 10 + (d2 - '0');
    }

    static int categoryOf(int slot) {
        return slot / SLOTS_PER_CATEGORY;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
