package org.huzhu.claims;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The post-payment check of automatic approvals (事后抽查), drawn by {@link AuditSampling}: a checker (a reviewer or the
 * administrator, never the claim's filer or its member) records 无问题, or a finding with a coded reason
 * ({@link AuditFinding}) and the amount to recover, at most what was paid. A finding is money: it opens a recovery
 * ({@link BenefitRecoveries}) only once a second person confirms it, after the benefit was paid; the second person may
 * instead send it back, and the check is open again. Each step is kept (claims.audit_check_event).
 */
@Service
class PostPaymentChecks {

    static final Map<String, String> STATUS = Map.of("OPEN", "待抽查", "CLEARED", "无问题", "FINDING", "发现问题待复核",
            "CONFIRMED", "已确认，追回中");
    static final Map<String, String> STEP = Map.of("CLEARED", "抽查无问题", "FINDING", "发现问题", "CONFIRMED", "复核确认",
            "REFUSED", "复核退回");

    private final Claims claims;
    private final ClaimRepository claimRepository;
    private final AuditRepository repository;
    private final BenefitRecoveries recoveries;
    private final ReviewOffices offices;
    private final Clock clock;

    PostPaymentChecks(Claims claims, ClaimRepository claimRepository, AuditRepository repository, BenefitRecoveries recoveries,
                      ReviewOffices offices, Clock clock) {
        this.claims = claims;
        this.claimRepository = claimRepository;
        this.repository = repository;
        this.recoveries = recoveries;
        this.offices = offices;
        this.clock = clock;
    }

    record FactorView(String code, String name, int weight) {
    }

    record StepView(String step, String stepName, String actor, String actorName, Instant at, String note) {
    }

    /**
     * A claim's check: {@code drawn} false for a claim never drawn (then nothing else is filled); the risk score and its
     * factors, the result so far, its steps, the recovery it opened, and what the caller may do next.
     */
    record CheckView(long claimId, String reference, long memberId, boolean drawn, LocalDate drawnOn, boolean drawnByShare,
                     int riskScore, List<FactorView> riskFactors, Money paidAmount, String status, String statusName, String checkedBy,
                     String checkedByName, Instant checkedAt, String findingCode, String findingName, Money findingAmount,
                     String note, String confirmedBy, Instant confirmedAt, List<StepView> steps,
                     BenefitRecoveries.RecoveryView recovery, boolean canRecord, boolean canConfirm) {
    }

    /** The checks inside the caller's scope, those to do first. */
    @Transactional(readOnly = true)
    List<CheckView> queue(CurrentUser user, String status) {
        if (!user.holds(Right.CLAIM_AUDIT)) throw new AccessDeniedException("cannot see post-payment checks");
        if (status != null && !STATUS.containsKey(status)) {
            throw InvalidInputException.of("status", "状态须为 " + String.join("、", STATUS.keySet()) + " 之一");
        }
        return repository.checks(user.scopePattern(), status, 500).stream().map(c -> view(c, user, false)).toList();
    }

    @Transactional(readOnly = true)
    CheckView view(long claimId, CurrentUser user) {
        if (!user.holds(Right.CLAIM_AUDIT)) throw new AccessDeniedException("cannot see post-payment checks");
        Claim claim = claims.visible(claimId, user);
        return repository.check(claimId).map(c -> view(c, user, true))
                .orElseGet(() -> new CheckView(claimId, ClaimReference.of(claimId), claim.facts.memberId(), false, null, false, 0,
                        List.of(), null, null, null, null, null, null, null, null, null, null, null, null, List.of(), null, false, false));
    }

    /** {@code outcome} NO_ISSUE (无问题) or FINDING, which needs {@code findingCode}, {@code amount} and {@code note}. */
    record Result(String outcome, String findingCode, Money amount, String note) {
    }

    @Transactional
    CheckView record(long claimId, Result result, CurrentUser user) {
        AuditRepository.Check check = checkable(claimId, user);
        if (!"OPEN".equals(check.status())) throw notNow(check, "登记抽查结论");
        String outcome = result == null ? null : result.outcome();
        String note = result == null || result.note() == null || result.note().isBlank() ? null : result.note().strip();
        if (note != null && note.length() > 500) throw InvalidInputException.of("note", "说明不能超过500字");
        Instant now = Instant.now(clock);
        if ("NO_ISSUE".equals(outcome)) {
            if (!repository.result(check, "CLEARED", user.username(), now, null, null, note)) throw new ConflictException(Claims.STALE);
            repository.step(claimId, "CLEARED", user.username(), now, note);
            return view(claimId, user);
        }
        if (!"FINDING".equals(outcome)) throw InvalidInputException.of("outcome", "抽查结论须为 NO_ISSUE（无问题）或 FINDING（发现问题）");
        Checks checks = new Checks();
        AuditFinding finding = finding(result.findingCode(), checks);
        if (result.amount() == null) checks.add("amount", "请填写应追回金额");
        else if (!result.amount().isPositive()) checks.add("amount", "应追回金额须大于0");
        else if (result.amount().compareTo(check.paidAmount()) > 0) {
            checks.add("amount", "应追回金额不能超过已支付的" + check.paidAmount() + "元");
        }
        if (note == null) checks.add("note", "请写明发现的问题");
        checks.throwIfInvalid();
        if (!repository.result(check, "FINDING", user.username(), now, finding.name(), result.amount().amount(), note)) {
            throw new ConflictException(Claims.STALE);
        }
        repository.step(claimId, "FINDING", user.username(), now, finding.chinese() + "，拟追回" + result.amount() + "元：" + note);
        return view(claimId, user);
    }

    record Decision(String note) {
    }

    /** The second person confirms the finding: the recovery is opened and booked (Dr 1221 Cr 5101). */
    @Transactional
    CheckView confirm(long claimId, Decision decision, CurrentUser user) {
        AuditRepository.Check check = secondLook(claimId, user);
        Claim claim = claims.load(claimId);
        if (claim.status() != ClaimStatus.PAID) {
            throw new ConflictException("status", "互助金尚未支付到账（当前状态为「" + claim.status().chinese() + "」），确认后才能开立追回");
        }
        Instant now = Instant.now(clock);
        if (!repository.confirm(check, user.username(), now)) throw new ConflictException(Claims.STALE);
        repository.step(claimId, "CONFIRMED", user.username(), now, note(decision));
        AuditFinding finding = AuditFinding.valueOf(check.findingCode());
        recoveries.open(check, finding, user.username(), LocalDate.now(clock));
        claim.record(user.username(), now, "事后抽查确认多付（" + finding.chinese() + "），应追回互助金" + check.findingAmount() + "元");
        if (!claimRepository.update(claim)) throw new ConflictException(Claims.STALE);
        return view(claimId, user);
    }

    /** The second person does not agree with the finding: the check is open again for a new result. */
    @Transactional
    CheckView refuse(long claimId, Decision decision, CurrentUser user) {
        AuditRepository.Check check = secondLook(claimId, user);
        String note = note(decision);
        if (note == null) throw InvalidInputException.of("note", "请写明退回的理由");
        if (!repository.reopen(check)) throw new ConflictException(Claims.STALE);
        repository.step(claimId, "REFUSED", user.username(), Instant.now(clock), note);
        return view(claimId, user);
    }

    /** A drawn claim the caller may check: visible, and not filed by them nor of their own membership. */
    private AuditRepository.Check checkable(long claimId, CurrentUser user) {
        if (!user.holds(Right.CLAIM_DECIDE)) throw new AccessDeniedException("only reviewers check claims");
        Claim claim = claims.visible(claimId, user);
        AuditRepository.Check check = repository.check(claimId)
                .orElseThrow(() -> new ConflictException("claimId", "该申请未被抽中事后抽查"));
        if (user.username().equals(claim.filedBy)) throw new ConflictException("不能抽查本人提交的申请，须由另一名审核员抽查");
        if (user.memberId() != null && user.memberId() == claim.facts.memberId()) throw new ConflictException("不能抽查本人的申请");
        return check;
    }

    private AuditRepository.Check secondLook(long claimId, CurrentUser user) {
        AuditRepository.Check check = checkable(claimId, user);
        if (!"FINDING".equals(check.status())) throw notNow(check, "复核抽查发现");
        if (user.username().equals(check.checkedBy())) throw new ConflictException("抽查发现须由另一人复核确认（双人复核），不能由登记人本人确认");
        return check;
    }

    private CheckView view(AuditRepository.Check c, CurrentUser user, boolean full) {
        boolean barred = user.username().equals(c.filedBy()) || (user.memberId() != null && user.memberId() == c.memberId());
        boolean decider = user.holds(Right.CLAIM_DECIDE) && !barred;
        AuditFinding finding = c.findingCode() == null ? null : AuditFinding.valueOf(c.findingCode());
        List<StepView> steps = full ? repository.steps(c.claimId()).stream().map(s -> new StepView(s.step(), STEP.get(s.step()), s.actor(),
                offices.nameOf(s.actor()), s.at(), s.note())).toList() : List.of();
        return new CheckView(c.claimId(), ClaimReference.of(c.claimId()), c.memberId(), true, c.drawnOn(), c.drawnByShare(), c.riskScore(),
                c.riskFactors().stream().map(f -> Arrays.stream(AuditRisk.Factor.values()).filter(x -> x.name().equals(f)).findFirst()
                        .map(x -> new FactorView(x.name(), x.chinese(), x.weight())).orElse(new FactorView(f, f, 0))).toList(),
                c.paidAmount(), c.status(), STATUS.get(c.status()), c.checkedBy(), offices.nameOf(c.checkedBy()), c.checkedAt(),
                c.findingCode(), finding == null ? null : finding.chinese(), c.findingAmount(), c.note(), c.confirmedBy(), c.confirmedAt(),
                steps, "CONFIRMED".equals(c.status()) ? recoveries.ofClaim(c.claimId(), user, full).orElse(null) : null,
                decider && "OPEN".equals(c.status()), decider && "FINDING".equals(c.status()) && !user.username().equals(c.checkedBy()));
    }

    private static AuditFinding finding(String code, Checks checks) {
        if (code == null || code.isBlank()) {
            checks.add("findingCode", "请选择问题类型");
            return null;
        }
        return Arrays.stream(AuditFinding.values()).filter(f -> f.name().equals(code.strip())).findFirst().orElseGet(() -> {
            checks.add("findingCode", "问题类型须为 " + Arrays.stream(AuditFinding.values()).map(Enum::name)
                    .collect(java.util.stream.Collectors.joining("、")) + " 之一");
            return null;
        });
    }

    private static ConflictException notNow(AuditRepository.Check c, String what) {
        return new ConflictException("status", "该抽查当前为「" + STATUS.get(c.status()) + "」，不能" + what);
    }

    private static String note(Decision decision) {
        return decision == null || decision.note() == null || decision.note().isBlank() ? null : decision.note().strip();
    }

    record FindingView(String code, String name) {
    }

    /** The finding codes and their Chinese names, for the console. */
    List<FindingView> findings() {
        return Arrays.stream(AuditFinding.values()).map(f -> new FindingView(f.name(), f.chinese())).toList();
    }
}
