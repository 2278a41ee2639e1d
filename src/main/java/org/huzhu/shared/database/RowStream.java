package org.huzhu.shared.database;

import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a query's rows one at a time as PostgreSQL sends them, for work that must not hold a long
 * result in memory (the console's Excel exports): a read-only transaction, so that the driver may use
 * a cursor, and a fetch size, so that it asks for {@value #FETCH} rows at a time. The caller's handler
 * sees each row once and keeps nothing.
 */
@Component
public class RowStream {

    static final int FETCH = 2000;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    RowStream(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    /** Runs the query in {@code order} and hands each row to {@code row} as it arrives. */
    public void each(FilteredQuery query, String order, RowCallbackHandler row) {
        each(query.sql(order), query.params(), row);
    }

    /** Runs {@code sql} with named parameters and hands each row to {@code row} as it arrives. */
    public void each(String sql, Map<String, ?> params, RowCallbackHandler row) {
        readOnly.executeWithoutResult(status -> jdbc.query(sql, params, row));
    }
}
