package org.huzhu.recognition;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.huzhu.shared.web.UnreadableUploadException;

/**
 * A compressed-stream bomb in a PDF (a few kilobytes that inflate to gigabytes) would be inflated
 * whole into memory by PDFBox. Before a page is read, its content streams and forms are inflated
 * here into a counter that stops at the document's budget, and an image about to be rendered may
 * not inflate to more than its declared size allows. Image codecs (JPEG, JPEG 2000, JBIG2, CCITT)
 * are left alone: their output is bounded by the image size, which is checked separately.
 */
final class PdfStreamGuard {

    private static final Set<COSName> IMAGE_CODECS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
            COSName.JPX_DECODE, COSName.JBIG2_DECODE, COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION);
    private static final int MAX_FORM_DEPTH = 8;

    private final Set<COSStream> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private long budget = RecognitionLimits.MAX_PDF_MEMORY_BYTES;

    /** Inflates (and forgets) a page's content streams and the forms it uses, against the document's budget. */
    void page(PDPage page) throws IOException {
        for (Iterator<PDStream> streams = page.getContentStreams(); streams.hasNext(); ) {
            budget -= inflate(streams.next().getCOSObject(), budget);
        }
        forms(page.getResources(), 0);
    }

    private void forms(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > MAX_FORM_DEPTH) return;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject xobject = resources.getXObject(name);
            if (xobject instanceof PDFormXObject form && seen.add(form.getCOSObject())) {
                budget -= inflate(form.getCOSObject(), budget);
                forms(form.getResources(), depth + 1);
            }
        }
    }

    /** An image may inflate to at most 8 bytes a pixel (16-bit CMYK) and a megabyte more. */
    static void image(PDImageXObject image) throws IOException {
        long limit = (long) image.getWidth() * image.getHeight() * 8 + (1 << 20);
        inflate(image.getCOSObject(), limit);
    }

    /** The inflated size of a stream, refusing it past the limit; unknown or broken filters are left to PDFBox. */
    private static long inflate(COSStream stream, long limit) throws IOException {
        List<COSName> filters = filters(stream.getFilters());
        if (filters.isEmpty()) return stream.getLength();
        if (filters.stream().anyMatch(IMAGE_CODECS::contains)) return 0;
        InputStream encoded = stream.createRawInputStream();
        try {
            for (int i = 0; i < filters.size(); i++) {
                Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
                Counter out = new Counter(limit, i == filters.size() - 1);
                filter.decode(encoded, out, stream, i);
                if (out.isLast()) return out.count();
                encoded.close();
                encoded = new ByteArrayInputStream(out.kept.toByteArray());
            }
            return 0;
        } catch (Counter.Exceeded e) {
            throw new UnreadableUploadException("PDF 内容解压后过大（疑似压缩炸弹），已拒绝");
        } catch (IOException | RuntimeException e) {
            return 0;
        } finally {
            encoded.close();
        }
    }

    private static List<COSName> filters(COSBase filters) {
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSName name) names.add(name);
        if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) if (array.getObject(i) instanceof COSName name) names.add(name);
        }
        return names;
    }

    /** Counts what is written, keeping it only between two filters of a chain, and stops at the limit. */
    private static final class Counter extends OutputStream {
        static final class Exceeded extends IOException {
            Exceeded() {
                super("decoded stream over the limit", null);
            }
        }

        private final long limit;
        private final boolean last;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long count;

        Counter(long limit, boolean last) {
            this.limit = limit;
            this.last = last;
        }

        boolean isLast() {
            return last;
        }

        long count() {
            return count;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
            if (count > limit) throw new Exceeded();
            if (!last) kept.write(b, off, len);
        }
    }
}
