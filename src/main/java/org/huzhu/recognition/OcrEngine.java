package org.huzhu.recognition;

import java.awt.image.BufferedImage;

/** Reads the words of one page image. Implementations must be thread-safe (one engine per thread inside). */
public interface OcrEngine {

    PageText read(BufferedImage page, int pageIndex);

    /**
     * Reads a page and keeps what it needs to look at single lines of it again ({@link LineReader});
     * an engine that cannot answers the page's words with {@link LineReader#NONE}.
     */
    default OcrPage readKeeping(BufferedImage page, int pageIndex) {
        return new OcrPage(read(page, pageIndex), LineReader.NONE);
    }
}
