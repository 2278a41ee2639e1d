package org.huzhu.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code ./huzhu backup FILE} and {@code ./huzhu restore FILE}: the application started with
 * {@code --huzhu.backup=FILE} or {@code --huzhu.restore=FILE} reads its database settings as
 * usual (an external server by {@code HUZHU_DB_URL}, or the embedded one: the running server when
 * Huzhu is up, else started for the purpose), does that one thing and exits, with no web server,
 * scheduler or migration of its own.
 */
public final class DatabaseBackupCommand {

    private DatabaseBackupCommand() {
    }

    public static boolean requested(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--huzhu.backup=") || arg.startsWith("--huzhu.restore=")) return true;
        }
        return false;
    }

    /** Runs the command and answers the exit status. */
    public static int run(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("logging.level.root=warn").run(args)) {
            ConfigurableEnvironment environment = context.getEnvironment();
            DatabaseProperties properties = context.getBean(DatabaseProperties.class);
            String backup = environment.getProperty("huzhu.backup");
            String restore = environment.getProperty("huzhu.restore");
            if (restore != null && !Files.isRegularFile(Path.of(restore))) {
                System.err.println("[huzhu] No backup file " + restore);
                return 2;
            }
            try (HikariDataSource dataSource = properties.external() ? DatabaseConfiguration.external(properties)
                    : DatabaseConfiguration.embedded(properties, EmbeddedPostgresServer.attachOrStart(properties.embedded()))) {
                DatabaseBackup database = new DatabaseBackup(dataSource, new Migrations(environment, dataSource, dataSource.getJdbcUrl()));
                if (backup != null) {
                    DatabaseBackup.Contents contents = database.write(Path.of(backup));
                    System.out.printf("[huzhu] Backup written to %s: %d tables, %d rows, schema version %s%n",
                            backup, contents.rows().size(), contents.totalRows(), contents.schemaVersion());
                } else {
                    DatabaseBackup.Contents contents = database.restore(Path.of(restore));
                    System.out.printf("[huzhu] Restored %s: %d tables, %d rows, schema version %s "
                                    + "(a newer Huzhu migrates it further when it starts)%n",
                            restore, contents.rows().size(), contents.totalRows(), contents.schemaVersion());
                }
            }
            return 0;
        } catch (DatabaseBackup.BackupException e) {
            System.err.println("[huzhu] " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("[huzhu] " + (restore(args) ? "Restore" : "Backup") + " failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    private static boolean restore(String[] args) {
        for (String arg : args) if (arg.startsWith("--huzhu.restore=")) return true;
        return false;
    }

    /** Only the database settings: no component scan, no auto-configuration (and no @Configuration, so no scan finds it). */
    @EnableConfigurationProperties(DatabaseProperties.class)
    static class Settings {
    }
}
