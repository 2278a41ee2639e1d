package org.huzhu.shared.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. With {@code url} set, Huzhu connects to that PostgreSQL server
 * (production); without it, it starts an embedded PostgreSQL 17 whose data lives in
 * {@code embedded.dataDir}, so a restart keeps the data.
 */
@ConfigurationProperties("huzhu.database")
public record DatabaseProperties(String url, String username, String password, Integer poolSize,
                                 Embedded embedded) {

    public DatabaseProperties {
        if (poolSize == null) poolSize = 10;
        if (embedded == null) embedded = new Embedded(null, false, 0, false, null, null);
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }

    /**
     * {@code statementStatistics}: preload pg_stat_statements (a diagnostic; off unless asked for).
     * {@code durable} (the default; off in demo mode and tests): fsync and synchronous commit on, and
     * password (SCRAM) authentication with {@code password}, or else a generated one kept in
     * {@link #passwordFile()}.
     */
    public record Embedded(Path dataDir, boolean cleanOnStart, int port, boolean statementStatistics,
                           Boolean durable, String password) {
        public Embedded {
            if (dataDir == null) dataDir = Path.of("data", "postgres");
            if (durable == null) durable = true;
            if (password != null && password.isBlank()) password = null;
        }

        /** Beside the data directory: {@code data/postgres-password}. */
        public Path passwordFile() {
            Path dir = dataDir.toAbsolutePath();
            return dir.resolveSibling(dir.getFileName() + "-password");
        }
    }
}
