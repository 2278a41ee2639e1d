package org.huzhu.notifications;

import java.util.concurrent.locks.LockSupport;

/** At most {@code perSecond} permits a second, shared by every thread of a channel, paced evenly; 0 means no limit. */
final class RateLimit {

    private final long spacingNanos;
    private long next = System.nanoTime();

    RateLimit(int perSecond) {
        this.spacingNanos = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
    }

    void acquire() {
        if (spacingNanos == 0) return;
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            // an idle channel may not save up more than a second's worth of texts
            next = Math.max(next, now - 1_000_000_000L + spacingNanos);
            slot = next;
            next += spacingNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) LockSupport.parkNanos(wait);
    }
}
