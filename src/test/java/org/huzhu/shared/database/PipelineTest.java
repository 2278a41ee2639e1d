package org.huzhu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class PipelineTest extends ApiTest {

    @Autowired
    JdbcTemplate template;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void statementsSentTogetherAnswerInTheirOrderWithTheirOwnParameters() {
        String key = "pipeline:" + UUID.randomUUID();
        Pipeline pipeline = new Pipeline();
        Supplier<Long> journal = pipeline.add("""
                insert into ledger.journal (idempotency_key, source_type, source_id, description, org_path, value_date)
                values (?, 'TEST', ?, '流水线', ?, current_date) returning id""",
                Arrays.asList(key, key, new SqlParameterValue(Types.VARCHAR, null)), rs -> rs.next() ? rs.getLong(1) : null);
        Supplier<String> sum = pipeline.add("select sum(x)::text from unnest(?::numeric[]) as x",
                List.of((Object) new BigDecimal[] {new BigDecimal("0.10"), new BigDecimal("0.20")}), rs -> rs.next() ? rs.getString(1) : null);
        Supplier<String> seen = pipeline.add("select description from ledger.journal where idempotency_key = ?", List.of(key),
                rs -> rs.next() ? rs.getString(1) : null);

        new TransactionTemplate(transactions).executeWithoutResult(status -> pipeline.send(template));

        assertThat(journal.get()).isPositive();
        assertThat(sum.get()).isEqualTo("0.30");
        assertThat(seen.get()).as("a later statement sees what an earlier one wrote").isEqualTo("流水线");
    }

    @Test
    void aStatementThatFailsFailsTheSendAndTheTransactionKeepsNothing() {
        String key = "pipeline:" + UUID.randomUUID();
        Pipeline pipeline = new Pipeline();
        pipeline.add("""
                insert into ledger.journal (idempotency_key, source_type, source_id, description, value_date)
                values (?, 'TEST', ?, '回滚', current_date) returning id""", List.of(key, key), rs -> null);
        pipeline.add("select 1 / (? - ?)", List.of(1, 1), rs -> null);

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> pipeline.send(template)))
                .isInstanceOf(DataAccessException.class);
        assertThat(jdbc.sql("select count(*) from ledger.journal where idempotency_key = ?").param(key).query(Long.class).single())
                .isZero();
    }

    @Test
    void anAnswerIsThereOnlyOnceSentAndEveryStatementMustAnswerRows() {
        Pipeline pipeline = new Pipeline();
        Supplier<Integer> one = pipeline.add("select 1", List.of(), rs -> rs.next() ? rs.getInt(1) : null);
        assertThatThrownBy(one::get).isInstanceOf(IllegalStateException.class);

        Pipeline rowless = new Pipeline();
        rowless.add("select 1", List.of(), rs -> null);
        rowless.add("update ledger.journal set description = description where false", List.of(), rs -> null);
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> rowless.send(template)))
                .hasMessageContaining("statement 2 of the pipeline answered no rows");
        assertThatThrownBy(() -> rowless.add("select 2;", List.of(), rs -> null)).isInstanceOf(IllegalStateException.class);
    }
}
