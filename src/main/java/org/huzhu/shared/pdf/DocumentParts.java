package org.huzhu.shared.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Pieces the issued documents share: a table row in columns, the verification block (number, time, QR code of the
 * public verification link), and the download answer.
 */
public final class DocumentParts {

    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private DocumentParts() {
    }

    /** A document drawn for download: its file name and its bytes. */
    public record Pdf(String fileName, byte[] content) {
    }

    /** One row of cells of {@code size} points, each starting at its column's x (points from the left margin). */
    public static void row(ChinesePdf.Writer w, float size, float[] columns, String... cells) throws IOException {
        w.line(size, columns[0], cells[0] == null ? "" : cells[0]);
        float y = w.y() + size * 1.85f;
        for (int i = 1; i < cells.length && i < columns.length; i++) {
            if (cells[i] != null && !cells[i].isEmpty()) w.textAt(size, ChinesePdf.Writer.LEFT + columns[i], y, cells[i]);
        }
    }

    /** The document's number and time, and the QR code of its verification link with a word on what it does. */
    public static void verification(ChinesePdf.Writer w, IssuedDocuments.Issued issued, ZoneId zone, String what) throws IOException {
        w.gap(6).line(11, 0, "文书编号：" + issued.number() + "　　出具时间：" + ISSUED.format(issued.issuedAt().atZone(zone)) + "（北京时间）");
        if (w.y() < 200) w.gap(w.y()).line(1, 0, "");   // not room for the QR code: on to a new page
        float y = w.y();
        w.image(ChinesePdf.qr(issued.verifyUrl()), ChinesePdf.Writer.LEFT, y - 120, 110, 110);
        w.textAt(10, ChinesePdf.Writer.LEFT + 120, y - 60, "扫码核验" + what + "的真实性与当前状态");
        w.gap(125);
    }

    /** The document as a download under its file name. */
    public static ResponseEntity<byte[]> attachment(Pdf pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pdf.fileName(), StandardCharsets.UTF_8)
                        .build().toString())
                .body(pdf.content());
    }
}
