package org.huzhu.membership.roster;

import java.nio.file.Path;
import java.util.Iterator;

/**
 * Streams the worker rows of a roster file (CSV or XLSX) one at a time, never loading the whole
 * file. Entirely blank rows are skipped. Use in try-with-resources:
 *
 * <pre>{@code
 * try (RosterReader reader = RosterReader.open(path)) {
 *     while (reader.hasNext()) {
 *         RosterRow row = reader.next();
 *         ...
 *     }
 * }
 * }</pre>
 *
 * {@link #hasNext()} and {@link #next()} may throw {@link RosterFileException} when the file turns
 * out to be damaged part-way through.
 */
public interface RosterReader extends AutoCloseable, Iterator<RosterRow> {

    /**
     * Opens a roster file, detecting its format by content (XLSX = zip containing
     * {@code xl/workbook.xml}; otherwise text CSV in UTF-8 or GB18030/GBK), and reads its header row.
     *
     * @throws RosterFileException with a Chinese message if the file is empty, not a roster file,
     *                             corrupt, or lacks a required column
     */
    static RosterReader open(Path file) throws RosterFileException {
        return RosterFormats.open(file);
    }

    /** Releases the file. Idempotent; no checked exception. */
    @Override
    void close();
}
