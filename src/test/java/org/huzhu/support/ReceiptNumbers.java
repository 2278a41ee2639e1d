package org.huzhu.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receipt numbers no two claims of one test run share. A receipt (its code and number) may be claimed once in the whole
 * scheme, and every test class files its claims into the one database of the run, so every test that files a claim
 * takes its receipt's number here, from one counter for the run. Counters of each class's own, each from a random start,
 * met now and then (PayoutsApiTest and NotificationTriggersTest both file code 42060127): a claim was refused as a
 * receipt claimed twice. The start is random so that a database kept between runs is not met either.
 */
public final class ReceiptNumbers {

    private static final AtomicLong LAST = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

    private ReceiptNumbers() {
    }

    /** A ten-digit receipt number no other claim of this run has. */
    public static String next() {
        return String.format("%010d", LAST.incrementAndGet());
    }
}
