package org.huzhu.ledger;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.huzhu.shared.Money;
import org.huzhu.shared.database.Pipeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The ledger module's front door: post journals, read the trial balance. */
@Service
public class Ledger {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Ledger(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Books a journal inside the caller's transaction and returns its id. A key already booked
     * returns the earlier journal's id and books nothing.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public long post(JournalEntry entry) {
        Pipeline pipeline = new Pipeline();
        Supplier<Long> id = post(entry, pipeline);
        pipeline.send(template);
        return id.get();
    }

    /**
     * As {@link #post(JournalEntry)}, as one statement of the caller's pipeline (sent by the caller, in its
     * transaction): the journal's id is ready once the pipeline was sent.
     */
    public Supplier<Long> post(JournalEntry entry, Pipeline pipeline) {
        int n = entry.lines().size();
        String[] accounts = new String[n];
        BigDecimal[] debits = new BigDecimal[n];
        BigDecimal[] credits = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            JournalEntry.Line line = entry.lines().get(i);
            accounts[i] = line.accountCode();
            debits[i] = line.debit().amount();
            credits[i] = line.credit().amount();
        }
        // the journal and its postings in one statement, or nothing when the key is booked already
        Supplier<Long> booked = pipeline.add("""
                with journal as (
                    insert into ledger.journal (idempotency_key, source_type, source_id, description, org_path, value_date)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (idempotency_key) do nothing
                    returning id),
                postings as (
                    insert into ledger.posting (journal_id, account_code, debit, credit)
                    select journal.id, line.account_code, line.debit, line.credit
                      from journal, unnest(?::text[], ?::numeric[], ?::numeric[]) as line (account_code, debit, credit))
                select id from journal""",
                Arrays.asList(entry.idempotencyKey(), entry.sourceType(), entry.sourceId(), entry.description(),
                        new SqlParameterValue(Types.VARCHAR, entry.orgPath()), entry.valueDate(), accounts, debits, credits),
                rs -> rs.next() ? rs.getLong(1) : null);
        return () -> {
            Long id = booked.get();
            return id != null ? id : journalId(entry.idempotencyKey());
        };
    }

    /**
     * Undoes a booked journal with its mirror image (debits and credits swapped), dated
     * {@code valueDate}. A journal is reversed at most once: reversing it again, under any key,
     * returns the earlier reversal's id and books nothing.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public long reverse(String originalKey, String reversalKey, String reason, LocalDate valueDate) {
        JournalRow original = jdbc.sql("select id, source_type, source_id, org_path from ledger.journal where idempotency_key = ?")
                .param(originalKey)
                .query((rs, n) -> new JournalRow(rs.getLong("id"), rs.getString("source_type"), rs.getString("source_id"),
                        rs.getString("org_path")))
                .optional().orElseThrow(() -> new IllegalArgumentException("no journal booked under " + originalKey));
        Long id = jdbc.sql("""
                insert into ledger.journal (idempotency_key, source_type, source_id, description, org_path, value_date, reverses_journal_id)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                returning id""")
                .params(reversalKey, original.sourceType(), original.sourceId(), reason, original.orgPath(), valueDate, original.id())
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            return jdbc.sql("select id from ledger.journal where reverses_journal_id = ?").param(original.id())
                    .query(Long.class).optional().orElseGet(() -> journalId(reversalKey));
        }
        jdbc.sql("""
                insert into ledger.posting (journal_id, account_code, debit, credit)
                select ?, account_code, credit, debit from ledger.posting where journal_id = ?""")
                .params(id, original.id()).update();
        return id;
    }

    private record JournalRow(long id, String sourceType, String sourceId, String orgPath) {
    }

    /** Whether a journal was booked under {@code idempotencyKey}. */
    @Transactional(readOnly = true)
    public boolean isBooked(String idempotencyKey) {
        return jdbc.sql("select exists (select 1 from ledger.journal where idempotency_key = ?)").param(idempotencyKey)
                .query(Boolean.class).single();
    }

    private long journalId(String idempotencyKey) {
        return jdbc.sql("select id from ledger.journal where idempotency_key = ?").param(idempotencyKey)
                .query(Long.class).single();
    }

    public record AccountBalance(String code, String name, Money debit, Money credit) {
    }

    /** Debits and credits per account over every posting so far. */
    public record TrialBalance(boolean balanced, Money debits, Money credits, List<AccountBalance> accounts) {
    }

    @Transactional(readOnly = true)
    public TrialBalance trialBalance() {
        List<AccountBalance> accounts = jdbc.sql("""
                select a.code, a.name, coalesce(sum(p.debit), 0) as debit, coalesce(sum(p.credit), 0) as credit
                  from ledger.account a left join ledger.posting p on p.account_code = a.code
                 group by a.code, a.name order by a.code""")
                .query((rs, n) -> new AccountBalance(rs.getString("code"), rs.getString("name"),
                        new Money(rs.getBigDecimal("debit")), new Money(rs.getBigDecimal("credit"))))
                .list();
        Money debits = accounts.stream().map(AccountBalance::debit).reduce(Money.ZERO, Money::plus);
        Money credits = accounts.stream().map(AccountBalance::credit).reduce(Money.ZERO, Money::plus);
        return new TrialBalance(debits.compareTo(credits) == 0, debits, credits, accounts);
    }

    /** Net debit balance of one account (debits − credits). */
    @Transactional(readOnly = true)
    public Money balance(String accountCode) {
        BigDecimal net = jdbc.sql("select coalesce(sum(debit - credit), 0) from ledger.posting where account_code = ?")
                .param(accountCode).query(BigDecimal.class).single();
        return new Money(net);
    }
}
