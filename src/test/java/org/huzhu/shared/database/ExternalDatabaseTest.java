package org.huzhu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.huzhu.HuzhuApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Production mode: Huzhu connects to a PostgreSQL server given by URL instead of starting its
 * own, migrates it, and refuses to start without personal-data keys.
 */
class ExternalDatabaseTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void migratesAndUsesAServerGivenByUrl() throws Exception {
        Path dir = Files.createTempDirectory("external-pg");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data"))
                .setOverrideWorkingDirectory(dir.resolve("bin").toFile()).start()) {
            String url = server.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext app = SpringApplication.run(HuzhuApplication.class,
                    "--spring.main.web-application-type=none", "--huzhu.database.url=" + url,
                    "--huzhu.database.username=postgres", "--huzhu.database.password=",
                    "--huzhu.crypto.key=" + KEY, "--huzhu.crypto.hash-key=" + KEY,
                    "--huzhu.import.work-dir=" + dir.resolve("imports"), "--logging.level.root=warn")) {
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select count(*) from ledger.account").query(Long.class).single()).isPositive();
                assertThat(jdbc.sql("select current_setting('port')").query(String.class).single())
                        .isEqualTo(String.valueOf(server.getPort()));
                assertThat(jdbc.sql("select count(*) from identity.account").query(Long.class).single())
                        .as("no demo accounts outside demo mode").isZero();
            }
            assertThat(dir.resolve("data").resolve("PG_VERSION")).exists();
        }
    }

    @Test
    void refusesToStartWithoutPersonalDataKeysOutsideDemoMode() throws Exception {
        Path dir = Files.createTempDirectory("no-keys");
        Throwable failure = null;
        try (ConfigurableApplicationContext ignored = SpringApplication.run(HuzhuApplication.class,
                "--spring.main.web-application-type=none", "--huzhu.database.embedded.data-dir=" + dir.resolve("pg"),
                "--huzhu.crypto.key=", "--huzhu.crypto.hash-key=", "--logging.level.root=off")) {
            // must not get here
        } catch (Exception e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        Throwable root = failure;
        while (root.getCause() != null) root = root.getCause();
        assertThat(root).hasMessageContaining("HUZHU_CRYPTO_KEY");
    }
}
