package org.huzhu.banking;

import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.Money;

/** What a bank message says, read from its XML: a status report, a debit/credit notification or a statement. */
public sealed interface BankReport {

    String messageId();

    /** The day the bank booked or reported it (the message's creation date). */
    LocalDate reportedOn();

    /**
     * pain.002: the status of a payment file ({@code groupStatus} ACCP, ACSC, PART, RJCT) and, in a
     * final report, of each transfer by end-to-end id.
     */
    record StatusReport(String messageId, LocalDate reportedOn, String originalMessageId, String groupStatus,
                        List<TransactionStatus> transactions) implements BankReport {
    }

    /** One transfer's status: ACCP (accepted), ACSC (settled), RJCT (rejected, with the ISO reason code). */
    record TransactionStatus(String endToEndId, String status, String reasonCode, String reasonText) {

        public boolean settled() {
            return "ACSC".equals(status);
        }

        public boolean rejected() {
            return "RJCT".equals(status);
        }
    }

    /** camt.054 (and the entries of a camt.053): money that left or came back to the fund's account. */
    record Notification(String messageId, LocalDate reportedOn, List<Entry> entries) implements BankReport {
    }

    /** A statement of one day (camt.053): opening and closing balance and every entry. */
    record Statement(String messageId, LocalDate reportedOn, LocalDate day, Money openingBalance, Money closingBalance,
                     List<Entry> entries) implements BankReport {
    }

    /**
     * One booked entry: a debit paying {@code endToEndId}, or a credit; a credit carrying a return
     * reason is money coming back for an earlier transfer (退票).
     */
    record Entry(String endToEndId, boolean credit, Money amount, LocalDate bookedOn, String returnReasonCode,
                 String returnReasonText, String reference) {

        public boolean isReturn() {
            return credit && returnReasonCode != null;
        }
    }
}
