package org.huzhu.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
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
    /** Rows handed to the writer at once, and written out (flushed) at once. */
    private static final int BATCH = 1000;
    private static final int BATCHES_AHEAD = 4;
    private static final List<List<String>> END = List.of();
    /** Deflate level 1: a third larger than the default and several times faster, which is what a long export needs. */
    private static final int COMPRESSION = 1;

    private final Workbook workbook;
    private final Worksheet sheet;
    private final BlockingQueue<List<List<String>>> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread writer;
    private volatile Throwable failure;
    private boolean abandoned;
    private List<List<String>> batch = new ArrayList<>(BATCH);
    private int rows;
    private int sheetRow;

    /**
     * Starts a workbook with one sheet and its bold header row, and its writer: rows are written and compressed by a
     * thread of their own while the caller reads the next ones, at most {@value #BATCHES_AHEAD} batches behind.
     */
    public SpreadsheetExport(OutputStream out, String sheetName, List<String> headers, double... widths) {
        this.workbook = new Workbook(out, "Huzhu", "1.0");
        workbook.setCompressionLevel(COMPRESSION);
        this.sheet = workbook.newWorksheet(sheetName);
        for (int col = 0; col < widths.length; col++) sheet.width(col, widths[col]);
        write(headers);
        sheet.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("DDEBF7").set();
        sheet.freezePane(0, 1);
        this.writer = Thread.ofPlatform().name("xlsx-writer").daemon().start(this::writeBatches);
    }

    /** Adds a row; every thousand rows go to the writer, which sends them out, so that a long export streams. */
    public void row(List<String> cells) {
        batch.add(cells);
        rows++;
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
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

    private void hand(List<List<String>> full) {
        try {
            while (!batches.offer(full, 1, TimeUnit.SECONDS)) {
                if (failure != null) throw new UncheckedIOException(new IOException("the workbook could not be written", failure));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while exporting", e);
        }
    }

    private void writeBatches() {
        try {
            for (List<List<String>> next = batches.take(); next != END; next = batches.take()) {
                next.forEach(this::write);
                sheet.flush();
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    private void write(List<String> cells) {
        for (int col = 0; col < cells.size(); col++) {
            String cell = neutralised(cells.get(col));
            if (cell != null) sheet.inlineString(sheetRow, col, cell);
        }
        sheetRow++;
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
        if (!batch.isEmpty()) hand(batch);
        hand(END);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while finishing the workbook", e);
        }
        if (failure != null) throw new IOException("the workbook could not be written", failure);
        if (!abandoned) workbook.finish();
    }
}
