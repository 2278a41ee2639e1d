package org.huzhu.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.membership.MemberLifeRepository.Kind;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A worker's life between units (issue 16 item 4). Leaving a unit (离职) is recorded with its date: the
 * cover the worker holds stays theirs to its end, the unit no longer lists them among its current
 * workers ({@link #currentMembers}), and {@link Member#status()} says {@link MemberStatus#LEFT_UNIT} so a
 * renewal leaves them out; a transfer or a later enrolment by a unit makes them current again. Death
 * (身故) is recorded with its date and the document that proves it: every cover ends that day, claims for
 * events after it are refused ({@link #requireAliveOn}), and pending claims are paid to the heir once an
 * heir payee is approved ({@link HeirPayees}). Both are kept as history and publish an event.
 */
@Service
public class MemberLifeEvents {

    private final MemberLifeRepository life;
    private final MemberRepository members;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EnrolmentRepository enrolments;
    private final Cancellations cancellations;
    private final org.huzhu.catalogue.Catalogue catalogue;

    MemberLifeEvents(MemberLifeRepository life, MemberRepository members, Organisations organisations, ApplicationEventPublisher events,
                     Clock clock, EnrolmentRepository enrolments, Cancellations cancellations, org.huzhu.catalogue.Catalogue catalogue) {
        this.enrolments = enrolments;
        this.cancellations = cancellations;
        this.catalogue = catalogue;
        this.life = life;
        this.members = members;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    public record Leaving(LocalDate leftOn, String reason) {
    }

    public record Death(LocalDate diedOn, String documentRef, String note) {
    }

    /** One entry of a member's life history, labelled for screens. */
    public record EventView(long id, String kind, String kindName, LocalDate date, Long unitId, String unitName, String documentRef,
                            String note, String recordedBy, java.time.Instant recordedAt) {
    }

    @Transactional
    public Member leave(long memberId, Leaving leaving, CurrentUser user) {
        if (!user.holds(Right.MEMBER_LEAVE)) throw new AccessDeniedException("cannot record leavers");
        Member member = locked(memberId, user);
        requireAlive(member);
        if (member.unitId() == null) throw new ConflictException("leftOn", "该职工未在任何单位登记，无需办理离职");
        if (member.leftUnitOn() != null) throw new ConflictException("leftOn", "该职工已于 " + member.leftUnitOn() + " 登记离职");
        Checks checks = new Checks();
        LocalDate leftOn = leaving == null ? null : leaving.leftOn();
        checks.require("leftOn", leftOn, "离职日期");
        if (leftOn != null) checks.check(!leftOn.isAfter(LocalDate.now(clock)), "leftOn", "离职日期不能晚于今天");
        String reason = text(checks, "reason", leaving == null ? null : leaving.reason(), 200, "离职原因");
        checks.throwIfInvalid();
        life.markLeft(member.id(), leftOn);
        life.record(member.id(), Kind.LEFT_UNIT, leftOn, member.unitId(), null, reason, user.username());
        Audit.changed("member", member.id(), "leftUnitOn", null, leftOn);
        events.publishEvent(new MemberLeftUnit(member.id(), member.unitId(), leftOn));
        return members.find(member.id()).orElseThrow();
    }

    @Transactional
    public Member recordDeath(long memberId, Death death, CurrentUser user) {
        if (!user.holds(Right.DEATH_RECORD)) throw new AccessDeniedException("cannot record deaths");
        Member member = locked(memberId, user);
        if (member.diedOn() != null) throw new ConflictException("diedOn", "该职工已于 " + member.diedOn() + " 登记身故");
        Checks checks = new Checks();
        LocalDate diedOn = death == null ? null : death.diedOn();
        checks.require("diedOn", diedOn, "身故日期");
        if (diedOn != null) checks.check(!diedOn.isAfter(LocalDate.now(clock)), "diedOn", "身故日期不能晚于今天");
        String document = text(checks, "documentRef", death == null ? null : death.documentRef(), 200, "证明文件编号");
        checks.require("documentRef", document, "证明文件编号（如死亡证明、户籍注销证明编号）");
        String note = text(checks, "note", death == null ? null : death.note(), 500, "备注");
        checks.throwIfInvalid();
        life.markDied(member.id(), diedOn);
        life.record(member.id(), Kind.DEATH, diedOn, member.unitId(), document, note, user.username());
        Audit.changed("member", member.id(), "diedOn", null, diedOn);
        endCover(member.id(), diedOn);
        List<String> notStarted = new ArrayList<>();
        LocalDate notStartedFrom = null;
        for (EnrolmentRepository.Stored e : enrolments.ofMember(member.id())) {
            if (e.status() == EnrolmentRepository.Status.AWAITING_PAYMENT) {
                cancellations.cancelUnpaidOnDeath(e.id(), diedOn, user);   // nothing paid: nothing to refund, no cover to come
                continue;
            }
            List<Coverage> later = e.status() == EnrolmentRepository.Status.IN_FORCE
                    ? e.coverages().stream().filter(c -> c.inForce() && c.from().isAfter(diedOn)).toList() : List.of();
            if (later.isEmpty()) continue;
            var terms = catalogue.version(e.catalogueVersion()).orElseGet(() -> catalogue.activeOn(diedOn));
            notStarted.addAll(EnrolmentsCameIntoForce.itemNames(later, terms));
            for (Coverage c : later) if (notStartedFrom == null || c.from().isBefore(notStartedFrom)) notStartedFrom = c.from();
        }
        events.publishEvent(new MemberDied(member.id(), member.unitId(), diedOn, List.copyOf(notStarted), notStartedFrom));
        return members.find(member.id()).orElseThrow();
    }

    /** The member's leaving and death, oldest first, for anyone who may see the member. */
    public List<EventView> history(long memberId, CurrentUser user) {
        Member member = members.find(memberId).filter(m -> Members.visible(m, user)).orElseThrow(() -> new NotFoundException("职工不存在"));
        return life.events(member.id()).stream().map(e -> new EventView(e.id(), e.kind().name(),
                e.kind() == Kind.DEATH ? MemberStatus.DECEASED.chinese() : MemberStatus.LEFT_UNIT.chinese(), e.date(), e.unitId(),
                e.unitId() == null ? null : organisations.unit(e.unitId()).map(Unit::name).orElse(null), e.documentRef(), e.note(),
                e.recordedBy(), e.recordedAt())).toList();
    }

    /** The unit's current workers (not left, alive), by name; a unit beyond the caller's scope answers 404. */
    public List<Member> currentMembers(long unitId, CurrentUser user, int limit, int offset) {
        if (!user.holds(Right.ORGANISATION_READ)) throw new AccessDeniedException("workers see no unit lists");
        Unit unit = organisations.visibleUnit(unitId, user);
        return life.currentMembers(unit.id(), limit, offset);
    }

    /**
     * Refuses what a deceased member can no longer do from the day after their death: a claim for an event after it
     * (field {@code incidentDate}). Public for the claims module.
     */
    public static void requireAliveOn(Member member, LocalDate day, String field) {
        if (member.diedOn() != null && day != null && day.isAfter(member.diedOn())) {
            throw InvalidInputException.of(field, "职工已于 " + member.diedOn() + " 身故，保障已于当日终止；身故之后发生的事故或疾病不能申领互助金");
        }
    }

    /** Refuses a new enrolment (or leaving) of a deceased member. */
    static void requireAlive(Member member) {
        if (member.diedOn() != null) throw new ConflictException("memberId", "该职工已于 " + member.diedOn() + " 登记身故，不能办理");
    }

    /** Every cover running past the day of death ends that day; the operation log keeps the old end. */
    private void endCover(long memberId, LocalDate diedOn) {
        for (MemberLifeRepository.Running e : life.runningPast(memberId, diedOn)) {
            List<Coverage> cut = new ArrayList<>();
            for (Coverage c : CoverageJson.read(e.coverages())) {
                boolean runsPast = c.inForce() && !c.from().isAfter(diedOn) && c.to().isAfter(diedOn);
                cut.add(runsPast ? new Coverage(c.item(), c.plan(), c.shares(), c.from(), diedOn, c.premium(), c.renewedWithoutGap()) : c);
            }
            life.endCover(e.id(), CoverageJson.write(cut), diedOn);
            Audit.changed("enrolment", e.id(), "coverageTo", e.to(), diedOn);
        }
    }

    private Member locked(long memberId, CurrentUser user) {
        return members.lock(memberId).filter(m -> Members.visible(m, user)).orElseThrow(() -> new NotFoundException("职工不存在"));
    }

    static String text(Checks checks, String field, String value, int max, String label) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        checks.check(v.length() <= max, field, label + "过长（最多" + max + "个字）");
        return v;
    }
}
