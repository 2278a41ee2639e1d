package org.huzhu.shared.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A4 documents in Chinese drawn with PDFBox (the cover certificate, the claims' decision letters): lines written down
 * the page from the top, long text wrapped to the page's width, a new page when one is full, and QR codes. Chinese
 * needs a CJK font: WenQuanYi Micro Hei (Debian's fonts-wqy-microhei, which {@code ./huzhu} installs), embedded as a
 * subset so that the text can be searched and copied.
 */
@Component
public class ChinesePdf {

    private final Path fontFile;

    public ChinesePdf(@Value("${huzhu.certificate.font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") Path fontFile) {
        this.fontFile = fontFile;
    }

    /** What draws a document on its writer. */
    @FunctionalInterface
    public interface Drawing {
        void draw(Writer writer) throws IOException;
    }

    /** What draws one A4 page freely (a poster): on the page's content stream, in the CJK font, within its box. */
    @FunctionalInterface
    public interface PageDrawing {
        void draw(PDDocument doc, PDPageContentStream out, PDType0Font font, PDRectangle box) throws IOException;
    }

    /** The document {@code drawing} draws, as the bytes of a PDF file. */
    public byte[] draw(Drawing drawing) {
        return render((doc, font) -> {
            Writer writer = new Writer(doc, font);
            try {
                drawing.draw(writer);
            } finally {
                writer.close();
            }
        });
    }

    /** One A4 page {@code drawing} lays out freely, titled {@code title} in the file's properties, as the bytes of a PDF file. */
    public byte[] drawPage(String title, PageDrawing drawing) {
        return render((doc, font) -> {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            doc.setDocumentInformation(info);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                drawing.draw(doc, out, font, page.getMediaBox());
            }
        });
    }

    private interface Work {
        void on(PDDocument doc, PDType0Font font) throws IOException;
    }

    /** A new document with the CJK font embedded, drawn by {@code work} and saved. */
    private byte[] render(Work work) {
        try (TrueTypeCollection fonts = new TrueTypeCollection(fontFile.toFile()); PDDocument doc = new PDDocument()) {
            work.on(doc, PdfParts.cjkFont(doc, fonts));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the PDF (font " + fontFile + ")", e);
        }
    }

    /** A QR code of the text, 280 pixels square with the four-module quiet zone the standard asks for ({@link PdfParts#qr}). */
    public static BufferedImage qr(String text) {
        return PdfParts.qr(text, 280, 4);
    }

    /** Writes down A4 pages from 70 points below the top, 60 points in from the left; a new page starts when one is full. */
    public static final class Writer {

        public static final float LEFT = 60;
        private static final float TOP = 70;
        private static final float BOTTOM = 60;
        private static final float LINE = 13;

        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream out;
        private float y;

        private Writer(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        /**
         * The document's title, 22 points, with room below it; a title wider than the page between its margins is set
         * smaller (down to 16 points) and, if still too wide, wrapped, so that it never reaches the right margin.
         */
        public Writer title(String text) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * LEFT;
            float size = 22;
            while (size > 16 && font.getStringWidth(text) / 1000 * size > width) size -= 1;
            if (font.getStringWidth(text) / 1000 * size > width) {
                // wrapped where a reader would break it: at the last space, or before a bracket, that leaves a line that fits
                int at = -1;
                for (int i = 1; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if ((c == ' ' || c == '（' || c == '(') && font.getStringWidth(text.substring(0, i).strip()) / 1000 * size <= width) at = i;
                }
                if (at > 0) {
                    line(size, 0, text.substring(0, at).strip());
                    paragraph(size, 0, text.substring(at).strip());
                } else {
                    paragraph(size, 0, text);
                }
                y -= 40 - size * 1.85f;
                return this;
            }
            room(40);
            textAt(size, LEFT, y, text);
            y -= 40;
            return this;
        }

        /** One line of 13 points. */
        public Writer line(String text) throws IOException {
            return line(LINE, 0, text);
        }

        /** One line of {@code size} points, {@code indent} points further in. */
        public Writer line(float size, float indent, String text) throws IOException {
            room(size * 1.85f);
            textAt(size, LEFT + indent, y, text);
            y -= size * 1.85f;
            return this;
        }

        /** Text wrapped to the page's width, {@code indent} points in, each line of {@code size} points. */
        public Writer paragraph(float size, float indent, String text) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * LEFT - indent;
            StringBuilder current = new StringBuilder();
            for (int cp : text.codePoints().toArray()) {
                String next = current + Character.toString(cp);
                if (font.getStringWidth(next) / 1000 * size > width && !current.isEmpty()) {
                    line(size, indent, current.toString());
                    current.setLength(0);
                }
                current.appendCodePoint(cp);
            }
            if (!current.isEmpty()) line(size, indent, current.toString());
            return this;
        }

        /** Empty room of {@code points}. */
        public Writer gap(float points) {
            y -= points;
            return this;
        }

        /** Text at a place of its own on the page; the writing position stays. */
        public Writer textAt(float size, float x, float atY, String text) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, atY);
            out.showText(text);
            out.endText();
            return this;
        }

        /** An image with its lower left corner at (x, atY); the writing position stays. */
        public Writer image(BufferedImage image, float x, float atY, float width, float height) throws IOException {
            out.drawImage(LosslessFactory.createFromImage(doc, image), x, atY, width, height);
            return this;
        }

        /** A thin rule across the page. */
        public Writer rule() throws IOException {
            room(12);
            out.setLineWidth(0.6f);
            out.moveTo(LEFT, y + 8);
            out.lineTo(PDRectangle.A4.getWidth() - LEFT, y + 8);
            out.stroke();
            y -= 12;
            return this;
        }

        /**
         * A ruled table across the page's width, each row of {@code size} points, the first column twice as wide as the
         * others; a cell too long for its column is cut with "…". A row that does not fit on the page starts a new one.
         */
        public Writer table(float size, List<List<String>> rows) throws IOException {
            int columns = rows.stream().mapToInt(List::size).max().orElse(0);
            if (columns == 0) return this;
            float unit = (PDRectangle.A4.getWidth() - 2 * LEFT) / (columns + 1);
            float height = size * 1.9f;
            for (List<String> row : rows) {
                room(height);
                float top = y + size;
                float x = LEFT;
                out.setLineWidth(0.4f);
                for (int c = 0; c < columns; c++) {
                    float width = c == 0 ? 2 * unit : unit;
                    String cell = c < row.size() && row.get(c) != null ? row.get(c) : "";
                    textAt(size, x + 3, top - size * 1.35f, fitted(cell, size, width - 6));
                    out.addRect(x, top - height, width, height);
                    x += width;
                }
                out.stroke();
                y -= height;
            }
            y -= size;
            return this;
        }

        private String fitted(String text, float size, float width) throws IOException {
            if (font.getStringWidth(text) / 1000 * size <= width) return text;
            StringBuilder cut = new StringBuilder();
            for (int cp : text.codePoints().toArray()) {
                if (font.getStringWidth(cut + Character.toString(cp) + "…") / 1000 * size > width) break;
                cut.appendCodePoint(cp);
            }
            return cut + "…";
        }

        /** Where the next line goes, in points from the bottom of the page. */
        public float y() {
            return y;
        }

        private void room(float needed) throws IOException {
            if (y - needed < BOTTOM) newPage();
        }

        private void newPage() throws IOException {
            if (out != null) out.close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = page.getMediaBox().getHeight() - TOP;
        }

        private void close() throws IOException {
            out.close();
        }
    }
}
