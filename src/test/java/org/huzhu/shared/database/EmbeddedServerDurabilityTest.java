package org.huzhu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.huzhu.support.RunsAlongside;
import org.junit.jupiter.api.Test;

/**
 * Outside demo mode the embedded server is a database one may keep money in: it writes through to
 * disk and nobody on the machine connects to it without the password.
 */
@RunsAlongside
class EmbeddedServerDurabilityTest {

    private static DatabaseProperties.Embedded production(Path dir) {
        return new DatabaseProperties.Embedded(dir.resolve("postgres"), false, 0, false, true, null);
    }

    @Test
    void aProductionStartWritesThroughToDiskAndRefusesConnectionsWithoutThePassword() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "durable-pg").toAbsolutePath();
        DatabaseProperties.Embedded settings = production(dir);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings)) {
            try (Connection c = connect(server, server.password())) {
                assertThat(setting(c, "fsync")).isEqualTo("on");
                assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(c, "full_page_writes")).isEqualTo("on");
                assertThat(setting(c, "password_encryption")).isEqualTo("scram-sha-256");
            }
            assertRefusedWithout(server);
        }
        Path passwordFile = dir.resolve("postgres-password");
        assertThat(Files.readString(passwordFile).strip()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("postgres").resolve("pg_hba.conf")))
                .contains("scram-sha-256").doesNotContainPattern("(?m)^[^#]*\\btrust\\b");

        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(settings)) {   // a restart keeps the password
            try (Connection c = connect(again, Files.readString(passwordFile).strip())) {
                assertThat(setting(c, "fsync")).isEqualTo("on");
            }
        }
    }

    @Test
    void aDemoDatabaseStartedInProductionModeAsksForAPasswordFromThenOn() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "demo-then-production-pg").toAbsolutePath();
        DatabaseProperties.Embedded demo = new DatabaseProperties.Embedded(dir.resolve("postgres"), false, 0, false, false, null);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(demo)) {
            try (Connection c = connect(server, null)) {
                assertThat(setting(c, "fsync")).as("demo mode stays fast").isEqualTo("off");
                c.createStatement().execute("create table kept (id int); insert into kept values (7)");
            }
        }
        DatabaseProperties.Embedded production = new DatabaseProperties.Embedded(dir.resolve("postgres"), false, 0, false,
                true, "a-password-from-HUZHU_DB_EMBEDDED_PASSWORD");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(production)) {
            assertRefusedWithout(server);
            try (Connection c = connect(server, "a-password-from-HUZHU_DB_EMBEDDED_PASSWORD");
                 ResultSet rs = c.createStatement().executeQuery("select id from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
                assertThat(setting(c, "fsync")).isEqualTo("on");
            }
        }
        assertThat(dir.resolve("postgres-password")).as("a password given by setting is not written down").doesNotExist();
    }

    private static void assertRefusedWithout(EmbeddedPostgresServer server) {
        assertThatThrownBy(() -> connect(server, null).close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(server, "wrong").close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    private static Connection connect(EmbeddedPostgresServer server, String password) throws SQLException {
        Properties properties = new Properties();
        if (password != null) properties.setProperty("password", password);
        return DriverManager.getConnection(server.jdbcUrl(), properties);
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
