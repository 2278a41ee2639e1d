package org.huzhu.membership.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Temporary files for the roster tests, under {@code java.io.tmpdir} (target/tmp in the build). */
final class RosterTestFiles {

    private static final Path DIR;

    static {
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(tmp);
            DIR = Files.createTempDirectory(tmp, "roster-test-");
            DIR.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RosterTestFiles() {
    }

    static Path newFile(String suffix) {
        try {
            Path file = Files.createTempFile(DIR, "roster-", suffix);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(byte[] content, String suffix) {
        Path file = newFile(suffix);
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path csv(String text, Charset charset) {
        return write(text.getBytes(charset), ".csv");
    }

    static List<RosterRow> readAll(Path file) {
        List<RosterRow> rows = new ArrayList<>();
        try (RosterReader reader = RosterReader.open(file)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
