package org.huzhu.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.huzhu.notifications.sms.DeliveryReceipt;
import org.huzhu.notifications.sms.InboundSms;
import org.huzhu.notifications.sms.SmsInbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores what the SMS centre sends back. Receipts arrive one at a time on the gateway's threads; each
 * waits while one writer commits everything that has arrived meanwhile in a single transaction (group
 * commit), and returns only after that commit, so the gateway acknowledges the centre only for what is
 * stored. A TD reply withdraws publicity consent.
 */
@Component
class ReceiptWriter implements SmsInbound {

    private static final Logger log = LoggerFactory.getLogger(ReceiptWriter.class);
    private static final int MAX_GROUP = 2000;

    private record Pending(List<DeliveryReceipt> receipts, CompletableFuture<Void> stored) {
    }

    private final OutboxRepository outbox;
    private final Consents consents;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile Thread writer;

    ReceiptWriter(OutboxRepository outbox, Consents consents, TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.consents = consents;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void receipts(List<DeliveryReceipt> receipts) {
        if (receipts.isEmpty()) return;
        startWriter();
        Pending pending = new Pending(receipts, new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.stored().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing receipts", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("receipts not stored", e);
        }
    }

    @Override
    public void reply(InboundSms sms) {
        if (Consents.isOptOut(sms.text())) consents.optOutByReply(sms.phone(), sms.receivedAt());
        else log.info("a reply that is not an opt-out was received and not kept");
    }

    private synchronized void startWriter() {
        if (writer != null) return;
        writer = Thread.ofPlatform().daemon().name("sms-receipts").start(this::run);
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            int count = group.getFirst().receipts().size();
            while (count < MAX_GROUP) {
                Pending next = queue.poll();
                if (next == null) break;
                group.add(next);
                count += next.receipts().size();
            }
            try {
                store(group);
                group.forEach(p -> p.stored().complete(null));
            } catch (RuntimeException e) {
                log.warn("storing {} receipt(s) failed; the centre will deliver them again: {}", count, e.toString());
                group.forEach(p -> p.stored().completeExceptionally(e));
            }
            group.clear();
        }
    }

    private void store(List<Pending> group) {
        // a receipt the centre sent again while the first was waiting counts once
        java.util.Map<String, DeliveryReceipt> unique = new java.util.LinkedHashMap<>();
        for (Pending p : group) for (DeliveryReceipt r : p.receipts()) unique.put(r.centreId(), r);
        List<String> centreIds = new ArrayList<>();
        List<Long> references = new ArrayList<>();
        List<String> states = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Instant> doneAt = new ArrayList<>();
        {
            for (DeliveryReceipt r : unique.values()) {
                centreIds.add(r.centreId());
                references.add(r.messageReference());
                states.add(r.state().name());
                errors.add(r.errorCode());
                doneAt.add(r.doneAt() == null ? clock.instant() : r.doneAt());
            }
        }
        transactions.executeWithoutResult(tx -> outbox.receipts(centreIds, references, states, errors, doneAt, clock.instant()));
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        Thread t = writer;
        if (t != null) t.interrupt();
    }
}
