package org.huzhu.shared.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * Flyway as the application configures it ({@code spring.flyway.*}: schemas, locations,
 * placeholders, and the migration owner's {@code user} / {@code password} when set), for the schema
 * version a backup records and the migration a restore starts with.
 */
public final class Migrations {

    /** The {@code spring.flyway.*} settings Flyway itself understands, by their Flyway names. */
    private static final List<String> SETTINGS = List.of("schemas", "default-schema", "create-schemas", "locations",
            "table", "out-of-order", "placeholder-replacement", "placeholder-prefix", "placeholder-suffix");

    private final ConfigurableEnvironment environment;
    private final DataSource dataSource;
    private final String jdbcUrl;

    /** {@code jdbcUrl}: the application's database, for a migration owner given without a URL of its own. */
    public Migrations(ConfigurableEnvironment environment, DataSource dataSource, String jdbcUrl) {
        this.environment = environment;
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
    }

    List<String> schemas() {
        return Arrays.stream(environment.getRequiredProperty("spring.flyway.schemas").split(",")).map(String::strip).toList();
    }

    /** {@code schema.table} of Flyway's history. */
    String historyTable() {
        String schema = environment.getProperty("spring.flyway.default-schema", schemas().getFirst());
        return schema + "." + environment.getProperty("spring.flyway.table", "flyway_schema_history");
    }

    /** The newest schema version applied to the database {@code c} is connected to. */
    String appliedVersion(Connection c) throws SQLException {
        MigrationVersion newest = null;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM " + BackupTable.quote(historyTable())
                     + " WHERE success AND version IS NOT NULL")) {
            while (rs.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(rs.getString(1));
                if (newest == null || version.isNewerThan(newest)) newest = version;
            }
        }
        if (newest == null) throw new SQLException("The database has no Huzhu schema (no migration in " + historyTable() + ")");
        return newest.getVersion();
    }

    /** Migrates an empty database up to {@code version}, not beyond. */
    void migrateTo(String version) throws DatabaseBackup.BackupException {
        try {
            configuration().target(version).load().migrate();
        } catch (FlywayException e) {
            throw new DatabaseBackup.BackupException("Could not create the schema of version " + version
                    + " (is the backup from a newer Huzhu?): " + e.getMessage());
        }
    }

    private FluentConfiguration configuration() {
        Map<String, String> settings = new HashMap<>();
        for (String name : SETTINGS) {
            String value = environment.getProperty("spring.flyway." + name);
            if (value != null) settings.put("flyway." + camelCase(name), value);
        }
        String placeholders = "spring.flyway.placeholders.";
        for (var source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) continue;
            for (String name : enumerable.getPropertyNames()) {
                if (name.startsWith(placeholders)) {
                    settings.putIfAbsent("flyway.placeholders." + name.substring(placeholders.length()), environment.getProperty(name));
                }
            }
        }
        FluentConfiguration configuration = Flyway.configure().configuration(settings);
        String user = environment.getProperty("spring.flyway.user");
        if (user == null || user.isBlank()) return configuration.dataSource(dataSource);
        return configuration.dataSource(environment.getProperty("spring.flyway.url", jdbcUrl), user,
                environment.getProperty("spring.flyway.password"));
    }

    private static String camelCase(String kebab) {
        StringBuilder camel = new StringBuilder();
        for (String part : kebab.split("-")) {
            camel.append(camel.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return camel.toString();
    }
}
