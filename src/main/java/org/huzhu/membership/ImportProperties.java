package org.huzhu.membership;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where uploaded rosters wait while they are imported, and how many rows commit together. */
@ConfigurationProperties("huzhu.import")
public record ImportProperties(Path workDir, Integer chunkSize) {

    public ImportProperties {
        if (workDir == null) workDir = Path.of("data", "imports");
        if (chunkSize == null || chunkSize < 1) chunkSize = 5000;
    }
}
