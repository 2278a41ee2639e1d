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
        if (embedded == null) embedded = new Embedded(null, false, 0, false);
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }

    /** {@code statementStatistics}: preload pg_stat_statements (a diagnostic; off unless asked for). */
    public record Embedded(Path dataDir, boolean cleanOnStart, int port, boolean statementStatistics) {
        public Embedded {
            if (dataDir == null) dataDir = Path.of("data", "postgres");
        }
    }
}
