package org.huzhu.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.huzhu.notifications.sms.OutgoingSms;
import org.huzhu.notifications.sms.SmsGateway;
import org.huzhu.notifications.sms.SubmitOutcome;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's texts. Each of a few workers takes a batch of due texts (urgent ones first; only
 * urgent ones in quiet hours), commits their lease in the send queue, submits them through the
 * {@link SmsGateway} from a pool of threads at the channel's rate, and records the answers in one
 * transaction: SENT with the centre's segment ids, back to the queue with back-off for a temporary
 * failure, FAILED for a permanent one. A text whose answer was lost (a crash, a timeout) keeps its lease:
 * a receipt naming it settles it, and if none comes before the lease ends it is queued again.
 */
@Component
class SmsDispatcher {

    private static final Logger log = LoggerFactory.getLogger(SmsDispatcher.class);

    private final OutboxRepository outbox;
    private final SmsGateway gateway;
    private final ReceiptWriter receipts;
    private final PersonalDataCipher cipher;
    private final TransactionTemplate transactions;
    private final DispatchSignal signal;
    private final NotificationProperties.Dispatch settings;
    private final QuietHours quietHours;
    private final Clock clock;
    private final RateLimit rate;
    private final List<Thread> workers = new ArrayList<>();
    private ExecutorService submitters;
    private volatile boolean running;
    private volatile Instant lastSweep = Instant.EPOCH;
    private volatile Instant startedAt = Instant.EPOCH;

    SmsDispatcher(OutboxRepository outbox, SmsGateway gateway, ReceiptWriter receipts, PersonalDataCipher cipher,
                  TransactionTemplate transactions, DispatchSignal signal, NotificationProperties settings, Clock clock) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.receipts = receipts;
        this.cipher = cipher;
        this.transactions = transactions;
        this.signal = signal;
        this.settings = settings.dispatch();
        this.quietHours = QuietHours.of(settings, clock.getZone());
        this.clock = clock;
        this.rate = new RateLimit(this.settings.ratePerSecond());
    }

    /** With {@code dispatch.enabled=false} this instance neither sends nor takes receipts (until {@link #startNow}). */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (settings.enabled()) startNow();
    }

    /** Binds to the centre and starts the workers. */
    synchronized void startNow() {
        if (running) return;
        startedAt = clock.instant();
        gateway.start(receipts);
        running = true;
        submitters = Executors.newFixedThreadPool(settings.threads(), Thread.ofPlatform().daemon().name("sms-submit-", 0).factory());
        for (int i = 0; i < settings.workers(); i++) {
            workers.add(Thread.ofPlatform().daemon().name("sms-dispatch-" + i).start(this::loop));
        }
    }

    private void loop() {
        while (running) {
            try {
                if (!dispatchOnce()) signal.await(settings.interval());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("SMS dispatch round failed; trying again in {}: {}", settings.interval(), e.toString());
                try {
                    Thread.sleep(settings.interval());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** One round: sweeps expired and lost texts now and then, takes a batch and sends it; false when nothing was due. */
    boolean dispatchOnce() throws InterruptedException {
        Instant now = clock.instant();
        if (Duration.between(lastSweep, now).compareTo(Duration.ofSeconds(5)) >= 0) {
            lastSweep = now;
            // after a restart the centre first delivers the receipts it kept for texts whose answer was lost;
            // only a whole lease after binding is a text without one thought never to have arrived
            boolean settled = now.isAfter(startedAt.plus(settings.lease()));
            transactions.executeWithoutResult(tx -> {
                outbox.expire(now);
                if (settled) outbox.requeueLost(now);
            });
        }
        if (!gateway.ready()) return false;   // texts stay queued, no attempt spent, until the centre is there
        boolean quiet = quietHours.isQuiet(now);
        List<OutboxRepository.Taken> batch = transactions.execute(tx -> {
            List<OutboxRepository.Taken> taken = new ArrayList<>(outbox.take(now, true, settings.batchSize(), now.plus(settings.lease())));
            if (!quiet && taken.size() < settings.batchSize()) {
                taken.addAll(outbox.take(now, false, settings.batchSize() - taken.size(), now.plus(settings.lease())));
            }
            return taken;
        });
        if (batch == null || batch.isEmpty()) return false;
        long taken = System.nanoTime();
        send(batch);
        if (log.isDebugEnabled()) log.debug("batch of {} taken in {} ms, sent and recorded in {} ms", batch.size(),
                Duration.between(now, clock.instant()).toMillis() - (System.nanoTime() - taken) / 1_000_000, (System.nanoTime() - taken) / 1_000_000);
        return true;
    }

    private void send(List<OutboxRepository.Taken> batch) throws InterruptedException {
        List<Future<SubmitOutcome>> answers = new ArrayList<>(batch.size());
        for (OutboxRepository.Taken t : batch) {
            answers.add(submitters.submit(() -> submit(t)));
        }
        Outcomes outcomes = new Outcomes();
        for (int i = 0; i < batch.size(); i++) {
            SubmitOutcome answer;
            try {
                answer = answers.get(i).get();
            } catch (java.util.concurrent.ExecutionException e) {
                answer = new SubmitOutcome.InDoubt("submit failed: " + e.getCause());
            }
            outcomes.add(batch.get(i), answer);
        }
        Instant now = clock.instant();
        long recording = System.nanoTime();
        recordWithRetries(outcomes, now);
        if (log.isDebugEnabled()) log.debug("answers of {} recorded in {} ms", batch.size(), (System.nanoTime() - recording) / 1_000_000);
    }

    /**
     * Records a batch's answers, trying again when the database chose this transaction as a deadlock's
     * victim or lost a serialisation race: an answer the centre gave must not be dropped, else the text
     * would be sent again after its lease. If the database stays away, the texts' receipts settle them.
     */
    private void recordWithRetries(Outcomes outcomes, Instant now) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(tx -> outcomes.record(now));
                return;
            } catch (org.springframework.dao.TransientDataAccessException e) {
                if (attempt >= 10) throw e;
                Thread.sleep(20L * attempt);
            }
        }
    }

    private SubmitOutcome submit(OutboxRepository.Taken t) {
        rate.acquire();
        String text = t.secretCipher() != null ? cipher.decrypt(t.secretCipher()) : t.body();
        return gateway.submit(new OutgoingSms(t.id(), cipher.decrypt(t.phoneCipher()), text));
    }

    /** The answers of one batch, recorded together. */
    private final class Outcomes {
        private final List<Long> sent = new ArrayList<>();
        private final List<String> centreIds = new ArrayList<>();
        private final List<Long> partMessages = new ArrayList<>();
        private final List<Integer> parts = new ArrayList<>();
        private final List<Runnable> others = new ArrayList<>();
        private int inDoubt;

        void add(OutboxRepository.Taken t, SubmitOutcome answer) {
            switch (answer) {
                case SubmitOutcome.Accepted a -> {
                    sent.add(t.id());
                    for (int p = 0; p < a.centreIds().size(); p++) {
                        centreIds.add(a.centreIds().get(p));
                        partMessages.add(t.id());
                        parts.add(p + 1);
                    }
                }
                case SubmitOutcome.TemporaryFailure f -> others.add(() -> {
                    Instant now = clock.instant();
                    if (t.attempts() >= settings.maxAttempts()) {
                        outbox.failed(t.id(), f.code(), "多次发送未成功：" + f.reason(), now);
                    } else {
                        outbox.retryLater(t.id(), now.plus(backOff(t.attempts(), f.retryAfter())), f.code(), f.reason());
                    }
                });
                case SubmitOutcome.PermanentFailure f -> others.add(() -> outbox.failed(t.id(), f.code(), f.reason(), clock.instant()));
                case SubmitOutcome.InDoubt d -> inDoubt++;
            }
        }

        void record(Instant now) {
            outbox.sent(sent, centreIds, partMessages, parts, now);
            others.forEach(Runnable::run);
            if (inDoubt > 0) log.warn("{} text(s) without an answer from the centre; settled by receipt or sent again after the lease", inDoubt);
        }
    }

    /** retryBase doubled per attempt, at most retryMax, never sooner than the centre asked. */
    private Duration backOff(int attempts, Duration asked) {
        Duration wait = settings.retryBase().multipliedBy(1L << Math.min(attempts - 1, 20));
        if (wait.compareTo(settings.retryMax()) > 0) wait = settings.retryMax();
        return asked != null && asked.compareTo(wait) > 0 ? asked : wait;
    }

    @jakarta.annotation.PreDestroy
    synchronized void stop() {
        running = false;
        workers.forEach(Thread::interrupt);
        if (submitters != null) submitters.shutdownNow();
    }
}
