package org.huzhu.membership;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.membership.MemberCorrectionRepository.Correction;
import org.huzhu.membership.MemberCorrectionRepository.Status;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections of a worker's personal details (信息更正), maker-checker as {@link BankAccountChanges}: staff
 * (an administrator, union staff in scope, the operator of the worker's unit) propose a corrected name,
 * ID number or employment form with a reason; a second person (an administrator or union staff in scope,
 * never the proposer) approves or refuses it. Sex and birth date follow the ID number (GB 11643), never
 * typed twice. A refused correction changes nothing; an approved one is written to the member and to the
 * operation log, ID numbers masked. Every correction stays as history.
 *
 * <p>Lifecycle: PROPOSED → APPROVED (applied) | REJECTED. One open correction per member.
 */
@Service
public class MemberCorrections {

    private final MemberCorrectionRepository corrections;
    private final MemberRepository members;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    MemberCorrections(MemberCorrectionRepository corrections, MemberRepository members, PersonalDataCipher cipher, Clock clock) {
        this.corrections = corrections;
        this.members = members;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** What is corrected: a null or unchanged detail stays as it is. */
    public record Proposal(String name, String idNumber, String employmentForm, String reason, String evidence) {
    }

    public record Decision(String note) {
    }

    /** One detail's old and new value, masked where personal. */
    public record FieldChange(String field, String label, String before, String after) {
    }

    public record CorrectionView(long id, long memberId, String status, String statusName, List<FieldChange> changes, String reason,
                                 String evidence, String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt,
                                 String decisionNote, boolean canDecide) {
    }

    @Transactional
    public CorrectionView propose(long memberId, Proposal proposal, CurrentUser user) {
        if (!user.holds(Right.MEMBER_CORRECTION)) throw new AccessDeniedException("cannot propose corrections");
        Member member = locked(memberId, user);
        if (proposal == null) throw InvalidInputException.of("body", "缺少更正内容");
        Checks checks = new Checks();
        String name = blank(proposal.name()) ? null : checks.parse("name", () -> MemberFacts.name(proposal.name()));
        IdNumber id = blank(proposal.idNumber()) ? null
                : checks.parse("idNumber", () -> MemberFacts.idNumber(proposal.idNumber(), LocalDate.now(clock)));
        EmploymentForm form = blank(proposal.employmentForm()) ? null
                : checks.parse("employmentForm", () -> EmploymentForm.parse(proposal.employmentForm()));
        String reason = MemberLifeEvents.text(checks, "reason", proposal.reason(), 200, "更正原因");
        String evidence = MemberLifeEvents.text(checks, "evidence", proposal.evidence(), 500, "证明材料");
        checks.require("reason", reason, "更正原因");
        checks.throwIfInvalid();
        if (name != null && name.equals(member.name())) name = null;
        byte[] hash = id == null ? null : MemberFacts.idHash(cipher, id);
        if (hash != null && members.idByHash(hash).filter(other -> other == member.id()).isPresent()) {
            id = null;
            hash = null;
        }
        if (form == member.employmentForm()) form = null;
        if (name == null && id == null && form == null) throw InvalidInputException.of("name", "更正内容与现有信息相同，请填写需要更正的项目");
        if (hash != null && members.idByHash(hash).isPresent()) throw new ConflictException("idNumber", "该身份证号码已登记为其他职工");
        if (corrections.open(member.id())) throw new ConflictException("name", "该职工已有待审批的信息更正，请先审批或驳回");
        long correctionId = corrections.insert(new Correction(0, member.id(), Status.PROPOSED, member.name(), name, member.maskedIdNumber(),
                id == null ? null : id.masked(), id == null ? null : cipher.encrypt(id.value()), hash, id == null ? null : id.gender(),
                id == null ? null : id.birthDate(), member.employmentForm(), form, reason, evidence, user.username(), null, null, null,
                null));
        Correction saved = corrections.find(correctionId, false).orElseThrow();
        for (FieldChange c : changes(saved, member)) Audit.changed("member-correction", correctionId, c.field(), c.before(), c.after());
        return view(saved, member, user);
    }

    /** The second person's approval: the corrected details become the member's. */
    @Transactional
    public CorrectionView approve(long memberId, long correctionId, CurrentUser user) {
        Member member = locked(memberId, user);
        Correction c = decidable(member, correctionId, user);
        if (c.newIdHash() != null && members.idByHash(c.newIdHash()).filter(other -> other != member.id()).isPresent()) {
            throw new ConflictException("idNumber", "更正后的身份证号码已登记为其他职工，不能生效；请驳回");
        }
        corrections.decide(c.id(), Status.APPROVED, user.username(), null);
        corrections.apply(c);
        for (FieldChange change : changes(c, member)) Audit.changed("member", member.id(), change.field(), change.before(), change.after());
        Audit.changed("member-correction", c.id(), "status", Status.PROPOSED, Status.APPROVED);
        Member now = members.find(member.id()).orElseThrow();
        return view(corrections.find(c.id(), false).orElseThrow(), now, user);
    }

    @Transactional
    public CorrectionView reject(long memberId, long correctionId, Decision decision, CurrentUser user) {
        Member member = locked(memberId, user);
        Correction c = decidable(member, correctionId, user);
        String note = decision == null || blank(decision.note()) ? null : decision.note().strip();
        if (note != null && note.length() > 200) throw InvalidInputException.of("note", "驳回意见过长（最多200个字）");
        corrections.decide(c.id(), Status.REJECTED, user.username(), note);
        Audit.changed("member-correction", c.id(), "status", Status.PROPOSED, Status.REJECTED);
        return view(corrections.find(c.id(), false).orElseThrow(), member, user);
    }

    /** The member's corrections, newest first, for anyone who may see the member. */
    public List<CorrectionView> history(long memberId, CurrentUser user) {
        Member member = members.find(memberId).filter(m -> Members.visible(m, user)).orElseThrow(() -> new NotFoundException("职工不存在"));
        return corrections.ofMember(member.id()).stream().map(c -> view(c, member, user)).toList();
    }

    private Correction decidable(Member member, long correctionId, CurrentUser user) {
        if (!user.holds(Right.MEMBER_CORRECTION_APPROVE)) throw new AccessDeniedException("only administrators and union staff approve corrections");
        Correction c = corrections.find(correctionId, true).filter(x -> x.memberId() == member.id())
                .orElseThrow(() -> new NotFoundException("信息更正不存在"));
        if (c.status() != Status.PROPOSED) throw new ConflictException("status", "该信息更正已处理（" + chinese(c.status()) + "）");
        if (c.proposedBy().equals(user.username())) {
            throw new ConflictException("decidedBy", "信息更正须由提出人以外的另一人审批（双人复核）：本更正由您提出");
        }
        return c;
    }

    /**
     * The details a correction changes, old and new, ID numbers masked; a new ID number brings its sex and birth
     * date, whose old values are known from {@code before} (the member as they stand before the correction), else null.
     */
    private static List<FieldChange> changes(Correction c, Member before) {
        List<FieldChange> out = new java.util.ArrayList<>();
        if (c.newName() != null) out.add(new FieldChange("name", "姓名", c.oldName(), c.newName()));
        if (c.newIdMasked() != null) {
            out.add(new FieldChange("idNumber", "身份证号码", c.oldIdMasked(), c.newIdMasked()));
            out.add(new FieldChange("gender", "性别", before == null ? null : before.gender().chinese(), c.newGender().chinese()));
            out.add(new FieldChange("birthDate", "出生日期", before == null ? null : String.valueOf(before.birthDate()),
                    String.valueOf(c.newBirthDate())));
        }
        if (c.newForm() != null) out.add(new FieldChange("employmentForm", "就业形态", c.oldForm().chinese(), c.newForm().chinese()));
        return out;
    }

    private static CorrectionView view(Correction c, Member member, CurrentUser user) {
        boolean canDecide = c.status() == Status.PROPOSED && user.holds(Right.MEMBER_CORRECTION_APPROVE) && Members.visible(member, user)
                && !c.proposedBy().equals(user.username());
        return new CorrectionView(c.id(), c.memberId(), c.status().name(), chinese(c.status()), changes(c, c.status() == Status.PROPOSED ? member : null),
                c.reason(), c.evidence(),
                c.proposedBy(), c.proposedAt(), c.decidedBy(), c.decidedAt(), c.decisionNote(), canDecide);
    }

    private Member locked(long memberId, CurrentUser user) {
        return members.lock(memberId).filter(m -> Members.visible(m, user)).orElseThrow(() -> new NotFoundException("职工不存在"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String chinese(Status status) {
        return switch (status) {
            case PROPOSED -> "待审批";
            case APPROVED -> "已生效";
            case REJECTED -> "已驳回";
        };
    }
}
