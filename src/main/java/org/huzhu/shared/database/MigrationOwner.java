package org.huzhu.shared.database;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lets Flyway migrate as the role that owns the tables and their triggers
 * ({@code HUZHU_DB_MIGRATION_USER} / {@code HUZHU_DB_MIGRATION_PASSWORD}) while the application
 * works as a role that does not own them and so can neither disable nor drop the triggers that
 * keep the logs append-only (docs/security.md, Database roles). Without a migration user,
 * Flyway uses the application's own connection, as before. External server only: the embedded
 * one has a single user.
 */
@Component
class MigrationOwner implements FlywayConfigurationCustomizer {

    private final DatabaseProperties database;
    private final String username;
    private final String password;

    MigrationOwner(DatabaseProperties database, @Value("${huzhu.database.migration-username:}") String username,
                   @Value("${huzhu.database.migration-password:}") String password) {
        this.database = database;
        this.username = username;
        this.password = password;
    }

    @Override
    public void customize(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
        if (database.external() && !username.isBlank()) configuration.dataSource(database.url(), username, password);
    }
}
