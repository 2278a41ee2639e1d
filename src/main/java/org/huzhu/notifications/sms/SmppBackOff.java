package org.huzhu.notifications.sms;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The centre asked us to slow down (ESME_RTHROTTLED, ESME_RMSGQFUL): every submitting thread pauses
 * until the same instant. Each further throttling answer doubles the pause (50 ms up to 1 s); the
 * first accepted submit ends it.
 */
final class SmppBackOff {

    static final long FIRST_MILLIS = 50;
    static final long MAX_MILLIS = 1_000;

    private final AtomicLong pausedUntilNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong pauseMillis = new AtomicLong();

    /** Waits while the pause lasts. */
    void awaitTurn() throws InterruptedException {
        long wait;
        while ((wait = pausedUntilNanos.get() - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** A throttling answer: pause everyone for longer than last time. */
    void throttled() {
        long pause = pauseMillis.updateAndGet(p -> p == 0 ? FIRST_MILLIS : Math.min(p * 2, MAX_MILLIS));
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause);
        pausedUntilNanos.accumulateAndGet(until, (current, proposed) -> proposed - current > 0 ? proposed : current);
    }

    /** An accepted submit: the centre has room again. */
    void accepted() {
        if (pauseMillis.get() != 0) pauseMillis.set(0);
    }

    /** How long a caller who gives up should wait before trying again. */
    Duration retryAfter() {
        return Duration.ofMillis(Math.max(pauseMillis.get(), MAX_MILLIS));
    }
}
