package org.huzhu.payouts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.banking.Bank;
import org.huzhu.banking.BankAcceptance;
import org.huzhu.banking.CreditTransfer;
import org.huzhu.banking.PaymentFile;
import org.huzhu.shared.Money;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.database.DatabaseLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a released batch to the bank in three steps: (1) render its pain.001 once and keep it with
 * the batch; (2) hand the kept file to the bank; (3) record SENT, move its payouts to SENT and book
 * Dr 2202 (2204 for refunds) Cr 2203 — in one transaction. A crash between (2) and (3) leaves the batch RELEASED; the
 * retry sends the same file (same MsgId, same EndToEndIds), which the bank accepts as a duplicate
 * and does not pay again, and then records SENT. One sender per batch at a time across every instance
 * on the database (an advisory lock per batch, held from reading the batch to recording SENT).
 */
@Component
class BatchSender {

    private static final Logger log = LoggerFactory.getLogger(BatchSender.class);

    private final Bank bank;
    private final PayoutRepository repository;
    private final PayoutLedger ledger;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final FaultInjection faults;
    private final Clock clock;
    private final DatabaseLocks locks;

    BatchSender(Bank bank, PayoutRepository repository, PayoutLedger ledger, PersonalDataCipher cipher, ApplicationEventPublisher events,
                TransactionTemplate transactions, FaultInjection faults, Clock clock, DatabaseLocks locks) {
        this.bank = bank;
        this.repository = repository;
        this.ledger = ledger;
        this.cipher = cipher;
        this.events = events;
        this.transactions = transactions;
        this.faults = faults;
        this.clock = clock;
        this.locks = locks;
    }

    /** Sends batch {@code batchId} if it is RELEASED; returns whether this call recorded it SENT. */
    boolean send(long batchId) {
        return locks.tryWith("payout-batch", batchId, () -> sendLocked(batchId)).orElse(false);
    }

    private boolean sendLocked(long batchId) {
        String file = transactions.execute(s -> fileOf(batchId));
        if (file == null) return false;
        PayoutBatch batch = repository.batch(batchId, false).orElseThrow();
        BankAcceptance answer = bank.send(batch.messageId, file);
        if (!answer.accepted()) {
            log.error("the bank refused payout batch {} ({}): {}", batchId, batch.messageId, answer.detail());
            transactions.executeWithoutResult(s -> repository.batchEvent(batchId, BankStatusApplier.BANK, BatchStatus.RELEASED,
                    BatchStatus.RELEASED, "银行拒收：" + answer.detail()));
            return false;
        }
        faults.pauseIf(FaultInjection.FILE_SENT);
        return Boolean.TRUE.equals(transactions.execute(s -> recordSent(batchId, answer)));
    }

    /** The batch's kept file, rendered now if it has none; null when the batch is not RELEASED. */
    private String fileOf(long batchId) {
        PayoutBatch batch = repository.batch(batchId, true).orElse(null);
        if (batch == null || batch.status() != BatchStatus.RELEASED) return null;
        return repository.file(batchId).map(cipher::decrypt).orElseGet(() -> {
            List<CreditTransfer> transfers = repository.ofBatch(batchId).stream()
                    .filter(p -> p.status() == PayoutStatus.BATCHED)
                    .peek(p -> {
                        if (p.hold().holding()) throw new IllegalStateException("batch " + batchId + " holds payout " + p.reference() + " on hold");
                    })
                    .map(p -> new CreditTransfer(p.reference(), p.payeeName(), p.bankName(), cipher.decrypt(p.accountCipher()),
                            p.amount(), PayoutKind.of(p.source()).remittance(p.reference())))
                    .toList();
            String xml = bank.render(new PaymentFile(batch.messageId, Instant.now(clock), LocalDate.now(clock), transfers));
            repository.storeFile(batchId, cipher.encrypt(xml));
            return xml;
        });
    }

    private boolean recordSent(long batchId, BankAcceptance answer) {
        PayoutBatch batch = repository.batch(batchId, true).orElseThrow();
        if (batch.status() != BatchStatus.RELEASED) return false;
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.now(clock);
        batch.markSent(now);
        repository.update(batch, BatchStatus.RELEASED);
        String key = PayoutLedger.sentKey(batchId);
        List<PayoutRepository.Moved> sent = repository.markSent(batchId, key);
        Money moved = sent.stream().map(PayoutRepository.Moved::amount).reduce(Money.ZERO, Money::plus);
        if (moved.compareTo(batch.total) != 0) throw new IllegalStateException("batch " + batchId + " holds " + moved + ", not " + batch.total);
        ledger.sent(batchId, batch.messageId, sent, today, batch.orgPath);
        repository.recordSent(batchId, answer.detail(), key);
        repository.batchEvent(batchId, BankStatusApplier.BANK, BatchStatus.RELEASED, BatchStatus.SENT,
                (answer.duplicate() ? "银行确认已受理（重发）：" : "银行已受理：") + answer.detail());
        sent.forEach(p -> events.publishEvent(new PayoutSent(p.reference(), p.source(), p.amount(), today, p.maskedAccount())));
        return true;
    }
}
