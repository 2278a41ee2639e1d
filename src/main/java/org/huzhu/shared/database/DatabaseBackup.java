package org.huzhu.shared.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A backup of every Huzhu table, the same for the embedded and an external server, without
 * PostgreSQL's client programs (Debian 12 ships pg_dump 15, which cannot read the embedded
 * PostgreSQL 17). The file is a zip: {@code manifest.properties} (format, schema version by
 * Flyway, each table with its columns and row count, in an order that satisfies the foreign keys,
 * and the sequences' positions) and one {@code COPY} text file per table, all read in one
 * repeatable-read snapshot. A restore migrates an empty database to the backup's schema version,
 * loads every table in one transaction (so the ledger's balance check runs as it would have),
 * puts the sequences back and checks each table's row count.
 */
public final class DatabaseBackup {

    static final String FORMAT = "huzhu-backup-1";
    private static final String MANIFEST = "manifest.properties";

    private final DataSource dataSource;
    private final Migrations migrations;

    public DatabaseBackup(DataSource dataSource, Migrations migrations) {
        this.dataSource = dataSource;
        this.migrations = migrations;
    }

    /** What a backup held or a restore loaded: rows per table ({@code schema.table}), in load order. */
    public record Contents(String schemaVersion, Map<String, Long> rows) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Writes the whole database to {@code file} (replaced only once complete). */
    public Contents write(Path file) throws IOException, SQLException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Contents contents;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            Files.deleteIfExists(partial);
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
                contents = write(c, zip);
            } finally {
                c.rollback();
            }
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return contents;
    }

    private Contents write(Connection c, ZipOutputStream zip) throws IOException, SQLException {
        String version = migrations.appliedVersion(c);
        List<BackupTable> tables = BackupTable.inLoadOrder(c, migrations.schemas(), migrations.historyTable());
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("schema-version", version);
        manifest.setProperty("created", Instant.now().toString());
        manifest.setProperty("server", c.getMetaData().getDatabaseProductVersion());
        manifest.setProperty("tables", String.join(",", tables.stream().map(BackupTable::name).toList()));
        Map<String, Long> rows = new LinkedHashMap<>();
        for (BackupTable table : tables) {
            zip.putNextEntry(new ZipEntry("tables/" + table.name() + ".copy"));
            long count = copy.copyOut("COPY (SELECT " + table.columnList() + " FROM " + table.qualified() + ") TO STDOUT",
                    new NonClosing(zip));
            zip.closeEntry();
            manifest.setProperty("table." + table.name() + ".columns", String.join(",", table.columns()));
            manifest.setProperty("table." + table.name() + ".rows", Long.toString(count));
            rows.put(table.name(), count);
        }
        for (Map.Entry<String, Long> sequence : sequences(c).entrySet()) {
            manifest.setProperty("sequence." + sequence.getKey(), Long.toString(sequence.getValue()));
        }
        zip.putNextEntry(new ZipEntry(MANIFEST));
        StringWriter text = new StringWriter();
        manifest.store(text, "Huzhu backup");
        zip.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
        return new Contents(version, rows);
    }

    /** Loads {@code file} into this (empty) database. */
    public Contents restore(Path file) throws IOException, SQLException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Properties manifest = manifest(zip);
            String version = manifest.getProperty("schema-version");
            try (Connection c = dataSource.getConnection()) {
                List<String> present = BackupTable.names(c, migrations.schemas());
                if (!present.isEmpty()) {
                    throw new BackupException("The target database is not empty (" + present.size() + " tables in the schemas "
                            + String.join(", ", migrations.schemas()) + ", e.g. " + present.getFirst()
                            + "); restore only into a new, empty database");
                }
            }
            migrations.migrateTo(version);
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                Contents contents = load(c, zip, manifest, version);
                c.commit();
                return contents;
            }
        }
    }

    private Contents load(Connection c, ZipFile zip, Properties manifest, String version) throws IOException, SQLException {
        List<String> names = List.of(manifest.getProperty("tables").split(","));
        try (Statement s = c.createStatement()) {
            // triggers that derive rows from others (the SMS send queue) leave the loading to the backup
            s.execute("SET LOCAL huzhu.restoring = 'on'");
            for (String name : names.reversed()) {   // rows the migrations seeded (the chart of accounts) come from the backup
                s.execute("DELETE FROM " + BackupTable.quote(name));
            }
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String name : names) {
            String columns = String.join(", ", List.of(manifest.getProperty("table." + name + ".columns").split(",")).stream()
                    .map(BackupTable::quoteIdentifier).toList());
            ZipEntry entry = zip.getEntry("tables/" + name + ".copy");
            if (entry == null) throw new BackupException("The backup has no data for " + name);
            long count;
            try (InputStream in = zip.getInputStream(entry)) {
                count = copy.copyIn("COPY " + BackupTable.quote(name) + " (" + columns + ") FROM STDIN", in);
            }
            long expected = Long.parseLong(manifest.getProperty("table." + name + ".rows"));
            if (count != expected) throw new BackupException(name + ": " + count + " rows loaded, the backup says " + expected);
            rows.put(name, count);
        }
        try (PreparedStatement setval = c.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
            for (String key : manifest.stringPropertyNames()) {
                if (!key.startsWith("sequence.")) continue;
                setval.setString(1, BackupTable.quote(key.substring("sequence.".length())));
                setval.setLong(2, Long.parseLong(manifest.getProperty(key)));
                setval.execute();
            }
        }
        return new Contents(version, rows);
    }

    private static Properties manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) throw new BackupException(zip.getName() + " is not a Huzhu backup (no " + MANIFEST + ")");
        Properties manifest = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
            manifest.load(new StringReader(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (!FORMAT.equals(manifest.getProperty("format"))) {
            throw new BackupException(zip.getName() + " has format " + manifest.getProperty("format") + ", expected " + FORMAT);
        }
        return manifest;
    }

    /** Sequences that have handed out a value, with the last one. */
    private Map<String, Long> sequences(Connection c) throws SQLException {
        Map<String, Long> sequences = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT schemaname, sequencename, last_value FROM pg_sequences
                 WHERE schemaname = ANY (?) AND last_value IS NOT NULL ORDER BY 1, 2""")) {
            ps.setArray(1, c.createArrayOf("text", migrations.schemas().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) sequences.put(rs.getString(1) + "." + rs.getString(2), rs.getLong(3));
            }
        }
        return sequences;
    }

    /** A backup that cannot be written or restored, for a reason the operator can act on. */
    public static final class BackupException extends IOException {
        BackupException(String message) {
            super(message);
        }
    }

    /** The zip stream stays open for the next entry when the driver closes what it copied into. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
