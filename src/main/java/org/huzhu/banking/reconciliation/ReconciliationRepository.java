package org.huzhu.banking.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.huzhu.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReconciliationRepository {

    private final JdbcClient jdbc;

    ReconciliationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Run(long id, LocalDate valueDate, int statementLines, Money statementTotal, Money booksTotal, Money ledgerTotal,
               int differences, String runBy, OffsetDateTime runAt) {
    }

    long store(LocalDate day, Reconciler.Result result, String by) {
        long id = jdbc.sql("""
                insert into banking.reconciliation_run (value_date, statement_lines, statement_total, books_total, ledger_total,
                    differences, run_by) values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(day, result.lines(), result.statementTotal().amount(), result.booksTotal().amount(),
                        result.ledgerTotal().amount(), result.differences().size(), by)
                .query(Long.class).single();
        int position = 0;
        for (Reconciler.Difference d : result.differences()) {
            jdbc.sql("""
                    insert into banking.reconciliation_difference (run_id, position, kind, reference, statement_line_id,
                        statement_amount, books_amount, message) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, ++position, d.kind().name(), d.reference(), d.statementLineId(), amount(d.statementAmount()),
                            amount(d.booksAmount()), d.message())
                    .update();
        }
        return id;
    }

    Optional<Run> latest(LocalDate day) {
        return jdbc.sql("select * from banking.reconciliation_run where value_date = ? order by id desc limit 1").param(day)
                .query(this::run).optional();
    }

    List<Run> recent(int limit) {
        return jdbc.sql("select * from banking.reconciliation_run order by id desc limit ?").param(limit).query(this::run).list();
    }

    List<Reconciler.Difference> differences(long runId) {
        return jdbc.sql("select * from banking.reconciliation_difference where run_id = ? order by position").param(runId)
                .query((rs, n) -> new Reconciler.Difference(DifferenceKind.valueOf(rs.getString("kind")), rs.getString("reference"),
                        rs.getObject("statement_line_id", Long.class), money(rs.getBigDecimal("statement_amount")),
                        money(rs.getBigDecimal("books_amount")), rs.getString("message")))
                .list();
    }

    /**
     * Net movement of the bank account (1002) booked with value date {@code day}: debits − credits.
     * Read from the ledger's tables (the ledger has no per-day figure of its own yet).
     */
    Money ledgerBankMovement(LocalDate day) {
        return new Money(jdbc.sql("""
                select coalesce(sum(p.debit - p.credit), 0) from ledger.posting p join ledger.journal j on j.id = p.journal_id
                 where p.account_code = '1002' and j.value_date = ?""")
                .param(day).query(BigDecimal.class).single());
    }

    private Run run(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Run(rs.getLong("id"), rs.getObject("value_date", LocalDate.class), rs.getInt("statement_lines"),
                new Money(rs.getBigDecimal("statement_total")), new Money(rs.getBigDecimal("books_total")),
                new Money(rs.getBigDecimal("ledger_total")), rs.getInt("differences"), rs.getString("run_by"),
                rs.getObject("run_at", OffsetDateTime.class));
    }

    private static BigDecimal amount(Money m) {
        return m == null ? null : m.amount();
    }

    private static Money money(BigDecimal b) {
        return b == null ? null : new Money(b);
    }
}
