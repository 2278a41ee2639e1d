package org.huzhu.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A workbook of one sheet written straight into a zip stream as it goes (SpreadsheetML, ECMA-376): the fixed parts
 * first, then the sheet's XML row by row, every cell an inline string, encoded to UTF-8 and escaped here into one
 * reused buffer — nothing kept per row, no shared-strings table. The header row is bold on a light blue fill and
 * frozen. {@link #finish()} closes the sheet and writes the zip's directory; a stream never finished is no workbook.
 */
final class XlsxStream {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static final byte[] CELL_END = "</t></is></c>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ROW_END = "</row>".getBytes(StandardCharsets.US_ASCII);

    private final ZipOutputStream zip;
    private final byte[] buffer = new byte[1 << 16];
    private final byte[][] columns;
    private int used;
    private int row;

    /** Writes the fixed parts and opens the sheet; {@code widths} in characters, one per column (may be fewer). */
    XlsxStream(OutputStream out, int compression, String sheetName, double[] widths, int columnCount) throws IOException {
        zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(compression);
        part("[Content_Types].xml", HEAD + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>");
        part("_rels/.rels", HEAD + "<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\"><Relationship Id=\"rId1\" Type=\""
                + RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        part("xl/workbook.xml", HEAD + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\"><sheets><sheet name=\""
                + attribute(sheetName) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        part("xl/_rels/workbook.xml.rels", HEAD + "<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + RELATIONSHIPS + "/styles\" Target=\"styles.xml\"/></Relationships>");
        part("xl/styles.xml", HEAD + "<styleSheet xmlns=\"" + MAIN + "\">"
                + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
                + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/></patternFill></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/></cellXfs>"
                + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        StringBuilder sheet = new StringBuilder(HEAD).append("<worksheet xmlns=\"").append(MAIN).append("\" xmlns:r=\"")
                .append(RELATIONSHIPS).append("\"><sheetViews><sheetView workbookViewId=\"0\">")
                .append("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
        if (widths.length > 0) {
            sheet.append("<cols>");
            for (int i = 0; i < widths.length; i++) {
                sheet.append("<col min=\"").append(i + 1).append("\" max=\"").append(i + 1).append("\" width=\"").append(widths[i])
                        .append("\" customWidth=\"1\"/>");
            }
            sheet.append("</cols>");
        }
        ascii(sheet.append("<sheetData>").toString());
        columns = new byte[columnCount][];
        for (int i = 0; i < columnCount; i++) columns[i] = column(i).getBytes(StandardCharsets.US_ASCII);
    }

    private void part(String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** The column's letters: 0 → A, 25 → Z, 26 → AA. */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) letters.insert(0, (char) ('A' + (n - 1) % 26));
        return letters.toString();
    }

    /** Writes a row of text cells (a null cell is left empty); {@code style} 1 is the header's. */
    void row(List<String> cells, int style) throws IOException {
        row++;
        ascii("<row r=\"");
        number(row);
        ascii("\">");
        int count = Math.min(cells.size(), columns.length);
        for (int col = 0; col < count; col++) {
            String cell = cells.get(col);
            if (cell == null) continue;
            ascii("<c r=\"");
            bytes(columns[col]);
            number(row);
            ascii(style == 0 ? "\" t=\"inlineStr\"><is><t" : "\" s=\"1\" t=\"inlineStr\"><is><t");
            ascii(!cell.isEmpty() && (Character.isWhitespace(cell.charAt(0)) || Character.isWhitespace(cell.charAt(cell.length() - 1)))
                    ? " xml:space=\"preserve\">" : ">");
            text(cell);
            bytes(CELL_END);
        }
        bytes(ROW_END);
    }

    /** Closes the sheet and the zip (its directory written): the workbook is complete. */
    void finish() throws IOException {
        ascii("</sheetData></worksheet>");
        flush();
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    /** Sends what is buffered into the zip (compressed as it goes). */
    void flush() throws IOException {
        zip.write(buffer, 0, used);
        used = 0;
    }

    private void room(int bytes) throws IOException {
        if (used + bytes > buffer.length) flush();
    }

    private void ascii(String s) throws IOException {
        room(s.length());
        for (int i = 0; i < s.length(); i++) buffer[used++] = (byte) s.charAt(i);
    }

    private void bytes(byte[] b) throws IOException {
        room(b.length);
        System.arraycopy(b, 0, buffer, used, b.length);
        used += b.length;
    }

    private void number(int n) throws IOException {
        room(11);
        if (n == 0) {
            buffer[used++] = '0';
            return;
        }
        int start = used;
        for (int v = n; v > 0; v /= 10) buffer[used++] = (byte) ('0' + v % 10);
        for (int i = start, j = used - 1; i < j; i++, j--) {
            byte t = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = t;
        }
    }

    /** The text escaped for XML and encoded as UTF-8; characters XML 1.0 cannot carry (other controls) are left out. */
    private void text(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            room(6);
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '<' -> lit("&lt;");
                    case '>' -> lit("&gt;");
                    case '&' -> lit("&amp;");
                    default -> {
                        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') buffer[used++] = (byte) c;
                    }
                }
            } else if (c < 0x800) {
                buffer[used++] = (byte) (0xC0 | c >> 6);
                buffer[used++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buffer[used++] = (byte) (0xF0 | cp >> 18);
                buffer[used++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buffer[used++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buffer[used++] = (byte) (0x80 | cp & 0x3F);
            } else if (!Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
                buffer[used++] = (byte) (0xE0 | c >> 12);
                buffer[used++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[used++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    private void lit(String s) {
        for (int i = 0; i < s.length(); i++) buffer[used++] = (byte) s.charAt(i);
    }

    private static String attribute(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
