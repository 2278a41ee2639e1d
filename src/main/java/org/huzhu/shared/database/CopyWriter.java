package org.huzhu.shared.database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into a table with PostgreSQL {@code COPY … FROM STDIN} (text format), the
 * fastest way rows get into PostgreSQL. Values are escaped here; call {@link #endRow()} after
 * each row and {@link #finish()} once. Runs on the caller's connection and transaction.
 */
public final class CopyWriter {

    private static final int FLUSH_AT = 1 << 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean rowStarted;
    private long rows;

    private CopyWriter(CopyIn copy) {
        this.copy = copy;
    }

    /** {@code copySql}: {@code COPY schema.table (col, …) FROM STDIN}. */
    public static CopyWriter open(Connection connection, String copySql) throws SQLException {
        return new CopyWriter(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql));
    }

    private void separator() {
        if (rowStarted) buffer.append('\t');
        rowStarted = true;
    }

    public CopyWriter nul() {
        separator();
        buffer.append("\\N");
        return this;
    }

    public CopyWriter text(String value) {
        if (value == null) return nul();
        separator();
        if (plain(value)) {   // most values: copied whole
            buffer.append(value);
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    /** Whether the value holds nothing COPY's text format escapes. */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') return false;
        }
        return true;
    }

    public CopyWriter number(long value) {
        separator();
        buffer.append(value);
        return this;
    }

    public CopyWriter number(Long value) {
        return value == null ? nul() : number(value.longValue());
    }

    /** A plain decimal (money) written as is. */
    public CopyWriter decimal(Object value) {
        if (value == null) return nul();
        separator();
        buffer.append(value);
        return this;
    }

    public CopyWriter date(LocalDate value) {
        if (value == null) return nul();
        separator();
        buffer.append(value);
        return this;
    }

    public CopyWriter bool(boolean value) {
        separator();
        buffer.append(value ? 't' : 'f');
        return this;
    }

    public CopyWriter bytes(byte[] value) {
        if (value == null) return nul();
        separator();
        buffer.append("\\\\x");
        for (byte b : value) buffer.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        return this;
    }

    public void endRow() throws SQLException {
        buffer.append('\n');
        rowStarted = false;
        rows++;
        if (buffer.length() >= FLUSH_AT) flush();
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Sends what is left and ends the COPY; returns the rows written. */
    public long finish() throws SQLException {
        if (!buffer.isEmpty()) flush();
        copy.endCopy();
        return rows;
    }

    public void cancel() {
        try {
            if (copy.isActive()) copy.cancelCopy();
        } catch (SQLException ignored) {
            // the transaction rolls back anyway
        }
    }
}
