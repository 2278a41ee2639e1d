package org.huzhu.shared.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One table of a Huzhu schema in a backup, with the columns that hold data (generated ones are computed again). */
record BackupTable(String schema, String table, List<String> columns) {

    String name() {
        return schema + "." + table;
    }

    String qualified() {
        return quoteIdentifier(schema) + "." + quoteIdentifier(table);
    }

    String columnList() {
        return String.join(", ", columns.stream().map(BackupTable::quoteIdentifier).toList());
    }

    /** {@code schema.table} quoted for SQL. */
    static String quote(String name) {
        int dot = name.indexOf('.');
        return quoteIdentifier(name.substring(0, dot)) + "." + quoteIdentifier(name.substring(dot + 1));
    }

    static String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Tables of the given schemas (not partitions, not Flyway's history), each after those its foreign keys refer to. */
    static List<BackupTable> inLoadOrder(Connection c, List<String> schemas, String historyTable) throws SQLException {
        Map<String, BackupTable> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT n.nspname, t.relname,
                       array(SELECT a.attname FROM pg_attribute a
                              WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                              ORDER BY a.attnum)
                  FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE t.relkind IN ('r', 'p') AND NOT t.relispartition AND n.nspname = ANY (?)
                 ORDER BY 1, 2""")) {
            ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BackupTable table = new BackupTable(rs.getString(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()));
                    if (!table.name().equals(historyTable)) tables.put(table.name(), table);
                }
            }
        }
        Map<String, List<String>> refersTo = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT cn.nspname || '.' || ct.relname, rn.nspname || '.' || rt.relname
                  FROM pg_constraint k
                  JOIN pg_class ct ON ct.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = ct.relnamespace
                  JOIN pg_class rt ON rt.oid = k.confrelid JOIN pg_namespace rn ON rn.oid = rt.relnamespace
                 WHERE k.contype = 'f' AND k.conrelid <> k.confrelid""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) refersTo.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
        List<BackupTable> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (String name : tables.keySet()) place(name, tables, refersTo, placed, new HashSet<>(), ordered);
        return ordered;
    }

    private static void place(String name, Map<String, BackupTable> tables, Map<String, List<String>> refersTo,
                              Set<String> placed, Set<String> visiting, List<BackupTable> ordered) {
        if (placed.contains(name) || !tables.containsKey(name) || !visiting.add(name)) return;
        for (String referred : refersTo.getOrDefault(name, List.of())) place(referred, tables, refersTo, placed, visiting, ordered);
        placed.add(name);
        ordered.add(tables.get(name));
    }

    /** Every table in the given schemas, Flyway's history included. */
    static List<String> names(Connection c, List<String> schemas) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT n.nspname || '.' || t.relname FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE t.relkind IN ('r', 'p') AND n.nspname = ANY (?) ORDER BY 1""")) {
            ps.setArray(1, c.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) names.add(rs.getString(1));
            }
        }
        return names;
    }
}
