package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.calendar.BusinessCalendar;
import org.huzhu.shared.calendar.CalendarYear;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The 7-working-day promise across National Day 2026 (days off Sep 25–27 and Oct 1–7, make-up
 * working Saturday Oct 10), counted by hand on the State Council notice of domain §9.
 */
class PaymentPromiseTest {

    private static final BusinessCalendar CALENDAR = new BusinessCalendar(List.of(read("CN-2025.yaml"), read("CN-2026.yaml")));

    private static CalendarYear read(String file) {
        try (InputStream in = PaymentPromiseTest.class.getResourceAsStream("/calendar/" + file)) {
            return YAMLMapper.builder().build().readValue(in, CalendarYear.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // complete Mon 09-28: working days after it are 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4),
    // 10-10 Sat make-up (5), 10-12 (6), 10-13 (7), 10-14 (8)
    // complete Thu 09-24: 09-25..27 off, then 09-28 (1) … 10-12 (7)
    @ParameterizedTest(name = "complete {0}, today {1} → {2} working days, due {3}, overdue {4}")
    @CsvSource({
            "2026-09-28, 2026-09-28, 0, 2026-10-13, false",
            "2026-09-28, 2026-10-07, 2, 2026-10-13, false",
            "2026-09-28, 2026-10-10, 5, 2026-10-13, false",
            "2026-09-28, 2026-10-11, 5, 2026-10-13, false",
            "2026-09-28, 2026-10-13, 7, 2026-10-13, false",
            "2026-09-28, 2026-10-14, 8, 2026-10-13, true",
            "2026-09-24, 2026-09-27, 0, 2026-10-12, false",
            "2026-09-24, 2026-10-12, 7, 2026-10-12, false",
            "2026-09-24, 2026-10-13, 8, 2026-10-12, true"})
    void countsWorkingDaysSinceMaterialsWereCompleteOnTheChineseCalendar(LocalDate complete, LocalDate today, int elapsed,
                                                                        LocalDate due, boolean overdue) {
        PaymentPromise promise = PaymentPromise.of(CALENDAR, 7, complete, null, today);

        assertThat(promise.workingDaysElapsed()).isEqualTo(elapsed);
        assertThat(promise.promiseDueOn()).isEqualTo(due);
        assertThat(promise.overdue()).isEqualTo(overdue);
    }

    @Test
    void theClockStopsWhenTheClaimIsPaid() {
        PaymentPromise promise = PaymentPromise.of(CALENDAR, 7, LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 9),
                LocalDate.of(2026, 11, 30));

        assertThat(promise.workingDaysElapsed()).isEqualTo(4);
        assertThat(promise.overdue()).isFalse();
    }

    @Test
    void aClaimPaidLateStaysCountedButIsNoLongerFlagged() {
        PaymentPromise promise = PaymentPromise.of(CALENDAR, 7, LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 20),
                LocalDate.of(2026, 11, 30));

        // 10-15 (9), 10-16 (10), 10-19 (11), 10-20 (12)
        assertThat(promise.workingDaysElapsed()).isEqualTo(12);
        assertThat(promise.overdue()).isFalse();
    }

    @Test
    void thePromiseDoesNotStartWhileMaterialsAreMissing() {
        PaymentPromise promise = PaymentPromise.of(CALENDAR, 7, null, null, LocalDate.of(2026, 11, 30));

        assertThat(promise.workingDaysElapsed()).isNull();
        assertThat(promise.promiseDueOn()).isNull();
        assertThat(promise.overdue()).isFalse();
    }
}
