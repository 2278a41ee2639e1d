package org.huzhu.payouts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huzhu.payouts.*}: at most {@code max-per-batch} payouts per batch (5,000); bank messages
 * applied {@code apply-chunk} statuses per transaction (2,500); the bank polled and stuck batches
 * re-sent every {@code poll-interval} (2s; 0 turns the poller off); a released batch sent at once
 * when {@code auto-send}; {@code pause-at} is the crash tests' fault injection (a point name: the
 * process logs {@code HUZHU-PAUSE <point>} there and sleeps until killed); a payout to an account
 * changed within {@code recent-account-change-days} (7) is held until finance releases it.
 */
@ConfigurationProperties("huzhu.payouts")
public record PayoutsProperties(Integer maxPerBatch, Integer applyChunk, Duration pollInterval, Boolean autoSend, String pauseAt,
                                Integer recentAccountChangeDays) {

    public PayoutsProperties {
        if (maxPerBatch == null || maxPerBatch < 1) maxPerBatch = 5000;
        if (applyChunk == null || applyChunk < 1) applyChunk = 2500;
        if (pollInterval == null) pollInterval = Duration.ofSeconds(2);
        if (autoSend == null) autoSend = true;
        if (pauseAt == null) pauseAt = "";
        if (recentAccountChangeDays == null || recentAccountChangeDays < 0) recentAccountChangeDays = 7;
    }
}
