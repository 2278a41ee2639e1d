package org.huzhu.recognition;

/**
 * What one upload may cost: bytes, pages, pixels, and what an OFD package may unpack to. Every
 * limit is checked before the expensive work it protects (an image's size from its header before
 * it is decoded, a zip entry's size before it is inflated).
 */
final class RecognitionLimits {

    /** 10 MB, as contract §2 promises. */
    static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;
    static final int MAX_PAGES = 10;
    static final long MAX_PIXELS = 40_000_000L;
    static final int MAX_SIDE = 12_000;
    /** Pages without a text layer are rendered at this resolution for OCR (lowered for huge pages). */
    static final float RENDER_DPI = 300f;
    /** Decoded PDF streams held for one document. */
    static final long MAX_PDF_MEMORY_BYTES = 64L * 1024 * 1024;

    static final int MAX_ZIP_ENTRIES = 1_000;
    static final long MAX_ZIP_UNCOMPRESSED_BYTES = 50L * 1024 * 1024;
    static final int MAX_ZIP_RATIO = 100;
    /** Entries this small may compress better than {@link #MAX_ZIP_RATIO} without harm (as Apache POI does). */
    static final long ZIP_RATIO_GRACE_BYTES = 100L * 1024;

    private RecognitionLimits() {
    }

    static boolean imageTooLarge(long width, long height) {
        return width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS;
    }
}
