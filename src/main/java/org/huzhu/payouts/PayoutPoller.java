package org.huzhu.payouts;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.huzhu.banking.Bank;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the application is ready, every {@code huzhu.payouts.poll-interval}: re-sends batches left
 * RELEASED (after a crash or while the bank was down) and applies what the bank has reported.
 * Off when the interval is 0 or no bank is configured.
 */
@Component
class PayoutPoller {

    private static final Logger log = LoggerFactory.getLogger(PayoutPoller.class);

    private final Payouts payouts;
    private final Bank bank;
    private final PayoutsProperties settings;
    private ScheduledExecutorService timer;

    PayoutPoller(Payouts payouts, Bank bank, PayoutsProperties settings) {
        this.payouts = payouts;
        this.bank = bank;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = settings.pollInterval().toMillis();
        if (every <= 0 || !bank.configured()) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "payout-poller");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    void poll() {
        try {
            payouts.sendReleased();
            payouts.applyBankMessages();
        } catch (RuntimeException e) {
            log.warn("payout poll failed; trying again in {}: {}", settings.pollInterval(), e.toString());
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (timer != null) timer.shutdownNow();
    }
}
