package org.huzhu.payouts;

import java.time.LocalDate;
import java.util.List;
import org.huzhu.ledger.ChartOfAccounts;
import org.huzhu.ledger.JournalEntry;
import org.huzhu.ledger.JournalEntry.Line;
import org.huzhu.ledger.Ledger;
import org.huzhu.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The payouts' journals, one per batch or per chunk of a bank message, each under a key that a retry
 * or a re-applied message finds booked already:
 * sent Dr 2202 Cr 2203; settled Dr 2203 Cr 1002; failed Dr 2203 Cr 2202; bounced Dr 1002 Cr 2202.
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

    long sent(long batchId, String messageId, Money total, LocalDate valueDate, String orgPath) {
        return ledger.post(new JournalEntry(sentKey(batchId), "PAYOUT_BATCH", Long.toString(batchId),
                "互助金支付批次 " + messageId + " 发送银行", valueDate, orgPath,
                List.of(Line.debit(ChartOfAccounts.CLAIMS_PAYABLE, total), Line.credit(ChartOfAccounts.PAYOUTS_IN_TRANSIT, total))));
    }

    long settled(String bankMessageId, int chunk, Money total, LocalDate valueDate) {
        return ledger.post(entry(bankMessageId, chunk, PayoutStatus.SETTLED, "银行回单：互助金已到账", valueDate,
                Line.debit(ChartOfAccounts.PAYOUTS_IN_TRANSIT, total), Line.credit(ChartOfAccounts.BANK, total)));
    }

    long failed(String bankMessageId, int chunk, Money total, LocalDate valueDate) {
        return ledger.post(entry(bankMessageId, chunk, PayoutStatus.FAILED, "银行回单：互助金支付失败，应付恢复", valueDate,
                Line.debit(ChartOfAccounts.PAYOUTS_IN_TRANSIT, total), Line.credit(ChartOfAccounts.CLAIMS_PAYABLE, total)));
    }

    long bounced(String bankMessageId, int chunk, Money total, LocalDate valueDate) {
        return ledger.post(entry(bankMessageId, chunk, PayoutStatus.BOUNCED, "银行退票：互助金退回，应付恢复", valueDate,
                Line.debit(ChartOfAccounts.BANK, total), Line.credit(ChartOfAccounts.CLAIMS_PAYABLE, total)));
    }

    private static JournalEntry entry(String bankMessageId, int chunk, PayoutStatus to, String description, LocalDate valueDate,
                                      Line debit, Line credit) {
        return new JournalEntry(bankKey(bankMessageId, chunk, to), "BANK_MESSAGE", bankMessageId,
                description, valueDate, null, List.of(debit, credit));
    }
}
