package org.huzhu.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Chinese working-day calendar: Monday to Friday are working days, except the days off of
 * the State Council's yearly notice, and the make-up working weekends (调休上班) of that notice
 * are working days too. Years are loaded as data; a year without a notice falls back to plain
 * weekdays and says so through {@link #knows(int)}.
 */
public final class BusinessCalendar {

    private final Map<Integer, CalendarYear> years = new ConcurrentHashMap<>();

    public BusinessCalendar(Iterable<CalendarYear> notices) {
        notices.forEach(this::load);
    }

    /** Adds or replaces a year's notice, after checking it. */
    public void load(CalendarYear notice) {
        var problems = notice.problems();
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("；", problems));
        years.put(notice.year(), notice);
    }

    public boolean knows(int year) {
        return years.containsKey(year);
    }

    public Map<Integer, CalendarYear> years() {
        return new TreeMap<>(years);
    }

    public boolean isWorkingDay(LocalDate day) {
        CalendarYear notice = years.get(day.getYear());
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (notice == null) return !weekend;
        if (notice.makeUpWorkingDays().contains(day)) return true;
        if (notice.isDayOff(day)) return false;
        return !weekend;
    }

    /** Working days after {@code start} up to and including {@code end}; 0 when end is not after start. */
    public int workingDaysBetween(LocalDate start, LocalDate end) {
        int count = 0;
        for (LocalDate d = start.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            if (isWorkingDay(d)) count++;
        }
        return count;
    }

    /** The day on which {@code n} working days after {@code start} have passed. */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        LocalDate d = start;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) counted++;
        }
        return d;
    }
}
