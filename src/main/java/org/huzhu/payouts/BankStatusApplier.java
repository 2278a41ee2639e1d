package org.huzhu.payouts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.banking.Bank;
import org.huzhu.banking.BankMessage;
import org.huzhu.banking.BankReport;
import org.huzhu.shared.Money;
import org.huzhu.shared.database.DatabaseLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the bank's word to payouts, message by message in arrival order: pain.002 ACSC settles, RJCT
 * fails (with the reason), a camt.054 debit settles (if the status report has not already), a camt.054
 * credit with a return reason bounces a settled payout. A message's outcomes are applied in chunks,
 * each chunk one transaction with its journal and the chunk count, so a crash in the middle resumes
 * after the last committed chunk; a payout already moved is not moved again, so a message applied
 * twice changes nothing. A message about payouts whose SENT is not yet recorded waits (and with it
 * every later message) until it is.
 */
@Component
class BankStatusApplier {

    private static final Logger log = LoggerFactory.getLogger(BankStatusApplier.class);
    static final String BANK = "银行";
    private static final List<String> KINDS = List.of(BankMessage.STATUS_REPORT, BankMessage.NOTIFICATION);

    private final Bank bank;
    private final PayoutRepository repository;
    private final PayoutLedger ledger;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final PayoutsProperties settings;
    private final FaultInjection faults;
    private final Clock clock;
    private final DatabaseLocks locks;

    BankStatusApplier(Bank bank, PayoutRepository repository, PayoutLedger ledger, ApplicationEventPublisher events,
                      TransactionTemplate transactions, PayoutsProperties settings, FaultInjection faults, Clock clock,
                      DatabaseLocks locks) {
        this.bank = bank;
        this.repository = repository;
        this.ledger = ledger;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
        this.faults = faults;
        this.clock = clock;
        this.locks = locks;
    }

    /** What applying the stored messages did: messages applied, payouts moved, and whether one waits for SENT. */
    record Applied(int messages, int payouts, boolean waiting) {
    }

    /**
     * Fetches new bank messages and applies every stored one not yet applied. One caller at a time
     * across all instances (an advisory lock); others return at once.
     */
    Applied fetchAndApply() {
        return locks.tryWith("bank-status", 0, this::fetchAndApplyLocked).orElse(new Applied(0, 0, false));
    }

    private Applied fetchAndApplyLocked() {
        bank.receive();
        int messages = 0;
        int moved = 0;
        while (true) {
            List<BankMessage> next = bank.messagesAfter(repository.lastAppliedMessage(), KINDS, 4);
            if (next.isEmpty()) return new Applied(messages, moved, false);
            for (BankMessage message : next) {
                int n = apply(message);
                if (n < 0) return new Applied(messages, moved, true);
                messages++;
                moved += n;
            }
        }
    }

    private enum Move { SETTLE, FAIL, BOUNCE }

    private record Outcome(String reference, Move move, String code, String reason) {
    }

    /**
     * Applies one message; returns the payouts moved, or -1 when it must wait for SENT to be recorded.
     * Where its payouts stand is read once: a message that can move none of them (a camt.054 debit
     * after the pain.002 settled them, a message delivered again) is recorded applied without more;
     * otherwise each chunk's statement names only the payouts that may move (the statement's own
     * state check still decides). Chunks are counted over all the message's outcomes, so a resumed
     * message starts where the last committed chunk ended.
     */
    int apply(BankMessage message) {
        BankReport report = bank.read(message);
        List<Outcome> outcomes = outcomes(report);
        String[] references = outcomes.stream().map(Outcome::reference).distinct().toArray(String[]::new);
        Map<String, PayoutStatus> now = references.length == 0 ? Map.of() : repository.statuses(references);
        if (now.values().stream().anyMatch(s -> s == PayoutStatus.REQUESTED || s == PayoutStatus.BATCHED)) {
            log.info("bank message {} names payouts whose sending is not yet recorded; it waits", message.messageId());
            return -1;
        }
        if (outcomes.stream().noneMatch(o -> movable(o, now))) {
            transactions.executeWithoutResult(s -> {
                repository.chunksDone(message.number(), message.messageId());
                repository.messageApplied(message.number());
            });
            return 0;
        }
        LocalDate day = report.reportedOn() != null ? report.reportedOn() : LocalDate.now(clock);
        int chunk = settings.applyChunk();
        int chunks = (outcomes.size() + chunk - 1) / chunk;
        int done = transactions.execute(s -> repository.chunksDone(message.number(), message.messageId()));
        int moved = 0;
        for (int i = done; i < chunks; i++) {
            List<Outcome> part = outcomes.subList(i * chunk, Math.min(outcomes.size(), (i + 1) * chunk)).stream()
                    .filter(o -> movable(o, now)).toList();
            int index = i;
            moved += transactions.execute(s -> {
                int n = applyChunk(message.messageId(), index, part, day);
                repository.chunkDone(message.number(), index + 1);
                return n;
            });
            if (i + 1 < chunks) faults.pauseIf(FaultInjection.HALF_APPLIED);
        }
        transactions.executeWithoutResult(s -> repository.messageApplied(message.number()));
        return moved;
    }

    /** Whether the payout an outcome names is ours and, as it stood when the message was read, may make the move. */
    private static boolean movable(Outcome o, Map<String, PayoutStatus> now) {
        PayoutStatus s = now.get(o.reference());
        return s != null && s.canMoveTo(target(o.move()));
    }

    private static PayoutStatus target(Move move) {
        return switch (move) {
            case SETTLE -> PayoutStatus.SETTLED;
            case FAIL -> PayoutStatus.FAILED;
            case BOUNCE -> PayoutStatus.BOUNCED;
        };
    }

    private int applyChunk(String messageId, int chunk, List<Outcome> part, LocalDate day) {
        Map<Move, List<Outcome>> byMove = new LinkedHashMap<>();
        for (Outcome o : part) byMove.computeIfAbsent(o.move(), m -> new ArrayList<>()).add(o);
        int moved = 0;
        for (var e : byMove.entrySet()) moved += move(messageId, chunk, e.getKey(), e.getValue(), day);
        return moved;
    }

    private int move(String messageId, int chunk, Move move, List<Outcome> outcomes, LocalDate day) {
        PayoutStatus to = target(move);
        Map<String, Outcome> byReference = new LinkedHashMap<>();
        outcomes.forEach(o -> byReference.putIfAbsent(o.reference(), o));
        String[] references = byReference.keySet().toArray(String[]::new);
        String key = PayoutLedger.bankKey(messageId, chunk, to);
        // one statement moves the payouts that may move (the state check) and names the journal that books them
        List<PayoutRepository.Moved> moved = to == PayoutStatus.SETTLED ? repository.settle(references, day, key)
                : repository.fail(to, references, byReference.values().stream().map(Outcome::code).toArray(String[]::new),
                        byReference.values().stream().map(Outcome::reason).toArray(String[]::new), key);
        if (moved.isEmpty()) return 0;
        Money total = moved.stream().map(PayoutRepository.Moved::amount).reduce(Money.ZERO, Money::plus);
        switch (move) {
            case SETTLE -> {
                ledger.settled(messageId, chunk, total, day);
                moved.forEach(p -> events.publishEvent(new PayoutSettled(p.reference(), p.source(), p.amount(), day)));
            }
            case FAIL -> {
                ledger.failed(messageId, chunk, moved, day);
                moved.forEach(p -> events.publishEvent(new PayoutFailed(p.reference(), p.source(), p.amount(), day, p.code(), p.reason(),
                        p.maskedAccount())));
            }
            case BOUNCE -> {
                ledger.bounced(messageId, chunk, moved, day);
                moved.forEach(p -> events.publishEvent(new PayoutBounced(p.reference(), p.source(), p.amount(), day, p.code(), p.reason(),
                        p.maskedAccount())));
            }
        }
        // one step for the chunk's payouts, named by the journal key each of them holds (their reasons are on their rows)
        repository.moveEvent(key, BANK, move == Move.BOUNCE ? PayoutStatus.SETTLED : PayoutStatus.SENT, to, messageId, moved.size());
        return moved.size();
    }

    /** The moves a report asks for, in its order; statuses that decide nothing (ACCP, PDNG) ask for none. */
    private static List<Outcome> outcomes(BankReport report) {
        List<Outcome> out = new ArrayList<>();
        switch (report) {
            case BankReport.StatusReport r -> r.transactions().forEach(t -> {
                if (t.endToEndId() == null) return;
                if (t.settled()) out.add(new Outcome(t.endToEndId(), Move.SETTLE, null, null));
                else if (t.rejected()) out.add(new Outcome(t.endToEndId(), Move.FAIL, t.reasonCode(), t.reasonText()));
            });
            case BankReport.Notification n -> n.entries().forEach(e -> {
                if (e.endToEndId() == null) return;
                if (!e.credit()) out.add(new Outcome(e.endToEndId(), Move.SETTLE, null, null));
                else if (e.isReturn()) out.add(new Outcome(e.endToEndId(), Move.BOUNCE, e.returnReasonCode(), e.returnReasonText()));
            });
            case BankReport.Statement s -> {
                // statements are reconciliation's business
            }
        }
        return out;
    }
}
