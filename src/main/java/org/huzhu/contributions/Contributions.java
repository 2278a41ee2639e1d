package org.huzhu.contributions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.huzhu.banking.statement.LineOutcome;
import org.huzhu.banking.statement.LineStatus;
import org.huzhu.banking.statement.StatementLine;
import org.huzhu.banking.statement.Statements;
import org.huzhu.ledger.Ledger;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contributions front door: bill enrolment batches (called by membership as it enrols),
 * register payments by hand and union subsidy receipts, reverse a payment registered in error,
 * assign unmatched bank receipts to bills, and read bills within the caller's scope.
 */
@Service
public class Contributions {

    /** What was enrolled together: one enrolment by the API, one roster import, or one unit renewal. */
    public enum BatchKind { ENROLMENT, ROSTER_IMPORT, RENEWAL }

    /** What a batch adds to its bill: how many enrolments, and who pays what of their premiums. */
    public record BatchTotals(int enrolments, Money unit, Money union, Money member) {
    }

    /** One enrolment on a bill: the worker by name and masked ID number, and who pays what of the premium. */
    public record BillLine(long enrolmentId, long memberId, String memberName, String maskedIdNumber, Money unit, Money union,
                           Money member) {
    }

    /**
     * The enrolments on a bill (a bill's lines are its enrolments): implemented by membership,
     * which keeps each enrolment's bill.
     */
    public interface BilledEnrolments {
        List<BillLine> linesOf(long billId, int limit);
    }

    /**
     * The unit declares the lines paid: the unit's and members' parts arrived on {@code paidOn}.
     * {@code key} identifies the declaration, so that booking it again books nothing.
     */
    public record Declaration(LocalDate paidOn, String key) {
    }

    /**
     * The bill the lines went on; {@code paidOn} is set when the bill is paid in full. {@code awaitingFinance}: the
     * declaration was dated too far back and waits for finance's confirmation — the lines are not paid (no cover).
     */
    public record Billed(long billId, String reference, LocalDate paidOn, boolean awaitingFinance) {
        public boolean paid() {
            return paidOn != null;
        }
    }

    public record PaymentCommand(Money amount, LocalDate paidOn, String reference) {
    }

    public record UnionSubsidyReceipt(Long billId, Money amount, LocalDate receivedOn, String reference) {
    }

    public record ReversalCommand(String reason) {
    }

    public record AssignmentCommand(Long billId, String part) {
    }

    public record PaymentView(long id, String part, String source, String sourceName, Money amount, LocalDate paidOn, String reference,
                              Long statementLineId, Money toUnit, Money toMember, Money toUnion, Money excess, Money bankConfirmed,
                              boolean awaitingBankConfirmation, String journalKey, boolean reversed, LocalDate reversedOn,
                              String reversalReason, String createdBy, OffsetDateTime createdAt) {
    }

    public record BillView(long id, String reference, Long unitId, String unitName, String batchKind, long batchId,
                           String settlement, String status, String statusName, Money amountDue, Money unitPart, Money memberPart,
                           Money received, Money outstanding, Money excess, Money unionSubsidyDue, Money unionSubsidyReceived,
                           Money unionSubsidyOutstanding, Money unionSubsidyExcess, LocalDate paidOn, LocalDate createdOn,
                           int lineCount, List<BillLine> lines, List<PaymentView> payments, PaymentTruth.Transfer transfer,
                           PaymentTruth.Confirmation confirmation) {
    }

    /** A payment's answer: the payment, the bill after it, and whether it had been registered before. */
    public record PaymentResult(PaymentView payment, BillView bill, boolean duplicate) {
    }

    static final Map<String, String> STATUS_NAMES = Map.of("OPEN", "待缴费", "PARTIALLY_PAID", "部分缴费",
            "PAID", "已缴清", "OVERPAID", "超额缴费", "CANCELLED", "已撤销");
    private static final Map<String, String> SOURCE_NAMES = Map.of("HAND", "财务登记", "STATEMENT", "银行流水", "DECLARED", "单位申报",
            "ONLINE", "在线支付");

    private final BillRepository bills;
    private final BillPayments payments;
    private final Ledger ledger;
    private final Statements statements;
    private final Organisations organisations;
    private final ObjectProvider<BilledEnrolments> enrolments;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final int paymentTermDays;
    private PaymentTruth truth;
    private DeclaredPayments declarations;

    /** Issue 16: back-dated declarations wait for finance; bills show where to pay and whether the bank confirmed declared money. */
    @org.springframework.beans.factory.annotation.Autowired
    void paymentTruth(PaymentTruth truth, DeclaredPayments declarations) {
        this.truth = truth;
        this.declarations = declarations;
    }

    Contributions(BillRepository bills, BillPayments payments, Ledger ledger, Statements statements, Organisations organisations,
                  ObjectProvider<BilledEnrolments> enrolments, Clock clock, ApplicationEventPublisher events,
                  @Value("${huzhu.contributions.payment-term-days:15}") int paymentTermDays) {
        this.events = events;
        this.paymentTermDays = paymentTermDays;
        this.bills = bills;
        this.payments = payments;
        this.ledger = ledger;
        this.statements = statements;
        this.organisations = organisations;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ billing (membership)

    /**
     * Whether a payment declared as made on {@code paidOn} waits for finance's confirmation before it counts (dated
     * further back than {@code huzhu.contributions.declared-backdate-days}); {@link #bill} holds such a declaration.
     */
    public boolean declarationAwaitsFinance(LocalDate paidOn) {
        return declarations.mustWait(paidOn);
    }

    /**
     * Finance confirms, one by one and under the same checks as on its list (a second person, the bill not cancelled), every
     * declaration still waiting on the declared bill of a batch; returns how many it confirmed. The demo plays finance's
     * part with it for the history it seeds.
     */
    public int confirmDeclarationsOfBatch(BatchKind kind, long batchId, CurrentUser finance) {
        int confirmed = 0;
        for (long billId : bills.allOfBatch(kind.name(), batchId, "DECLARED")) {
            for (var d : declarations.list(finance, DeclarationStatus.PENDING.name(), billId, 500, 0)) {
                declarations.confirm(d.id(), finance);
                confirmed++;
            }
        }
        return confirmed;
    }

    /** How many days back a declared payment may be dated before it waits for finance (the setting behind {@link #declarationAwaitsFinance}). */
    public int declaredBackdateDays() {
        return declarations.backdateDays();
    }

    /**
     * Puts enrolments on their batch's bill — one bill per batch for enrolments awaiting payment,
     * another for enrolments the unit declared paid, which is settled at once by a DECLARED
     * payment, and, for a declaration dated too far back, one bill per declared day whose declaration waits for
     * finance ({@link Billed#awaitingFinance}). Runs inside the caller's transaction.
     */
    @Transactional
    public Billed bill(BatchKind kind, long batchId, Long unitId, String orgPath, BatchTotals totals, Declaration declaration,
                       String by) {
        if (totals.enrolments() < 1) throw new IllegalArgumentException("nothing to bill");
        LocalDate today = LocalDate.now(clock);
        Money declared = totals.unit().plus(totals.member());
        boolean held = declaration != null && declared.isPositive() && declarations.mustWait(declaration.paidOn());
        Bill bill = bills.openLocked(kind.name(), batchId, declaration == null ? "AWAITING_PAYMENT" : "DECLARED",
                held ? declaration.paidOn() : null, unitId, orgPath, today);
        bill.add(totals.unit(), totals.union(), totals.member());
        if (held) declarations.hold(bill, declared, declaration, by);
        else if (declaration != null && declared.isPositive()) {
            payments.apply(bill, new BillPayments.Receipt(Bill.Part.UNIT, BillPayments.Source.DECLARED, declared, declaration.paidOn(),
                    declaration.key(), null, false, "bill:" + bill.id + ":declared:" + declaration.key(), PaymentBooking.SOURCE_BILL,
                    bill.reference(), by));
        }
        boolean wasPaid = bill.paidOn() != null;
        bill.settleIfNothingDue(today);
        payments.saveLines(bill, wasPaid, totals.enrolments());
        if (kind == BatchKind.ENROLMENT && declaration == null) announce(bill, today);
        return new Billed(bill.id, bill.reference(), bill.paidOn(), held);
    }

    /**
     * A roster import has put all its rows on its bills: its bill awaiting payment is issued now, with
     * everything the import added to it ({@link BillIssued}).
     */
    @Transactional
    public void issued(BatchKind kind, long batchId) {
        bills.ofBatch(kind.name(), batchId, "AWAITING_PAYMENT").ifPresent(s -> announce(s.bill(), s.createdOn()));
    }

    private void announce(Bill bill, LocalDate issuedOn) {
        if (bill.paidOn() != null || !bill.outstanding().isPositive()) return;
        events.publishEvent(new BillIssued(bill.id, bill.reference(), bill.unitId, bill.outstanding(), issuedOn,
                issuedOn.plusDays(paymentTermDays)));
    }

    /** A bill past its due day with something still to pay: who it is for and how much. */
    public record OverdueBill(long billId, String reference, Long unitId, Money outstanding, LocalDate issuedOn, LocalDate dueOn) {
    }

    /**
     * The bills awaiting payment still (partly) unpaid after their due day: the day they were issued plus
     * the payment term ({@code huzhu.contributions.payment-term-days}, 15 days by default; bills have no
     * due date of their own).
     */
    public List<OverdueBill> overdue(LocalDate today) {
        LocalDate issuedBefore = today.minusDays(paymentTermDays);
        return bills.unpaidIssuedBefore(issuedBefore).stream()
                .map(s -> new OverdueBill(s.bill().id, s.bill().reference(), s.bill().unitId, s.bill().outstanding(), s.createdOn(),
                        s.createdOn().plusDays(paymentTermDays)))
                .toList();
    }

    // ------------------------------------------------------------------ reading

    public List<BillView> bills(CurrentUser user, Long unitId, String status, int limit, int offset) {
        requireBillReader(user);
        if (status != null && !STATUS_NAMES.containsKey(status)) {
            throw InvalidInputException.of("status", "状态应为 OPEN、PARTIALLY_PAID、PAID、OVERPAID 或 CANCELLED");
        }
        return bills.visible(user.scopePattern(), unitId, status, Math.min(Math.max(limit, 1), 500), Math.max(offset, 0)).stream()
                .map(s -> view(s, false)).toList();
    }

    public BillView bill(long id, CurrentUser user) {
        return view(visible(id, user), true);
    }

    // ------------------------------------------------------------------ payments by hand

    /**
     * Finance registers money the unit paid for a bill (seen on a bank slip or the online bank).
     * The reference (流水号) makes it idempotent: the same reference again books nothing and
     * answers the first payment; with a different amount or date it is a conflict.
     */
    @Transactional
    public PaymentResult registerPayment(long billId, PaymentCommand command, CurrentUser user) {
        requireFinance(user);
        return registerHand(billId, Bill.Part.UNIT, command, user, "reference", "paidOn");
    }

    /** Finance registers the union's subsidy for a bill (工会补贴到账). Idempotent by reference like a payment. */
    @Transactional
    public PaymentResult registerUnionSubsidy(UnionSubsidyReceipt command, CurrentUser user) {
        requireFinance(user);
        Checks checks = new Checks();
        checks.require("billId", command == null ? null : command.billId(), "缴费单");
        checks.throwIfInvalid();
        return registerHand(command.billId(), Bill.Part.UNION_SUBSIDY,
                new PaymentCommand(command.amount(), command.receivedOn(), command.reference()), user, "reference", "receivedOn");
    }

    private PaymentResult registerHand(long billId, Bill.Part part, PaymentCommand command, CurrentUser user, String referenceField,
                                       String dateField) {
        Checks checks = new Checks();
        checks.require("amount", command == null ? null : command.amount(), "金额");
        checks.require(dateField, command == null ? null : command.paidOn(), "到账日期");
        checks.require(referenceField, command == null ? null : command.reference(), "银行流水号或凭证号");
        if (command != null && command.amount() != null) checks.check(command.amount().isPositive(), "amount", "金额应大于 0");
        if (command != null && command.paidOn() != null) {
            checks.check(!command.paidOn().isAfter(LocalDate.now(clock)), dateField, "到账日期不能晚于今天");
        }
        if (command != null && command.reference() != null) {
            checks.check(command.reference().strip().length() <= 100, referenceField, "流水号不能超过 100 个字符");
        }
        checks.throwIfInvalid();
        String reference = command.reference().strip();
        BillRepository.Stored stored = lockVisible(billId, user);
        var earlier = bills.payment(billId, part, BillPayments.Source.HAND.name(), reference);
        if (earlier.isPresent()) {
            var p = earlier.get();
            if (p.amount().compareTo(command.amount()) != 0 || !p.paidOn().equals(command.paidOn())) {
                throw new ConflictException(referenceField, "流水号 " + reference + " 已登记过一笔 " + p.amount() + " 元（" + p.paidOn()
                        + "）的到账，与本次不同：请核对流水号");
            }
            return new PaymentResult(paymentView(p), view(bills.find(billId).orElseThrow(), true), true);
        }
        Bill bill = stored.bill();
        if (bill.cancelled()) throw new ConflictException("billId", "缴费单 " + bill.reference() + " 已撤销，不能登记到账");
        String key = "bill:" + billId + ":" + part.name().toLowerCase() + ":hand:" + reference;
        var applied = payments.apply(bill, new BillPayments.Receipt(part, BillPayments.Source.HAND, command.amount(), command.paidOn(),
                reference, null, false, key, PaymentBooking.SOURCE_BILL, bill.reference(), user.username()));
        var payment = bills.payment(applied.paymentId()).orElseThrow();
        return new PaymentResult(paymentView(payment), view(bills.find(billId).orElseThrow(), true), false);
    }

    /**
     * Reverses a payment finance registered in error: the journal is reversed (a mirror journal),
     * the bill takes the money back, and money the bill holds as excess (2242) is applied to what
     * that leaves owing (Dr 2242, Cr the receivables) — so a payment registered by hand for money
     * that also came in on the statement can be taken out. Only a payment registered by hand that
     * no bank statement has confirmed, and only if the bill does not drop from paid back to unpaid
     * (its enrolments may already be in force: a new payment corrects that instead). Reversing
     * twice changes nothing.
     */
    @Transactional
    public BillView reversePayment(long billId, long paymentId, ReversalCommand command, CurrentUser user) {
        requireFinance(user);
        Checks checks = new Checks();
        checks.require("reason", command == null ? null : command.reason(), "冲销原因");
        checks.throwIfInvalid();
        BillRepository.Stored stored = lockVisible(billId, user);
        var payment = bills.payment(paymentId).filter(p -> p.billId() == billId)
                .orElseThrow(() -> new NotFoundException("该缴费单下没有这笔到账"));
        if (payment.reversed()) return view(bills.find(billId).orElseThrow(), true);
        if (!payment.source().equals(BillPayments.Source.HAND.name())) {
            throw new ConflictException("paymentId", "只能冲销财务手工登记的到账；银行流水和单位申报的到账不能冲销");
        }
        if (payment.confirmed().isPositive()) {
            throw new ConflictException("paymentId", "这笔到账已由银行流水确认，不能冲销");
        }
        Bill bill = stored.bill();
        if (bill.undoWouldUnpay(payment.part(), payment.allocation())) {
            throw new ConflictException("paymentId", "冲销后缴费单将由“已缴清”变为未缴清，而其参保可能已生效：请改为补登正确的到账");
        }
        LocalDate today = LocalDate.now(clock);
        long reversal = ledger.reverse(payment.journalKey(), "payment:" + paymentId + ":reversal",
                "冲销到账（缴费单 " + bill.reference() + "，流水号 " + payment.reference() + "）：" + command.reason().strip(), today);
        Bill.Allocation fromExcess = bill.undo(payment.part(), payment.allocation());
        if (fromExcess.total().isPositive()) {
            ledger.post(PaymentBooking.excessApplied("payment:" + paymentId + ":reversal:excess-applied", bill.reference(),
                    "冲销后以预收互助金抵缴（缴费单 " + bill.reference() + "）", today, bill.orgPath, fromExcess));
        }
        bills.markReversed(paymentId, reversal, today, command.reason().strip());
        bills.save(bill, 0);
        return view(bills.find(billId).orElseThrow(), true);
    }

    // ------------------------------------------------------------------ unmatched receipts

    /**
     * Finance assigns money that came in naming no bill (held in 2241) to a bill: Dr 2241, Cr the
     * bill's receivables (part UNIT, default) or the union subsidy receivable (part UNION_SUBSIDY).
     * Assigning the same line to the same bill again changes nothing.
     */
    @Transactional
    public PaymentResult assign(long lineId, AssignmentCommand command, CurrentUser user) {
        requireFinance(user);
        Checks checks = new Checks();
        checks.require("billId", command == null ? null : command.billId(), "缴费单");
        Bill.Part part = Bill.Part.UNIT;
        if (command != null && command.part() != null) {
            try {
                part = Bill.Part.valueOf(command.part());
            } catch (IllegalArgumentException e) {
                checks.add("part", "part 应为 UNIT（单位缴费）或 UNION_SUBSIDY（工会补贴）");
            }
        }
        checks.throwIfInvalid();
        StatementLine line = statements.lockLine(lineId).orElseThrow(() -> new NotFoundException("银行流水不存在"));
        var unmatched = bills.unmatched(lineId)
                .orElseThrow(() -> new ConflictException("lineId", "该流水不是待清分收款（状态：" + line.status().chinese() + "）"));
        if (unmatched.assignedBillId() != null) {
            if (unmatched.assignedBillId().equals(command.billId())) {
                var payment = bills.payment(unmatched.assignedPaymentId()).orElseThrow();
                return new PaymentResult(paymentView(payment), view(bills.find(command.billId()).orElseThrow(), true), true);
            }
            throw new ConflictException("billId", "该流水已认领至缴费单 " + BillReference.of(unmatched.assignedBillId()));
        }
        BillRepository.Stored stored;
        try {
            stored = lockVisible(command.billId(), user);
        } catch (NotFoundException e) {
            throw InvalidInputException.of("billId", "缴费单不存在或不在您的管辖范围内");
        }
        Bill bill = stored.bill();
        if (bill.cancelled()) throw new ConflictException("billId", "缴费单 " + bill.reference() + " 已撤销，不能认领");
        String reference = line.bankReference() != null ? line.bankReference() : "line-" + lineId;
        var applied = payments.apply(bill, new BillPayments.Receipt(part, BillPayments.Source.STATEMENT, line.amount(), line.valueDate(),
                reference, lineId, true, "statement-line:" + lineId + ":assigned", PaymentBooking.SOURCE_STATEMENT_LINE,
                String.valueOf(lineId), user.username()));
        bills.assign(lineId, bill.id, applied.paymentId(), user.username());
        statements.record(lineId, new LineOutcome(LineStatus.ASSIGNED, bill.reference(),
                "由 " + user.username() + " 认领至缴费单 " + bill.reference() + (part == Bill.Part.UNION_SUBSIDY ? "（工会补贴）" : "")));
        var payment = bills.payment(applied.paymentId()).orElseThrow();
        return new PaymentResult(paymentView(payment), view(bills.find(bill.id).orElseThrow(), true), false);
    }

    // ------------------------------------------------------------------ scope and views

    private BillRepository.Stored visible(long id, CurrentUser user) {
        requireBillReader(user);
        return bills.find(id).filter(s -> user.sees(s.bill().orgPath)).orElseThrow(() -> new NotFoundException("缴费单不存在"));
    }

    private BillRepository.Stored lockVisible(long id, CurrentUser user) {
        visible(id, user);
        return bills.lock(id).orElseThrow();
    }

    private static void requireBillReader(CurrentUser user) {
        if (!user.holds(Right.BILL_READ)) throw new AccessDeniedException("cannot read bills");
    }

    private static void requireFinance(CurrentUser user) {
        if (!user.holds(Right.PAYMENT_REGISTER)) throw new AccessDeniedException("finance only");
    }

    private BillView view(BillRepository.Stored s, boolean details) {
        Bill b = s.bill();
        String unitName = b.unitId == null ? null : organisations.unit(b.unitId).map(Unit::name).orElse(null);
        List<BillLine> lines = null;
        if (details) {
            BilledEnrolments billed = enrolments.getIfAvailable();
            lines = billed == null ? List.of() : billed.linesOf(b.id, 1000);
        }
        List<PaymentView> paymentViews = details ? bills.payments(b.id).stream().map(Contributions::paymentView).toList() : null;
        String status = b.status().name();
        return new BillView(b.id, b.reference(), b.unitId, unitName, s.batchKind(), s.batchId(), s.settlement(), status,
                STATUS_NAMES.get(status), b.amountDue(), b.unitDue(), b.memberDue(), b.applied(), b.outstanding(), b.excess(),
                b.unionDue(), b.unionReceived(), b.unionDue().minus(b.unionReceived()), b.unionExcess(), b.paidOn(), s.createdOn(),
                s.lines(), lines, paymentViews, truth.transferFor(b.reference()),
                details ? truth.confirmationOf(b.id, declarations.ofBill(b.id)) : null);
    }

    private static PaymentView paymentView(BillRepository.PaymentRow p) {
        boolean awaiting = !p.source().equals("STATEMENT") && !p.source().equals("ONLINE") && !p.reversed() && p.confirmed().compareTo(p.amount()) < 0;
        return new PaymentView(p.id(), p.part().name(), p.source(), SOURCE_NAMES.get(p.source()), p.amount(), p.paidOn(), p.reference(),
                p.statementLineId(), p.allocation().toUnit(), p.allocation().toMember(), p.allocation().toUnion(), p.allocation().excess(),
                p.confirmed(), awaiting, p.journalKey(), p.reversed(), p.reversedOn(), p.reversalReason(), p.createdBy(), p.createdAt());
    }
}
