package org.huzhu.shared.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * Reads a long query on a connection of its own, on another thread, a chunk ahead of the caller: while the caller
 * writes one chunk on its transaction's connection (a COPY), PostgreSQL already sends the next, and the two backends
 * and the JVM work side by side instead of taking turns. The read is a read-only transaction of its own, so it sees
 * what was committed when it started, never the caller's uncommitted writes: the caller reads only data committed
 * before it, and checks what it got (see {@link #each}).
 *
 * <p>Rows become items on the reading thread ({@link Reader}: it may keep state across rows, such as grouping a
 * worker's enrolments); the caller takes the items {@code chunk} at a time on its own thread. A failure on either side
 * stops both: the reader's is thrown to the caller, the caller's cancels the read.
 */
public final class ReadAhead {

    /** Turns rows into items; {@link #end} hands over what it still holds once the last row was read. */
    public interface Reader<T> {
        void row(ResultSet rs, Consumer<T> out) throws SQLException;

        default void end(Consumer<T> out) {
        }
    }

    private static final Object END = new Object();
    private static final int CHUNKS_AHEAD = 2;

    private ReadAhead() {
    }

    /** Runs {@code sql} with its {@code ?} parameters and hands the items to {@code take}, {@code chunk} at a time, in order. */
    public static <T> void each(DataSource dataSource, String sql, List<?> params, int chunk, Reader<T> reader, Consumer<List<T>> take) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
        Read<T> read = new Read<>(dataSource, sql, params, chunk, reader, queue);
        Thread thread = Thread.ofPlatform().name("read-ahead").daemon().start(read);
        boolean done = false;
        try {
            while (true) {
                Object next = queue.take();
                if (next == END) break;
                if (next instanceof Failure f) throw f.asUnchecked();
                @SuppressWarnings("unchecked") List<T> items = (List<T>) next;
                take.accept(items);
            }
            done = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading ahead", e);
        } finally {
            if (!done) {
                read.cancel();
                thread.interrupt();   // a reader waiting for room in the queue stops waiting
            }
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Failure(Throwable cause, String sql) {
        RuntimeException asUnchecked() {
            if (cause instanceof RuntimeException r) return r;
            if (cause instanceof Error e) throw e;
            if (cause instanceof SQLException e) {
                RuntimeException translated = new SQLStateSQLExceptionTranslator().translate("read ahead", sql, e);
                if (translated != null) return translated;
            }
            return new IllegalStateException("reading ahead failed: " + cause.getMessage(), cause);
        }
    }

    private static final class Read<T> implements Runnable {
        private final DataSource dataSource;
        private final String sql;
        private final List<?> params;
        private final int chunk;
        private final Reader<T> reader;
        private final BlockingQueue<Object> queue;
        private volatile PreparedStatement statement;
        private volatile boolean cancelled;
        private List<T> items;

        Read(DataSource dataSource, String sql, List<?> params, int chunk, Reader<T> reader, BlockingQueue<Object> queue) {
            this.dataSource = dataSource;
            this.sql = sql;
            this.params = params;
            this.chunk = chunk;
            this.reader = reader;
            this.queue = queue;
            this.items = new ArrayList<>(chunk);
        }

        @Override
        public void run() {
            Object last = END;
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);   // a cursor, fetched chunk by chunk, needs a transaction
                connection.setReadOnly(true);
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    statement = ps;
                    ps.setFetchSize(chunk);
                    new ArgumentPreparedStatementSetter(params.toArray()).setValues(ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        Consumer<T> out = this::add;
                        while (!cancelled && rs.next()) reader.row(rs, out);
                        if (!cancelled) reader.end(out);
                    }
                    if (!items.isEmpty()) put(items);
                } finally {
                    statement = null;
                    connection.rollback();
                    connection.setReadOnly(false);
                    connection.setAutoCommit(autoCommit);
                }
            } catch (Throwable t) {
                last = new Failure(t, sql);
            }
            if (!cancelled) {
                try {
                    queue.put(last);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void add(T item) {
            items.add(item);
            if (items.size() == chunk) {
                put(items);
                items = new ArrayList<>(chunk);
            }
        }

        private void put(List<T> full) {
            try {
                queue.put(full);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
                throw new IllegalStateException("the reader stopped waiting: its caller has given up", e);
            }
        }

        void cancel() {
            cancelled = true;
            PreparedStatement ps = statement;
            if (ps == null) return;
            try {
                ps.cancel();
            } catch (SQLException ignored) {
                // the statement has ended by itself
            }
        }
    }
}
