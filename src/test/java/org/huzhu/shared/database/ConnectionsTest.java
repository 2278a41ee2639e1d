package org.huzhu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the application's connections keep on the PostgreSQL server. */
class ConnectionsTest extends ApiTest {

    @Autowired
    PlatformTransactionManager transactions;

    /** A statement sent again and again is parsed and planned once per connection: the driver names it on the server. */
    @Test
    void aStatementUsedRepeatedlyIsPreparedOnTheServer() {
        String sql = "select count(*) from ledger.account where code = ? and kind <> 'prepared-statements-test'";
        List<String> prepared = new TransactionTemplate(transactions).execute(status -> {   // one connection throughout
            for (int i = 0; i < 10; i++) jdbc.sql(sql).param("1002").query(Long.class).single();
            return jdbc.sql("select statement from pg_prepared_statements").query(String.class).list();
        });
        assertThat(prepared).as("the server's prepared statements of this connection")
                .anyMatch(s -> s.contains("prepared-statements-test"));
    }
}
