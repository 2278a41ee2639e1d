package org.huzhu.recognition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The lists of names' characters shipped with the reader ({@link Surnames}, {@link GivenNames}): their lines, blank lines and {@code #} notes left out. */
final class NameLists {

    private NameLists() {
    }

    static List<String> lines(String resource) {
        try (InputStream in = NameLists.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
