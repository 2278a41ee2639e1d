package org.huzhu.banking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.Money;

/** A payment file: one message id the bank deduplicates on, one execution date, the transfers in order. */
public record PaymentFile(String messageId, Instant createdAt, LocalDate executionDate, List<CreditTransfer> transfers) {

    public PaymentFile {
        transfers = List.copyOf(transfers);
        if (transfers.isEmpty()) throw new IllegalArgumentException("a payment file needs at least one transfer");
    }

    public Money total() {
        Money total = Money.ZERO;
        for (CreditTransfer t : transfers) total = total.plus(t.amount());
        return total;
    }
}
