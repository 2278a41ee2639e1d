package org.huzhu.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.Money;
import org.junit.jupiter.api.Test;

class CoverageJsonTest {

    private static final Coverage HOSPITAL = new Coverage("HOSPITAL", "STD", 2, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
            Money.of("60.00"), true);
    private static final Coverage AWAITING = new Coverage("BASIC", "STD", 1, null, null, Money.of("30.00"), false);

    @Test
    void whatIsWrittenReadsBackTheSame() {
        List<Coverage> written = List.of(HOSPITAL, AWAITING);

        assertThat(CoverageJson.read(CoverageJson.write(written))).containsExactlyElementsOf(written);
    }

    @Test
    void keysInTheOrderJsonbGivesThemBackAndUnknownKeysAreRead() {
        // jsonb sorts keys by length, then bytes, and adds a space after each colon and comma
        String fromJsonb = """
                [{"to": "2026-12-31", "from": "2026-01-01", "item": "HOSPITAL", "plan": "STD", "shares": 2, "premium": "60.00", \
                "comment": {"nested": [1, 2]}, "renewedWithoutGap": true}]""";

        assertThat(CoverageJson.read(fromJsonb)).containsExactly(HOSPITAL);
    }

    @Test
    void severalColumnsReadAsOneListInOrder() {
        String arrays = "[" + CoverageJson.write(List.of(HOSPITAL)) + "," + CoverageJson.write(List.of()) + ","
                + CoverageJson.write(List.of(AWAITING)) + "]";

        assertThat(CoverageJson.readAll(arrays)).containsExactly(HOSPITAL, AWAITING);
        assertThat(CoverageJson.readAll(null)).isEmpty();
    }

    @Test
    void aPremiumStoredAsANumberReadsAsMoney() {
        assertThat(CoverageJson.read("[{\"item\":\"BASIC\",\"plan\":\"STD\",\"shares\":1,\"from\":null,\"to\":null,\"premium\":30.00}]"))
                .containsExactly(AWAITING);
    }

    @Test
    void somethingOtherThanAnArrayOfCoveragesIsRefused() {
        assertThatThrownBy(() -> CoverageJson.read("{\"item\":\"BASIC\"}")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("START_ARRAY");
        assertThatThrownBy(() -> CoverageJson.readAll("[{\"item\":\"BASIC\"}]")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("START_ARRAY");
        assertThatThrownBy(() -> CoverageJson.read("[1]")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("START_OBJECT");
    }

    @Test
    void datesAreWrittenAndReadAsIsoDaysAndAnImpossibleDayIsRefused() {
        Coverage early = new Coverage("HOSPITAL", "STD", 1, LocalDate.of(2027, 2, 28), LocalDate.of(2028, 2, 29), Money.of("60.00"), false);

        assertThat(CoverageJson.write(List.of(early))).contains("\"from\":\"2027-02-28\",\"to\":\"2028-02-29\"");
        assertThat(CoverageJson.read(CoverageJson.write(List.of(early)))).containsExactly(early);
        assertThat(CoverageJson.parseDate("2026-09-07")).isEqualTo(LocalDate.of(2026, 9, 7));
        assertThatThrownBy(() -> CoverageJson.parseDate("2026-02-30")).isInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> CoverageJson.parseDate("2026-1a-01")).isInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> CoverageJson.parseDate("26-01-01")).isInstanceOf(java.time.DateTimeException.class);
    }

    @Test
    void columnsJoinedAsJsonAggJoinsThemAndTextWrittenOtherwiseReadTheSame() {
        String joined = "[" + CoverageJson.write(List.of(HOSPITAL, AWAITING)) + ", " + CoverageJson.write(List.of(HOSPITAL)) + "]";
        String escaped = "[{\"item\":\"HOSPITAL\",\"plan\":\"\\u0053TD\",\"shares\":2,\"from\":\"2026-01-01\",\"to\":\"2026-12-31\","
                + "\"premium\":\"60.00\",\"renewedWithoutGap\":true}]";
        String spaced = CoverageJson.write(List.of(HOSPITAL)).replace(",", ", ");

        assertThat(CoverageJson.readAll(joined)).containsExactly(HOSPITAL, AWAITING, HOSPITAL);
        assertThat(CoverageJson.read(escaped)).containsExactly(HOSPITAL);
        assertThat(CoverageJson.read(spaced)).containsExactly(HOSPITAL);
        assertThat(CoverageJson.AsWritten.array(CoverageJson.write(List.of(HOSPITAL, AWAITING)))).as("read by hand")
                .containsExactly(HOSPITAL, AWAITING);
        assertThat(CoverageJson.AsWritten.arrays(joined)).as("read by hand").hasSize(3);
        assertThat(CoverageJson.AsWritten.array(escaped)).as("left to Jackson").isNull();
        assertThat(CoverageJson.AsWritten.array(spaced)).as("left to Jackson").isNull();
        assertThat(CoverageJson.read("[]")).isEmpty();
        assertThat(CoverageJson.readAll("[]")).isEmpty();
    }
}
