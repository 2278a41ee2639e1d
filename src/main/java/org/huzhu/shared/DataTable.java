package org.huzhu.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reference tables shipped as CSV (UTF-8, comma-separated, no quoting; lines starting with {@code #}
 * are comments, the first other line is the header): first the files Huzhu ships on the class path,
 * then those an office drops into its own folder, in name order, so that a later row can add to or
 * override an earlier one.
 */
public final class DataTable {

    /** One data line: its cells (stripped), and where it came from for error messages. */
    public record Row(List<String> cells, String source, int line) {

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        public IllegalStateException problem(String what) {
            return new IllegalStateException(source + " line " + line + ": " + what);
        }
    }

    private DataTable() {
    }

    /**
     * Every row of the shipped class-path file(s) {@code shipped} (e.g. {@code claims/diagnosis-names.csv}),
     * then of {@code officeDir/*.csv} (skipped when blank or missing). Each file's header must start with
     * {@code header}'s columns.
     */
    public static List<Row> read(String shipped, String officeDir, List<String> header) {
        List<Row> rows = new ArrayList<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:" + shipped);
            if (files.length == 0) throw new IllegalStateException("Reference table " + shipped + " is not on the class path");
            Arrays.sort(files, (a, b) -> String.valueOf(a.getFilename()).compareTo(String.valueOf(b.getFilename())));
            for (Resource r : files) {
                try (InputStream in = r.getInputStream()) {
                    read(in, r.getDescription(), header, rows);
                }
            }
            if (officeDir != null && !officeDir.isBlank() && Files.isDirectory(Path.of(officeDir))) {
                try (Stream<Path> office = Files.list(Path.of(officeDir))) {
                    for (Path f : office.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                        try (InputStream in = Files.newInputStream(f)) {
                            read(in, f.toString(), header, rows);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reference table " + shipped + " cannot be read", e);
        }
        return rows;
    }

    private static void read(InputStream in, String source, List<String> header, List<Row> rows) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        boolean headerSeen = false;
        String text;
        int line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
            if (text.isBlank() || text.stripLeading().startsWith("#")) continue;
            List<String> cells = Arrays.stream(text.split(",", -1)).map(String::strip).toList();
            if (!headerSeen) {
                if (cells.size() < header.size() || !cells.subList(0, header.size()).equals(header)) {
                    throw new IllegalStateException(source + " line " + line + ": the header must be " + String.join(",", header));
                }
                headerSeen = true;
                continue;
            }
            rows.add(new Row(cells, source, line));
        }
    }
}
