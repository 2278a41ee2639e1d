package org.huzhu.membership.roster;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Parses the date texts people type into a roster's 缴费日期 column. */
public final class RosterDates {

    private RosterDates() {
    }

    /**
     * Parses {@code yyyy-MM-dd} (also {@code yyyy-M-d}), {@code yyyy/M/d}, {@code yyyy.M.d},
     * {@code yyyyMMdd} and {@code yyyy年M月d日}, surrounding blanks ignored.
     *
     * @return the date, or null for null, other formats, and impossible dates such as 2026-02-30
     */
    public static LocalDate parse(String text) {
        String s = CellText.clean(text);
        if (s == null) {
            return null;
        }
        int n = s.length();
        if (n == 8 && allDigits(s, 0, 8)) {
            return date(number(s, 0, 4), number(s, 4, 6), number(s, 6, 8));
        }
        // yyyy<sep>M<sep>d
        if (n < 8 || !allDigits(s, 0, 4)) {
            return null;
        }
        char sep = s.charAt(4);
        char sep2;
        switch (sep) {
            case '-', '/', '.' -> sep2 = sep;
            case '年' -> sep2 = '月';
            default -> {
                return null;
            }
        }
        int i = 5;
        int monthStart = i;
        while (i < n && i - monthStart < 2 && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == monthStart || i >= n || s.charAt(i) != sep2) {
            return null;
        }
        int month = number(s, monthStart, i);
        i++;
        int dayStart = i;
        while (i < n && i - dayStart < 2 && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == dayStart) {
            return null;
        }
        int day = number(s, dayStart, i);
        if (sep == '年') {
            if (i >= n || s.charAt(i) != '日') {
                return null;
            }
            i++;
        }
        if (i != n) {
            return null;
        }
        return date(number(s, 0, 4), month, day);
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
