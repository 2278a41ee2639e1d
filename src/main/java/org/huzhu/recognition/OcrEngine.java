package org.huzhu.recognition;

import java.awt.image.BufferedImage;

/** Reads the words of one page image. Implementations must be thread-safe (one engine per thread inside). */
public interface OcrEngine {

    PageText read(BufferedImage page, int pageIndex);
}
