package org.huzhu.shared.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The State Council calendars of domain §9, checked day by day where they bite. */
class BusinessCalendarTest {

    private static final BusinessCalendar CALENDAR = new BusinessCalendar(List.of(read("CN-2025.yaml"), read("CN-2026.yaml")));

    private static CalendarYear read(String file) {
        try (InputStream in = BusinessCalendarTest.class.getResourceAsStream("/calendar/" + file)) {
            return CalendarConfiguration.YAML.readValue(in, CalendarYear.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} {1} → working day: {2}")
    @CsvSource({
            // 2025
            "2025-01-01, Wed 元旦, false",
            "2025-01-26, Sun make-up, true",
            "2025-01-27, Mon before Spring Festival, true",
            "2025-01-28, Tue 春节 first day, false",
            "2025-02-04, Tue 春节 last day, false",
            "2025-02-05, Wed after 春节, true",
            "2025-02-08, Sat make-up, true",
            "2025-02-09, Sun ordinary, false",
            "2025-04-27, Sun make-up, true",
            "2025-05-05, Mon 劳动节, false",
            "2025-06-02, Mon 端午节, false",
            "2025-09-28, Sun make-up, true",
            "2025-10-08, Wed 国庆 last day, false",
            "2025-10-09, Thu, true",
            "2025-10-11, Sat make-up, true",
            // 2026
            "2026-01-02, Fri 元旦, false",
            "2026-01-04, Sun make-up, true",
            "2026-02-14, Sat make-up, true",
            "2026-02-15, Sun 春节, false",
            "2026-02-23, Mon 春节 last day, false",
            "2026-02-24, Tue, true",
            "2026-02-28, Sat make-up, true",
            "2026-05-09, Sat make-up, true",
            "2026-06-19, Fri 端午节, false",
            "2026-09-20, Sun make-up, true",
            "2026-09-25, Fri 中秋节, false",
            "2026-10-07, Wed 国庆 last day, false",
            "2026-10-10, Sat make-up, true",
            "2026-11-21, Sat ordinary, false",
            "2026-11-23, Mon ordinary, true",
            // a year without a notice: plain weekdays
            "2027-03-06, Sat, false",
            "2027-03-08, Mon, true",
    })
    void knowsWorkingDaysOfTheNotices(LocalDate day, String what, boolean working) {
        assertThat(CALENDAR.isWorkingDay(day)).as(what).isEqualTo(working);
    }

    @Test
    void countsWorkingDaysAcrossTheSpringFestival() {
        // 2026-02-13 (Fri) → 2026-02-27 (Fri): working are 02-14 (make-up Sat), 02-24, 25, 26, 27 = 5
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 27))).isEqualTo(5);
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 2, 27), LocalDate.of(2026, 2, 27))).isZero();
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 2, 27))).isZero();
    }

    @Test
    void theSevenWorkingDayPromiseStretchesOverNationalDay() {
        // complete on 2026-09-29 (Tue): 09-30 (1), 10-01..07 off, 10-08 (2), 10-09 (3), 10-10 make-up Sat (4),
        // 10-12 (5), 10-13 (6), 10-14 (7)
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 9, 29), 7)).isEqualTo(LocalDate.of(2026, 10, 14));
    }

    @Test
    void countsTheWorkingDaysOfWholeYears() {
        // 2026: 261 weekdays − 12 weekday days off (01-01, 01-02, 02-16..02-20, 02-23, 04-06, 05-01, 05-04, 05-05,
        // 06-19, 09-25, 10-01, 10-02, 10-05, 10-06, 10-07 → 19) + 6 make-up days
        int weekdays = 0;
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) weekdays++;
        }
        assertThat(weekdays).isEqualTo(261);
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31)))
                .isEqualTo(261 - 19 + 6);
    }

    @Test
    void refusesANoticeThatDoesNotHangTogether() {
        var notice = new CalendarYear(2027, "test", List.of(new CalendarYear.DaysOff("春节", LocalDate.of(2027, 2, 10),
                LocalDate.of(2027, 2, 5))), List.of(LocalDate.of(2027, 2, 3), LocalDate.of(2026, 2, 6)));
        // 02-10..02-05 reversed; 2027-02-03 is a Wednesday; 2026-02-06 is a Friday and in another year
        assertThat(notice.problems()).hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("起止日期不正确"))
                .anySatisfy(p -> assertThat(p).contains("不是周末"))
                .anySatisfy(p -> assertThat(p).contains("不在2027年"));
        BusinessCalendar calendar = new BusinessCalendar(List.of());
        assertThatThrownBy(() -> calendar.load(notice)).isInstanceOf(IllegalArgumentException.class);
        assertThat(calendar.knows(2027)).isFalse();
    }

    @Test
    void aNewYearsNoticeLoadsAsData() {
        BusinessCalendar calendar = new BusinessCalendar(List.of());
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
        calendar.load(new CalendarYear(2027, "test", List.of(new CalendarYear.DaysOff("元旦", LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 1, 3))), List.of(LocalDate.of(2027, 1, 9))));
        assertThat(calendar.knows(2027)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 9))).isTrue();
    }
}
