package org.huzhu.membership.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RosterDatesTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "2026-01-09 | 2026-01-09",
            "2026-1-9 | 2026-01-09",
            "2026/1/9 | 2026-01-09",
            "2026/01/09 | 2026-01-09",
            "2026.1.9 | 2026-01-09",
            "2026.12.31 | 2026-12-31",
            "20260109 | 2026-01-09",
            "2026年1月9日 | 2026-01-09",
            "2026年01月09日 | 2026-01-09",
            "'  2026-01-09\u3000' | 2026-01-09",
            "2028-02-29 | 2028-02-29",
            "2000-02-29 | 2000-02-29",
            "2026-02-29 | null",
            "1900-02-29 | null",
            "2026-02-30 | null",
            "2026-13-01 | null",
            "2026-00-10 | null",
            "2026-01-00 | null",
            "20260230 | null",
            "2026/1-9 | null",
            "2026-1/9 | null",
            "2026年1月9 | null",
            "2026年1-9日 | null",
            "2026-001-09 | null",
            "2026-01-091 | null",
            "26-01-09 | null",
            "2026-01-09 10:00 | null",
            "2026 01 09 | null",
            "abc | null",
            "'' | null",
            "null | null",
            "46031 | null",
    })
    void parse(String text, LocalDate expected) {
        assertThat(RosterDates.parse(text)).isEqualTo(expected);
    }
}
