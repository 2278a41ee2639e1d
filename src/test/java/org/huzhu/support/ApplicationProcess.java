package org.huzhu.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Huzhu running as a separate JVM ({@code java -cp <this JVM's class path> org.huzhu.HuzhuApplication},
 * demo profile) for the kill -9 tests, against a PostgreSQL that lives in the test's JVM and so
 * outlives it; its output goes to {@code app.log} in the work folder. Also reads that database directly.
 */
public final class ApplicationProcess implements AutoCloseable {

    /** Fixed base64 keys (32 bytes each) for test data only. */
    public static final String KEY = "YmVuY2gta2V5LWZvci1wZXJzb25hbC1kYXRhLTAwMDE=";
    public static final String HASH_KEY = "YmVuY2gtaGFzaC1rZXktZm9yLWlkLW51bWJlcnMtMDE=";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path work;
    private final EmbeddedPostgres postgres;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;
    private int port;

    /** A fresh work folder and a fresh PostgreSQL in it. */
    public ApplicationProcess(Path work) throws IOException {
        this.work = work.toAbsolutePath();
        deleteRecursively(this.work);
        Files.createDirectories(this.work);
        postgres = EmbeddedPostgres.builder().setDataDirectory(this.work.resolve("postgres")).setCleanDataDirectory(true)
                .setOverrideWorkingDirectory(this.work.resolve("postgres-bin").toFile()).setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("encoding", "UTF8").setLocaleConfig("locale", "C").start();
    }

    /** Starts the application with the demo profile, a fresh port and these further arguments ({@code --name=value}). */
    public void start(String note, List<String> arguments) throws IOException {
        port = freePort();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + work, "-cp", classPath, "org.huzhu.HuzhuApplication",
                "--spring.profiles.active=demo", "--server.port=" + port, "--huzhu.demo.members-per-unit=10",
                "--springdoc.api-docs.enabled=false", "--logging.level.root=WARN"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("app.log").toFile()));
        builder.environment().put("HUZHU_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
        builder.environment().put("HUZHU_DB_USER", "postgres");
        builder.environment().put("HUZHU_DB_PASSWORD", "");
        builder.environment().put("HUZHU_CRYPTO_KEY", KEY);
        builder.environment().put("HUZHU_CRYPTO_HASH_KEY", HASH_KEY);
        builder.environment().put("HUZHU_DATA_DIR", work.resolve("app").toString());
        note("---- start" + (note.isEmpty() ? "" : ", " + note));
        process = builder.start();
    }

    public int port() {
        return port;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hooks, no graceful anything. */
    public void kill(String note) throws Exception {
        process.destroyForcibly();
        process.waitFor();
        process = null;
        note("---- killed " + note);
    }

    /** Until the application answers its health check UP. */
    public void awaitReady() throws Exception {
        long until = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!alive()) throw new AssertionError("the application died while starting:\n" + tail());
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

    /** Until the application wrote {@code line} to its log (it then sleeps at a pause point). */
    public void awaitLog(String line) throws Exception {
        long until = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!log().contains(line)) {
            if (!alive()) throw new AssertionError("the application died before writing " + line + ":\n" + tail());
            if (System.nanoTime() > until) throw new AssertionError("no " + line + ":\n" + tail());
            Thread.sleep(100);
        }
    }

    public void note(String line) throws IOException {
        Files.writeString(work.resolve("app.log"), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public String log() throws IOException {
        return Files.readString(work.resolve("app.log"), StandardCharsets.UTF_8);
    }

    public String tail() throws IOException {
        String all = log();
        return all.substring(Math.max(0, all.length() - 6000));
    }

    // ---- the database, read directly ------------------------------------------------------------

    public Connection connection() throws SQLException {
        return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
    }

    public long count(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public BigDecimal decimal(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    public List<Long> ids(String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getLong(1));
        }
        return out;
    }

    /** Until {@code sql} counts {@code expected} (at most two minutes; fails early if the application died). */
    public void awaitCount(String sql, long expected) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (count(sql) != expected) {
            if (process != null && !process.isAlive()) throw new AssertionError("the application died:\n" + tail());
            if (System.nanoTime() > until) throw new AssertionError(sql + " is " + count(sql) + ", not " + expected + "\n" + tail());
            Thread.sleep(200);
        }
    }

    @Override
    public void close() throws IOException {
        if (process != null) process.destroyForcibly();
        postgres.close();
    }

    public static int freePort() throws IOException {
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
