package org.huzhu.membership;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.huzhu.membership.BankAccountChangeRepository.Change;
import org.huzhu.membership.BankAccountChangeRepository.Status;
import org.huzhu.shared.BankAccount;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of a member's payout account (收款账户变更), maker-checker. The worker changes their own
 * account at once. Staff (an administrator, union staff in scope, the operator of the member's
 * unit) only propose a change, with a reason and evidence; a second person (an administrator or
 * union staff in scope, never the proposer) approves or rejects it. Reviewers and finance may do
 * neither. Every change is kept, old and new account masked, and each applied change publishes
 * {@link BankAccountChanged}.
 *
 * <p>Lifecycle of a proposal: PROPOSED → APPROVED (applied) | REJECTED. A worker's own change is
 * recorded APPROVED at once and closes an open staff proposal as REJECTED.
 */
@Service
public class BankAccountChanges {

    private final BankAccountChangeRepository changes;
    private final MemberRepository members;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BankAccountChanges(BankAccountChangeRepository changes, MemberRepository members, PersonalDataCipher cipher,
                       ApplicationEventPublisher events, Clock clock) {
        this.changes = changes;
        this.members = members;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
    }

    /** A change as screens show it: masked numbers only; {@code canDecide} when the caller may approve or reject it now. */
    public record ChangeView(long id, long memberId, String status, String statusName, boolean byMember, String oldBankName,
                             String oldMaskedAccount, String newBankName, String newMaskedAccount, String reason, String evidence,
                             String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt, boolean canDecide) {
    }

    /** What a change request led to: applied at once (the worker's own; {@code member} as it is now) or a proposal waiting. */
    public record Outcome(Member member, ChangeView change) {
        public boolean applied() {
            return Status.APPROVED.name().equals(change.status());
        }
    }

    @Transactional
    public Outcome change(long memberId, Members.BankAccountChange command, CurrentUser user) {
        if (!user.holds(Right.BANK_ACCOUNT_CHANGE)) {
            throw new AccessDeniedException("reviewers and finance cannot change payout accounts");
        }
        Member member = members.lock(memberId).filter(m -> Members.visible(m, user)).orElseThrow(() -> new NotFoundException("职工不存在"));
        if (member.diedOn() != null) throw new ConflictException("accountNumber", "职工已身故：互助金改付继承人请办理继承人收款");
        Checks checks = new Checks();
        checks.require("bankName", command.bankName(), "开户银行");
        checks.require("accountNumber", command.accountNumber(), "银行账号");
        checks.throwIfInvalid();
        BankAccount account = checks.parse("accountNumber", () -> new BankAccount(command.bankName(), command.accountNumber()));
        String reason = optional(checks, "reason", command.reason(), 200, "变更原因");
        String evidence = optional(checks, "evidence", command.evidence(), 500, "证明材料");
        if (!user.is(Role.MEMBER)) checks.require("reason", reason, "变更原因");
        checks.throwIfInvalid();
        byte[] newCipher = cipher.encrypt(account.number());
        if (user.is(Role.MEMBER)) {
            changes.open(member.id()).ifPresent(p -> changes.decide(p.id(), Status.REJECTED, user.username(), null, null));
            long id = changes.insert(new BankAccountChangeRepository.NewChange(member.id(), Status.APPROVED, true, member.bankName(),
                    member.maskedBankAccount(), account.bankName(), account.masked(), newCipher, reason, evidence, user.username()));
            proposed(id, member, account);
            Change applied = apply(changes.find(id, false).orElseThrow(), member, user);
            return new Outcome(members.find(member.id()).orElseThrow(), view(applied, member, user));
        }
        if (changes.open(member.id()).isPresent()) {
            throw new ConflictException("accountNumber", "该职工已有待复核的收款账户变更，请先复核或驳回");
        }
        long id = changes.insert(new BankAccountChangeRepository.NewChange(member.id(), Status.PROPOSED, false, member.bankName(),
                member.maskedBankAccount(), account.bankName(), account.masked(), newCipher, reason, evidence, user.username()));
        proposed(id, member, account);
        return new Outcome(member, view(changes.find(id, false).orElseThrow(), member, user));
    }

    /** The second person's approval: the proposed account becomes the member's payout account. */
    @Transactional
    public ChangeView approve(long memberId, long changeId, CurrentUser user) {
        Member member = members.lock(memberId).orElse(null);
        Change change = decidable(member, changeId, user);
        if (!changes.decide(change.id(), Status.APPROVED, user.username(), member.bankName(), member.maskedBankAccount())) {
            throw new ConflictException("status", "该变更已被他人处理，请刷新后重试");
        }
        Audit.changed("bank-account-change", change.id(), "status", Status.PROPOSED, Status.APPROVED);
        return view(apply(changes.find(change.id(), false).orElseThrow(), member, user), member, user);
    }

    @Transactional
    public ChangeView reject(long memberId, long changeId, CurrentUser user) {
        Member member = members.lock(memberId).orElse(null);
        Change change = decidable(member, changeId, user);
        if (!changes.decide(change.id(), Status.REJECTED, user.username(), null, null)) {
            throw new ConflictException("status", "该变更已被他人处理，请刷新后重试");
        }
        Audit.changed("bank-account-change", change.id(), "status", Status.PROPOSED, Status.REJECTED);
        return view(changes.find(change.id(), false).orElseThrow(), member, user);
    }

    /** The member's account history, newest first, for anyone who may see the member. */
    public List<ChangeView> history(long memberId, CurrentUser user) {
        Member member = members.find(memberId).filter(m -> Members.visible(m, user)).orElseThrow(() -> new NotFoundException("职工不存在"));
        return changes.ofMember(member.id()).stream().map(c -> view(c, member, user)).toList();
    }

    private Change decidable(Member member, long changeId, CurrentUser user) {
        if (!user.holds(Right.BANK_ACCOUNT_APPROVE)) throw new AccessDeniedException("only administrators and union staff approve account changes");
        if (member == null || !Members.visible(member, user)) throw new NotFoundException("职工不存在");
        Change change = changes.find(changeId, true).filter(c -> c.memberId() == member.id())
                .orElseThrow(() -> new NotFoundException("收款账户变更不存在"));
        if (change.status() != Status.PROPOSED) throw new ConflictException("status", "该变更已处理（" + chinese(change.status()) + "）");
        if (change.proposedBy().equals(user.username())) {
            throw new ConflictException("decidedBy", "收款账户变更须由提出人以外的另一人复核（双人复核）：本变更由您提出");
        }
        return change;
    }

    /** The proposed account, masked, for the operation log. */
    private static void proposed(long changeId, Member member, BankAccount account) {
        Audit.changed("bank-account-change", changeId, "bankName", member.bankName(), account.bankName());
        Audit.changed("bank-account-change", changeId, "bankAccount", member.maskedBankAccount(), account.masked());
    }

    private Change apply(Change change, Member member, CurrentUser user) {
        boolean replaces = member.maskedBankAccount() != null;
        changes.applyToMember(member.id(), change.newBankName(), change.newCipher(), change.newMasked(), replaces);
        Audit.changed("member", member.id(), "bankName", member.bankName(), change.newBankName());
        Audit.changed("member", member.id(), "bankAccount", member.maskedBankAccount(), change.newMasked());
        events.publishEvent(new BankAccountChanged(member.id(), change.id(), member.maskedBankAccount(), change.newMasked(),
                change.byMember(), change.proposedBy(), user.username(), Instant.now(clock)));
        events.publishEvent(new PayeeChanged(member.id(), change.byMember() ? "职工本人更正收款账户" : "收款账户更正（经复核）",
                user.username()));
        return change;
    }

    private static ChangeView view(Change c, Member member, CurrentUser user) {
        boolean canDecide = c.status() == Status.PROPOSED && user.holds(Right.BANK_ACCOUNT_APPROVE) && Members.visible(member, user)
                && !c.proposedBy().equals(user.username());
        return new ChangeView(c.id(), c.memberId(), c.status().name(), chinese(c.status()), c.byMember(), c.oldBankName(), c.oldMasked(),
                c.newBankName(), c.newMasked(), c.reason(), c.evidence(), c.proposedBy(), c.proposedAt(), c.decidedBy(), c.decidedAt(),
                canDecide);
    }

    private static String optional(Checks checks, String field, String value, int max, String label) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        checks.check(v.length() <= max, field, label + "过长（最多" + max + "个字）");
        return v;
    }

    private static String chinese(Status status) {
        return switch (status) {
            case PROPOSED -> "待复核";
            case APPROVED -> "已生效";
            case REJECTED -> "已驳回";
        };
    }
}
