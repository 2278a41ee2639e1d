package org.huzhu.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;
import org.huzhu.banking.Bank;
import org.huzhu.banking.BankMessage;
import org.huzhu.banking.BankReport;
import org.huzhu.banking.CreditTransfer;
import org.huzhu.banking.PaymentFile;
import org.huzhu.banking.simulator.SimulatedBank;
import org.huzhu.banking.statement.StatementFiles.Movement;
import org.huzhu.banking.statement.StatementFiles;
import org.huzhu.banking.statement.Statements;
import org.huzhu.benefits.BenefitRequest;
import org.huzhu.claims.ClaimStatus;
import org.huzhu.claims.Claims;
import org.huzhu.contributions.Contributions;
import org.huzhu.ledger.ChartOfAccounts;
import org.huzhu.ledger.Ledger;
import org.huzhu.membership.Enrolments;
import org.huzhu.membership.Members;
import org.huzhu.organisation.Organisations;
import org.huzhu.payouts.PayoutStatus;
import org.huzhu.payouts.PayoutView;
import org.huzhu.payouts.Payouts;
import org.huzhu.shared.CreditCode;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.support.ApiTest;
import org.huzhu.support.ReceiptNumbers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestContextManager;

/**
 * Random sequences of money events against the real services, the real database and the simulated
 * bank on loopback, checking after every step that every yuan is accounted for.
 * <p>Money in: enrolments billed (awaiting payment or declared paid), payments by hand (exact, part,
 * over — and the same registration again), bank statements in CSV or camt.053 (exact, partial, over,
 * unknown or missing reference — and the same statement again), union subsidy receipts, assignments
 * of unmatched money, reversals (each tried twice).
 * <p>Money out, through the real path: claims approved by the claims service hand their payouts to
 * {@code Payouts}; one finance officer prepares batches, another releases them; each batch's pain.001
 * goes through the ISO 20022 adapter to the simulated bank, which pays, rejects (card ending 0004:
 * AC04; a name with 错: BE01) or pays and later returns (card ending 0013, once its clock moves on);
 * its pain.002 and camt.054 are fetched and applied. Retries and duplicates: a batch sent twice by
 * racing senders, a batch the bank has sent again (same MsgId) and its transfers in another file (same
 * EndToEndIds), a bank message delivered twice under its id or as a copy under a new id; a failed or
 * returned payout re-issued after the worker's card is corrected (refused before, and refused twice).
 * <p>After every step:
 * <ul>
 *   <li>the trial balance balances;</li>
 *   <li>the bank account 1002 moved by exactly the settled movements: the money received that the
 *       scenario's rules say was booked, less what the bank's own record says it paid out (debits less
 *       returns: the simulated bank's balance); our payout rows say the same per EndToEndId as the bank;</li>
 *   <li>no EndToEndId was debited twice at the bank, and no claim was paid under two references;</li>
 *   <li>2203 payouts in transit holds exactly the payouts SENT and unanswered;</li>
 *   <li>each payout and its claim are where the bank's word puts them;</li>
 *   <li>no statement line or hand payment reference was booked twice; each bill's receivable is what
 *       was billed less what was received, in the bill and in the ledger, and its enrolments are in
 *       force exactly when it is paid.</li>
 * </ul>
 * The model below is the expectation, worked out from the rules in docs/contributions.md and
 * docs/payouts.md, not from the code. A failing sequence is shrunk to a shorter one that still fails
 * (every check is relative to the scenario's own start, so a shrunk run is judged on its own).
 *
 * <p>jqwik has no Spring integration here: the test instance is wired by Spring's
 * {@link TestContextManager}, which hands out the same cached application context (and
 * database) as every other {@link ApiTest}.
 */
class MoneyEventsPropertyTest extends ApiTest {

    private static final TestContextManager SPRING = new TestContextManager(MoneyEventsPropertyTest.class);
    private static final CurrentUser ADMIN = new CurrentUser(0, "property-admin", Role.ADMIN, "/", null, null, null);
    private static final CurrentUser FINANCE = new CurrentUser(0, "property-finance", Role.FINANCE, "/", null, null, null);
    private static final CurrentUser MAKER = new CurrentUser(0, "property-maker", Role.FINANCE, "/", null, null, null);
    private static final CurrentUser CHECKER = new CurrentUser(0, "property-checker", Role.FINANCE, "/", null, null, null);

    /** The worker themself, who changes their own payout account at once. */
    private static CurrentUser worker(long member) {
        return new CurrentUser(0, "property-worker-" + member, Role.MEMBER, "/", null, null, member);
    }
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    org.huzhu.shared.crypto.PersonalDataCipher personalData;
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
    @Autowired
    Claims claims;
    @Autowired
    Payouts payouts;
    @Autowired
    Bank bank;
    @Autowired
    SimulatedBank simulatedBank;

    @BeforeProperty
    void wire() throws Exception {
        SPRING.prepareTestInstance(this);
    }

    @Property(tries = 30, shrinking = ShrinkingMode.BOUNDED)
    void everyYuanIsAccountedForAfterEveryStep(@ForAll("scenarios") ActionChain<World> chain) {
        chain.withInvariant("books", this::check).run();
        Statistics.label("steps").collect(chain.transformations().size());
        chain.transformations().forEach(t -> Statistics.label("events").collect(t.replaceAll("( #| [0-9]|,).*", "").strip()));
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
                .withAction(3, new ApproveClaim())
                .withAction(3, new PrepareBatches())
                .withAction(4, new ReleaseBatch())
                .withAction(2, new ResendBatch())
                .withAction(2, new DeliverAgain())
                .withAction(1, new BankClockMovesOn())
                .withAction(3, new Reissue())
                .withMaxTransformations(30);
    }

    // ================================================================ the model

    /** What the scenario expects: its bills, its bank movements, its statement lines and payouts. */
    final class World {
        final LocalDate today = LocalDate.now(clock);
        final long unit;
        final Money bankAtStart = ledger.balance(ChartOfAccounts.BANK);
        final Money inTransitAtStart = ledger.balance(ChartOfAccounts.PAYOUTS_IN_TRANSIT);
        final Money sentAtStart = sentPayouts();
        final Money bankBalanceAtStart = simulatedBank.balance();
        final long firstBankMessage = jdbc.sql("select coalesce(max(id), 0) from banking.bank_message").query(Long.class).single();
        /** Money received that the rules say is booked on 1002 (payouts are judged by the bank's own record). */
        Money bank = Money.ZERO;
        final List<BillModel> bills = new ArrayList<>();
        final List<LineModel> lines = new ArrayList<>();
        final List<ClaimModel> claims = new ArrayList<>();

        World(long unit) {
            this.unit = unit;
        }

        Stream<PayoutModel> payouts() {
            return claims.stream().flatMap(c -> c.payouts.stream());
        }

        ClaimModel claimOf(PayoutModel p) {
            return claims.stream().filter(c -> c.payouts.contains(p)).findFirst().orElseThrow();
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

    record LineModel(String fileName, byte[] file, Money amount, boolean unmatched, long lineId, boolean[] assigned) {
    }

    /** An approved claim: its worker, the approved amount, and its payouts, the last one live. */
    static final class ClaimModel {
        final long id;
        final long member;
        final String name;
        final Money amount;
        final List<PayoutModel> payouts = new ArrayList<>();

        ClaimModel(long id, long member, String name, Money amount) {
            this.id = id;
            this.member = member;
            this.name = name;
            this.amount = amount;
        }

        /** Failed or returned, waiting for a corrected account. */
        boolean payable() {
            PayoutStatus s = payouts.getLast().state;
            return s == PayoutStatus.FAILED || s == PayoutStatus.BOUNCED;
        }

        ClaimStatus status() {
            return switch (payouts.getLast().state) {
                case SETTLED -> ClaimStatus.PAID;
                case FAILED, BOUNCED -> ClaimStatus.PAYMENT_FAILED;
                default -> ClaimStatus.PAYMENT_PENDING;
            };
        }
    }

    /** One payout of a claim: reference (EndToEndId), the card it was issued to, where it stands, its batch. */
    static final class PayoutModel {
        final String reference;
        final String account;
        PayoutStatus state = PayoutStatus.REQUESTED;
        Long batch;

        PayoutModel(String reference, String account) {
            this.reference = reference;
            this.account = account;
        }
    }

    World newWorld() {
        String first17 = "91330200" + String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        long county = organisations.visibleTree(ADMIN).stream().filter(n -> n.name().equals("武昌区总工会")).findFirst().orElseThrow().id();
        long unit = organisations.createUnit(new Organisations.NewUnit("性质测试单位" + SEQUENCE.incrementAndGet(),
                first17 + CreditCode.checkCharacter(first17), "PRIVATE", 500, county, null), ADMIN).id();
        // the bank at rest before the scenario: what earlier scenarios and tests left with it is answered, returned and applied
        simulatedBank.advanceClock(Duration.ofDays(2));
        quiesce();
        return new World(unit);
    }

    // ================================================================ the actions

    /**
     * A worker enrolled, awaiting payment or declared paid some days ago (at most 7: a declaration further back waits for
     * finance's confirmation before any money moves, PaymentTruthApiTest); the bill is the enrolment's.
     */
    final class Enrol implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Combinators.combine(Arbitraries.of("HOSPITAL:1", "ACCIDENT:2", "HOSPITAL:2"), Arbitraries.integers().between(-1, 7))
                    .as((items, daysAgo) -> Transformer.mutate("enrol " + items + (daysAgo < 0 ? " awaiting payment" : " paid " + daysAgo + " days ago"),
                            w -> enrol(w, "性质职工", items, daysAgo < 0 ? null : w.today.minusDays(daysAgo))));
        }
    }

    /** Registers a worker of the scenario's unit and enrols them; returns the member. */
    private long enrol(World w, String name, String items, LocalDate paidOn) {
        String id = idNumber();
        long member = members.register(new Members.NewMember(name, id, null, "REGULAR", w.unit), ADMIN).id();
        String[] parts = items.split(":");
        var view = enrolments.enrol(new Enrolments.EnrolmentCommand(w.unit, member,
                List.of(new Enrolments.ItemRequest(parts[0], null, Integer.parseInt(parts[1]))), null, null, paidOn), ADMIN);
        // declared more than 7 days back (a claim's worker): waits for finance, confirmed by demo-finance before money moves
        if (paidOn != null && "AWAITING_PAYMENT".equals(view.status())) confirmDeclaration(view.billId());
        Money due = view.funding().unit().plus(view.funding().member());
        BillModel bill = new BillModel(view.billId(), due, view.funding().union());
        bill.enrolments.add(view.id());
        if (paidOn != null && due.isPositive()) {
            var declared = contributions.bill(view.billId(), FINANCE).payments().getFirst();
            bill.payments.add(new PaymentModel(declared.id(), declared.reference(), due, paidOn, false, bill.receive(due)));
            w.bank = w.bank.plus(due);
        }
        w.bills.add(bill);
        return member;
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
            return Combinators.combine(Arbitraries.integers().between(0, Math.max(0, w.bills.size() - 1)), kinds, Arbitraries.of(false, true))
                    .as((i, kind, camt) -> Transformer.mutate((camt ? "camt.053" : "CSV") + " statement line " + kind
                                    + (w.bills.isEmpty() ? "" : " for bill #" + i),
                            world -> statementLine(world, world.bills.isEmpty() ? null : world.bills.get(i), kind, camt)));
        }
    }

    private void statementLine(World w, BillModel bill, String kind, boolean camt) {
        if (kind.equals("AGAIN")) {
            if (w.lines.isEmpty()) return;
            LineModel last = w.lines.getLast();
            var summary = statements.importFile(last.fileName(), last.file(), FINANCE);
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
        List<Movement> movements = List.of(Movement.credit(w.today.minusDays(1), amount.toString(), remittance, "S" + UUID.randomUUID()));
        byte[] file = camt ? StatementFiles.camt053("STMT-PROP-" + SEQUENCE.incrementAndGet(), movements) : StatementFiles.csv(movements);
        String fileName = camt ? "line.xml" : "line.csv";
        var summary = statements.importFile(fileName, file, FINANCE);
        assertThat(summary.newLines()).isEqualTo(1);
        long lineId = summary.results().getFirst().lineId();
        boolean unmatched = kind.equals("UNKNOWN") || kind.equals("NONE");
        w.lines.add(new LineModel(fileName, file, amount, unmatched, lineId, new boolean[1]));
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

    /**
     * A claim approved through the real claims service (a worker of the scenario's unit, enrolled and
     * declared paid 200 days ago, hospitalised a month ago, materials complete, small electronic receipt):
     * its payout is handed to {@code Payouts} as REQUESTED. The worker's card decides what the simulated
     * bank will say: PAID, CLOSED (ends 0004: RJCT AC04), WRONG_NAME (a name with 错: RJCT BE01) or
     * RETURNED (ends 0013: paid, then returned once the bank's clock is past the bounce delay).
     */
    final class ApproveClaim implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Combinators.combine(Arbitraries.of(Card.PAID, Card.PAID, Card.CLOSED, Card.WRONG_NAME, Card.RETURNED),
                            Arbitraries.of("1000.00", "1500.00", "2600.00"))
                    .as((card, selfPaid) -> Transformer.mutate("claim approved, card " + card + ", self-paid " + selfPaid,
                            w -> approveClaim(w, card, selfPaid)));
        }
    }

    enum Card { PAID, CLOSED, WRONG_NAME, RETURNED }

    private void approveClaim(World w, Card card, String selfPaid) {
        String name = card == Card.WRONG_NAME ? "性质错名" : "性质职工";
        long member = enrol(w, name, "HOSPITAL:1", w.today.minusDays(200));
        String account = card(card);
        members.changeBankAccount(member, new Members.BankAccountChange("中国工商银行", account), worker(member));
        Money self = Money.of(selfPaid);
        var filed = claims.file(new Claims.NewClaim(member, BenefitRequest.IncidentKind.ILLNESS, w.today.minusDays(30), List.of("K35.800"),
                null, null, new BenefitRequest.HospitalStay(w.today.minusDays(30), w.today.minusDays(20)),
                new BenefitRequest.Expenses(self.plus(Money.of("1000.00")), Money.of("1000.00"), self, Money.ZERO),
                List.of(new Claims.ReceiptLine("42060127", ReceiptNumbers.next(), true,
                        self.plus(Money.of("1000.00")))), null), ADMIN);
        for (String kind : List.of("ID_CARD", "BANK_CARD", "RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY")) {
            claims.attach(filed.id(), kind, kind + ".pdf", PDF, ADMIN);
        }
        var submitted = claims.submit(filed.id(), ADMIN);
        assertThat(submitted.status()).as("claim %d approved automatically", filed.id()).isEqualTo(ClaimStatus.PAYMENT_PENDING);
        assertThat(submitted.approvedTotal().isPositive()).isTrue();
        ClaimModel claim = new ClaimModel(filed.id(), member, name, submitted.approvedTotal());
        claim.payouts.add(new PayoutModel("HZ-" + filed.id() + "-1", account));
        w.claims.add(claim);
    }

    /** A Luhn-valid card the simulated bank treats as {@code card} says (cards 62… must pass Luhn; 9558… need not). */
    private static String card(Card card) {
        return switch (card) {
            case CLOSED -> "95588" + String.format("%07d", SEQUENCE.incrementAndGet() % 10_000_000) + "0004";
            case RETURNED -> "95588" + String.format("%07d", SEQUENCE.incrementAndGet() % 10_000_000) + "0013";
            default -> newCardNumber();
        };
    }

    /** A finance officer gathers every requested payout into batches per city. */
    final class PrepareBatches implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return w.payouts().anyMatch(p -> p.state == PayoutStatus.REQUESTED);
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            return Arbitraries.just(Transformer.mutate("prepare batches", this::prepare));
        }

        private void prepare(World w) {
            payouts.prepareBatches(MAKER);
            w.payouts().filter(p -> p.state == PayoutStatus.REQUESTED).forEach(p -> {
                PayoutView view = payouts.payout(p.reference, MAKER);
                assertThat(view.status()).as("%s batched", p.reference).isEqualTo(PayoutStatus.BATCHED);
                p.state = PayoutStatus.BATCHED;
                p.batch = view.batchId();
            });
        }
    }

    /**
     * A second finance officer releases a prepared batch (the preparer may not: 409), the file goes to
     * the simulated bank through the ISO 20022 adapter, and the bank's answers are applied. A sender
     * racing the automatic one, and the poller, may send the same batch again: the bank takes it once.
     */
    final class ReleaseBatch implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return w.payouts().anyMatch(p -> p.state == PayoutStatus.BATCHED);
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            List<Long> batches = w.payouts().filter(p -> p.state == PayoutStatus.BATCHED).map(p -> p.batch).distinct().toList();
            return Combinators.combine(Arbitraries.of(batches), Arbitraries.of(false, true))
                    .as((batch, twice) -> Transformer.mutate("release batch " + batch + (twice ? ", sent twice" : ""),
                            world -> release(world, batch, twice)));
        }
    }

    private void release(World w, long batch, boolean twice) {
        assertThatThrownBy(() -> payouts.release(batch, MAKER)).as("maker-checker").isInstanceOf(ConflictException.class)
                .hasMessageContaining("双人复核");
        payouts.release(batch, CHECKER);
        payouts.send(batch);
        if (twice) {
            String[] file = batchFile(batch);
            assertThat(bank.send(file[0], file[1]).accepted()).isTrue();
            payouts.send(batch);
        }
        quiesce();
        w.payouts().filter(p -> p.state == PayoutStatus.BATCHED && p.batch == batch).forEach(p -> {
            ClaimModel c = w.claimOf(p);
            p.state = c.name.contains("错") || p.account.endsWith("0004") ? PayoutStatus.FAILED : PayoutStatus.SETTLED;
        });
    }

    /** The pain.001 kept with a batch (its MsgId and XML), once the sender that got there first has kept it. */
    private String[] batchFile(long batch) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            String[] file = jdbc.sql("select message_id, file_cipher from payouts.batch where id = ?").param(batch)
                    .query((rs, n) -> new String[] {rs.getString(1), personalData.decrypt(rs.getBytes(2))}).single();
            if (file[1] != null) return file;
            assertThat(System.nanoTime()).as("batch %d's file kept", batch).isLessThan(until);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * A batch the bank has is sent again — the same file (same MsgId: a duplicate), through the service
     * (refused: the batch is SENT), and its transfers in a new file (same EndToEndIds): nothing is paid twice.
     */
    final class ResendBatch implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return w.payouts().anyMatch(p -> p.batch != null && p.state != PayoutStatus.BATCHED);
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            List<Long> batches = w.payouts().filter(p -> p.batch != null && p.state != PayoutStatus.BATCHED).map(p -> p.batch)
                    .distinct().toList();
            return Arbitraries.of(batches).map(batch -> Transformer.mutate("send batch " + batch + " again", world -> resend(world, batch)));
        }
    }

    private void resend(World w, long batch) {
        String[] file = batchFile(batch);
        var again = bank.send(file[0], file[1]);
        assertThat(again.accepted()).isTrue();
        assertThat(again.duplicate()).as("the bank knows MsgId %s", file[0]).isTrue();
        assertThat(payouts.send(batch)).as("a batch the bank took is not sent again").isFalse();
        List<CreditTransfer> transfers = w.payouts().filter(p -> Objects.equals(p.batch, batch))
                .map(p -> new CreditTransfer(p.reference, w.claimOf(p).name, "中国工商银行", p.account, w.claimOf(p).amount, "重发 " + p.reference))
                .toList();
        String messageId = "HZPB-PROP-" + SEQUENCE.incrementAndGet();
        var other = bank.send(messageId, bank.render(new PaymentFile(messageId, Instant.now(clock), w.today, transfers)));
        assertThat(other.accepted()).isTrue();
        assertThat(other.duplicate()).isFalse();
        quiesce();
    }

    /**
     * The bank delivers one of its messages again: under the same message id (stored once), or the
     * same statuses under a new message id (applied, moving nothing: each payout moves once).
     */
    final class DeliverAgain implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return w.payouts().anyMatch(p -> p.batch != null && p.state != PayoutStatus.BATCHED);
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            return Combinators.combine(Arbitraries.integers().between(0, 50), Arbitraries.of(false, true))
                    .as((i, asNew) -> Transformer.mutate("bank message #" + i + " delivered again" + (asNew ? " under a new id" : ""),
                            world -> deliverAgain(world, i, asNew)));
        }
    }

    private void deliverAgain(World w, int i, boolean asNew) {
        List<String> ours = jdbc.sql("select message_id from banking.bank_message where id > ? and kind = any(?) order by id")
                .params(w.firstBankMessage, new String[] {BankMessage.STATUS_REPORT, BankMessage.NOTIFICATION}).query(String.class).list();
        if (ours.isEmpty()) return;
        simulatedBank.redeliver(ours.get(i % ours.size()), asNew);
        quiesce();
    }

    /** The bank's clock moves on two days: returns (退票) of cards ending 0013 fall due and bounce their payouts. */
    final class BankClockMovesOn implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Arbitraries.just(Transformer.mutate("bank clock +2 days", w -> {
                simulatedBank.advanceClock(Duration.ofDays(2));
                quiesce();
                w.payouts().filter(p -> p.state == PayoutStatus.SETTLED && p.account.endsWith("0013")).forEach(p -> p.state = PayoutStatus.BOUNCED);
            }));
        }
    }

    /**
     * Finance re-issues a failed or bounced payout: refused (409) while the worker's account is
     * unchanged; after the account is corrected, a new payout HZ-claim-(n+1) of the same amount.
     */
    final class Reissue implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return w.claims.stream().anyMatch(ClaimModel::payable);
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            List<ClaimModel> payable = w.claims.stream().filter(ClaimModel::payable).toList();
            return Combinators.combine(Arbitraries.of(payable), Arbitraries.of(Card.PAID, Card.PAID, Card.CLOSED, Card.RETURNED))
                    .as((c, card) -> Transformer.mutate("re-issue claim " + c.id + " to a corrected card " + card, world -> reissue(c, card)));
        }
    }

    private void reissue(ClaimModel c, Card card) {
        PayoutModel last = c.payouts.getLast();
        assertThatThrownBy(() -> claims.retryPayment(c.id, MAKER)).as("re-issue to the same account").isInstanceOf(ConflictException.class);
        String account = card(card);
        members.changeBankAccount(c.member, new Members.BankAccountChange("中国工商银行", account), worker(c.member));
        claims.retryPayment(c.id, MAKER);
        payouts.releaseHold("HZ-" + c.id + "-" + (c.payouts.size() + 1), CHECKER);   // a re-issue to a just-changed account is held
        last.state = PayoutStatus.REISSUED;
        c.payouts.add(new PayoutModel("HZ-" + c.id + "-" + (c.payouts.size() + 1), account));
        assertThatThrownBy(() -> payouts.reissue(last.reference, MAKER)).as("re-issued twice").isInstanceOf(ConflictException.class);
    }

    /**
     * Runs the bank round to rest: re-sends released batches, lets the simulated bank answer every file
     * now, fetches and applies its messages, until no batch waits to be sent, the bank has no file unanswered, nothing new
     * and every stored status report and notification is applied (the poller may do part of it).
     */
    private void quiesce() {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int quiet = 0;
        while (true) {
            payouts.sendReleased();
            simulatedBank.answerNow();
            payouts.applyBankMessages();
            // the poller thread may be half way through the same round: ask the bank first, then what is stored and
            // applied, and take the round as at rest only when it looks so twice in a row
            boolean atRest = bank.receive() == 0 && simulatedBank.unanswered() == 0
                    && !jdbc.sql("select exists (select 1 from payouts.batch where status = 'RELEASED')").query(Boolean.class).single()
                    && !jdbc.sql("""
                    select exists (select 1 from banking.bank_message m where m.kind = any(?) and not exists (
                        select 1 from payouts.applied_message a where a.message_number = m.id and a.applied_at is not null))""")
                    .param(new String[] {BankMessage.STATUS_REPORT, BankMessage.NOTIFICATION}).query(Boolean.class).single();
            quiet = atRest ? quiet + 1 : 0;
            if (quiet == 2) return;
            assertThat(System.nanoTime()).as("the bank round comes to rest within 30 s").isLessThan(until);
            pause();
        }
    }

    // ================================================================ the invariants

    void check(World w) {
        assertThat(ledger.trialBalance().balanced()).as("trial balance").isTrue();
        Money paidOutByBank = w.bankBalanceAtStart.minus(simulatedBank.balance());   // debits less returns, the bank's own record
        assertThat(ledger.balance(ChartOfAccounts.BANK).minus(w.bankAtStart))
                .as("1002 moved by the money received less what the bank paid out (debits − returns)")
                .isEqualTo(w.bank.minus(paidOutByBank));
        assertThat(w.inTransitAtStart.minus(ledger.balance(ChartOfAccounts.PAYOUTS_IN_TRANSIT))).as("2203 (a credit) = payouts sent, unanswered")
                .isEqualTo(sentPayouts().minus(w.sentAtStart));
        checkPayouts(w);
        assertThat(jdbc.sql("""
                select count(*) from (select j.source_id from ledger.journal j join ledger.posting p on p.journal_id = j.id
                 where j.source_type = 'BANK_STATEMENT_LINE' and p.account_code = '1002' and p.debit > 0
                 group by j.source_id having count(*) > 1) twice""").query(Long.class).single())
                .as("statement lines booked on the bank account twice").isZero();
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

    /** Per payout: our row, its claim and the bank's record agree with the model; nothing paid twice. */
    private void checkPayouts(World w) {
        Map<String, Money> netPaid = new HashMap<>();
        Map<String, Integer> debits = new HashMap<>();
        for (BankReport.Entry e : simulatedBank.entries()) {
            netPaid.merge(e.endToEndId(), e.credit() ? Money.ZERO.minus(e.amount()) : e.amount(), Money::plus);
            if (!e.credit()) debits.merge(e.endToEndId(), 1, Integer::sum);
        }
        assertThat(debits).as("EndToEndIds the bank debited more than once").allSatisfy((ref, n) -> assertThat(n).as(ref).isEqualTo(1));
        for (ClaimModel c : w.claims) {
            int paidUnder = 0;
            for (PayoutModel p : c.payouts) {
                var row = jdbc.sql("""
                        select status, amount, settled_journal_key is not null and bounced_journal_key is null as paid
                        from payouts.payout where reference = ?""").param(p.reference)
                        .query((rs, n) -> new Object[] {rs.getString(1), new Money(rs.getBigDecimal(2)), rs.getBoolean(3)}).single();
                assertThat(row[0]).as("status of %s", p.reference).isEqualTo(p.state.name());
                assertThat(row[1]).as("amount of %s", p.reference).isEqualTo(c.amount);
                Money atBank = netPaid.getOrDefault(p.reference, Money.ZERO);
                boolean paid = p.state == PayoutStatus.SETTLED;
                assertThat(atBank).as("net paid at the bank for %s (%s)", p.reference, p.state).isEqualTo(paid ? c.amount : Money.ZERO);
                assertThat((Boolean) row[2]).as("our row says %s is paid and not returned", p.reference).isEqualTo(paid);
                if (atBank.isPositive()) paidUnder++;
            }
            assertThat(paidUnder).as("claim %d paid under at most one reference", c.id).isLessThanOrEqualTo(1);
            assertThat(claims.view(c.id, ADMIN).status()).as("claim %d follows its payout", c.id).isEqualTo(c.status());
        }
    }

    /** What the payouts in state SENT (sent, no final word from the bank) add up to. */
    private Money sentPayouts() {
        return new Money(jdbc.sql("select coalesce(sum(amount), 0) from payouts.payout where status = 'SENT'").query(BigDecimal.class).single());
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
