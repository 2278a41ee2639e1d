package org.huzhu.membership;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.membership.MemberTransferRepository.Status;
import org.huzhu.membership.MemberTransferRepository.Transfer;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving a worker between units (职工调动). A worker belongs to one unit; only this workflow moves
 * them to another. The NEW unit asks (its operator, or union staff or an administrator who sees
 * it) for a worker by ID number and name; the answer says only that the request was filed, never
 * where the worker is or what cover they hold. The OLD unit's operator, or a union office whose
 * scope holds both units, approves or rejects; nobody decides their own request. On approval the
 * worker's unit changes; their enrolments (cover) stay as they are, and the request stays as history.
 *
 * <p>Lifecycle: REQUESTED → APPROVED | REJECTED | CANCELLED (the worker moved otherwise meanwhile).
 */
@Service
public class MemberTransfers {

    /** What a unit is told when the worker it names is registered in a unit beyond its reach. */
    public static final String REGISTERED_ELSEWHERE = "该职工已在其他单位登记，请办理职工调动";
    static final String FILED = "已提交调动申请";

    private final MemberTransferRepository transfers;
    private final MemberRepository members;
    private final Organisations organisations;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    MemberTransfers(MemberTransferRepository transfers, MemberRepository members, Organisations organisations,
                    PersonalDataCipher cipher, Clock clock) {
        this.transfers = transfers;
        this.members = members;
        this.organisations = organisations;
        this.cipher = cipher;
        this.clock = clock;
    }

    public record TransferRequest(String idNumber, String name, Long toUnitId, String reason) {
    }

    public record Decision(String note) {
    }

    /**
     * A transfer as the caller may see it. The requesting side learns the worker's id and former
     * unit only once the transfer is approved; {@code canDecide} says whether the caller may approve
     * or reject it now.
     */
    public record TransferView(long id, String status, String statusName, String message, long toUnitId, String toUnitName,
                               String memberName, Long memberId, String maskedIdNumber, Long fromUnitId, String fromUnitName,
                               String reason, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
                               String decision, boolean canDecide) {
    }

    @Transactional
    public TransferView request(TransferRequest command, CurrentUser user) {
        if (!user.holds(Right.MEMBER_TRANSFER)) throw new AccessDeniedException("cannot request transfers");
        Checks checks = new Checks();
        Long toUnitId = command.toUnitId() != null ? command.toUnitId() : user.unitId();
        checks.require("toUnitId", toUnitId, "调入单位");
        String name = checks.parse("name", () -> MemberFacts.name(command.name()));
        IdNumber id = checks.parse("idNumber", () -> MemberFacts.idNumber(command.idNumber(), LocalDate.now(clock)));
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
        if (reason != null) checks.check(reason.length() <= 200, "reason", "调动原因过长（最多200个字）");
        checks.throwIfInvalid();
        Unit to = organisations.visibleUnit(toUnitId, user);
        Member member = members.idByHash(MemberFacts.idHash(cipher, id)).flatMap(members::lock)
                .filter(m -> m.name().equals(name))
                .orElseThrow(() -> InvalidInputException.of("idNumber", "未找到身份证号码与姓名相符的已登记职工"));
        if (member.unitId() != null && member.unitId() == to.id()) throw new ConflictException("idNumber", "该职工已在本单位登记");
        if (member.diedOn() != null) throw new ConflictException("idNumber", "该职工已登记身故，不能办理调动");
        if (transfers.openFor(member.id())) throw openAlready();
        long transferId;
        try {
            transferId = transfers.insert(member.id(), member.unitId(), member.orgPath(), to.id(), to.path(), reason, user.username());
        } catch (DuplicateKeyException e) {
            throw openAlready();
        }
        return view(transfers.find(transferId, false).orElseThrow(), user);
    }

    /**
     * Transfers the caller asked for (into their scope) or may decide, newest first: {@code limit} of them after the first
     * {@code offset}.
     */
    public List<TransferView> visible(CurrentUser user, String status, int limit, int offset) {
        return transfers.seen(viewer(user), listed(status), limit, offset).stream().map(t -> view(t, user)).toList();
    }

    /** How many transfers {@link #visible} lists on all its pages. */
    public TransfersSummary summary(CurrentUser user, String status) {
        return new TransfersSummary(transfers.countSeen(viewer(user), listed(status)));
    }

    /** What the list of transfers holds on all its pages, not only the page shown: how many. */
    public record TransfersSummary(long count) {
    }

    /** The caller as the list sees them: the transfers {@link #visible(Transfer, CurrentUser)} lets them see, in SQL. */
    private static MemberTransferRepository.Viewer viewer(CurrentUser user) {
        if (!user.holds(Right.MEMBER_TRANSFER)) throw new AccessDeniedException("transfers are for staff");
        return new MemberTransferRepository.Viewer(user.scopePattern(), user.username(), user.is(Role.UNIT_OPERATOR) ? user.unitId() : null);
    }

    /** The status the list is filtered by: null for every status. */
    private static Status listed(String status) {
        if (status == null || status.isBlank()) return null;
        try {
            return Status.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("status", "状态应为 REQUESTED、APPROVED、REJECTED 或 CANCELLED");
        }
    }

    @Transactional
    public TransferView approve(long id, Decision decision, CurrentUser user) {
        Transfer t = decidable(id, user);
        Member member = members.lock(t.memberId()).orElseThrow();
        if (!java.util.Objects.equals(member.unitId(), t.fromUnitId()) || !member.orgPath().equals(t.fromPath())) {
            transfers.decide(id, Status.CANCELLED, user.username(), "职工所在单位已变化，申请作废");
            throw new ConflictException("status", "职工所在单位已变化，该调动申请已作废，请重新申请");
        }
        MemberLifeEvents.requireAlive(member);
        transfers.decide(id, Status.APPROVED, user.username(), note(decision));
        members.moveToUnit(member.id(), t.toUnitId(), t.toPath());
        org.huzhu.shared.audit.Audit.changed("member", member.id(), "unitId", member.unitId(), t.toUnitId());
        return view(transfers.find(id, false).orElseThrow(), user);
    }

    @Transactional
    public TransferView reject(long id, Decision decision, CurrentUser user) {
        decidable(id, user);
        transfers.decide(id, Status.REJECTED, user.username(), note(decision));
        return view(transfers.find(id, false).orElseThrow(), user);
    }

    /** A REQUESTED transfer the caller may decide: 404 beyond their sight, 409 for their own or a decided one, 403 otherwise. */
    private Transfer decidable(long id, CurrentUser user) {
        Transfer t = transfers.find(id, true).filter(x -> visible(x, user)).orElseThrow(() -> new NotFoundException("调动申请不存在"));
        if (t.requestedBy().equals(user.username())) {
            throw new ConflictException("decidedBy", "不能审批本人提交的调动申请：须由原单位经办人或同时管辖两个单位的工会审批");
        }
        if (t.status() != Status.REQUESTED) throw new ConflictException("status", "该调动申请已处理（" + chinese(t.status()) + "）");
        if (!mayDecide(t, user)) throw new AccessDeniedException("only the old unit or an office over both units decides");
        return t;
    }

    private static boolean mayDecide(Transfer t, CurrentUser user) {
        if (user.is(Role.UNIT_OPERATOR)) return t.fromUnitId() != null && t.fromUnitId().equals(user.unitId());
        return user.is(Role.ADMIN, Role.UNION_STAFF) && user.sees(t.fromPath()) && user.sees(t.toPath());
    }

    private static boolean requesterSide(Transfer t, CurrentUser user) {
        return user.sees(t.toPath()) || t.requestedBy().equals(user.username());
    }

    /** Who sees a transfer; the list asks the same in SQL ({@code MemberTransferRepository.SEEN}), and the two must agree. */
    private static boolean visible(Transfer t, CurrentUser user) {
        return requesterSide(t, user) || mayDecide(t, user);
    }

    private TransferView view(Transfer t, CurrentUser user) {
        boolean decider = mayDecide(t, user) && !t.requestedBy().equals(user.username());
        boolean revealed = decider || t.status() == Status.APPROVED;
        Member m = members.find(t.memberId()).orElseThrow();
        String toName = organisations.unit(t.toUnitId()).map(Unit::name).orElse(null);
        String fromName = t.fromUnitId() == null ? null : organisations.unit(t.fromUnitId()).map(Unit::name).orElse(null);
        return new TransferView(t.id(), t.status().name(), chinese(t.status()), t.status() == Status.REQUESTED ? FILED : null,
                t.toUnitId(), toName, m.name(), revealed ? m.id() : null, m.maskedIdNumber(), revealed ? t.fromUnitId() : null,
                revealed ? fromName : null, t.reason(), t.requestedBy(), t.requestedAt(), t.decidedBy(), t.decidedAt(), t.decision(),
                decider && t.status() == Status.REQUESTED);
    }

    private static ConflictException openAlready() {
        return new ConflictException("idNumber", "该职工已有待处理的调动申请");
    }

    private static String note(Decision decision) {
        if (decision == null || decision.note() == null || decision.note().isBlank()) return null;
        String note = decision.note().strip();
        if (note.length() > 200) throw InvalidInputException.of("note", "审批意见过长（最多200个字）");
        return note;
    }

    private static String chinese(Status status) {
        return switch (status) {
            case REQUESTED -> "待审批";
            case APPROVED -> "已调入";
            case REJECTED -> "已驳回";
            case CANCELLED -> "已作废";
        };
    }
}
