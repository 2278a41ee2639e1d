package org.huzhu.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One year's notice: the days off (放假) and the weekend days that are worked instead (调休上班). */
public record CalendarYear(int year, String source, List<DaysOff> daysOff, List<LocalDate> makeUpWorkingDays) {

    public record DaysOff(String name, LocalDate from, LocalDate to) {
    }

    public CalendarYear {
        daysOff = daysOff == null ? List.of() : List.copyOf(daysOff);
        makeUpWorkingDays = makeUpWorkingDays == null ? List.of() : List.copyOf(makeUpWorkingDays);
    }

    /** What is wrong with the notice as data, in Chinese; empty when it is consistent. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (year < 2000 || year > 2100) problems.add("年份不正确：" + year);
        for (DaysOff d : daysOff) {
            if (d.from() == null || d.to() == null || d.to().isBefore(d.from())) {
                problems.add("假期“" + d.name() + "”的起止日期不正确");
            } else if (d.from().getYear() != year && d.to().getYear() != year) {
                problems.add("假期“" + d.name() + "”不在" + year + "年");
            }
        }
        for (LocalDate day : makeUpWorkingDays) {
            if (day.getYear() != year) problems.add("调休上班日" + day + "不在" + year + "年");
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                problems.add("调休上班日" + day + "不是周末");
            }
            if (isDayOff(day)) problems.add("调休上班日" + day + "同时被列为假期");
        }
        return problems;
    }

    boolean isDayOff(LocalDate day) {
        for (DaysOff d : daysOff) {
            if (!day.isBefore(d.from()) && !day.isAfter(d.to())) return true;
        }
        return false;
    }
}
