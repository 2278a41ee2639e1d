package org.huzhu.membership;

import java.time.Instant;
import java.util.List;
import org.huzhu.membership.HeirPayeeRepository.Change;
import org.huzhu.membership.HeirPayeeRepository.Status;
import org.huzhu.shared.BankAccount;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is paid once a member has died (继承人收款), maker-checker as {@link BankAccountChanges}: staff who
 * record deaths propose the heir (name, relation, account and the document naming them); a second person
 * holding {@link Right#BANK_ACCOUNT_APPROVE} (never the proposer) approves or refuses. On approval the
 * heir becomes the payee {@link Members#payee} and {@link Members#claimant} give the claims module, so a
 * claim still pending is paid to the heir, and a payout not yet handed to the bank follows the heir ({@link PayeeChanged});
 * claims' own records are not touched.
 *
 * <p>Lifecycle: PROPOSED → APPROVED (applied) | REJECTED. One open proposal per member.
 */
@Service
public class HeirPayees {

    private final HeirPayeeRepository changes;
    private final MemberRepository members;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;

    HeirPayees(HeirPayeeRepository changes, MemberRepository members, PersonalDataCipher cipher, ApplicationEventPublisher events) {
        this.changes = changes;
        this.members = members;
        this.cipher = cipher;
        this.events = events;
    }

    public record Proposal(String payeeName, String relation, String bankName, String accountNumber, String documentRef, String reason) {
    }

    public record HeirPayeeView(long id, long memberId, String status, String statusName, String payeeName, String relation,
                                String bankName, String maskedAccount, String documentRef, String reason, String proposedBy,
                                Instant proposedAt, String decidedBy, Instant decidedAt, boolean canDecide) {
    }

    @Transactional
    public HeirPayeeView propose(long memberId, Proposal proposal, CurrentUser user) {
        if (!user.holds(Right.DEATH_RECORD)) throw new AccessDeniedException("cannot propose heir payees");
        Member member = locked(memberId, user);
        if (member.diedOn() == null) throw new ConflictException("payeeName", "须先登记职工身故，才能变更为继承人收款");
        Proposal p = proposal == null ? new Proposal(null, null, null, null, null, null) : proposal;
        Checks checks = new Checks();
        String name = MemberLifeEvents.text(checks, "payeeName", p.payeeName(), 50, "继承人姓名");
        String relation = MemberLifeEvents.text(checks, "relation", p.relation(), 20, "与职工关系");
        String document = MemberLifeEvents.text(checks, "documentRef", p.documentRef(), 200, "继承证明文件编号");
        String reason = MemberLifeEvents.text(checks, "reason", p.reason(), 200, "说明");
        checks.require("payeeName", name, "继承人姓名").require("relation", relation, "与职工关系")
                .require("bankName", p.bankName(), "开户银行").require("accountNumber", p.accountNumber(), "银行账号")
                .require("documentRef", document, "继承证明文件编号（如公证书、法院文书编号）");
        checks.throwIfInvalid();
        BankAccount account = checks.parse("accountNumber", () -> new BankAccount(p.bankName(), p.accountNumber()));
        checks.throwIfInvalid();
        if (changes.open(member.id())) throw new ConflictException("payeeName", "该职工已有待复核的继承人收款变更，请先复核或驳回");
        long id = changes.insert(member.id(), name, relation, account.bankName(), cipher.encrypt(account.number()), account.masked(), document,
                reason, user.username());
        Audit.changed("heir-payee-change", id, "payeeName", member.name(), name);
        Audit.changed("heir-payee-change", id, "bankAccount", member.maskedBankAccount(), account.masked());
        return view(changes.find(id, false).orElseThrow(), member, user);
    }

    /** The second person's approval: the heir is paid from now on, pending claims included. */
    @Transactional
    public HeirPayeeView approve(long memberId, long changeId, CurrentUser user) {
        Member member = locked(memberId, user);
        Change c = decidable(member, changeId, user);
        changes.decide(c.id(), Status.APPROVED, user.username());
        changes.applyToMember(c);
        Audit.changed("heir-payee-change", c.id(), "status", Status.PROPOSED, Status.APPROVED);
        Audit.changed("member", member.id(), "payeeName", member.name(), c.payeeName());
        Audit.changed("member", member.id(), "bankAccount", member.maskedBankAccount(), c.accountMasked());
        events.publishEvent(new PayeeChanged(member.id(), "职工身故，改由继承人（" + c.relation() + "）收款", user.username()));
        return view(changes.find(c.id(), false).orElseThrow(), member, user);
    }

    @Transactional
    public HeirPayeeView reject(long memberId, long changeId, CurrentUser user) {
        Member member = locked(memberId, user);
        Change c = decidable(member, changeId, user);
        changes.decide(c.id(), Status.REJECTED, user.username());
        Audit.changed("heir-payee-change", c.id(), "status", Status.PROPOSED, Status.REJECTED);
        return view(changes.find(c.id(), false).orElseThrow(), member, user);
    }

    public List<HeirPayeeView> history(long memberId, CurrentUser user) {
        Member member = members.find(memberId).filter(m -> Members.visible(m, user)).orElseThrow(() -> new NotFoundException("职工不存在"));
        return changes.ofMember(member.id()).stream().map(c -> view(c, member, user)).toList();
    }

    private Change decidable(Member member, long changeId, CurrentUser user) {
        if (!user.holds(Right.BANK_ACCOUNT_APPROVE)) throw new AccessDeniedException("only administrators and union staff approve payees");
        Change c = changes.find(changeId, true).filter(x -> x.memberId() == member.id())
                .orElseThrow(() -> new NotFoundException("继承人收款变更不存在"));
        if (c.status() != Status.PROPOSED) throw new ConflictException("status", "该变更已处理（" + chinese(c.status()) + "）");
        if (c.proposedBy().equals(user.username())) {
            throw new ConflictException("decidedBy", "继承人收款变更须由提出人以外的另一人复核（双人复核）：本变更由您提出");
        }
        return c;
    }

    private static HeirPayeeView view(Change c, Member member, CurrentUser user) {
        boolean canDecide = c.status() == Status.PROPOSED && user.holds(Right.BANK_ACCOUNT_APPROVE) && Members.visible(member, user)
                && !c.proposedBy().equals(user.username());
        return new HeirPayeeView(c.id(), c.memberId(), c.status().name(), chinese(c.status()), c.payeeName(), c.relation(), c.bankName(),
                c.accountMasked(), c.documentRef(), c.reason(), c.proposedBy(), c.proposedAt(), c.decidedBy(), c.decidedAt(), canDecide);
    }

    private Member locked(long memberId, CurrentUser user) {
        return members.lock(memberId).filter(m -> Members.visible(m, user)).orElseThrow(() -> new NotFoundException("职工不存在"));
    }

    private static String chinese(Status status) {
        return switch (status) {
            case PROPOSED -> "待复核";
            case APPROVED -> "已生效";
            case REJECTED -> "已驳回";
        };
    }
}
