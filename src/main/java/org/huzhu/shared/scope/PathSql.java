package org.huzhu.shared.scope;

/**
 * SQL for the parts of an organisation path ({@code /1/5/12/u7/}): the office a record belongs to ({@code /1/5/12/}, the
 * path itself when it names no unit) and its unit's id (7, or 0 for none). Statistics group by them.
 */
public final class PathSql {

    private PathSql() {
    }

    /** The office part of the path in {@code column}. */
    public static String office(String column) {
        return "regexp_replace(" + column + ", 'u[0-9]+/$', '')";
    }

    /** The unit id in the path in {@code column}, 0 when it names no unit. */
    public static String unit(String column) {
        return "coalesce(substring(" + column + " from 'u([0-9]+)/$')::bigint, 0)";
    }

    /** A filter to the records of some paths ({@code column = any(:paths)}), or none when {@code paths} is null (all). */
    public static String among(String column, java.util.Collection<String> paths) {
        return paths == null ? "true" : column + " = any(cast(:paths as text[]))";
    }

    /** The parameter {@link #among} names (nothing when all records are asked). */
    public static java.util.Map<String, Object> paths(java.util.Collection<String> paths) {
        return paths == null ? java.util.Map.of() : java.util.Map.of("paths", paths.toArray(String[]::new));
    }
}
