package org.huzhu.recognition;

import jakarta.annotation.PreDestroy;
import java.awt.image.BufferedImage;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where page images are read by OCR: a fixed set of worker threads (one Tesseract page at a time
 * each, pages of one document in parallel) and a bound on the page images decoded or rendered but
 * not yet read, so that a burst of scanned uploads waits instead of filling the heap.
 */
@Component
class OcrPool {

    private final ObjectProvider<OcrEngine> engines;
    private final ExecutorService workers;
    private final Semaphore pagesInMemory;

    OcrPool(ObjectProvider<OcrEngine> engines,
            @Value("${huzhu.recognition.ocr-threads:0}") int threads) {
        this.engines = engines;
        int size = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(size, r -> {
            Thread t = new Thread(r, "ocr-page-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.pagesInMemory = new Semaphore(2 * size);
    }

    /**
     * Produces a page image in the calling thread once there is room for it, then reads it on a
     * worker. The image is let go as soon as it has been read.
     */
    Future<PageText> read(Callable<BufferedImage> page, int pageIndex) {
        return submit(page, (engine, image) -> engine.read(image, pageIndex));
    }

    /** As {@link #read}, keeping what the engine needs to read single lines of the page again. */
    Future<OcrPage> readKeeping(Callable<BufferedImage> page, int pageIndex) {
        return submit(page, (engine, image) -> engine.readKeeping(image, pageIndex));
    }

    private <T> Future<T> submit(Callable<BufferedImage> page, BiFunction<OcrEngine, BufferedImage, T> reading) {
        OcrEngine engine = engines.getIfAvailable();
        if (engine == null) throw new IllegalStateException("no OcrEngine bean: OCR is not installed");
        try {
            pagesInMemory.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an OCR slot", e);
        }
        BufferedImage image;
        try {
            image = page.call();
        } catch (RuntimeException e) {
            pagesInMemory.release();
            throw e;
        } catch (Exception e) {
            pagesInMemory.release();
            throw new IllegalStateException(e);
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return reading.apply(engine, image);
                } finally {
                    pagesInMemory.release();
                }
            }, workers);
        } catch (RuntimeException e) {
            pagesInMemory.release();
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
