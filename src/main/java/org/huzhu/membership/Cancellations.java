package org.huzhu.membership;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.contributions.BillCancellations;
import org.huzhu.ledger.Ledger;
import org.huzhu.payouts.Payouts;
import org.huzhu.shared.BankAccount;
import org.huzhu.shared.Money;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancelling enrolments (退保) and refunding what was paid (退费), asked by a unit operator or union staff with a reason.
 * {@link RefundPolicy} decides. Unpaid: cancelled at once, the line taken off its bill and the receivable billed for it
 * reversed — no money moves. Paid: a request that a second person (an administrator or union staff in scope, never the
 * requester) approves; approval cancels the enrolment, books the refund as the reversal of the contribution's income
 * ({@link BillCancellations#bookRefund}), gives the union subsidy's part back to its budget, and hands the payer's part to
 * the payouts as a refund order ({@code REFUND:<id>}, reference {@code HZR-<id>-<n>}) to the unit's account given with the
 * request, or to the member's payout account for a self-paid enrolment. Lifecycle: {@link CancellationStatus}.
 */
@Service
public class Cancellations {

    private final EnrolmentRepository enrolments;
    private final CancellationRepository cancellations;
    private final MemberRepository members;
    private final SubsidyBudgets budgets;
    private final Catalogue catalogue;
    private final BillCancellations bills;
    private final org.huzhu.contributions.Contributions contributions;
    private final Ledger ledger;
    private final Payouts payouts;
    private final PersonalDataCipher cipher;
    private final ObjectProvider<ClaimsOnCover> claims;
    private final CancellationViews views;
    private final RefundOrders orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Cancellations(EnrolmentRepository enrolments, CancellationRepository cancellations, MemberRepository members, SubsidyBudgets budgets,
                  Catalogue catalogue, BillCancellations bills, org.huzhu.contributions.Contributions contributions, Ledger ledger, Payouts payouts, PersonalDataCipher cipher,
                  ObjectProvider<ClaimsOnCover> claims, CancellationViews views, RefundOrders orders, ApplicationEventPublisher events,
                  Clock clock) {
        this.events = events;
        this.enrolments = enrolments;
        this.cancellations = cancellations;
        this.members = members;
        this.budgets = budgets;
        this.catalogue = catalogue;
        this.bills = bills;
        this.contributions = contributions;
        this.ledger = ledger;
        this.payouts = payouts;
        this.cipher = cipher;
        this.claims = claims;
        this.views = views;
        this.orders = orders;
        this.clock = clock;
    }

    /** A cancellation request: the reason, and for a unit's enrolment the unit's account the refund goes to. */
    public record CancelCommand(String reason, String accountName, String bankName, String accountNumber) {
    }

    public record DecisionCommand(String note) {
    }

    /** What cancelling an enrolment today would do, before anyone asks for it. */
    @Transactional(readOnly = true)
    public CancellationViews.Preview preview(long enrolmentId, CurrentUser user) {
        require(user, Right.ENROLMENT_CANCEL);
        EnrolmentRepository.Stored e = visibleEnrolment(enrolmentId, user);
        return views.preview(e, decide(e));
    }

    @Transactional
    public CancellationViews.View request(long enrolmentId, CancelCommand command, CurrentUser user) {
        require(user, Right.ENROLMENT_CANCEL);
        EnrolmentRepository.Stored seen = visibleEnrolment(enrolmentId, user);
        members.lock(seen.memberId());
        EnrolmentRepository.Stored e = enrolments.find(enrolmentId).orElseThrow();
        Checks checks = new Checks();
        checks.require("reason", command == null || command.reason() == null || command.reason().isBlank() ? null : command.reason(), "退保原因");
        if (command != null && command.reason() != null) checks.check(command.reason().strip().length() <= 200, "reason", "退保原因过长（最多200个字）");
        checks.throwIfInvalid();
        if (cancellations.open(e.id()).isPresent()) throw new ConflictException("enrolmentId", "该参保已有待复核的退保申请");
        RefundPolicy.Decision d = decide(e);
        if (!d.allowed()) throw new ConflictException("enrolmentId", d.refusal());
        Instant now = clock.instant();
        String reason = command.reason().strip();
        if (d.stage() == RefundPolicy.Stage.UNPAID) return cancelUnpaid(e, d, reason, user, now, true);
        CancellationRepository.Payee payee = payee(e, d, command);
        long id = cancellations.insert(e, d, CancellationStatus.PROPOSED, reason, payee, user.username(), now);
        Audit.changed("cancellation", id, "status", null, CancellationStatus.PROPOSED);
        if (payee.masked() != null) Audit.changed("cancellation", id, "refundAccount", null, payee.masked());
        return views.view(cancellations.find(id, false).orElseThrow(), user);
    }

    /** Several lines of one unit bill at once, with one reason: each as {@link #request}, all or none. */
    @Transactional
    public List<CancellationViews.View> requestLines(long billId, List<Long> enrolmentIds, CancelCommand command, CurrentUser user) {
        require(user, Right.ENROLMENT_CANCEL);
        contributions.bill(billId, user);   // 404 outside the caller's scope
        if (enrolmentIds == null || enrolmentIds.isEmpty()) throw org.huzhu.shared.web.InvalidInputException.of("enrolmentIds", "请选择要退保的职工");
        for (Long id : enrolmentIds) {
            EnrolmentRepository.Stored e = enrolments.find(id == null ? -1 : id).filter(x -> user.sees(x.orgPath()))
                    .orElseThrow(() -> new NotFoundException("参保记录不存在：" + id));
            if (e.billId() == null || e.billId() != billId) throw new ConflictException("enrolmentIds", "参保记录 " + id + " 不在该缴费单上");
        }
        return enrolmentIds.stream().map(id -> request(id, command, user)).toList();
    }

    @Transactional
    public CancellationViews.View approve(long id, DecisionCommand command, CurrentUser user) {
        CancellationRepository.Row c = decidable(id, user);
        EnrolmentRepository.Stored e = enrolments.find(c.enrolmentId()).orElseThrow();
        members.lock(e.memberId());
        RefundPolicy.Decision d = decide(e);
        if (!d.allowed()) throw new ConflictException("status", "现已不能退保：" + d.refusal());
        if (d.stage() == RefundPolicy.Stage.UNPAID) throw new ConflictException("status", "该参保尚未缴费，请重新提交退保（无需复核）");
        Instant now = clock.instant();
        if (!cancellations.cancelPaidEnrolment(e.id(), now)) throw new ConflictException("status", "参保记录已被他人处理，请刷新后重试");
        String key = "enrolment:" + e.id() + ":refund-approved";
        bills.bookRefund(new BillCancellations.Refund(e.billId(), key, "CANCELLATION", String.valueOf(c.id()),
                "退保退费（参保记录 " + e.id() + "，" + d.rule() + "）：冲减互助金收入，转应付退费", LocalDate.now(clock), d.toPayer(), d.toSubsidy()));
        returnSubsidy(e, d.toSubsidy());
        String reference = null;
        if (d.toPayer().isPositive()) {
            reference = payouts.request(orders.order(c, RefundOrders.reference(c.id(), 1), d.toPayer())).reference();
        }
        String note = command == null || command.note() == null || command.note().isBlank() ? null : command.note().strip();
        if (!cancellations.decide(c.id(), CancellationStatus.APPROVED, d, user.username(), now, note, key, reference, e)) {
            throw new ConflictException("status", "该申请已被他人处理，请刷新后重试");
        }
        Audit.changed("cancellation", c.id(), "status", CancellationStatus.PROPOSED, CancellationStatus.APPROVED);
        told(c.id(), e, CancellationStatus.APPROVED, d.toPayer(), c.payee(), note);
        return views.view(cancellations.find(c.id(), false).orElseThrow(), user);
    }

    @Transactional
    public CancellationViews.View reject(long id, DecisionCommand command, CurrentUser user) {
        CancellationRepository.Row c = decidable(id, user);
        Checks checks = new Checks();
        checks.require("note", command == null || command.note() == null || command.note().isBlank() ? null : command.note(), "驳回理由");
        checks.throwIfInvalid();
        EnrolmentRepository.Stored e = enrolments.find(c.enrolmentId()).orElseThrow();
        RefundPolicy.Decision unchanged = new RefundPolicy.Decision(false, c.stage(), null, c.toPayer(), c.toSubsidy(), null);
        if (!cancellations.decide(c.id(), CancellationStatus.REJECTED, unchanged, user.username(), clock.instant(), command.note().strip(),
                null, null, e)) {
            throw new ConflictException("status", "该申请已被他人处理，请刷新后重试");
        }
        Audit.changed("cancellation", c.id(), "status", CancellationStatus.PROPOSED, CancellationStatus.REJECTED);
        told(c.id(), e, CancellationStatus.REJECTED, c.toPayer(), c.payee(), command.note().strip());
        return views.view(cancellations.find(c.id(), false).orElseThrow(), user);
    }

    /**
     * Corrects the unit's account of an approved refund whose payout the bank refused or returned; finance then re-issues the
     * payout (a person other than the one correcting it), which takes this account.
     */
    @Transactional
    public CancellationViews.View correctRefundAccount(long id, CancelCommand command, CurrentUser user) {
        require(user, Right.ENROLMENT_CANCEL);
        CancellationRepository.Row c = cancellations.find(id, true).filter(r -> user.sees(r.orgPath()))
                .orElseThrow(() -> new NotFoundException("退保申请不存在"));
        if (!"UNIT".equals(c.payee().payer())) throw new ConflictException("payer", "个人缴费的退费付至职工本人的收款账户，请变更职工收款账户");
        CancellationRepository.Payee payee = unitPayee(c.unitId(), command);
        cancellations.correctPayee(c.id(), payee);
        Audit.changed("cancellation", c.id(), "refundAccount", c.payee().masked(), payee.masked());
        return views.view(cancellations.find(c.id(), false).orElseThrow(), user);
    }

    @Transactional(readOnly = true)
    public List<CancellationViews.View> list(CurrentUser user, String status, Long billId, int limit, int offset) {
        require(user, Right.ENROLMENT_CANCEL);
        CancellationStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = CancellationStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw org.huzhu.shared.web.InvalidInputException.of("status", "状态应为 DONE、PROPOSED、APPROVED 或 REJECTED");
            }
        }
        return cancellations.visible(user.scopePattern(), wanted, billId, Math.min(Math.max(limit, 1), 200), Math.max(offset, 0)).stream()
                .map(c -> views.view(c, user)).toList();
    }

    @Transactional(readOnly = true)
    public CancellationViews.View cancellation(long id, CurrentUser user) {
        require(user, Right.ENROLMENT_CANCEL);
        return cancellations.find(id, false).filter(c -> user.sees(c.orgPath())).map(c -> views.view(c, user))
                .orElseThrow(() -> new NotFoundException("退保申请不存在"));
    }

    // ------------------------------------------------------------------ parts

    private CancellationViews.View cancelUnpaid(EnrolmentRepository.Stored e, RefundPolicy.Decision d, String reason, CurrentUser user,
                                                Instant now, boolean tell) {
        bills.removeUnpaidLine(e.billId(), e.funding().unit(), e.funding().union(), e.funding().member());
        String billed = "enrolment:" + e.id() + ":billed";
        String text = "退保（参保记录 " + e.id() + "，未缴费）：冲销应收";
        if (ledger.isBooked(billed)) ledger.reverse(billed, "enrolment:" + e.id() + ":cancelled", text, LocalDate.now(clock));
        else ledger.post(CancellationBooking.unbilled(e, text, LocalDate.now(clock)));
        returnSubsidy(e, e.funding().union());
        enrolments.cancel(e.id(), now);
        long id = cancellations.insert(e, d, CancellationStatus.DONE, reason, CancellationRepository.Payee.NONE, user.username(), now);
        Audit.changed("cancellation", id, "status", null, CancellationStatus.DONE);
        if (tell) told(id, e, CancellationStatus.DONE, Money.ZERO, CancellationRepository.Payee.NONE, null);
        return views.view(cancellations.find(id, false).orElseThrow(), user);
    }

    /**
     * A worker's death was recorded: an enrolment of theirs still awaiting payment, with nothing received, is cancelled at
     * once as an unpaid line is (no money moves); nobody is texted. Whether it was.
     */
    boolean cancelUnpaidOnDeath(long enrolmentId, LocalDate diedOn, CurrentUser user) {
        EnrolmentRepository.Stored e = enrolments.find(enrolmentId).orElseThrow();
        RefundPolicy.Decision d = decide(e);
        if (!d.allowed() || d.stage() != RefundPolicy.Stage.UNPAID || cancellations.open(e.id()).isPresent()) return false;
        cancelUnpaid(e, d, "职工已于 " + diedOn + " 身故，未缴费的参保撤销", user, clock.instant(), false);
        return true;
    }

    /** The worker, and whoever the refund goes to, are told ({@link EnrolmentCancelled}; notifications writes the texts). */
    private void told(long cancellationId, EnrolmentRepository.Stored e, CancellationStatus status, Money toPayer,
                      CancellationRepository.Payee payee, String note) {
        LocalDate today = LocalDate.now(clock);
        CatalogueVersion terms = catalogue.version(e.catalogueVersion()).orElseGet(() -> catalogue.activeOn(today));
        events.publishEvent(new EnrolmentCancelled(cancellationId, e.id(), e.memberId(), e.unitId(),
                EnrolmentsCameIntoForce.itemNames(e.coverages(), terms), status, toPayer, payee.payer(), payee.masked(), note, today));
    }

    /** Who a refund's payout concerns, for the texts that tell of it: its member, unit and payer ({@code UNIT} / {@code MEMBER}). */
    public record RefundParty(long cancellationId, long memberId, Long unitId, String payer) {
    }

    /** The refund a payout's source ({@code REFUND:<id>}) pays, if it is one. */
    @Transactional(readOnly = true)
    public java.util.Optional<RefundParty> refundParty(String payoutSource) {
        if (payoutSource == null || !payoutSource.startsWith(org.huzhu.payouts.PayoutKind.REFUND_SOURCE)) return java.util.Optional.empty();
        long id = Long.parseLong(payoutSource.substring(org.huzhu.payouts.PayoutKind.REFUND_SOURCE.length()));
        return cancellations.find(id, false).map(c -> new RefundParty(c.id(), c.memberId(), c.unitId(), c.payee().payer()));
    }

    private void returnSubsidy(EnrolmentRepository.Stored e, Money amount) {
        if (e.subsidyOrgId() == null || !amount.isPositive()) return;
        int year = cancellations.budgetYear(e.id());
        budgets.lock(e.subsidyOrgId(), year).ifPresent(b -> budgets.use(e.subsidyOrgId(), year, Money.ZERO.minus(amount)));
    }

    private CancellationRepository.Payee payee(EnrolmentRepository.Stored e, RefundPolicy.Decision d, CancelCommand command) {
        if (!d.toPayer().isPositive()) return CancellationRepository.Payee.NONE;
        if (e.unitId() != null) return unitPayee(e.unitId(), command);
        MemberRepository.PayeeRow own = members.payee(e.memberId())
                .orElseThrow(() -> new ConflictException("memberId", "退费付至职工本人的收款账户：请先登记职工的收款银行账户"));
        BankAccount account = new BankAccount(own.bankName(), cipher.decrypt(own.accountCipher()));
        return new CancellationRepository.Payee("MEMBER", own.name(), own.bankName(), null, account.masked());
    }

    private CancellationRepository.Payee unitPayee(Long unitId, CancelCommand command) {
        Checks checks = new Checks();
        checks.require("bankName", command == null ? null : command.bankName(), "单位退费账户开户银行");
        checks.require("accountNumber", command == null ? null : command.accountNumber(), "单位退费账户账号");
        checks.throwIfInvalid();
        BankAccount account = checks.parse("accountNumber", () -> new BankAccount(command.bankName(), command.accountNumber()));
        checks.throwIfInvalid();
        String name = command.accountName() != null && !command.accountName().isBlank() ? command.accountName().strip()
                : views.unitName(unitId);
        return new CancellationRepository.Payee("UNIT", name, account.bankName(), cipher.encrypt(account.number()), account.masked());
    }

    private RefundPolicy.Decision decide(EnrolmentRepository.Stored e) {
        LocalDate today = LocalDate.now(clock);
        CatalogueVersion terms = catalogue.version(e.catalogueVersion()).orElseGet(() -> catalogue.activeOn(today));
        List<Coverage> inForce = e.coverages().stream().filter(Coverage::inForce).toList();
        LocalDate from = inForce.stream().map(Coverage::from).min(LocalDate::compareTo).orElse(null);
        LocalDate to = inForce.stream().map(Coverage::to).max(LocalDate::compareTo).orElse(null);
        ClaimsOnCover onCover = claims.getIfAvailable();
        List<String> blocking = from == null || onCover == null ? List.of() : onCover.blocking(e.memberId(), from, to);
        return RefundPolicy.decide(e, terms, today, blocking);
    }

    private CancellationRepository.Row decidable(long id, CurrentUser user) {
        require(user, Right.ENROLMENT_CANCEL_APPROVE);
        CancellationRepository.Row c = cancellations.find(id, true).filter(r -> user.sees(r.orgPath()))
                .orElseThrow(() -> new NotFoundException("退保申请不存在"));
        if (c.status() != CancellationStatus.PROPOSED) throw new ConflictException("status", "该申请已处理（" + c.status().chinese() + "）");
        if (c.requestedBy().equals(user.username())) {
            throw new ConflictException("decidedBy", "退保退费须由申请人以外的另一人复核（双人复核）：本申请由您提出");
        }
        return c;
    }

    private EnrolmentRepository.Stored visibleEnrolment(long id, CurrentUser user) {
        return enrolments.find(id).filter(e -> user.sees(e.orgPath())).orElseThrow(() -> new NotFoundException("参保记录不存在"));
    }

    private static void require(CurrentUser user, Right right) {
        if (!user.holds(right)) throw new AccessDeniedException("cannot " + right);
    }
}
