package org.huzhu.shared.crypto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration that needs the personal-data key, which lives only in the application: written
 * in Java and declared as a Spring bean, Flyway runs it in version order with the SQL migrations
 * (version {@code 2026.11.24.0311} sits between {@code V2026_11_24_0310__…sql} and {@code …0312}).
 * Typically the SQL before adds the encrypted columns, this one fills them and clears the clear
 * text, the SQL after drops the clear-text column.
 */
public abstract class PersonalDataMigration implements JavaMigration {

    private static final int BATCH = 500;

    private final MigrationVersion version;
    private final String description;
    protected final PersonalDataCipher cipher;

    protected PersonalDataMigration(String version, String description, PersonalDataCipher cipher) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.cipher = cipher;
    }

    protected abstract void migrate(Connection connection) throws SQLException;

    /** Runs {@code update} once per row of {@code select}, with the parameters {@code rewrite} makes of the row. */
    protected static void rewrite(Connection connection, String select, String update, Rewrite rewrite) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(select); PreparedStatement write = connection.prepareStatement(update)) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    Object[] parameters = rewrite.parameters(rs);
                    for (int i = 0; i < parameters.length; i++) {
                        if (parameters[i] == null) write.setNull(i + 1, Types.NULL);
                        else write.setObject(i + 1, parameters[i]);
                    }
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) write.executeBatch();
        }
    }

    /** The parameters of the update for one row read. */
    @FunctionalInterface
    protected interface Rewrite {
        Object[] parameters(ResultSet row) throws SQLException;
    }

    @Override
    public final void migrate(Context context) throws Exception {
        migrate(context.getConnection());
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
