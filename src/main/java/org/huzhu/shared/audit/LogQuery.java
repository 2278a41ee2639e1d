package org.huzhu.shared.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A filtered read of a log table with {@code at} and {@code id} columns, newest first: one page
 * for the screen, or every row in chunks (keyset on {@code (at, id)}) for an export. Conditions
 * are added as SQL with their parameters; no user text ever becomes SQL.
 */
public final class LogQuery<T> {

    private static final int CHUNK = 1000;

    private final String select;
    private final RowMapper<T> mapper;
    private final Function<T, OffsetDateTime> atOf;
    private final Function<T, Long> idOf;
    private final StringBuilder where = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    /** {@code select} ends with its from clause (and alias); conditions follow as {@code and …}. */
    public LogQuery(String select, RowMapper<T> mapper, Function<T, OffsetDateTime> atOf, Function<T, Long> idOf) {
        this.select = select + " where true";
        this.mapper = mapper;
        this.atOf = atOf;
        this.idOf = idOf;
    }

    public LogQuery<T> and(String condition, Object... values) {
        where.append(" and (").append(condition).append(')');
        params.addAll(java.util.Arrays.asList(values));
        return this;
    }

    /** Adds {@code condition} only when {@code value} is given. */
    public LogQuery<T> andIf(Object value, String condition, Object... values) {
        return value == null ? this : and(condition, values);
    }

    /** The days of the search, China time: {@code from} included, the day after {@code to} excluded. */
    public LogQuery<T> within(LogSearch search) {
        return andIf(search.from(), "at >= ?", search.from()).andIf(search.to(), "at < ?", search.to());
    }

    public LogPage<T> page(JdbcClient jdbc, LogSearch search) {
        return LogPage.of(jdbc.sql(select + where + " order by at desc, id desc limit ? offset ?").params(params)
                .param(search.limit() + 1).param(search.offset()).query(mapper).list(), search);
    }

    /** Every matching row, at most {@code max}, newest first. */
    public void forEach(JdbcClient jdbc, int max, Consumer<T> sink) {
        OffsetDateTime lastAt = null;
        long lastId = 0;
        int sent = 0;
        while (sent < max) {
            List<Object> chunkParams = new ArrayList<>(params);
            String after = "";
            if (lastAt != null) {
                after = " and (at, id) < (?, ?)";
                chunkParams.add(lastAt);
                chunkParams.add(lastId);
            }
            List<T> rows = jdbc.sql(select + where + after + " order by at desc, id desc limit ?").params(chunkParams)
                    .param(Math.min(CHUNK, max - sent)).query(mapper).list();
            rows.forEach(sink);
            sent += rows.size();
            if (rows.size() < CHUNK) return;
            lastAt = atOf.apply(rows.getLast());
            lastId = idOf.apply(rows.getLast());
        }
    }
}
