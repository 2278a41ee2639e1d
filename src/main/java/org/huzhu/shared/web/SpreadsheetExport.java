package org.huzhu.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * An XLSX export written row by row to the response (fastexcel keeps only the current rows in
 * memory). Every cell is text, written inline (no shared-strings table growing with the export), and
 * the workbook is compressed at a fast level; a cell that a spreadsheet would read as a formula (beginning with
 * {@code = + - @}, a tab or a carriage return) is written with a leading apostrophe, so that a
 * value somebody typed into Huzhu never runs in the reader's spreadsheet program (CSV/formula
 * injection).
 */
public final class SpreadsheetExport implements AutoCloseable {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int FLUSH_EVERY = 1000;
    /** Deflate level 1: a third larger than the default and several times faster, which is what a long export needs. */
    private static final int COMPRESSION = 1;

    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;

    /** Starts a workbook with one sheet and its bold header row. */
    public SpreadsheetExport(OutputStream out, String sheetName, List<String> headers, double... widths) {
        this.workbook = new Workbook(out, "Huzhu", "1.0");
        workbook.setCompressionLevel(COMPRESSION);
        this.sheet = workbook.newWorksheet(sheetName);
        for (int col = 0; col < widths.length; col++) sheet.width(col, widths[col]);
        row(headers);
        sheet.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("DDEBF7").set();
        sheet.freezePane(0, 1);
    }

    /** Adds a row; every thousand rows what is written so far goes out, so that a long export streams. */
    public void row(List<String> cells) {
        for (int col = 0; col < cells.size(); col++) {
            String cell = neutralised(cells.get(col));
            if (cell != null) sheet.inlineString(row, col, cell);
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The rows written below the header. */
    public int rows() {
        return row - 1;
    }

    /** The answer that streams a workbook as a download named {@code fileName}. */
    public static ResponseEntity<StreamingResponseBody> download(String fileName, StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) return cell;
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell : cell;
    }

    @Override
    public void close() throws IOException {
        workbook.finish();
    }
}
