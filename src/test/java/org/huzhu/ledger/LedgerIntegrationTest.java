package org.huzhu.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.huzhu.ledger.JournalEntry.Line;
import org.huzhu.shared.Money;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's guarantees on the real database: idempotent posting, balanced journals enforced
 * in Java and again by PostgreSQL at commit, and append-only tables.
 * <p>
 * Test journals debit and credit the bank account by the same amount, so they leave every
 * account's balance, and the other tests' sums, unchanged.
 */
class LedgerIntegrationTest extends ApiTest {

    /** Ledger rules do not depend on the day; one fixed booking date keeps them off the machine's clock. */
    private static final LocalDate BOOKED_ON = LocalDate.of(2026, 11, 23);

    private static final String BANK = ChartOfAccounts.BANK;

    @Autowired
    private Ledger ledger;

    @Autowired
    private PlatformTransactionManager transactions;

    // ---- idempotency ----------------------------------------------------------------------

    @Test
    void postingTheSameKeyTwiceBooksOnce() {
        String key = key();

        long first = ledger.post(entry(key, "12.34"));
        long second = ledger.post(entry(key, "12.34"));

        assertThat(second).isEqualTo(first);
        assertThat(journalsWithKey(key)).isEqualTo(1);
        assertThat(postingsOf(first)).isEqualTo(2);
        assertThat(ledger.trialBalance().balanced()).isTrue();
    }

    @Test
    void aRetryWithDifferentAmountsUnderTheSameKeyStillBooksOnlyTheFirst() {
        String key = key();

        long first = ledger.post(entry(key, "10.00"));
        long retry = ledger.post(entry(key, "99.00"));

        assertThat(retry).isEqualTo(first);
        assertThat(jdbc.sql("select sum(debit) from ledger.posting where journal_id = ?").param(first)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("10.00");
    }

    @Test
    void twoConcurrentPostsOfOneKeyBookOnce() throws Exception {
        String key = key();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> ids = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ids.add(pool.submit(() -> {
                    start.await();
                    return ledger.post(entry(key, "7.00"));
                }));
            }
            start.countDown();

            assertThat(ids.get(0).get(60, TimeUnit.SECONDS)).isEqualTo(ids.get(1).get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertThat(journalsWithKey(key)).isEqualTo(1);
        assertThat(postingsOf(journalId(key))).isEqualTo(2);
    }

    // ---- balance --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            debits above credits | 10.00 | 9.99
            credits above debits | 0.01  | 0.02
            """)
    void anUnbalancedJournalIsRefusedInJava(String label, String debit, String credit) {
        String key = key();

        assertThatThrownBy(() -> new JournalEntry(key, "TEST", key, "不平衡", BOOKED_ON, null,
                List.of(Line.debit(BANK, Money.of(debit)), Line.credit(BANK, Money.of(credit)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(journalsWithKey(key)).isZero();
    }

    @Test
    void aJournalNeedsTwoNonZeroLinesAndNoNegativeAmounts() {
        assertThatThrownBy(() -> new JournalEntry(key(), "TEST", "x", "单边", BOOKED_ON, null,
                List.of(Line.debit(BANK, Money.of("5.00")), Line.credit(BANK, Money.ZERO))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JournalEntry(key(), "TEST", "x", "负数", BOOKED_ON, null,
                List.of(Line.debit(BANK, Money.of("-5.00")), Line.credit(BANK, Money.of("-5.00")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JournalEntry(" ", "TEST", "x", "无键", BOOKED_ON, null,
                List.of(Line.debit(BANK, Money.of("5.00")), Line.credit(BANK, Money.of("5.00")))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDatabaseRefusesAnUnbalancedJournalAtCommit() {
        String key = key();
        TransactionTemplate tx = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            long journal = insertJournal(key);
            insertPosting(journal, BANK, "10.00", "0.00");
            insertPosting(journal, BANK, "0.00", "9.00");
        }))
                .isInstanceOfAny(DataAccessException.class, TransactionException.class)
                .rootCause().hasMessageContaining("does not balance");

        assertThat(journalsWithKey(key)).isZero();
        assertThat(ledger.trialBalance().balanced()).isTrue();
    }

    @Test
    void theDatabaseAcceptsABalancedJournalWrittenInSeveralStatements() {
        String key = key();
        TransactionTemplate tx = new TransactionTemplate(transactions);

        tx.executeWithoutResult(status -> {
            long journal = insertJournal(key);
            insertPosting(journal, BANK, "3.00", "0.00");
            insertPosting(journal, BANK, "0.00", "1.00");
            insertPosting(journal, BANK, "0.00", "2.00");
        });

        assertThat(journalsWithKey(key)).isEqualTo(1);
        assertThat(postingsOf(journalId(key))).isEqualTo(3);
    }

    @Test
    void aPostingCannotBeAddedToAnAlreadyBalancedJournalLater() {
        long journal = ledger.post(entry(key(), "4.00"));

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                insertPosting(journal, BANK, "1.00", "0.00")))
                .isInstanceOfAny(DataAccessException.class, TransactionException.class)
                .rootCause().hasMessageContaining("does not balance");
        assertThat(postingsOf(journal)).isEqualTo(2);
    }

    // ---- reversal -------------------------------------------------------------------------

    @Test
    void aReversalMirrorsTheOriginalAndNamesIt() {
        String key = key();
        long original = ledger.post(new JournalEntry(key, "TEST", "rev", "原分录", BOOKED_ON, "/1/", List.of(
                Line.debit(ChartOfAccounts.BENEFIT_EXPENSE, Money.of("80.00")),
                Line.credit(ChartOfAccounts.CLAIMS_PAYABLE, Money.of("80.00")))));
        Money expenseBefore = ledger.balance(ChartOfAccounts.BENEFIT_EXPENSE);

        long reversal = ledger.reverse(key, key + ":reversed", "冲销测试", BOOKED_ON);

        assertThat(reversal).isNotEqualTo(original);
        assertThat(jdbc.sql("select reverses_journal_id from ledger.journal where id = ?").param(reversal)
                .query(Long.class).single()).isEqualTo(original);
        assertThat(jdbc.sql("""
                select string_agg(account_code || ':' || debit || ':' || credit, ',' order by account_code)
                  from ledger.posting where journal_id = ?""").param(reversal).query(String.class).single())
                .isEqualTo("2202:80.00:0.00,5101:0.00:80.00");
        assertThat(ledger.balance(ChartOfAccounts.BENEFIT_EXPENSE)).isEqualTo(expenseBefore.minus(Money.of("80.00")));
        assertThat(ledger.trialBalance().balanced()).isTrue();
    }

    @Test
    void aJournalIsReversedOnlyOnceWhateverTheKey() {
        String key = key();
        ledger.post(entry(key, "5.00"));

        long first = ledger.reverse(key, key + ":r1", "第一次冲销", BOOKED_ON);
        long again = ledger.reverse(key, key + ":r1", "重试", BOOKED_ON);
        long other = ledger.reverse(key, key + ":r2", "另一个键", BOOKED_ON);

        assertThat(again).isEqualTo(first);
        assertThat(other).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from ledger.journal where reverses_journal_id = ?").param(journalId(key))
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(ledger.isBooked(key + ":r2")).isFalse();
    }

    @Test
    void reversingAnUnknownJournalIsRefused() {
        assertThatThrownBy(() -> ledger.reverse("no-such-" + key(), key(), "无", BOOKED_ON))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- append only ----------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            update a posting  | update ledger.posting set debit = debit + 1, credit = credit + 1 where journal_id = :journal
            delete a posting  | delete from ledger.posting where journal_id = :journal
            update a journal  | update ledger.journal set description = 'changed' where id = :journal
            delete a journal  | delete from ledger.journal where id = :journal
            """)
    void theLedgerTablesAreAppendOnly(String label, String sql) {
        long journal = label.equals("delete a journal") ? journalWithoutPostings() : ledger.post(entry(key(), "6.00"));
        String before = snapshot(journal);

        assertThatThrownBy(() -> jdbc.sql(sql).param("journal", journal).update())
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");

        assertThat(snapshot(journal)).isEqualTo(before);
    }

    @Test
    void theTrialBalanceStaysBalanced() {
        ledger.post(entry(key(), "123.45"));
        ledger.post(new JournalEntry(key(), "TEST", "split", "一借多贷", BOOKED_ON, null, List.of(
                Line.debit(BANK, Money.of("100.00")), Line.credit(BANK, Money.of("33.33")),
                Line.credit(BANK, Money.of("33.33")), Line.credit(BANK, Money.of("33.34")))));

        Ledger.TrialBalance tb = ledger.trialBalance();

        assertThat(tb.balanced()).isTrue();
        assertThat(tb.debits()).isEqualTo(tb.credits());
        Money debits = tb.accounts().stream().map(Ledger.AccountBalance::debit).reduce(Money.ZERO, Money::plus);
        Money credits = tb.accounts().stream().map(Ledger.AccountBalance::credit).reduce(Money.ZERO, Money::plus);
        assertThat(debits).isEqualTo(tb.debits());
        assertThat(credits).isEqualTo(tb.credits());
        assertThat(tb.accounts()).extracting(Ledger.AccountBalance::code)
                .contains("1002", "1122.01", "1122.02", "1122.03", "4001", "5001");
        var sql = jdbc.sql("select sum(debit) - sum(credit) from ledger.posting").query(java.math.BigDecimal.class).single();
        assertThat(sql).isEqualByComparingTo("0");

        Answer http = get("demo-finance", "/api/v1/ledger/trial-balance");
        assertThat(http.status()).isEqualTo(200);
        assertThat(http.json().path("balanced").asBoolean()).isTrue();
        assertThat(http.field("debits")).isEqualTo(http.field("credits")).matches("\\d+\\.\\d\\d");
    }

    // ---- helpers --------------------------------------------------------------------------

    private static String key() {
        return "test:" + UUID.randomUUID();
    }

    private static JournalEntry entry(String key, String amount) {
        return new JournalEntry(key, "TEST", key, "测试分录", BOOKED_ON, null,
                List.of(Line.debit(BANK, Money.of(amount)), Line.credit(BANK, Money.of(amount))));
    }

    private long insertJournal(String key) {
        return jdbc.sql("""
                insert into ledger.journal (idempotency_key, source_type, source_id, description, value_date)
                values (?, 'TEST', ?, '直接写入', current_date) returning id""")
                .params(key, key).query(Long.class).single();
    }

    private void insertPosting(long journal, String account, String debit, String credit) {
        jdbc.sql("insert into ledger.posting (journal_id, account_code, debit, credit) values (?, ?, ?::numeric, ?::numeric)")
                .params(journal, account, debit, credit).update();
    }

    /** A journal header alone: nothing but the trigger stands between it and a DELETE. */
    private long journalWithoutPostings() {
        String key = key();
        return new TransactionTemplate(transactions).execute(status -> insertJournal(key));
    }

    private String snapshot(long journal) {
        String header = jdbc.sql("select j::text from ledger.journal j where id = ?").param(journal).query(String.class).single();
        List<String> lines = jdbc.sql("select p::text from ledger.posting p where journal_id = ? order by id").param(journal)
                .query(String.class).list();
        return header + lines;
    }

    private long journalsWithKey(String key) {
        return jdbc.sql("select count(*) from ledger.journal where idempotency_key = ?").param(key).query(Long.class).single();
    }

    private long journalId(String key) {
        return jdbc.sql("select id from ledger.journal where idempotency_key = ?").param(key).query(Long.class).single();
    }

    private long postingsOf(long journal) {
        return jdbc.sql("select count(*) from ledger.posting where journal_id = ?").param(journal).query(Long.class).single();
    }
}
