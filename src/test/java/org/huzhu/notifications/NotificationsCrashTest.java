package org.huzhu.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.shared.Masks;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of a campaign, then restart: according to the SMS centre every text was sent
 * exactly once, and every one ends DELIVERED.
 *
 * <p>The application runs as a separate JVM (demo profile) against a PostgreSQL and a simulated SMS centre
 * that live in this test's JVM, so both outlive it. A campaign of 3,000 texts is written to the outbox;
 * the dispatcher sends at 300 a second in batches of 500 with two workers, so when the centre has
 * accepted 750 texts both workers hold a batch taken but not answered: the kill leaves texts SENDING
 * whose answers were lost (the centre has them) and texts SENDING never submitted. After the restart the
 * centre delivers the receipts it kept for the dead bind, which settle the first kind; the second kind is
 * sent again once its lease ran out.
 */
class NotificationsCrashTest {

    private static final Path WORK = Path.of("target", "sms-crash-test").toAbsolutePath();
    private static final String KEY = "YmVuY2gta2V5LWZvci1wZXJzb25hbC1kYXRhLTAwMDE=";
    private static final String HASH_KEY = "YmVuY2gtaGFzaC1rZXktZm9yLWlkLW51bWJlcnMtMDE=";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final long CAMPAIGN = 4242;
    private static final int TEXTS = 3_000;

    private EmbeddedPostgres postgres;
    private SimulatedSmsCentre centre;
    private Process app;
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void databaseAndCentre() throws IOException {
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        postgres = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("postgres")).setCleanDataDirectory(true)
                .setOverrideWorkingDirectory(WORK.resolve("postgres-bin").toFile()).setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("encoding", "UTF8").setLocaleConfig("locale", "C").start();
        centre = new SimulatedSmsCentre(new SimulatedSmsCentre.Settings(0, "huzhu", "hz-sms1", null, null, null, 0,
                Duration.ofMillis(50)));
    }

    @AfterEach
    void stop() {
        if (app != null) app.destroyForcibly();
        if (centre != null) centre.close();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the directory is wiped at the next start
            }
        }
    }

    @Test
    void killedMidCampaignThenRestartedEveryTextReachesTheCentreExactlyOnce() throws Exception {
        start();
        awaitReady();
        writeCampaign();

        long until = System.nanoTime() + START_TIMEOUT.toNanos();
        while (centre.acceptedCount() < 750) {
            if (!app.isAlive()) throw new AssertionError("the application died:\n" + tail());
            if (System.nanoTime() > until) throw new AssertionError("the campaign did not start: " + centre.acceptedCount() + "\n" + tail());
            Thread.sleep(5);
        }
        app.destroyForcibly();   // SIGKILL: no shutdown hooks, no graceful anything
        app.waitFor();
        app = null;
        note("---- killed with " + centre.acceptedCount() + " texts at the centre");
        long takenAtKill = count("select count(*) from notifications.message where campaign_id = " + CAMPAIGN + " and status = 'SENDING'");
        long recordedAtKill = count("select count(*) from notifications.message where campaign_id = " + CAMPAIGN
                + " and status in ('SENT', 'DELIVERED')");
        assertThat(takenAtKill).as("texts taken but not answered when killed").isPositive();
        assertThat((long) centre.acceptedCount()).as("texts the centre has beyond those recorded as sent").isGreaterThan(recordedAtKill);

        start();
        awaitReady();
        awaitCount("select count(*) from notifications.message where campaign_id = " + CAMPAIGN + " and status <> 'DELIVERED'", 0);

        Map<Long, Integer> submits = new HashMap<>();
        for (SimulatedSmsCentre.Submit s : centre.accepted()) {
            if (s.messageReference() != null) submits.merge(s.messageReference(), 1, Integer::sum);
        }
        List<Long> ids = ids("select id from notifications.message where campaign_id = " + CAMPAIGN + " and channel = 'SMS'");
        assertThat(ids).hasSize(TEXTS);
        for (long id : ids) assertThat(submits.getOrDefault(id, 0)).as("times text " + id + " reached the centre").isEqualTo(1);
        assertThat(NotificationsBenchDriver.sentTwice(centre)).as("texts of any kind sent twice").isZero();
        assertThat(count("select count(*) from notifications.sms_part p join notifications.message m on m.id = p.message_id"
                + " where m.campaign_id = " + CAMPAIGN + " and p.receipt = 'DELIVERED'")).isEqualTo(TEXTS);
    }

    /** The campaign's texts, written as the outbox holds them (numbers encrypted under the application's key). */
    private void writeCampaign() throws SQLException {
        PersonalDataCipher cipher = new PersonalDataCipher(Base64.getDecoder().decode(KEY), Base64.getDecoder().decode(HASH_KEY));
        Instant now = Instant.now();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement("""
                insert into notifications.message (dedup_key, channel, template_code, template_version, purpose, member_id, scope_path,
                    phone_cipher, phone_hash, phone_masked, title, body, segments, campaign_id, status, not_before, expires_at, created_at)
                values (?, 'SMS', 'PUBLICITY_ENROL', 1, 'PUBLICITY', ?, '/1/', ?, ?, ?, '参保宣传', ?, 1, ?, 'QUEUED', ?, ?, ?)""")) {
            c.setAutoCommit(false);
            for (int i = 0; i < TEXTS; i++) {
                String phone = "136" + String.format("%08d", i);
                ps.setString(1, "crash-campaign:" + CAMPAIGN + "|m" + i + "|SMS");
                ps.setLong(2, 50_000_000L + i);
                ps.setBytes(3, cipher.encrypt(phone));
                ps.setBytes(4, cipher.hash(phone));
                ps.setString(5, Masks.phone(phone));
                ps.setString(6, "【职工互助】王师傅您好，职工互助保障每年只需几十元。回复TD退订");
                ps.setLong(7, CAMPAIGN);
                ps.setTimestamp(8, Timestamp.from(now));
                ps.setTimestamp(9, Timestamp.from(now.plus(Duration.ofDays(1))));
                ps.setTimestamp(10, Timestamp.from(now));
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
    }

    // ---- the application process -----------------------------------------------------------------

    private void start() throws IOException {
        port = freePort();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + WORK, "-cp", classPath, "org.huzhu.HuzhuApplication",
                "--spring.profiles.active=demo", "--server.port=" + port, "--huzhu.demo.members-per-unit=10",
                "--huzhu.notifications.sms.simulator.enabled=false", "--huzhu.notifications.sms.smpp.host=127.0.0.1",
                "--huzhu.notifications.sms.smpp.port=" + centre.port(), "--huzhu.notifications.sms.smpp.system-id=huzhu",
                "--huzhu.notifications.sms.smpp.password=hz-sms1",
                "--huzhu.notifications.dispatch.rate-per-second=300", "--huzhu.notifications.dispatch.batch-size=500",
                "--huzhu.notifications.dispatch.workers=2", "--huzhu.notifications.dispatch.lease=15s",
                "--huzhu.notifications.quiet-from=00:00", "--huzhu.notifications.quiet-until=00:00",
                "--springdoc.api-docs.enabled=false", "--logging.level.root=WARN", "--logging.level.org.huzhu.notifications=INFO"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(WORK.resolve("app.log").toFile()));
        builder.environment().put("HUZHU_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
        builder.environment().put("HUZHU_DB_USER", "postgres");
        builder.environment().put("HUZHU_DB_PASSWORD", "");
        builder.environment().put("HUZHU_CRYPTO_KEY", KEY);
        builder.environment().put("HUZHU_CRYPTO_HASH_KEY", HASH_KEY);
        builder.environment().put("HUZHU_DATA_DIR", WORK.resolve("app").toString());
        note("---- start");
        app = builder.start();
    }

    private void awaitReady() throws Exception {
        long until = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!app.isAlive()) throw new AssertionError("the application died while starting:\n" + tail());
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > until) throw new AssertionError("the application did not start:\n" + tail());
            Thread.sleep(200);
        }
    }

    private void note(String line) throws IOException {
        Files.writeString(WORK.resolve("app.log"), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private String tail() throws IOException {
        String all = Files.readString(WORK.resolve("app.log"), StandardCharsets.UTF_8);
        return all.substring(Math.max(0, all.length() - 6000));
    }

    // ---- the database, read directly --------------------------------------------------------------

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<Long> ids(String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getLong(1));
        }
        return out;
    }

    private void awaitCount(String sql, long expected) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (count(sql) != expected) {
            if (app != null && !app.isAlive()) throw new AssertionError("the application died:\n" + tail());
            if (System.nanoTime() > until) throw new AssertionError(sql + " is " + count(sql) + ", not " + expected + "\n" + tail());
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
