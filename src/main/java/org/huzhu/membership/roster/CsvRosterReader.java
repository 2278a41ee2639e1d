package org.huzhu.membership.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 4180 CSV roster reader with its own char-level parser: comma separated, {@code "}-quoted
 * fields with {@code ""} escapes, quoted fields may hold commas and line breaks, CRLF / LF / CR line
 * ends. One record is one spreadsheet row for row numbering. Only the seven roster columns are
 * turned into Strings; other columns are scanned and dropped.
 */
final class CsvRosterReader extends LookAheadRosterReader {

    private static final int BUFFER_SIZE = 64 * 1024;
    /** Longer cells mean a broken file (typically an unclosed quote swallowing the rest of it). */
    static final int MAX_CELL_LENGTH = 32 * 1024;
    /** Excel's own column limit. */
    private static final int MAX_HEADER_COLUMNS = 16_384;

    private static final int END_OF_FIELD = 0;
    private static final int END_OF_RECORD = 1;
    private static final int END_OF_FILE = 2;
    /** Slot value for "capture into the header list". */
    private static final int HEADER = -2;

    private final Reader in;
    private final char[] buf = new char[BUFFER_SIZE];
    private int pos;
    private int lim;
    private boolean eof;

    private final StringBuilder spill = new StringBuilder(64);
    private char[] scratch = new char[64];
    private int fieldLength;
    private boolean fieldHasContent;

    private long recordNumber;
    private boolean recordHasContent;
    private int[] colToSlot;
    private List<String> headerCells;
    private final String[] values = new String[RosterColumns.COUNT];


    private CsvRosterReader(Reader in) {
        this.in = in;
    }

    static CsvRosterReader open(Path file, Charset charset, int skipBytes) {
        InputStream stream = null;
        try {
            stream = Files.newInputStream(file);
            stream.skipNBytes(skipBytes);
            Reader reader = new InputStreamReader(stream, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE));
            CsvRosterReader csv = new CsvRosterReader(reader);
            stream = null;
            try {
                csv.readHeader();
                return csv;
            } catch (IOException | RuntimeException e) {
                csv.close();
                throw e;
            }
        } catch (IOException e) {
            throw new RosterFileException("无法读取文件", e);
        } finally {
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    private void readHeader() throws IOException {
        headerCells = new ArrayList<>();
        while (true) {
            headerCells.clear();
            if (!readRecord(true)) {
                throw new RosterFileException("文件中没有内容：未找到表头行");
            }
            if (recordHasContent) {
                break;
            }
        }
        colToSlot = RosterColumns.mapHeader(headerCells);
        headerCells = null;
    }

    @Override
    protected RosterRow readRow() {
        try {
            while (readRecord(false)) {
                if (recordHasContent) {
                    return RosterColumns.toRow(recordNumber, values);
                }
            }
            return null;
        } catch (IOException e) {
            throw new RosterFileException("读取文件失败（第 " + recordNumber + " 行附近）", e);
        }
    }

    @Override
    protected void release() {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing a read-only file: nothing to report
        }
    }

    // ---------------------------------------------------------------- parser

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buf, 0, BUFFER_SIZE);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            pos = 0;
            lim = 0;
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }

    /** Reads one record into {@link #values} (or the header list); false at end of file. */
    private boolean readRecord(boolean header) throws IOException {
        if (pos >= lim && !fill()) {
            return false;
        }
        recordNumber++;
        recordHasContent = false;
        Arrays.fill(values, null);
        int col = 0;
        int[] map = colToSlot;
        while (true) {
            int slot;
            if (header) {
                if (col >= MAX_HEADER_COLUMNS) {
                    throw new RosterFileException("表头的列数过多：请检查文件是否为花名册");
                }
                slot = HEADER;
            } else {
                slot = col < map.length ? map[col] : RosterColumns.UNMAPPED;
            }
            int end = readField(slot);
            if (fieldHasContent) {
                recordHasContent = true;
            }
            col++;
            if (end != END_OF_FIELD) {
                return true;
            }
        }
    }

    /**
     * Reads one field starting at {@link #pos}, storing it per {@code slot}, and consumes its
     * terminator. Returns {@link #END_OF_FIELD}, {@link #END_OF_RECORD} or {@link #END_OF_FILE}.
     */
    private int readField(int slot) throws IOException {
        boolean capture = slot != RosterColumns.UNMAPPED;
        spill.setLength(0);
        fieldLength = 0;
        fieldHasContent = false;
        boolean spilled = false;

        if (pos >= lim && !fill()) {
            store(slot, null, 0, 0, false);
            return END_OF_FILE;
        }
        if (buf[pos] == '"') {
            pos++;
            spilled = true;
            while (true) {
                if (pos >= lim && !fill()) {
                    break; // unclosed quote at end of file: take what there is
                }
                int start = pos;
                char[] b = buf;
                int l = lim;
                int p = pos;
                while (p < l && b[p] != '"') {
                    p++;
                }
                pos = p;
                take(start, p, capture);
                if (p < l) {
                    pos++; // the quote
                    if ((pos < lim || fill()) && buf[pos] == '"') {
                        take(pos, pos + 1, capture); // "" → "
                        pos++;
                        continue;
                    }
                    break; // closing quote
                }
            }
        }
        // unquoted field, or whatever follows a closing quote up to the separator
        while (true) {
            int start = pos;
            char[] b = buf;
            int l = lim;
            int p = pos;
            char c = 0;
            while (p < l) {
                c = b[p];
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                p++;
            }
            pos = p;
            if (p < l) {
                if (spilled) {
                    take(start, p, capture);
                    store(slot, null, 0, 0, true);
                } else {
                    checkLength(p - start);
                    store(slot, b, start, p, false);
                }
                pos++;
                if (c == ',') {
                    return END_OF_FIELD;
                }
                if (c == '\r' && (pos < lim || fill()) && buf[pos] == '\n') {
                    pos++;
                }
                return END_OF_RECORD;
            }
            take(start, p, capture);
            spilled = true;
            if (!fill()) {
                store(slot, null, 0, 0, true);
                return END_OF_FILE;
            }
        }
    }

    /** Appends {@code buf[from, to)} to the current field (or just notes whether it is blank). */
    private void take(int from, int to, boolean capture) {
        int n = to - from;
        if (n == 0) {
            return;
        }
        checkLength(n);
        if (capture) {
            spill.append(buf, from, n);
        } else if (!fieldHasContent) {
            fieldHasContent = CellText.hasContent(buf, from, to);
        }
    }

    private void checkLength(int n) {
        fieldLength += n;
        if (fieldLength > MAX_CELL_LENGTH) {
            throw new RosterFileException("第 " + recordNumber + " 行的单元格内容过长：请检查文件中的引号是否成对");
        }
    }

    /** Stores the finished field: from {@code b[from, to)}, or from the spill buffer when {@code spilled}. */
    private void store(int slot, char[] b, int from, int to, boolean spilled) {
        if (slot == RosterColumns.UNMAPPED) {
            if (!spilled && b != null && !fieldHasContent) {
                fieldHasContent = CellText.hasContent(b, from, to);
            }
            return;
        }
        String value;
        if (spilled) {
            int n = spill.length();
            if (scratch.length < n) {
                scratch = new char[Math.max(n, scratch.length * 2)];
            }
            spill.getChars(0, n, scratch, 0);
            value = CellText.clean(scratch, 0, n);
        } else if (b != null) {
            value = CellText.clean(b, from, to);
        } else {
            value = null;
        }
        if (value != null) {
            fieldHasContent = true;
        }
        if (slot == HEADER) {
            headerCells.add(value);
        } else {
            values[slot] = value;
        }
    }
}
