package org.huzhu.claims;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.huzhu.recognition.OfdPages;
import org.huzhu.recognition.PageText;
import org.huzhu.shared.web.NotFoundException;
import org.huzhu.shared.web.UnreadableUploadException;

/**
 * A claim document shown inline beside the decision (issue 19, item 2): a photo as it is, a PDF rendered page by page,
 * an OFD drawn from its content — every page as an image the console can show and zoom, whatever the browser.
 */
final class DocumentPages {

    /** Pages beyond this are not rendered (a receipt has one or two). */
    static final int MAX_PAGES = 20;
    private static final float PDF_DPI = 110;
    private static final double OFD_PIXELS_PER_MM = 4.5;

    private DocumentPages() {
    }

    record Page(String contentType, byte[] content) {
    }

    static int count(String contentType, byte[] content) {
        return switch (contentType) {
            case "application/pdf" -> {
                try (PDDocument pdf = Loader.loadPDF(content)) {
                    yield Math.min(MAX_PAGES, pdf.getNumberOfPages());
                } catch (IOException e) {
                    throw new UnreadableUploadException("PDF 无法打开");
                }
            }
            case "application/ofd" -> Math.min(MAX_PAGES, OfdPages.pages(content).size());
            default -> 1;
        };
    }

    /** Page {@code index} (from 0) as an image; the document is opened once. */
    static Page page(String contentType, byte[] content, int index) {
        return switch (contentType) {
            case "application/pdf" -> {
                try (PDDocument pdf = Loader.loadPDF(content)) {
                    requirePage(index, pdf.getNumberOfPages());
                    yield png(new PDFRenderer(pdf).renderImageWithDPI(index, PDF_DPI, ImageType.RGB));
                } catch (IOException e) {
                    throw new UnreadableUploadException("PDF 无法打开");
                }
            }
            case "application/ofd" -> {
                List<PageText> pages = OfdPages.pages(content);
                requirePage(index, pages.size());
                yield png(OfdPages.draw(pages.get(index), OFD_PIXELS_PER_MM));
            }
            default -> {
                requirePage(index, 1);
                yield new Page(contentType, content);
            }
        };
    }

    private static void requirePage(int index, int pages) {
        if (index < 0 || index >= Math.min(MAX_PAGES, pages)) throw new NotFoundException("该页不存在");
    }

    private static Page png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Page("image/png", out.toByteArray());
    }
}
