package org.huzhu.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 used when no external database is configured. Its data directory
 * survives restarts; a server orphaned by a killed JVM is stopped before a new one starts.
 * Outside demo mode ({@code durable}) it writes through to disk (fsync, synchronous commit, full
 * page writes) and asks every connection for a password; demo mode and tests trade that for speed.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    static final String PRODUCTION_NOTICE = "The embedded PostgreSQL suits a trial or a small office on one machine; "
            + "production runs on an external PostgreSQL (HUZHU_DB_URL), see docs/operations.md. "
            + "内置数据库仅适合试用；正式运行请使用外部 PostgreSQL（HUZHU_DB_URL）。";

    private final EmbeddedPostgres postgres;   // null when attached to a server another process runs
    private final int port;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port, String password) {
        this.postgres = postgres;
        this.port = port;
        this.password = password;
    }

    /**
     * The server another Huzhu process is running on this data directory, if any (so that a backup
     * reads it while the application runs); otherwise one started here, as {@link #start} does.
     */
    static EmbeddedPostgresServer attachOrStart(DatabaseProperties.Embedded settings) throws IOException {
        Path dataDir = settings.dataDir().toAbsolutePath();
        Optional<ProcessHandle> running = runningServer(dataDir);
        if (running.isEmpty()) return start(settings);
        int port = Integer.parseInt(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).strip());
        log.info("Using the embedded PostgreSQL already running on port {} (pid {})", port, running.get().pid());
        return new EmbeddedPostgresServer(null, port, EmbeddedAuthentication.password(settings));
    }

    static EmbeddedPostgresServer start(DatabaseProperties.Embedded settings) throws IOException {
        Path dataDir = settings.dataDir().toAbsolutePath();
        if (settings.cleanOnStart()) EmbeddedBinaries.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        stopOrphanedServer(dataDir);
        Path workDir = dataDir.resolveSibling(dataDir.getFileName() + "-bin");
        Files.createDirectories(workDir);
        String password = settings.durable()
                ? EmbeddedAuthentication.require(settings, dataDir, workDir)
                : EmbeddedAuthentication.password(settings);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(workDir.toFile())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "2GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("maintenance_work_mem", "128MB")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C");
        if (settings.statementStatistics()) {
            // diagnostics (./huzhu bench claims --count-statements): PostgreSQL's time per statement, planning included
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            builder.setServerConfig("pg_stat_statements.track_planning", "on");
            builder.setServerConfig("pg_stat_statements.track", "all");   // statements inside functions and triggers too
        }
        if (settings.durable()) {
            // after zonky's own -F (fsync off): the later setting wins
            builder.setServerConfig("fsync", "on");
            builder.setServerConfig("synchronous_commit", "on");
            builder.setServerConfig("full_page_writes", "on");
        }
        if (password != null) builder.setConnectConfig("password", password);
        if (settings.port() > 0) builder.setPort(settings.port());
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDir);
        if (settings.durable()) {
            log.warn(PRODUCTION_NOTICE);
            System.err.println("[huzhu] " + PRODUCTION_NOTICE);
        }
        return new EmbeddedPostgresServer(postgres, postgres.getPort(), password);
    }

    String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
    }

    /** The {@code postgres} password, or null when the server trusts local connections (demo mode). */
    String password() {
        return password;
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) postgres.close();
    }

    private static Optional<ProcessHandle> runningServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return Optional.empty();
        return Files.readAllLines(pidFile).stream().findFirst()
                .map(String::trim).filter(s -> s.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
    }

    /** A kill -9 of the JVM leaves its postgres running and holding the data directory. */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Optional<ProcessHandle> orphan = runningServer(dataDir);
        if (orphan.isEmpty()) return;
        log.warn("Stopping an embedded PostgreSQL left running by an earlier process (pid {})", orphan.get().pid());
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("An earlier embedded PostgreSQL (pid " + orphan.get().pid() + ") did not stop", e);
        }
    }
}
