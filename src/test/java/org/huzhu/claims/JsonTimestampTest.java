package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The decision's read parses the timestamps PostgreSQL's json gives by position: the same instant as the general parser. */
class JsonTimestampTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T06:10:00.123456+00:00", "2026-11-22T14:10:00.1+08:00", "2026-11-22T06:10:00+00:00",
            "2024-02-29T23:59:59.999999+08:00", "1969-12-31T23:59:59.000001-03:30", "2026-01-01T00:00:00.5+14:00",
            "2026-11-22T06:10:00.123456789+00:00", "2026-11-22T06:10:00Z", "2026-11-22T06:10+08:00"})
    void readsWhatTheGeneralParserReads(String text) {
        assertThat(ClaimRepository.instant(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-2xT06:10:00.123456+00:00", "2026-11-22T06:10:00.12a456+00:00", "2026-11-22 06:10:00+00:00", "2026-11-22T06x10:00+00:00"})
    void refusesWhatIsNoTimestamp(String text) {
        assertThatThrownBy(() -> ClaimRepository.instant(text)).isInstanceOf(DateTimeParseException.class);
    }
}
