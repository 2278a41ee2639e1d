package org.huzhu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** How the application's connections reach PostgreSQL, and what they keep there. */
class ConnectionsTest extends ApiTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theEmbeddedServerIsReachedOverItsUnixSocketNotTcp() {
        // PostgreSQL answers the server's address of a TCP connection, and null for a Unix-domain socket
        assertThat(jdbc.sql("select inet_server_addr()::text").query(String.class).optional()).isEmpty();
        assertThat(jdbc.sql("select count(*) from pg_stat_activity where pid = pg_backend_pid() and client_port = -1")
                .query(Long.class).single()).isEqualTo(1L);
    }

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
