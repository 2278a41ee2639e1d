package org.huzhu.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.huzhu.banking.statement.StatementFiles;
import org.huzhu.banking.statement.StatementFiles.Movement;
import org.huzhu.banking.statement.Statements;
import org.huzhu.contributions.Contributions;
import org.huzhu.ledger.ChartOfAccounts;
import org.huzhu.ledger.JournalEntry;
import org.huzhu.ledger.Ledger;
import org.huzhu.membership.Enrolments;
import org.huzhu.membership.Members;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.CreditCode;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestContextManager;

/**
 * Random sequences of money events against the real services and database — enrolments billed
 * (awaiting payment or declared paid), payments by hand, bank statement lines (exact, partial,
 * over, unknown or missing reference, the same statement again), union subsidy receipts,
 * assignments of unmatched money, reversals, benefits approved and payouts sent, settled, failed
 * and bounced, and retries of each — checking after every step that:
 * <ul>
 *   <li>the trial balance balances;</li>
 *   <li>the bank account 1002 moved by exactly the money the scenario moved through the bank;</li>
 *   <li>no statement line, hand payment reference or payout reference was booked twice;</li>
 *   <li>each bill's receivable is what was billed less what was received, in the bill and in
 *       the ledger, and its enrolments are in force exactly when it is paid.</li>
 * </ul>
 * The model below is the expectation, worked out from the rules in docs/contributions.md, not
 * from the code. Payouts are driven through the ledger with the postings money-shared.md fixes
 * (benefit approved Dr 5101 Cr 2202, sent Dr 2202 Cr 2203, settled Dr 2203 Cr 1002, failed
 * Dr 2203 Cr 2202, bounced Dr 1002 Cr 2202): the payouts module's own service replaces them
 * when it is merged.
 *
 * <p>jqwik has no Spring integration here: the test instance is wired by Spring's
 * {@link TestContextManager}, which hands out the same cached application context (and
 * database) as every other {@link ApiTest}.
 */
class MoneyEventsPropertyTest extends ApiTest {

    private static final TestContextManager SPRING = new TestContextManager(MoneyEventsPropertyTest.class);
    private static final CurrentUser ADMIN = new CurrentUser(0, "property-admin", Role.ADMIN, "/", null, null, null);
    private static final CurrentUser FINANCE = new CurrentUser(0, "property-finance", Role.FINANCE, "/", null, null, null);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    Enrolments enrolments;
    @Autowired
    Members members;
    @Autowired
    Contributions contributions;
    @Autowired
    Statements statements;
    @Autowired
    Ledger ledger;
    @Autowired
    Organisations organisations;
    @Autowired
    Clock clock;

    @BeforeProperty
    void wire() throws Exception {
        SPRING.prepareTestInstance(this);
    }

    @Property(tries = 30, shrinking = ShrinkingMode.OFF)
    void everyYuanIsAccountedForAfterEveryStep(@ForAll("scenarios") ActionChain<World> chain) {
        chain.withInvariant("books", this::check).run();
        Statistics.label("steps").collect(chain.transformations().size());
        chain.transformations().forEach(t -> Statistics.label("events").collect(t.replaceAll("[ #0-9.].*", "").strip()));
    }

    @Provide
    Arbitrary<ActionChain<World>> scenarios() {
        return ActionChain.startWith(this::newWorld)
                .withAction(3, new Enrol())
                .withAction(3, new PayByHand())
                .withAction(4, new StatementLine())
                .withAction(1, new UnionSubsidy())
                .withAction(1, new Assign())
                .withAction(1, new Reverse())
                .withAction(2, new PayoutEvent())
                .withMaxTransformations(15);
    }

    // ================================================================ the model

    /** What the scenario expects: its bills, its bank movements, its statement lines and payouts. */
    final class World {
        final LocalDate today = LocalDate.now(clock);
        final long unit;
        final Money bankAtStart = ledger.balance(ChartOfAccounts.BANK);
        Money bank = Money.ZERO;
        final List<BillModel> bills = new ArrayList<>();
        final List<LineModel> lines = new ArrayList<>();
        final List<PayoutModel> payouts = new ArrayList<>();

        World(long unit) {
            this.unit = unit;
        }
    }

    static final class BillModel {
        final long id;
        final List<Long> enrolments = new ArrayList<>();
        Money due;
        Money unionDue;
        Money applied = Money.ZERO;
        Money excess = Money.ZERO;
        Money unionApplied = Money.ZERO;
        final List<PaymentModel> payments = new ArrayList<>();

        BillModel(long id, Money due, Money unionDue) {
            this.id = id;
            this.due = due;
            this.unionDue = unionDue;
        }

        boolean paid() {
            return applied.compareTo(due) == 0;
        }

        Money outstanding() {
            return due.minus(applied);
        }

        /** Applies unit money like the bill must: receivables first, the rest is excess. Returns the part applied. */
        Money receive(Money amount) {
            Money toReceivable = amount.min(outstanding());
            applied = applied.plus(toReceivable);
            excess = excess.plus(amount.minus(toReceivable));
            return toReceivable;
        }
    }

    /** A payment by hand or declared: money booked before the bank's word, confirmed by statement lines oldest first. */
    static final class PaymentModel {
        final long id;
        final String reference;
        final Money amount;
        final LocalDate paidOn;
        final boolean hand;
        final Money applied;
        Money confirmed = Money.ZERO;
        boolean reversed;

        PaymentModel(long id, String reference, Money amount, LocalDate paidOn, boolean hand, Money applied) {
            this.id = id;
            this.reference = reference;
            this.amount = amount;
            this.paidOn = paidOn;
            this.hand = hand;
            this.applied = applied;
        }
    }

    record LineModel(byte[] file, Money amount, boolean unmatched, long lineId, boolean[] assigned) {
    }

    static final class PayoutModel {
        final String reference;
        final Money amount;
        String state = "APPROVED";
        final List<String> events = new ArrayList<>();

        PayoutModel(String reference, Money amount) {
            this.reference = reference;
            this.amount = amount;
        }
    }

    World newWorld() {
        String first17 = "91330200" + String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        long county = organisations.visibleTree(ADMIN).stream().filter(n -> n.name().equals("武昌区总工会")).findFirst().orElseThrow().id();
        long unit = organisations.createUnit(new Organisations.NewUnit("性质测试单位" + SEQUENCE.incrementAndGet(),
                first17 + CreditCode.checkCharacter(first17), "PRIVATE", 500, county, null), ADMIN).id();
        return new World(unit);
    }

    // ================================================================ the actions

    /** A worker enrolled, awaiting payment or declared paid some days ago; the bill is the enrolment's. */
    final class Enrol implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Combinators.combine(Arbitraries.of("HOSPITAL:1", "ACCIDENT:2", "HOSPITAL:2"), Arbitraries.integers().between(-1, 30))
                    .as((items, daysAgo) -> Transformer.mutate("enrol " + items + (daysAgo < 0 ? " awaiting payment" : " paid " + daysAgo + " days ago"),
                            w -> enrol(w, items, daysAgo < 0 ? null : w.today.minusDays(daysAgo))));
        }
    }

    private void enrol(World w, String items, LocalDate paidOn) {
        String id = idNumber();
        long member = members.register(new Members.NewMember("性质职工", id, null, "REGULAR", w.unit), ADMIN).id();
        String[] parts = items.split(":");
        var view = enrolments.enrol(new Enrolments.EnrolmentCommand(w.unit, member,
                List.of(new Enrolments.ItemRequest(parts[0], null, Integer.parseInt(parts[1]))), null, null, paidOn), ADMIN);
        Money due = view.funding().unit().plus(view.funding().member());
        BillModel bill = new BillModel(view.billId(), due, view.funding().union());
        bill.enrolments.add(view.id());
        if (paidOn != null && due.isPositive()) {
            var declared = contributions.bill(view.billId(), FINANCE).payments().getFirst();
            bill.payments.add(new PaymentModel(declared.id(), declared.reference(), due, paidOn, false, bill.receive(due)));
            w.bank = w.bank.plus(due);
        }
        w.bills.add(bill);
    }

    /** Finance registers money by hand: exact, part, more than due — or retries the last registration. */
    final class PayByHand implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return !w.bills.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            return Combinators.combine(Arbitraries.integers().between(0, w.bills.size() - 1), Arbitraries.of("EXACT", "PART", "OVER", "RETRY"))
                    .as((i, kind) -> Transformer.mutate("pay by hand " + kind + " on bill #" + i, world -> payByHand(world, world.bills.get(i), kind)));
        }
    }

    private void payByHand(World w, BillModel bill, String kind) {
        PaymentModel last = bill.payments.stream().filter(p -> p.hand).reduce((a, b) -> b).orElse(null);
        if (kind.equals("RETRY") && last != null) {
            var again = contributions.registerPayment(bill.id, new Contributions.PaymentCommand(last.amount, last.paidOn, last.reference), FINANCE);
            assertThat(again.duplicate()).isTrue();
            return;
        }
        Money amount = switch (kind) {
            case "PART" -> bill.outstanding().isPositive() ? half(bill.outstanding()) : Money.of("3.00");
            case "OVER" -> bill.outstanding().plus(Money.of("10.00"));
            default -> bill.outstanding().isPositive() ? bill.outstanding() : Money.of("1.00");
        };
        String reference = "H" + SEQUENCE.incrementAndGet();
        LocalDate paidOn = w.today.minusDays(1);
        var result = contributions.registerPayment(bill.id, new Contributions.PaymentCommand(amount, paidOn, reference), FINANCE);
        assertThat(result.duplicate()).isFalse();
        bill.payments.add(new PaymentModel(result.payment().id(), reference, amount, paidOn, true, bill.receive(amount)));
        w.bank = w.bank.plus(amount);
    }

    /** A bank statement with one credit line: for a bill (exact, part, over), naming no or an unknown bill, or a statement again. */
    final class StatementLine implements Action.Dependent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            Arbitrary<String> kinds = w.bills.isEmpty() ? Arbitraries.of("UNKNOWN", "NONE", "AGAIN")
                    : Arbitraries.of("EXACT", "PART", "OVER", "UNKNOWN", "NONE", "AGAIN");
            return Combinators.combine(Arbitraries.integers().between(0, Math.max(0, w.bills.size() - 1)), kinds)
                    .as((i, kind) -> Transformer.mutate("statement line " + kind + (w.bills.isEmpty() ? "" : " for bill #" + i),
                            world -> statementLine(world, world.bills.isEmpty() ? null : world.bills.get(i), kind)));
        }
    }

    private void statementLine(World w, BillModel bill, String kind) {
        if (kind.equals("AGAIN")) {
            if (w.lines.isEmpty()) return;
            var summary = statements.importFile("again.csv", w.lines.getLast().file(), FINANCE);
            assertThat(summary.newLines()).isZero();
            assertThat(summary.duplicates()).isEqualTo(1);
            return;
        }
        Money amount = switch (kind) {
            case "EXACT" -> bill.outstanding().isPositive() ? bill.outstanding() : Money.of("2.00");
            case "PART" -> bill.outstanding().isPositive() ? half(bill.outstanding()) : Money.of("4.00");
            case "OVER" -> bill.outstanding().plus(Money.of("7.50"));
            default -> Money.of("55.00");
        };
        String remittance = switch (kind) {
            case "UNKNOWN" -> "HZB-99" + SEQUENCE.incrementAndGet() + "000000";
            case "NONE" -> "互助金";
            default -> "互助金 HZB-" + bill.id;
        };
        byte[] file = StatementFiles.csv(List.of(Movement.credit(w.today.minusDays(1), amount.toString(), remittance,
                "S" + UUID.randomUUID())));
        var summary = statements.importFile("line.csv", file, FINANCE);
        assertThat(summary.newLines()).isEqualTo(1);
        long lineId = summary.results().getFirst().lineId();
        boolean unmatched = kind.equals("UNKNOWN") || kind.equals("NONE");
        w.lines.add(new LineModel(file, amount, unmatched, lineId, new boolean[1]));
        if (unmatched) {
            assertThat(summary.results().getFirst().status()).isEqualTo("UNMATCHED");
            w.bank = w.bank.plus(amount);
            return;
        }
        Money left = amount;
        for (PaymentModel p : bill.payments) {                  // confirms what was booked without the bank's word, oldest first
            if (p.reversed || !left.isPositive()) continue;
            Money take = left.min(p.amount.minus(p.confirmed));
            p.confirmed = p.confirmed.plus(take);
            left = left.minus(take);
        }
        if (left.isPositive()) {
            bill.receive(left);
            w.bank = w.bank.plus(left);
        }
    }

    /** The union pays its subsidy for a bill (or more than it owes), or retries the same receipt. */
    final class UnionSubsidy implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return !w.bills.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            return Arbitraries.integers().between(0, w.bills.size() - 1)
                    .map(i -> Transformer.mutate("union subsidy for bill #" + i, world -> unionSubsidy(world, world.bills.get(i))));
        }
    }

    private void unionSubsidy(World w, BillModel bill) {
        Money amount = bill.unionDue.minus(bill.unionApplied).plus(Money.of("1.00"));
        String reference = "U" + SEQUENCE.incrementAndGet();
        var receipt = new Contributions.UnionSubsidyReceipt(bill.id, amount, w.today, reference);
        assertThat(contributions.registerUnionSubsidy(receipt, FINANCE).duplicate()).isFalse();
        assertThat(contributions.registerUnionSubsidy(receipt, FINANCE).duplicate()).as("a retry").isTrue();
        bill.unionApplied = bill.unionDue;
        w.bank = w.bank.plus(amount);
    }

    /** Finance assigns an unmatched line to a bill, then retries it. */
    final class Assign implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return !w.bills.isEmpty() && w.lines.stream().anyMatch(l -> l.unmatched() && !l.assigned()[0]);
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            List<LineModel> open = w.lines.stream().filter(l -> l.unmatched() && !l.assigned()[0]).toList();
            return Combinators.combine(Arbitraries.of(open), Arbitraries.integers().between(0, w.bills.size() - 1))
                    .as((line, i) -> Transformer.mutate("assign line " + line.lineId() + " to bill #" + i,
                            world -> assign(world.bills.get(i), line)));
        }
    }

    private void assign(BillModel bill, LineModel line) {
        var command = new Contributions.AssignmentCommand(bill.id, null);
        assertThat(contributions.assign(line.lineId(), command, FINANCE).duplicate()).isFalse();
        assertThat(contributions.assign(line.lineId(), command, FINANCE).duplicate()).isTrue();
        line.assigned()[0] = true;
        bill.receive(line.amount());
    }

    /** Finance reverses a payment registered by hand: allowed only while unconfirmed and if the bill stays paid. */
    final class Reverse implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return w.bills.stream().anyMatch(b -> b.payments.stream().anyMatch(p -> p.hand && !p.reversed));
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            List<long[]> candidates = new ArrayList<>();
            for (int b = 0; b < w.bills.size(); b++) {
                for (int p = 0; p < w.bills.get(b).payments.size(); p++) {
                    PaymentModel pm = w.bills.get(b).payments.get(p);
                    if (pm.hand && !pm.reversed) candidates.add(new long[]{b, p});
                }
            }
            return Arbitraries.of(candidates).map(c -> Transformer.mutate("reverse payment " + c[1] + " of bill #" + c[0],
                    world -> reverse(world, world.bills.get((int) c[0]), world.bills.get((int) c[0]).payments.get((int) c[1]))));
        }
    }

    private void reverse(World w, BillModel bill, PaymentModel p) {
        var command = new Contributions.ReversalCommand("性质测试冲销");
        Money excessPart = p.amount.minus(p.applied);
        boolean wouldUnpay = bill.paid() && bill.excess.minus(excessPart).compareTo(p.applied) < 0;
        boolean allowed = !p.confirmed.isPositive() && !wouldUnpay;
        if (!allowed) {
            assertThatThrownBy(() -> contributions.reversePayment(bill.id, p.id, command, FINANCE)).isInstanceOf(ConflictException.class);
            return;
        }
        contributions.reversePayment(bill.id, p.id, command, FINANCE);
        contributions.reversePayment(bill.id, p.id, command, FINANCE);   // a retry changes nothing
        p.reversed = true;
        bill.applied = bill.applied.minus(p.applied);
        bill.excess = bill.excess.minus(excessPart);
        Money fromExcess = bill.excess.min(bill.outstanding());   // excess held for the bill pays what is owed again
        bill.applied = bill.applied.plus(fromExcess);
        bill.excess = bill.excess.minus(fromExcess);
        w.bank = w.bank.minus(p.amount);
    }

    /** A benefit approved and its payout sent, settled, failed or bounced — each possibly retried. */
    final class PayoutEvent implements Action.Dependent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            Arbitrary<Transformer<World>> approve = Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("5000")).ofScale(2)
                    .map(a -> Transformer.mutate("benefit approved " + a, world -> {
                        PayoutModel p = new PayoutModel("HZ-" + (900_000_000 + SEQUENCE.incrementAndGet()) + "-1", new Money(a));
                        payout(p, "approved", ChartOfAccounts.BENEFIT_EXPENSE, ChartOfAccounts.CLAIMS_PAYABLE);
                        world.payouts.add(p);
                    }));
            if (w.payouts.isEmpty()) return approve;
            Arbitrary<Transformer<World>> next = Combinators.combine(Arbitraries.of(w.payouts), Arbitraries.of("NEXT", "FAIL", "RETRY"))
                    .as((p, kind) -> Transformer.mutate("payout " + p.reference + " " + p.state + " " + kind, world -> advance(world, p, kind)));
            return Arbitraries.oneOf(approve, next);
        }
    }

    private void advance(World w, PayoutModel p, String kind) {
        if (kind.equals("RETRY")) {                              // the same bank message applied twice books once
            if (p.events.isEmpty()) return;
            String last = p.events.getLast();
            payout(p, last, accounts(last)[0], accounts(last)[1]);
            p.events.removeLast();
            return;
        }
        switch (p.state) {
            case "APPROVED" -> {
                payout(p, "sent", ChartOfAccounts.CLAIMS_PAYABLE, ChartOfAccounts.PAYOUTS_IN_TRANSIT);
                p.state = "SENT";
            }
            case "SENT" -> {
                if (kind.equals("FAIL")) {
                    payout(p, "failed", ChartOfAccounts.PAYOUTS_IN_TRANSIT, ChartOfAccounts.CLAIMS_PAYABLE);
                    p.state = "FAILED";
                } else {
                    payout(p, "settled", ChartOfAccounts.PAYOUTS_IN_TRANSIT, ChartOfAccounts.BANK);
                    p.state = "SETTLED";
                    w.bank = w.bank.minus(p.amount);
                    var summary = statements.importFile("payout.csv", StatementFiles.csv(List.of(
                            Movement.debit(w.today, p.amount.toString(), p.reference, "P" + UUID.randomUUID()))), FINANCE);
                    assertThat(summary.results().getFirst().status()).as("debits are the payouts' business").isEqualTo("DEBIT");
                }
            }
            case "SETTLED" -> {
                payout(p, "bounced", ChartOfAccounts.BANK, ChartOfAccounts.CLAIMS_PAYABLE);
                p.state = "BOUNCED";
                w.bank = w.bank.plus(p.amount);
            }
            default -> {
                // failed or bounced: waits for a corrected account, re-issued under a new reference
            }
        }
    }

    private static String[] accounts(String event) {
        return switch (event) {
            case "approved" -> new String[]{ChartOfAccounts.BENEFIT_EXPENSE, ChartOfAccounts.CLAIMS_PAYABLE};
            case "sent" -> new String[]{ChartOfAccounts.CLAIMS_PAYABLE, ChartOfAccounts.PAYOUTS_IN_TRANSIT};
            case "settled" -> new String[]{ChartOfAccounts.PAYOUTS_IN_TRANSIT, ChartOfAccounts.BANK};
            case "failed" -> new String[]{ChartOfAccounts.PAYOUTS_IN_TRANSIT, ChartOfAccounts.CLAIMS_PAYABLE};
            default -> new String[]{ChartOfAccounts.BANK, ChartOfAccounts.CLAIMS_PAYABLE};
        };
    }

    private void payout(PayoutModel p, String event, String debit, String credit) {
        ledger.post(new JournalEntry("property-payout:" + p.reference + ":" + event, "PAYOUT", p.reference,
                "性质测试：互助金给付 " + event, LocalDate.now(clock), null,
                List.of(JournalEntry.Line.debit(debit, p.amount), JournalEntry.Line.credit(credit, p.amount))));
        p.events.add(event);
    }

    // ================================================================ the invariants

    void check(World w) {
        assertThat(ledger.trialBalance().balanced()).as("trial balance").isTrue();
        assertThat(ledger.balance(ChartOfAccounts.BANK).minus(w.bankAtStart)).as("1002 moved by the scenario's bank movements")
                .isEqualTo(w.bank);
        assertThat(jdbc.sql("""
                select count(*) from (select j.source_id from ledger.journal j join ledger.posting p on p.journal_id = j.id
                 where j.source_type = 'BANK_STATEMENT_LINE' and p.account_code = '1002' and p.debit > 0
                 group by j.source_id having count(*) > 1) twice""").query(Long.class).single())
                .as("statement lines booked on the bank account twice").isZero();
        for (PayoutModel p : w.payouts) {
            BigDecimal out = jdbc.sql("""
                    select coalesce(sum(p.credit - p.debit), 0) from ledger.posting p join ledger.journal j on j.id = p.journal_id
                     where j.source_type = 'PAYOUT' and j.source_id = ? and p.account_code = '1002'""")
                    .param(p.reference).query(BigDecimal.class).single();
            Money expected = p.state.equals("SETTLED") ? p.amount : Money.ZERO;
            assertThat(out).as("paid out for %s (%s)", p.reference, p.state).isEqualByComparingTo(expected.amount());
        }
        for (BillModel b : w.bills) {
            var view = contributions.bill(b.id, FINANCE);
            assertThat(view.amountDue()).as("billed on %s", view.reference()).isEqualTo(b.due);
            assertThat(view.received()).as("received on %s", view.reference()).isEqualTo(b.applied);
            assertThat(view.outstanding()).as("outstanding on %s", view.reference()).isEqualTo(b.due.minus(b.applied));
            assertThat(view.excess()).as("excess on %s", view.reference()).isEqualTo(b.excess);
            assertThat(view.unionSubsidyReceived()).as("union subsidy on %s", view.reference()).isEqualTo(b.unionApplied);
            assertThat(view.payments().stream().filter(p -> p.source().equals("HAND")).map(p -> p.reference()).distinct().count())
                    .as("hand references booked once on %s", view.reference())
                    .isEqualTo(view.payments().stream().filter(p -> p.source().equals("HAND")).count());
            BigDecimal billed = jdbc.sql("""
                    select coalesce(sum(p.debit - p.credit), 0) from ledger.posting p join ledger.journal j on j.id = p.journal_id
                     where j.idempotency_key = any(?) and p.account_code in ('1122.01', '1122.03')""")
                    .param(b.enrolments.stream().map(e -> "enrolment:" + e + ":billed").toArray(String[]::new))
                    .query(BigDecimal.class).single();
            BigDecimal received = jdbc.sql("""
                    select coalesce(sum(p.credit - p.debit), 0) from ledger.posting p
                     where p.account_code in ('1122.01', '1122.03') and p.journal_id in (
                        select journal_id from contributions.payment where bill_id = ? and part = 'UNIT'
                        union all select reversal_journal_id from contributions.payment where bill_id = ? and reversal_journal_id is not null
                        union all select id from ledger.journal where source_type = 'BILL' and source_id = ?
                                                                  and idempotency_key like 'payment:%:reversal:excess-applied')""")
                    .params(b.id, b.id, "HZB-" + b.id).query(BigDecimal.class).single();
            assertThat(billed.subtract(received)).as("receivable of %s in the ledger = billed − received", view.reference())
                    .isEqualByComparingTo(b.outstanding().amount());
            List<Map<String, Object>> statuses = jdbc.sql("select status from membership.enrolment where bill_id = ?").param(b.id)
                    .query().listOfRows();
            assertThat(statuses).as("enrolments of %s", view.reference())
                    .allSatisfy(r -> assertThat(r.get("status")).isEqualTo(b.paid() ? "IN_FORCE" : "AWAITING_PAYMENT"));
        }
    }

    private static Money half(Money amount) {
        Money half = Money.rounded(amount.amount().divide(BigDecimal.valueOf(2)));
        return half.isPositive() && half.compareTo(amount) < 0 ? half : Money.of("0.01").min(amount);
    }

    /** A fresh valid ID number of area 3302xx (used by no other test). */
    private static String idNumber() {
        int n = SEQUENCE.incrementAndGet();
        String first17 = "3302" + String.format("%02d", n / 500 % 100) + "1988" + String.format("%02d", 1 + n % 12) + "15"
                + String.format("%03d", (n % 500) * 2 + 1);
        return first17 + IdNumber.checkCharacter(first17);
    }
}
