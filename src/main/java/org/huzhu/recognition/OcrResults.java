package org.huzhu.recognition;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.huzhu.shared.web.UnreadableUploadException;

/** Waiting for a page read on the OCR pool: its failures surface as the caller's. */
final class OcrResults {

    private static final long PAGE_TIMEOUT_SECONDS = 300;

    private OcrResults() {
    }

    static <T> T await(Future<T> page) {
        try {
            return page.get(PAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            page.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for OCR", e);
        } catch (TimeoutException e) {
            page.cancel(true);
            throw new IllegalStateException("OCR of one page took longer than " + PAGE_TIMEOUT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnreadableUploadException u) throw u;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }
}
