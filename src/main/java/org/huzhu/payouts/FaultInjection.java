package org.huzhu.payouts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash tests' pause points ({@code huzhu.payouts.pause-at}): at the named point the process says
 * {@code HUZHU-PAUSE <point>} on stdout and sleeps, so that the test can kill it there (SIGKILL).
 * Points: {@code batch-half-built} (first batch committed, others not yet), {@code file-sent} (the bank
 * has the file, SENT not yet recorded), {@code half-applied} (part of a bank message's statuses
 * committed). Off unless configured.
 */
@org.springframework.stereotype.Component
class FaultInjection {

    static final String BATCH_HALF_BUILT = "batch-half-built";
    static final String FILE_SENT = "file-sent";
    static final String HALF_APPLIED = "half-applied";

    private static final Logger log = LoggerFactory.getLogger(FaultInjection.class);

    private final String pauseAt;

    FaultInjection(PayoutsProperties settings) {
        this.pauseAt = settings.pauseAt().strip();
    }

    void pauseIf(String point) {
        if (!point.equals(pauseAt)) return;
        log.warn("HUZHU-PAUSE {}", point);
        System.out.println("HUZHU-PAUSE " + point);
        System.out.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("paused at " + point + " and interrupted");
            }
        }
    }
}
