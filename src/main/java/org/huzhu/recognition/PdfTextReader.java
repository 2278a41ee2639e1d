package org.huzhu.recognition;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.huzhu.shared.web.UnreadableUploadException;

/**
 * PDF receipts. A page with a text layer is read from it, exactly and without rendering (runs of
 * glyphs on one baseline become {@link TextBox}es in points, origin top-left); a page with no text
 * but an image (a scan saved as PDF), or whose text has no Unicode meaning, is rendered at 300 dpi
 * and read by OCR. Decoded streams are
 * held within a fixed memory budget, so a compressed-stream bomb fails instead of filling the heap.
 */
final class PdfTextReader {

    private PdfTextReader() {
    }

    static ReadPages read(byte[] content, OcrPool ocr) {
        if (!mayHaveCatalog(content)) throw new UnreadableUploadException("PDF 文件已损坏或不完整，无法读取");
        List<PageText> textPages = new ArrayList<>();
        List<Future<PageText>> scanned = new ArrayList<>();
        try (PDDocument document = pdf(() -> load(content))) {
            int pageCount = pdf(document::getNumberOfPages);
            if (pageCount == 0) throw new UnreadableUploadException("PDF 文件没有页面");
            if (pageCount > RecognitionLimits.MAX_PAGES) {
                throw new UnreadableUploadException("PDF 超过 " + RecognitionLimits.MAX_PAGES + " 页（共 " + pageCount + " 页），请只上传票据页");
            }
            PdfStreamGuard guard = new PdfStreamGuard();
            PDFRenderer renderer = new PDFRenderer(document);
            renderer.setAnnotationsFilter(annotation -> false);
            for (int i = 0; i < pageCount; i++) {
                int index = i;
                PDPage page = pdf(() -> document.getPage(index));
                PageText text = pdf(() -> {
                    guard.page(page);
                    return GlyphRuns.of(document, page, index);
                });
                if (readable(text)) {
                    textPages.add(text);
                } else if (!text.boxes().isEmpty() || pdf(() -> drawsAnImage(page, index))) {
                    scanned.add(ocr.read(() -> pdf(() -> render(renderer, page, index)), index));
                }
            }
        } catch (IOException e) {
            throw corrupt(e);
        }
        if (textPages.isEmpty() && scanned.isEmpty()) throw new UnreadableUploadException("PDF 既没有文字也没有图像，无法识别");
        if (scanned.isEmpty()) return new ReadPages(TextSource.PDF_TEXT, textPages);
        List<PageText> all = new ArrayList<>(textPages);
        for (Future<PageText> page : scanned) all.add(OcrResults.await(page));
        all.sort(java.util.Comparator.comparingInt(PageText::pageIndex));
        return new ReadPages(TextSource.OCR, all);
    }

    private static boolean drawsAnImage(PDPage page, int index) throws IOException {
        ImageFinder images = ImageFinder.scan(page);
        if (images.tooLarge()) throw new UnreadableUploadException("PDF 第 " + (index + 1) + " 页内的图像过大（最多 4000 万像素）");
        return images.found();
    }

    private interface PdfWork<T> {
        T run() throws IOException;
    }

    /** Runs PDFBox on untrusted bytes: whatever it throws (it throws more than IOException on broken files) is a 422. */
    private static <T> T pdf(PdfWork<T> work) {
        try {
            return work.run();
        } catch (UnreadableUploadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        } catch (StackOverflowError e) {
            throw new UnreadableUploadException("PDF 文件结构嵌套过深，无法读取");
        }
    }

    private static UnreadableUploadException corrupt(Exception e) {
        if (String.valueOf(e.getMessage()).contains("Maximum allowed scratch file memory exceeded")) {
            return new UnreadableUploadException("PDF 内容解压后过大（疑似压缩炸弹），已拒绝");
        }
        return new UnreadableUploadException("PDF 文件已损坏或不完整，无法读取");
    }

    /**
     * A text layer is read only when its characters mean something: glyphs of a font without a
     * Unicode map come out as private-use or replacement characters, and such a page is read from
     * its picture instead, like a scan.
     */
    static boolean readable(PageText page) {
        long all = 0;
        long unreadable = 0;
        for (TextBox box : page.boxes()) {
            for (int c : box.text().codePoints().toArray()) {
                all++;
                if (c == 0xFFFD || Character.getType(c) == Character.PRIVATE_USE || Character.isISOControl(c)) unreadable++;
            }
        }
        return all > 0 && unreadable * 10 < all * 3;
    }

    /**
     * PDFBox opens a document from its catalog, reached through the trailer's or cross-reference
     * stream's {@code /Root}, or, when it repairs a broken file, by looking for an object of type
     * {@code /Catalog}, in the clear or inside an object stream ({@code /ObjStm}). A file that spells
     * none of these (and has no {@code #}, with which a name could be escaped) has no catalog to find:
     * PDFBox would scan all of it to fail the same way, so it is refused at once.
     */
    static boolean mayHaveCatalog(byte[] content) {
        return contains(content, "/Root") || contains(content, "Catalog") || contains(content, "/ObjStm") || contains(content, "#");
    }

    private static boolean contains(byte[] content, String ascii) {
        byte[] wanted = ascii.getBytes(StandardCharsets.US_ASCII);
        byte first = wanted[0];
        for (int i = 0, last = content.length - wanted.length; i <= last; i++) {
            if (content[i] != first) continue;
            int j = 1;
            while (j < wanted.length && content[i + j] == wanted[j]) j++;
            if (j == wanted.length) return true;
        }
        return false;
    }

    private static PDDocument load(byte[] content) throws IOException {
        PDDocument document;
        try {
            document = Loader.loadPDF(content, "", null, null,
                    MemoryUsageSetting.setupMainMemoryOnly(RecognitionLimits.MAX_PDF_MEMORY_BYTES).streamCache);
        } catch (InvalidPasswordException e) {
            throw new UnreadableUploadException("PDF 已加密，无法读取；请上传未加密的电子票据");
        }
        if (document.isEncrypted()) {
            document.close();
            throw new UnreadableUploadException("PDF 已加密，无法读取；请上传未加密的电子票据");
        }
        return document;
    }

    private static BufferedImage render(PDFRenderer renderer, PDPage page, int index) throws IOException {
        PDRectangle box = page.getCropBox();
        double widthInches = box.getWidth() / 72.0;
        double heightInches = box.getHeight() / 72.0;
        double dpi = RecognitionLimits.RENDER_DPI;
        dpi = Math.min(dpi, RecognitionLimits.MAX_SIDE / Math.max(Math.max(widthInches, heightInches), 1e-3));
        dpi = Math.min(dpi, Math.sqrt(RecognitionLimits.MAX_PIXELS / Math.max(widthInches * heightInches, 1e-6)));
        return renderer.renderImageWithDPI(index, (float) Math.floor(dpi), ImageType.RGB);
    }

    /** The page's glyphs, joined into runs of text that share a baseline and touch. */
    private static final class GlyphRuns extends PDFTextStripper {

        private final List<TextBox> runs = new ArrayList<>();
        private StringBuilder text;
        private double left;
        private double right;
        private double baseline;
        private double size;

        private GlyphRuns() {
            setSortByPosition(false);
            setSuppressDuplicateOverlappingText(true);
        }

        static PageText of(PDDocument document, PDPage page, int index) throws IOException {
            GlyphRuns runs = new GlyphRuns();
            runs.setStartPage(index + 1);
            runs.setEndPage(index + 1);
            runs.getText(document);
            runs.flush();
            PDRectangle box = page.getCropBox();
            boolean turned = page.getRotation() % 180 != 0;
            double width = turned ? box.getHeight() : box.getWidth();
            double height = turned ? box.getWidth() : box.getHeight();
            return new PageText(index, width, height, List.copyOf(runs.runs));
        }

        @Override
        protected void processTextPosition(TextPosition glyph) {
            String unicode = glyph.getUnicode();
            if (unicode == null || unicode.isBlank() || stampOrWatermark(glyph)) {
                flush();
                return;
            }
            double glyphSize = glyph.getFontSizeInPt() > 0 ? glyph.getFontSizeInPt() : glyph.getHeightDir();
            double x = glyph.getXDirAdj();
            double y = glyph.getYDirAdj();
            double width = glyph.getWidthDirAdj();
            boolean continues = text != null
                    && Math.abs(y - baseline) <= 0.25 * Math.max(size, glyphSize)
                    && x >= right - 0.5 * size
                    && x - right <= 0.6 * Math.max(size, glyphSize)
                    && Math.abs(glyphSize - size) <= 0.3 * size;
            if (!continues) {
                flush();
                text = new StringBuilder();
                left = x;
                baseline = y;
                size = glyphSize;
            }
            text.append(unicode);
            right = Math.max(right, x + width);
        }

        /**
         * Text laid over the page translucently, or turned off the page's axes, is a seal's or a
         * watermark's, not the receipt's data: the seal's ring of words would otherwise be read
         * into the lines it crosses.
         */
        private boolean stampOrWatermark(TextPosition glyph) {
            if (getGraphicsState().getNonStrokeAlphaConstant() < 0.999) return true;
            org.apache.pdfbox.util.Matrix m = glyph.getTextMatrix();
            double degrees = Math.toDegrees(Math.atan2(m.getShearY(), m.getScaleX()));
            double offAxis = Math.abs(degrees - 90 * Math.round(degrees / 90));
            return offAxis > 2;
        }

        private void flush() {
            if (text != null && !text.isEmpty()) {
                TextBox run = new TextBox(text.toString(), left, baseline - 0.88 * size, Math.max(right - left, 0), size, 1.0);
                if (!drawnTwice(run)) runs.add(run);
            }
            text = null;
            right = 0;
        }

        /** Fake bold draws the same text again a hair to the side: keep it once. */
        private boolean drawnTwice(TextBox run) {
            for (int i = runs.size() - 1; i >= Math.max(0, runs.size() - 8); i--) {
                TextBox earlier = runs.get(i);
                if (earlier.text().equals(run.text()) && Math.abs(earlier.x() - run.x()) < 0.3 * run.height()
                        && Math.abs(earlier.y() - run.y()) < 0.3 * run.height()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Whether a page draws an image (an image XObject, directly or inside a form, or an inline image). */
    private static final class ImageFinder extends PDFStreamEngine {

        private boolean found;
        private boolean tooLarge;
        private int depth;

        static ImageFinder scan(PDPage page) throws IOException {
            ImageFinder finder = new ImageFinder();
            finder.processPage(page);
            return finder;
        }

        boolean found() {
            return found;
        }

        boolean tooLarge() {
            return tooLarge;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            String name = operator.getName();
            if ("BI".equals(name)) {
                found = true;
                if (operator.getImageParameters() != null) {
                    long w = operator.getImageParameters().getInt(COSName.W, operator.getImageParameters().getInt(COSName.WIDTH, 0));
                    long h = operator.getImageParameters().getInt(COSName.H, operator.getImageParameters().getInt(COSName.HEIGHT, 0));
                    tooLarge |= w * h > RecognitionLimits.MAX_PIXELS;
                }
            } else if ("Do".equals(name) && !operands.isEmpty() && operands.getFirst() instanceof COSName xobjectName
                    && getResources() != null) {
                PDXObject xobject = getResources().getXObject(xobjectName);
                if (xobject instanceof PDImageXObject image) {
                    found = true;
                    tooLarge |= (long) image.getWidth() * image.getHeight() > RecognitionLimits.MAX_PIXELS;
                    if (!tooLarge) PdfStreamGuard.image(image);
                } else if (xobject instanceof PDFormXObject form && depth < 8) {
                    depth++;
                    try {
                        showForm(form);
                    } finally {
                        depth--;
                    }
                }
            }
        }
    }
}
