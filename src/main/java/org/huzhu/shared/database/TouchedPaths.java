package org.huzhu.shared.database;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's outbox of the organisation paths whose records changed (written by the triggers of
 * {@code shared/V2026_12_02_0100__touched_paths.sql}), taken by the statistics' incremental refresh: the rows are
 * deleted as they are read, in the caller's transaction, so a refresh that fails gives them back. Marks of transactions
 * not yet committed stay for the next refresh; whatever a mark taken here stands for is already committed, so the
 * statements that follow in the same transaction see it.
 */
public final class TouchedPaths {

    private TouchedPaths() {
    }

    /** The distinct paths in {@code table} (e.g. {@code membership.touched}), deleted. */
    public static Set<String> take(JdbcClient jdbc, String table) {
        return new TreeSet<>(jdbc.sql("delete from " + table + " returning path").query(String.class).list());
    }
}
