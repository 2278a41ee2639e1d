package org.huzhu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CopyWriterTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Test
    void textIsCopiedAsItIsWhetherPlainOrHoldingWhatCopyEscapes() throws Exception {
        List<String> values = List.of("张三 BASIC+HOSPITAL", "制表\t符", "换行\n与回车\r", "反斜杠\\N 不是空值", "");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().execute("create temp table copied (no int, value text) on commit drop");
            CopyWriter copy = CopyWriter.open(c, "COPY copied (no, value) FROM STDIN");
            for (int i = 0; i < values.size(); i++) copy.number(i).text(values.get(i)).endRow();
            copy.number(values.size()).text(null).endRow();
            assertThat(copy.finish()).isEqualTo(values.size() + 1);

            var rs = c.createStatement().executeQuery("select value from copied order by no");
            for (String expected : values) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(expected);
            }
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isNull();
            c.rollback();
        }
    }
}
