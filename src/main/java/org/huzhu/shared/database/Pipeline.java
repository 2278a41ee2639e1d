package org.huzhu.shared.database;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.ResultSetExtractor;

/**
 * Statements that travel to PostgreSQL together, in one round trip, inside the caller's transaction.
 * Each module adds its own statement (its SQL stays in the module) and gets its answer back as a
 * {@link Supplier} that can be asked once the pipeline was {@link #send sent}. The statements run in
 * the order added, each with its own snapshot, as separate statements would; the first that fails
 * fails the whole send and the caller's transaction rolls back.
 *
 * <p>Every statement must answer rows (a query, or a write with {@code RETURNING} or a final SELECT).
 */
public final class Pipeline {

    private final List<Part<?>> parts = new ArrayList<>();
    private boolean sent;

    private static final class Part<T> implements Supplier<T> {
        final String sql;
        final List<?> params;
        final ResultSetExtractor<T> reader;
        T answer;
        boolean answered;

        Part(String sql, List<?> params, ResultSetExtractor<T> reader) {
            this.sql = sql;
            this.params = params;
            this.reader = reader;
        }

        @Override
        public T get() {
            if (!answered) throw new IllegalStateException("the pipeline has not been sent");
            return answer;
        }
    }

    /** Adds a statement with its {@code ?} parameters (bound as JdbcClient binds them); answers what {@code reader} makes of its rows. */
    public <T> Supplier<T> add(String sql, List<?> params, ResultSetExtractor<T> reader) {
        if (sent) throw new IllegalStateException("the pipeline has been sent");
        if (sql.strip().endsWith(";")) throw new IllegalArgumentException("one statement, without a closing semicolon");
        Part<T> part = new Part<>(sql, List.copyOf(params), reader);
        parts.add(part);
        return part;
    }

    /** Sends every statement added, in one round trip, on the caller's transaction's connection. */
    public void send(JdbcOperations jdbc) {
        if (sent) throw new IllegalStateException("the pipeline has been sent");
        sent = true;
        if (parts.isEmpty()) return;
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Part<?> part : parts) {
            if (!sql.isEmpty()) sql.append(";\n");
            sql.append(part.sql);
            params.addAll(part.params);
        }
        jdbc.execute(sql.toString(), (PreparedStatementCallback<Void>) ps -> {
            new ArgumentPreparedStatementSetter(params.toArray()).setValues(ps);
            boolean rows = ps.execute();
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) rows = ps.getMoreResults();
                if (!rows) throw new IllegalStateException("statement " + (i + 1) + " of the pipeline answered no rows");
                try (ResultSet rs = ps.getResultSet()) {
                    answer(parts.get(i), rs);
                }
            }
            return null;
        });
    }

    private static <T> void answer(Part<T> part, ResultSet rs) throws java.sql.SQLException {
        part.answer = part.reader.extractData(rs);
        part.answered = true;
    }
}
