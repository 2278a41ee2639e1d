package org.huzhu.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.shared.Money;

/**
 * A balanced set of postings from one source document. {@code idempotencyKey} identifies the
 * business event ("enrolment:42:billed"); posting the same key twice books it once.
 */
public record JournalEntry(String idempotencyKey, String sourceType, String sourceId, String description,
                           LocalDate valueDate, String orgPath, List<Line> lines) {

    public record Line(String accountCode, Money debit, Money credit) {

        public static Line debit(String account, Money amount) {
            return new Line(account, amount, Money.ZERO);
        }

        public static Line credit(String account, Money amount) {
            return new Line(account, Money.ZERO, amount);
        }
    }

    public JournalEntry {
        if (idempotencyKey == null || idempotencyKey.isBlank()) throw new IllegalArgumentException("idempotency key required");
        List<Line> kept = new ArrayList<>();
        Money debits = Money.ZERO;
        Money credits = Money.ZERO;
        for (Line line : lines) {
            if (line.debit().isNegative() || line.credit().isNegative()) throw new IllegalArgumentException("negative posting in " + idempotencyKey);
            if (line.debit().isPositive() && line.credit().isPositive()) throw new IllegalArgumentException("a line is either debit or credit");
            if (line.debit().isZero() && line.credit().isZero()) continue;
            kept.add(line);
            debits = debits.plus(line.debit());
            credits = credits.plus(line.credit());
        }
        if (kept.size() < 2) throw new IllegalArgumentException("a journal needs at least two non-zero lines: " + idempotencyKey);
        if (debits.compareTo(credits) != 0) {
            throw new IllegalArgumentException("journal " + idempotencyKey + " does not balance: " + debits + " ≠ " + credits);
        }
        lines = List.copyOf(kept);
    }

    public Money total() {
        return lines.stream().map(Line::debit).reduce(Money.ZERO, Money::plus);
    }
}
