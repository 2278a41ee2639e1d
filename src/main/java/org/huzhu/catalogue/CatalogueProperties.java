package org.huzhu.catalogue;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code dir}: an office's own catalogue files, read in addition to the ones Huzhu ships. */
@ConfigurationProperties("huzhu.catalogue")
public record CatalogueProperties(Path dir) {
}
