package org.huzhu.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * An XLSX export written row by row to the response ({@link XlsxStream}: the sheet's XML straight into the zip stream,
 * nothing kept per row). Every cell is text, written inline (no shared-strings table growing with the export), and
 * the workbook is compressed at a fast level; a cell that a spreadsheet would read as a formula (beginning with
 * {@code = + - @}, a tab or a carriage return) is written with a leading apostrophe, so that a
 * value somebody typed into Huzhu never runs in the reader's spreadsheet program (CSV/formula
 * injection).
 */
public final class SpreadsheetExport implements AutoCloseable {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows after which what is written goes out to the response, so that a long export streams. */
    private static final int BATCH = 1000;
    /** Deflate level 1: a third larger than the default and several times faster, which is what a long export needs. */
    private static final int COMPRESSION = 1;

    private final XlsxStream sheet;
    private final List<String> neutralised = new ArrayList<>();
    private boolean abandoned;
    private int rows;

    /** Starts a workbook with one sheet and its bold header row, frozen; {@code widths} in characters per column. */
    public SpreadsheetExport(OutputStream out, String sheetName, List<String> headers, double... widths) {
        try {
            this.sheet = new XlsxStream(out, COMPRESSION, sheetName, widths, headers.size());
            sheet.row(headers, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a row (cells neutralised); every thousand rows what is written goes out. */
    public void row(List<String> cells) {
        neutralised.clear();
        for (String cell : cells) neutralised.add(neutralised(cell));
        try {
            sheet.row(neutralised, 0);
            if (++rows % BATCH == 0) sheet.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rows could not all be read: the workbook is left unfinished when closed, so that the reader's spreadsheet
     * program refuses a truncated download rather than showing part of the list as if it were all of it.
     */
    public void abandon() {
        abandoned = true;
    }

    /** The rows given below the header. */
    public int rows() {
        return rows;
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
        if (!abandoned) sheet.finish();
    }
}
