package org.huzhu.organisation;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node and its subtree moved: every path starting with {@code oldPath} now starts with
 * {@code newPath}. Published inside the moving transaction; each module that copies paths into
 * its own tables handles it synchronously ({@code @EventListener}) with {@link #repath}, so that
 * the move commits or fails as a whole.
 */
public record NodeMoved(long nodeId, String oldPath, String newPath) {

    /** Rewrites {@code column} of {@code table} for every row inside the moved subtree; returns the rows changed. */
    public int repath(JdbcClient jdbc, String table, String column) {
        return jdbc.sql("update " + table + " set " + column + " = ? || substr(" + column + ", ?) where " + column + " like ?")
                .params(newPath, oldPath.length() + 1, likePattern()).update();
    }

    /** A LIKE pattern matching every path inside the moved subtree (before the move). */
    public String likePattern() {
        return pattern(oldPath);
    }

    /** A LIKE pattern matching every path inside the moved subtree (after the move). */
    public String newPathPattern() {
        return pattern(newPath);
    }

    private static String pattern(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
