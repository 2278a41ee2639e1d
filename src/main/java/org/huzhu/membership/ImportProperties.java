package org.huzhu.membership;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where uploaded rosters wait while they are imported, how many rows commit together, and how long
 * a running import's lease lasts without renewal (renewed every third of it; another instance
 * resumes the import once it has run out).
 */
@ConfigurationProperties("huzhu.import")
public record ImportProperties(Path workDir, Integer chunkSize, java.time.Duration lease) {

    public ImportProperties {
        if (workDir == null) workDir = Path.of("data", "imports");
        if (chunkSize == null || chunkSize < 1) chunkSize = 5000;
        if (lease == null) lease = java.time.Duration.ofSeconds(30);
    }
}
