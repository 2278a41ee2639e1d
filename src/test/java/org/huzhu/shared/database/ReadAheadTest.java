package org.huzhu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

class ReadAheadTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Test
    void handsEveryItemOverInOrderAChunkAtATimeWithWhatTheReaderStillHeldAtTheEnd() {
        List<List<Long>> chunks = new ArrayList<>();

        ReadAhead.each(dataSource, "select g from generate_series(1, ?) as g order by g", List.of(2_345), 500,
                new ReadAhead.Reader<Long>() {
                    private long pairStart;

                    @Override
                    public void row(java.sql.ResultSet rs, Consumer<Long> out) throws java.sql.SQLException {
                        long g = rs.getLong(1);   // rows two by two become one item: state kept across rows
                        if (g % 2 == 1) pairStart = g;
                        else out.accept(pairStart * 10_000 + g);
                    }

                    @Override
                    public void end(Consumer<Long> out) {
                        out.accept(-1L);   // the odd last row, held when the rows ran out
                    }
                },
                chunk -> chunks.add(List.copyOf(chunk)));

        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(0)).hasSize(500).startsWith(10_002L, 30_004L);
        assertThat(chunks.get(2)).hasSize(173).endsWith(23_430_000L + 2_344, -1L);
        assertThat(chunks.stream().mapToInt(List::size).sum()).isEqualTo(1_173);
    }

    @Test
    void aFailingReadIsThrownToTheCallerAndItsConnectionGoesBack() {
        int idleBefore = idle();

        assertThatThrownBy(() -> ReadAhead.each(dataSource, "select 1 / (g - 3000) from generate_series(1, 5000) as g", List.of(), 100,
                (rs, out) -> out.accept(rs.getInt(1)), chunk -> { }))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("division by zero");

        awaitIdle(idleBefore);
    }

    @Test
    void aCallerThatFailsStopsTheReadAndItsConnectionGoesBack() {
        int idleBefore = idle();
        int[] chunksTaken = {0};

        assertThatThrownBy(() -> ReadAhead.each(dataSource, "select g from generate_series(1, 1000000) as g", List.of(), 1000,
                (rs, out) -> out.accept(rs.getLong(1)), chunk -> {
                    if (++chunksTaken[0] == 3) throw new IllegalArgumentException("the caller gives up");
                }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the caller gives up");

        assertThat(chunksTaken[0]).isEqualTo(3);
        awaitIdle(idleBefore);
    }

    private int idle() {
        try {
            return dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().getIdleConnections();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitIdle(int atLeast) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(idle()).as("the read's connection is back in the pool").isGreaterThanOrEqualTo(atLeast));
    }
}
