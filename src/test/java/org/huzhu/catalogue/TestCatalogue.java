package org.huzhu.catalogue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixture: the shipped HB-2026 terms, read through the real loader, for tests of other modules. */
public final class TestCatalogue {

    private static final String HB_2026 = "/catalogue/HB-2026.yaml";

    private TestCatalogue() {
    }

    /** The shipped catalogue file, as text, for tests that derive variants of it. */
    public static String hb2026Yaml() {
        try (InputStream in = TestCatalogue.class.getResourceAsStream(HB_2026)) {
            if (in == null) throw new IllegalStateException(HB_2026 + " is not on the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HB-2026 as the application loads it (validated). */
    public static CatalogueVersion hb2026() {
        return read(hb2026Yaml(), "HB-2026.yaml");
    }

    /** Reads and validates catalogue YAML, as the application does at start-up. */
    public static CatalogueVersion read(String yaml, String source) {
        return CatalogueLoader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), source);
    }
}
