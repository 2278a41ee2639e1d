package org.huzhu.payouts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.huzhu.ledger.ChartOfAccounts;
import org.huzhu.ledger.JournalEntry;
import org.huzhu.ledger.JournalEntry.Line;
import org.huzhu.ledger.Ledger;
import org.huzhu.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The payouts' journals, one per batch or per chunk of a bank message, each under a key that a retry
 * or a re-applied message finds booked already:
 * sent Dr 2202 Cr 2203; settled Dr 2203 Cr 1002; failed Dr 2203 Cr 2202; bounced Dr 1002 Cr 2202. A refund's payout
 * moves 2204 应付退费 where a claim's moves 2202 ({@link PayoutKind}): a journal over both kinds has one line per liability.
 */
@Component
class PayoutLedger {

    private final Ledger ledger;

    PayoutLedger(Ledger ledger) {
        this.ledger = ledger;
    }

    static String sentKey(long batchId) {
        return "payout-batch:" + batchId + ":sent";
    }

    static String bankKey(String bankMessageId, int chunk, PayoutStatus to) {
        return "bank-message:" + bankMessageId + ":" + chunk + ":" + to.name().toLowerCase(java.util.Locale.ROOT);
    }

    long sent(long batchId, String messageId, List<PayoutRepository.Moved> payouts, LocalDate valueDate, String orgPath) {
        List<Line> lines = new ArrayList<>();
        payables(payouts).forEach((account, amount) -> lines.add(Line.debit(account, amount)));
        lines.add(Line.credit(ChartOfAccounts.PAYOUTS_IN_TRANSIT, total(payouts)));
        return ledger.post(new JournalEntry(sentKey(batchId), "PAYOUT_BATCH", Long.toString(batchId),
                "互助金支付批次 " + messageId + " 发送银行", valueDate, orgPath, lines));
    }

    /** What the payouts owe per liability account (2202 for benefits, 2204 for refunds), in a stable order. */
    private static Map<String, Money> payables(List<PayoutRepository.Moved> payouts) {
        Map<String, Money> by = new TreeMap<>();
        for (PayoutRepository.Moved p : payouts) by.merge(PayoutKind.of(p.source()).payableAccount(), p.amount(), Money::plus);
        return by;
    }

    private static Money total(List<PayoutRepository.Moved> payouts) {
        return payouts.stream().map(PayoutRepository.Moved::amount).reduce(Money.ZERO, Money::plus);
    }

    long settled(String bankMessageId, int chunk, Money total, LocalDate valueDate) {
        return ledger.post(entry(bankMessageId, chunk, PayoutStatus.SETTLED, "银行回单：互助金已到账", valueDate,
                Line.debit(ChartOfAccounts.PAYOUTS_IN_TRANSIT, total), Line.credit(ChartOfAccounts.BANK, total)));
    }

    long failed(String bankMessageId, int chunk, List<PayoutRepository.Moved> payouts, LocalDate valueDate) {
        return ledger.post(restored(bankMessageId, chunk, PayoutStatus.FAILED, "银行回单：互助金支付失败，应付恢复", valueDate,
                ChartOfAccounts.PAYOUTS_IN_TRANSIT, payouts));
    }

    long bounced(String bankMessageId, int chunk, List<PayoutRepository.Moved> payouts, LocalDate valueDate) {
        return ledger.post(restored(bankMessageId, chunk, PayoutStatus.BOUNCED, "银行退票：互助金退回，应付恢复", valueDate,
                ChartOfAccounts.BANK, payouts));
    }

    /** Dr {@code from} the payouts' total; Cr each liability what it is owed again. */
    private static JournalEntry restored(String bankMessageId, int chunk, PayoutStatus to, String description, LocalDate valueDate,
                                         String from, List<PayoutRepository.Moved> payouts) {
        List<Line> lines = new ArrayList<>();
        lines.add(Line.debit(from, total(payouts)));
        payables(payouts).forEach((account, amount) -> lines.add(Line.credit(account, amount)));
        return new JournalEntry(bankKey(bankMessageId, chunk, to), "BANK_MESSAGE", bankMessageId, description, valueDate, null, lines);
    }

    private static JournalEntry entry(String bankMessageId, int chunk, PayoutStatus to, String description, LocalDate valueDate,
                                      Line debit, Line credit) {
        return new JournalEntry(bankKey(bankMessageId, chunk, to), "BANK_MESSAGE", bankMessageId,
                description, valueDate, null, List.of(debit, credit));
    }
}
