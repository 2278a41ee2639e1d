package org.huzhu.payouts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.banking.reconciliation.BankBook;
import org.huzhu.banking.reconciliation.BankMovement;
import org.huzhu.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What payouts booked on the fund's bank account (1002) on a day, for the daily reconciliation:
 * each payout the bank settled that day leaves the account (its end-to-end id is the reference
 * the bank's statement shows), and each bounce (退票) that day brings the money back. The day is
 * the value date of the journal that booked the movement, so these lines add up to the ledger's.
 */
@Component
class PayoutsBankBook implements BankBook {

    private final JdbcClient jdbc;

    PayoutsBankBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<BankMovement> movementsOn(LocalDate day) {
        List<BankMovement> out = new ArrayList<>();
        movements(day, "settled_journal_key").forEach(m -> out.add(new BankMovement("PAYOUT_SETTLED", m.reference(),
                Money.ZERO.minus(m.amount()), day, "互助金支付到账 " + m.reference(), List.of())));
        movements(day, "bounced_journal_key").forEach(m -> out.add(new BankMovement("PAYOUT_BOUNCED", m.reference(),
                m.amount(), day, "退票退回 " + m.reference(), List.of())));
        return out;
    }

    private record Movement(String reference, Money amount) {
    }

    private List<Movement> movements(LocalDate day, String journalKeyColumn) {
        return jdbc.sql("""
                select p.reference, p.amount from payouts.payout p
                  join ledger.journal j on j.idempotency_key = p.%s
                 where j.value_date = ? order by p.reference""".formatted(journalKeyColumn))
                .param(day)
                .query((rs, n) -> new Movement(rs.getString(1), new Money(rs.getBigDecimal(2)))).list();
    }
}
