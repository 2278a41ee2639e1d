package org.huzhu.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A province's administrative divisions (GB/T 2260), shipped as
 * {@code organisation/divisions/<province code>.csv}: a header {@code code,name,parent}, then one line
 * per division with its six-digit code, its name (武汉市, 江岸区) and its parent's code, blank for the
 * prefecture-level divisions and the county-level units the province administers directly. Lines
 * starting with {@code #} are comments. Parents come before their children.
 */
record DivisionFile(String provinceCode, List<Division> divisions) {

    record Division(String code, String name, String parentCode) {

        /** The union office's name: 武汉市 → 武汉市总工会. */
        String unionName() {
            return name + "总工会";
        }
    }

    static Optional<DivisionFile> of(String provinceCode) {
        String resource = "organisation/divisions/" + provinceCode + ".csv";
        InputStream in = DivisionFile.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) return Optional.empty();
        List<Division> divisions = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length < 3) throw new IllegalStateException(resource + ": malformed line " + line);
                divisions.add(new Division(cells[0].strip(), cells[1].strip(), cells[2].isBlank() ? null : cells[2].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new DivisionFile(provinceCode, List.copyOf(divisions)));
    }
}
