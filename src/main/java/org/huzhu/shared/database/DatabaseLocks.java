package org.huzhu.shared.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Locks that hold across every instance on the database: PostgreSQL session advisory locks, each
 * named by a kind and an id (a batch, a job). The lock is held on a connection of its own for as
 * long as the work runs, and released by the database if the instance dies.
 */
@Component
public class DatabaseLocks {

    private final DataSource dataSource;

    DatabaseLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} if no one holds lock ({@code kind}, {@code id}); empty when someone does. */
    public <T> Optional<T> tryWith(String kind, long id, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "select pg_try_advisory_lock(?, ?)", kind, id)) return Optional.empty();
            try {
                return Optional.of(work.get());
            } finally {
                call(connection, "select pg_advisory_unlock(?, ?)", kind, id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("advisory lock " + kind + ":" + id + " failed", e);
        }
    }

    private static boolean call(Connection connection, String sql, String kind, long id) throws SQLException {
        if (!connection.getAutoCommit()) connection.setAutoCommit(true);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, kind.hashCode());
            statement.setInt(2, Long.hashCode(id));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
