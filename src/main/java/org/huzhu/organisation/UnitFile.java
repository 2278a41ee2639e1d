package org.huzhu.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.huzhu.shared.web.UnreadableUploadException;

/**
 * A unit file read one row at a time, never whole: XLSX (first sheet) or CSV in UTF-8 (with or
 * without BOM) or GB18030/GBK. The first non-blank row is the header; columns are found by their
 * Chinese names in any order ({@link #COLUMNS}). Each row is handed out as the trimmed cell texts in
 * the order of {@link #COLUMNS}, null for an empty cell, with the row number a person sees.
 */
final class UnitFile implements AutoCloseable {

    static final List<String> COLUMNS = List.of("单位名称", "统一社会信用代码", "所属工会", "所有制", "职工人数", "联系人", "联系电话", "状态");
    private static final int REQUIRED = 5;
    private static final int HEAD = 16 * 1024;
    private static final String NOT_A_TABLE = "无法识别的文件：请上传 Excel（.xlsx）或 CSV 格式的单位名单";

    record Line(long number, String[] cells) {
        String cell(int column) {
            return cells[column];
        }
    }

    private final Iterator<List<String>> rows;
    private final AutoCloseable resource;
    private final int[] columnOf = new int[COLUMNS.size()];
    private long number;

    private UnitFile(Iterator<List<String>> rows, AutoCloseable resource) {
        this.rows = rows;
        this.resource = resource;
    }

    static UnitFile open(Path file) {
        byte[] head = head(file);
        if (head.length == 0) throw new UnreadableUploadException("文件为空");
        UnitFile reader = startsWith(head, 0x50, 0x4B, 0x03, 0x04) ? xlsx(file)
                : startsWith(head, 0xD0, 0xCF, 0x11, 0xE0) ? oldExcel()
                : csv(file, head);
        try {
            reader.readHeader();
            return reader;
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The next row with content, or null at the end. */
    Line next() {
        while (rows.hasNext()) {
            List<String> cells;
            try {
                cells = rows.next();
            } catch (UnreadableUploadException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new UnreadableUploadException("文件内容已损坏（第 " + (number + 1) + " 行附近），无法继续读取");
            }
            number++;
            String[] line = new String[COLUMNS.size()];
            boolean any = false;
            for (int c = 0; c < line.length; c++) {
                line[c] = columnOf[c] < 0 || columnOf[c] >= cells.size() ? null : blankToNull(cells.get(columnOf[c]));
                any |= line[c] != null;
            }
            if (any) return new Line(number, line);
        }
        return null;
    }

    @Override
    public void close() {
        try {
            resource.close();
        } catch (Exception e) {
            // nothing left to release
        }
    }

    private void readHeader() {
        while (rows.hasNext()) {
            List<String> header = rows.next().stream().map(UnitFile::blankToNull).toList();
            number++;
            if (header.stream().allMatch(java.util.Objects::isNull)) continue;
            List<String> missing = new ArrayList<>();
            for (int c = 0; c < COLUMNS.size(); c++) {
                columnOf[c] = header.indexOf(COLUMNS.get(c));
                if (columnOf[c] < 0 && c < REQUIRED) missing.add(COLUMNS.get(c));
            }
            if (!missing.isEmpty()) {
                throw new UnreadableUploadException("第 " + number + " 行应为表头，缺少列：" + String.join("、", missing)
                        + "（请使用单位导入模板；CSV 请存为 UTF-8 或 GBK 编码）");
            }
            return;
        }
        throw new UnreadableUploadException("文件中没有内容：未找到表头行");
    }

    private static UnitFile xlsx(Path file) {
        ReadableWorkbook workbook;
        Stream<Row> stream;
        try {
            workbook = new ReadableWorkbook(file.toFile());
            stream = workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableUploadException("Excel 文件已损坏或不是 .xlsx 文件，无法读取");
        }
        Iterator<List<String>> rows = stream.map(UnitFile::cells).iterator();
        return new UnitFile(rows, () -> {
            stream.close();
            workbook.close();
        });
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int c = 0; c < row.getCellCount(); c++) {
            Cell cell = row.getCell(c);
            cells.add(cell == null ? null : cell.getType() == CellType.NUMBER ? cell.getRawValue() : cell.getText());
        }
        return cells;
    }

    private static UnitFile oldExcel() {
        throw new UnreadableUploadException("不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后上传");
    }

    private static UnitFile csv(Path file, byte[] head) {
        Charset charset = charset(head);
        try {
            InputStream in = Files.newInputStream(file);
            if (startsWith(head, 0xEF, 0xBB, 0xBF)) in.skipNBytes(3);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
            return new UnitFile(new CsvRows(reader), reader);
        } catch (IOException e) {
            throw new UnreadableUploadException(NOT_A_TABLE);
        }
    }

    /** UTF-8 when the opening bytes decode as UTF-8 (a character cut at the end allowed), otherwise GB18030. */
    private static Charset charset(byte[] head) {
        for (byte b : head) if (b == 0) throw new UnreadableUploadException(NOT_A_TABLE);
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            throw new UnreadableUploadException("不支持 UTF-16 编码的 CSV 文件，请存为 UTF-8 或 GBK 编码");
        }
        for (int cut = 0; cut < 4 && cut < head.length; cut++) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(head, 0, head.length - cut));
                return StandardCharsets.UTF_8;
            } catch (CharacterCodingException e) {
                if (head.length < HEAD) break;
            }
        }
        return Charset.forName("GB18030");
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new UnreadableUploadException(NOT_A_TABLE);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    private static String blankToNull(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** CSV records (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
    private static final class CsvRows implements Iterator<List<String>> {

        private final Reader in;
        private List<String> next;
        private boolean done;

        CsvRows(Reader in) {
            this.in = in;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) next = read();
            return next != null;
        }

        @Override
        public List<String> next() {
            if (!hasNext()) throw new java.util.NoSuchElementException();
            List<String> row = next;
            next = null;
            return row;
        }

        private List<String> read() {
            try {
                List<String> cells = new ArrayList<>();
                StringBuilder cell = new StringBuilder();
                boolean quoted = false;
                int c = in.read();
                if (c < 0) {
                    done = true;
                    return null;
                }
                for (; c >= 0; c = in.read()) {
                    if (quoted) {
                        if (c != '"') cell.append((char) c);
                        else {
                            in.mark(1);
                            if (in.read() == '"') cell.append('"');
                            else {
                                in.reset();
                                quoted = false;
                            }
                        }
                    } else if (c == '"') quoted = true;
                    else if (c == ',') {
                        cells.add(cell.toString());
                        cell.setLength(0);
                    } else if (c == '\n') break;
                    else if (c != '\r') cell.append((char) c);
                }
                cells.add(cell.toString());
                return cells;
            } catch (CharacterCodingException e) {
                throw new UnreadableUploadException("文件编码无法识别，请将 CSV 存为 UTF-8 或 GBK 编码");
            } catch (IOException e) {
                throw new UnreadableUploadException(NOT_A_TABLE);
            }
        }
    }
}
