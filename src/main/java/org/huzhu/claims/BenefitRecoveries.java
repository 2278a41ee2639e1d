package org.huzhu.claims;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huzhu.ledger.ChartOfAccounts;
import org.huzhu.ledger.JournalEntry;
import org.huzhu.ledger.Ledger;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recovering a benefit a confirmed post-payment finding says was not due (互助金追回): opened as a receivable
 * (Dr 1221 其他应收款—互助金追回, Cr 5101 互助金给付支出), reduced by the repayments finance records as the money arrives
 * (Dr 1002 银行存款, Cr 1221; each bank reference once) and closed when repaid in full, or by writing off what is left,
 * which one finance officer proposes and another approves (Dr 5101, Cr 1221). Every journal carries its idempotency key,
 * so nothing is booked twice.
 */
@Service
class BenefitRecoveries {

    static final Map<String, String> STATUS = Map.of("OPEN", "追回中", "REPAID", "已追回", "WRITTEN_OFF", "已核销");

    private final Claims claims;
    private final ClaimRepository claimRepository;
    private final AuditRepository repository;
    private final Ledger ledger;
    private final ReviewOffices offices;
    private final Clock clock;

    BenefitRecoveries(Claims claims, ClaimRepository claimRepository, AuditRepository repository, Ledger ledger, ReviewOffices offices,
                      Clock clock) {
        this.claims = claims;
        this.claimRepository = claimRepository;
        this.repository = repository;
        this.ledger = ledger;
        this.offices = offices;
        this.clock = clock;
    }

    record RepaymentView(long id, Money amount, LocalDate receivedOn, String bankReference, String recordedBy, Instant recordedAt) {
    }

    /** A recovery with what is still owed; {@code canRepay} and the write-off flags say what the caller may do now. */
    record RecoveryView(long id, long claimId, String reference, Money amount, Money repaid, Money writtenOff, Money outstanding,
                        String status, String statusName, String reasonCode, String reasonName, String openedBy, String openedByName,
                        LocalDate openedOn, String writeOffReason, String writeOffProposedBy, Instant writeOffProposedAt,
                        String writtenOffBy, LocalDate closedOn, List<RepaymentView> repayments, boolean canRepay,
                        boolean canProposeWriteOff, boolean canDecideWriteOff) {
    }

    /** Opens the recovery of a confirmed finding and books the receivable, in the confirming transaction. */
    void open(AuditRepository.Check check, AuditFinding finding, String by, LocalDate today) {
        long id = repository.openRecovery(check.claimId(), check.orgPath(), check.findingAmount().amount(), finding.name(), by, today);
        ledger.post(new JournalEntry("claim:" + check.claimId() + ":recovery", "CLAIM_RECOVERY", Long.toString(id),
                "互助金追回 理赔#" + check.claimId() + "（" + finding.chinese() + "）", today, check.orgPath(),
                List.of(JournalEntry.Line.debit(ChartOfAccounts.BENEFIT_RECOVERY_RECEIVABLE, check.findingAmount()),
                        JournalEntry.Line.credit(ChartOfAccounts.BENEFIT_EXPENSE, check.findingAmount()))));
    }

    Optional<RecoveryView> ofClaim(long claimId, CurrentUser user, boolean withRepayments) {
        return repository.recoveryOfClaim(claimId).map(r -> view(r, user, withRepayments));
    }

    @Transactional(readOnly = true)
    List<RecoveryView> list(CurrentUser user, String status) {
        if (!user.holds(Right.CLAIM_AUDIT)) throw new AccessDeniedException("cannot see recoveries");
        if (status != null && !STATUS.containsKey(status)) {
            throw InvalidInputException.of("status", "状态须为 " + String.join("、", STATUS.keySet()) + " 之一");
        }
        return repository.recoveries(user.scopePattern(), status, 500).stream().map(r -> view(r, user, false)).toList();
    }

    record Repayment(Money amount, LocalDate receivedOn, String bankReference) {
    }

    /** Finance records money the member paid back; the recovery closes once nothing is owed. */
    @Transactional
    RecoveryView repay(long id, Repayment command, CurrentUser user) {
        AuditRepository.Recovery r = pending(id, user);
        Checks checks = new Checks();
        checks.require("amount", command == null ? null : command.amount(), "到账金额");
        checks.require("receivedOn", command == null ? null : command.receivedOn(), "到账日期");
        checks.require("bankReference", command == null ? null : command.bankReference(), "银行流水号");
        checks.throwIfInvalid();
        LocalDate today = LocalDate.now(clock);
        checks.check(command.amount().isPositive(), "amount", "到账金额须大于0");
        checks.check(command.amount().compareTo(r.outstanding()) <= 0, "amount", "到账金额不能超过尚欠的" + r.outstanding() + "元");
        checks.check(!command.receivedOn().isAfter(today), "receivedOn", "到账日期不能晚于今天");
        checks.check(command.bankReference().strip().length() <= 64, "bankReference", "银行流水号不能超过64个字符");
        checks.throwIfInvalid();
        String reference = command.bankReference().strip();
        long repayment;
        try {
            repayment = repository.repayment(id, command.amount(), command.receivedOn(), reference, user.username());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("bankReference", "银行流水号" + reference + "已登记过，不能重复登记");
        }
        if (!repository.repaid(r, command.amount(), today)) throw new ConflictException(Claims.STALE);
        ledger.post(new JournalEntry("recovery:" + id + ":repayment:" + repayment, "CLAIM_RECOVERY", Long.toString(id),
                "互助金追回款到账 理赔#" + r.claimId() + " 流水号" + reference, command.receivedOn(), r.orgPath(),
                List.of(JournalEntry.Line.debit(ChartOfAccounts.BANK, command.amount()),
                        JournalEntry.Line.credit(ChartOfAccounts.BENEFIT_RECOVERY_RECEIVABLE, command.amount()))));
        timeline(r.claimId(), user, "收回追回款" + command.amount() + "元（流水号" + reference + "）");
        return view(repository.recovery(id).orElseThrow(), user, true);
    }

    record WriteOff(String reason) {
    }

    /** One finance officer proposes writing off what is still owed, with the reason; another decides. */
    @Transactional
    RecoveryView proposeWriteOff(long id, WriteOff command, CurrentUser user) {
        AuditRepository.Recovery r = pending(id, user);
        String reason = command == null || command.reason() == null ? "" : command.reason().strip();
        if (reason.isEmpty()) throw InvalidInputException.of("reason", "请写明核销原因");
        if (reason.length() > 500) throw InvalidInputException.of("reason", "核销原因不能超过500字");
        if (r.writeOffProposedBy() != null) throw new ConflictException("status", "已有待批准的核销申请（" + offices.nameOf(r.writeOffProposedBy()) + "提出）");
        if (!repository.proposeWriteOff(r, reason, user.username(), Instant.now(clock))) throw new ConflictException(Claims.STALE);
        return view(repository.recovery(id).orElseThrow(), user, true);
    }

    /** The second finance officer approves the write-off (booked Dr 5101 Cr 1221) or, {@code approved} false, refuses it. */
    @Transactional
    RecoveryView decideWriteOff(long id, boolean approved, CurrentUser user) {
        AuditRepository.Recovery r = pending(id, user);
        if (r.writeOffProposedBy() == null) throw new ConflictException("status", "没有待批准的核销申请");
        if (user.username().equals(r.writeOffProposedBy())) throw new ConflictException("核销须由另一名财务人员批准（双人复核），不能由提出人本人处理");
        LocalDate today = LocalDate.now(clock);
        Money left = r.outstanding();
        if (!repository.decideWriteOff(r, approved, user.username(), today)) throw new ConflictException(Claims.STALE);
        if (approved) {
            ledger.post(new JournalEntry("recovery:" + id + ":written-off", "CLAIM_RECOVERY", Long.toString(id),
                    "互助金追回余额核销 理赔#" + r.claimId(), today, r.orgPath(),
                    List.of(JournalEntry.Line.debit(ChartOfAccounts.BENEFIT_EXPENSE, left),
                            JournalEntry.Line.credit(ChartOfAccounts.BENEFIT_RECOVERY_RECEIVABLE, left))));
            timeline(r.claimId(), user, "追回余额" + left + "元经批准核销（" + r.writeOffReason() + "）");
        }
        return view(repository.recovery(id).orElseThrow(), user, true);
    }

    /** A recovery inside the caller's scope (others are 404) that is still open, for finance. */
    private AuditRepository.Recovery pending(long id, CurrentUser user) {
        if (!user.holds(Right.PAYMENT_REGISTER)) throw new AccessDeniedException("only finance records recoveries");
        AuditRepository.Recovery r = repository.recovery(id).filter(x -> user.sees(x.orgPath()))
                .orElseThrow(() -> new NotFoundException("追回记录不存在"));
        if (!"OPEN".equals(r.status())) throw new ConflictException("status", "该追回已" + STATUS.get(r.status()) + "，不能再办理");
        return r;
    }

    private void timeline(long claimId, CurrentUser user, String what) {
        Claim claim = claims.load(claimId);
        claim.record(user.username(), Instant.now(clock), what);
        if (!claimRepository.update(claim)) throw new ConflictException(Claims.STALE);
    }

    private RecoveryView view(AuditRepository.Recovery r, CurrentUser user, boolean withRepayments) {
        boolean finance = user != null && user.holds(Right.PAYMENT_REGISTER) && "OPEN".equals(r.status());
        AuditFinding reason = AuditFinding.valueOf(r.reasonCode());
        List<RepaymentView> repayments = withRepayments ? repository.repayments(r.id()).stream().map(p -> new RepaymentView(p.id(),
                p.amount(), p.receivedOn(), p.bankReference(), p.recordedBy(), p.recordedAt())).toList() : List.of();
        return new RecoveryView(r.id(), r.claimId(), ClaimReference.of(r.claimId()), r.amount(), r.repaid(), r.writtenOff(), r.outstanding(),
                r.status(), STATUS.get(r.status()), r.reasonCode(), reason.chinese(), r.openedBy(), offices.nameOf(r.openedBy()), r.openedOn(),
                r.writeOffReason(), r.writeOffProposedBy(), r.writeOffProposedAt(), r.writtenOffBy(), r.closedOn(), repayments, finance,
                finance && r.writeOffProposedBy() == null, finance && r.writeOffProposedBy() != null
                        && !user.username().equals(r.writeOffProposedBy()));
    }
}
