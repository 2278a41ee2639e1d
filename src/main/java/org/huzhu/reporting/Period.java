package org.huzhu.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.huzhu.shared.web.Checks;

/** A dashboard's months, {@code from} to {@code to} inclusive ({@code 2026-01} … {@code 2026-12}). */
record Period(YearMonth from, YearMonth to) {

    /** The months asked for, the current year (by the server's China date) where one is missing; 400 naming the field. */
    static Period parse(String from, String to, LocalDate today) {
        Checks checks = new Checks();
        YearMonth f = month(checks, "from", from, YearMonth.of(today.getYear(), 1));
        YearMonth t = month(checks, "to", to, YearMonth.of(today.getYear(), 12));
        if (f != null && t != null) checks.check(!f.isAfter(t), "from", "起始月份不能晚于截止月份");
        if (f != null && t != null) checks.check(f.plusYears(10).isAfter(t), "to", "统计期间不能超过十年");
        checks.throwIfInvalid();
        return new Period(f, t);
    }

    /** One month named by {@code field}; 400 naming it when it is not a month. */
    static Period single(String field, String text) {
        Checks checks = new Checks();
        YearMonth m = month(checks, field, text, null);
        checks.throwIfInvalid();
        return new Period(m, m);
    }

    private static YearMonth month(Checks checks, String field, String text, YearMonth fallback) {
        if (text == null || text.isBlank()) return fallback;
        try {
            YearMonth m = YearMonth.parse(text.strip());
            checks.check(m.getYear() >= 2000 && m.getYear() <= 2100, field, "月份不正确，应为2000至2100年间的年月");
            return m;
        } catch (DateTimeParseException e) {
            checks.add(field, "月份格式应为 YYYY-MM，例如 2026-01");
            return null;
        }
    }

    LocalDate firstDay() {
        return from.atDay(1);
    }

    LocalDate lastMonth() {
        return to.atDay(1);
    }

    LocalDate lastDay() {
        return to.atEndOfMonth();
    }

    /** Bits of the period's months within {@code year} (bit m−1 for month m), as {@code reporting.unit_year.months}. */
    int monthsOf(int year) {
        int a = year == from.getYear() ? from.getMonthValue() : 1;
        int b = year == to.getYear() ? to.getMonthValue() : 12;
        if (year < from.getYear() || year > to.getYear()) return 0;
        return ((1 << b) - 1) & ~((1 << (a - 1)) - 1);
    }

    @Override
    public String toString() {
        return from + "…" + to;
    }
}
