package org.huzhu.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.huzhu.shared.calendar.BusinessCalendar;
import org.huzhu.shared.calendar.CalendarYear;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Declared money is unconfirmed once its confirmation period has run out: the cutoff is the last declaration day whose
 * working days to confirm ({@link PaymentTruth#confirmBy}) all lie before today, over weekends, days off and make-up days.
 */
class PaymentTruthCutoffTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final BusinessCalendar CALENDAR = new BusinessCalendar(List.of(new CalendarYear(2027, "test",
            List.of(new CalendarYear.DaysOff("春节", LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 13)),
                    new CalendarYear.DaysOff("劳动节", LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 5))),
            List.of(LocalDate.of(2027, 2, 14), LocalDate.of(2027, 4, 25)))));

    @ParameterizedTest(name = "{0} working days to confirm")
    @ValueSource(ints = {0, 1, 3, 10})
    void theCutoffIsTheLastDayWhoseConfirmationPeriodEndedBeforeToday(int workingDays) {
        for (LocalDate today = LocalDate.of(2027, 1, 1); today.isBefore(LocalDate.of(2027, 6, 1)); today = today.plusDays(1)) {
            PaymentTruth truth = new PaymentTruth(null, CALENDAR, new PaymentTruthSettings(7, workingDays, "", "", ""), null,
                    Clock.fixed(today.atTime(10, 0).atZone(CHINA).toInstant(), CHINA));
            LocalDate cutoff = truth.cutoff();
            assertThat(truth.confirmBy(cutoff)).as("declared on the cutoff, seen on %s", today).isBefore(today);
            assertThat(truth.confirmBy(cutoff.plusDays(1))).as("declared the day after the cutoff, seen on %s", today)
                    .isAfterOrEqualTo(today);
        }
    }
}
