package org.huzhu.claims;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huzhu.identity.Accounts;
import org.huzhu.organisation.OrgNode;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do with the holders of claims in review: see who holds a claim and how it came to them, take a claim
 * from the pool (a reviewer within reach), hand it to another reviewer or back to the pool (the office's head: its
 * union staff, or the administrator, within their scope), and set how an office hands out its claims (AUTO | POOL).
 * Routing as claims move is {@link ReviewRouting}'s.
 */
@Service
class ClaimAssignments {

    private final Claims claims;
    private final ClaimRepository claimRepository;
    private final AssignmentRepository repository;
    private final ReviewRouting routing;
    private final ReviewOffices offices;
    private final ReviewWorkload workload;
    private final Clock clock;

    ClaimAssignments(Claims claims, ClaimRepository claimRepository, AssignmentRepository repository, ReviewRouting routing,
                     ReviewOffices offices, ReviewWorkload workload, Clock clock) {
        this.claims = claims;
        this.claimRepository = claimRepository;
        this.repository = repository;
        this.routing = routing;
        this.offices = offices;
        this.workload = workload;
        this.clock = clock;
    }

    static final Map<String, String> HOW = Map.of("AUTO", "自动分派", "POOL", "转入待领取", "TAKEN", "领取", "REASSIGNED", "改派",
            "TAKEN_OVER", "接办", "CHECKER", "转复核", "REROUTED", "层级变更转办");

    record HistoryEntry(Instant at, String actor, String actorName, String how, String howName, String assignee, String assigneeName,
                        String officeName, String note) {
    }

    /**
     * Who holds the claim: the office responsible and its way of working, the holder (null: the pool), the promise date
     * and its flags, the history, and what the caller may do ({@code canTake}, {@code canReassign}).
     */
    record AssignmentView(long claimId, boolean inReview, Long officeId, String officeName, String mode, String modeName,
                          String assignee, String assigneeName, Instant assignedAt, LocalDate promiseDueOn, boolean dueTomorrow,
                          boolean escalated, LocalDate escalatedOn, List<HistoryEntry> history, boolean canTake, boolean canReassign) {
    }

    @Transactional(readOnly = true)
    AssignmentView view(long id, CurrentUser user) {
        Claim claim = claims.visible(id, user);
        boolean inReview = claim.status() == ClaimStatus.UNDER_REVIEW;
        Optional<OrgNode> office = claim.reviewLevel() == null ? Optional.empty() : offices.officeFor(claim.facts.orgPath(), claim.reviewLevel());
        Optional<AssignmentRepository.Current> current = repository.current(id);
        String assignee = current.map(AssignmentRepository.Current::assignee).orElse(null);
        ReviewWorkload.Line line = inReview ? workload.line(open(claim, current.orElse(null)), LocalDate.now(clock)) : null;
        String mode = office.map(o -> repository.mode(o.id())).orElse(null);
        List<HistoryEntry> history = repository.history(id).stream().map(c -> new HistoryEntry(c.at(), c.actor(), offices.nameOf(c.actor()),
                c.how(), HOW.get(c.how()), c.assignee(), c.assignee() == null ? null : offices.nameOf(c.assignee()),
                c.officeId() == null ? null : offices.office(c.officeId()).name(), c.note())).toList();
        return new AssignmentView(id, inReview, office.map(OrgNode::id).orElse(null), office.map(OrgNode::name).orElse(null), mode,
                mode == null ? null : ReviewWorkload.modeName(mode), assignee, assignee == null ? null : offices.nameOf(assignee),
                current.map(AssignmentRepository.Current::assignedAt).orElse(null),
                line == null ? null : line.promise().promiseDueOn(), line != null && line.dueTomorrow(), line != null && line.escalated(),
                line != null && line.escalated() ? current.get().escalatedOn() : null, history,
                inReview && assignee == null && user.holds(Right.CLAIM_DECIDE) && mayDecide(user, claim) && !barred(user, claim),
                inReview && user.holds(Right.CLAIM_ASSIGN));
    }

    /** A reviewer takes a claim waiting in the pool; a claim someone holds is the office head's to reassign (409). */
    @Transactional
    AssignmentView take(long id, CurrentUser user) {
        if (!user.holds(Right.CLAIM_DECIDE)) throw new AccessDeniedException("only reviewers take claims");
        Claim claim = inReview(id, user);
        if (!mayDecide(user, claim)) throw new AccessDeniedException("claim beyond the reviewer's reach");
        requireNotBarred(user.username(), user.memberId(), claim);
        String holder = repository.current(id).map(AssignmentRepository.Current::assignee).orElse(null);
        if (user.username().equals(holder)) throw new ConflictException("assignee", "该申请已由您负责审核");
        if (holder != null) throw new ConflictException("assignee", "该申请已分派给" + offices.nameOf(holder) + "，如需调整请由负责人改派");
        Instant now = Instant.now(clock);
        Long office = offices.officeFor(claim.facts.orgPath(), claim.reviewLevel()).map(OrgNode::id).orElse(null);
        repository.assign(id, new AssignmentRepository.Change(office, user.username(), "TAKEN", user.username(), now, null));
        claim.record(user.username(), now, offices.nameOf(user.username()) + "领取审核");
        if (!claimRepository.update(claim)) throw new ConflictException(Claims.STALE);
        return view(id, user);
    }

    /** {@code assignee} null hands the claim back to the office's pool; {@code note} says why (optional). */
    record Reassignment(String assignee, String note) {
    }

    /** The office's head hands a claim in review to another reviewer who may decide it, or back to the pool. */
    @Transactional
    AssignmentView reassign(long id, Reassignment command, CurrentUser user) {
        if (!user.holds(Right.CLAIM_ASSIGN)) throw new AccessDeniedException("only an office's head reassigns claims");
        Claim claim = inReview(id, user);
        String wanted = command == null || command.assignee() == null || command.assignee().isBlank() ? null : command.assignee().strip();
        String note = command == null || command.note() == null || command.note().isBlank() ? null : command.note().strip();
        if (note != null && note.length() > 200) throw InvalidInputException.of("note", "改派说明不能超过200字");
        Accounts.Staff target = null;
        if (wanted != null) {
            target = offices.reviewer(wanted).filter(r -> user.sees(offices.pathOf(r)) && routing.mayHold(r, claim, claim.reviewLevel()))
                    .orElseThrow(() -> InvalidInputException.of("assignee", "“" + wanted + "”不是可审核该申请的审核员（须在您的管辖范围内、"
                            + "审核层级够、且不是申请的提交人或初审人）"));
        }
        String holder = repository.current(id).map(AssignmentRepository.Current::assignee).orElse(null);
        if (java.util.Objects.equals(holder, wanted)) {
            throw new ConflictException("assignee", wanted == null ? "该申请已在待领取中" : "该申请已分派给" + target.displayName());
        }
        Instant now = Instant.now(clock);
        OrgNode office = offices.officeFor(claim.facts.orgPath(), claim.reviewLevel()).orElse(null);
        repository.assign(id, new AssignmentRepository.Change(office == null ? null : office.id(), wanted, "REASSIGNED", user.username(),
                now, note));
        String by = offices.nameOf(user.username());
        claim.record(user.username(), now, (target != null ? by + "改派给" + target.displayName()
                : by + "退回" + (office == null ? "" : office.name()) + "待领取")
                + (holder == null ? "" : "（原由" + offices.nameOf(holder) + "审核）") + (note == null ? "" : "：" + note));
        if (!claimRepository.update(claim)) throw new ConflictException(Claims.STALE);
        return view(id, user);
    }

    /** A reviewer the claim may be handed to, with how many claims they hold in review. */
    record Candidate(String username, String displayName, long officeId, String officeName, int held, boolean ofOffice) {
    }

    /** The reviewers inside the caller's scope who may decide the claim, those of the office responsible first. */
    @Transactional(readOnly = true)
    List<Candidate> candidates(long id, CurrentUser user) {
        if (!user.holds(Right.CLAIM_ASSIGN)) throw new AccessDeniedException("only an office's head reassigns claims");
        Claim claim = claims.visible(id, user);
        Long office = claim.reviewLevel() == null ? null
                : offices.officeFor(claim.facts.orgPath(), claim.reviewLevel()).map(OrgNode::id).orElse(null);
        List<Accounts.Staff> eligible = offices.reviewers().stream()
                .filter(r -> user.sees(offices.pathOf(r)) && routing.mayHold(r, claim, claim.reviewLevel())).toList();
        Map<String, AssignmentRepository.Load> loads = repository.loads(eligible.stream().map(Accounts.Staff::username).toList());
        return eligible.stream().map(r -> new Candidate(r.username(), r.displayName(), r.orgNodeId(), offices.office(r.orgNodeId()).name(),
                        loads.getOrDefault(r.username(), new AssignmentRepository.Load(0, null)).held(), office != null && office == r.orgNodeId()))
                .sorted(Comparator.comparing((Candidate c) -> !c.ofOffice()).thenComparing(Candidate::held).thenComparing(Candidate::username))
                .toList();
    }

    record OfficeMode(long officeId, String officeName, String mode, String modeName) {
    }

    /** How an office inside the caller's scope hands out its claims from now on: AUTO (in turn) or POOL (taken by its reviewers). */
    @Transactional
    OfficeMode setMode(long officeId, String mode, CurrentUser user) {
        if (!user.holds(Right.CLAIM_ASSIGN)) throw new AccessDeniedException("only an office's head sets how claims are handed out");
        OrgNode office = Optional.ofNullable(offices.office(officeId)).filter(o -> user.sees(o.path()))
                .orElseThrow(() -> new NotFoundException("组织不存在"));
        if (mode == null || !List.of("AUTO", "POOL").contains(mode.strip())) {
            throw InvalidInputException.of("mode", "分派方式须为 AUTO（自动轮流分派）或 POOL（审核员自行领取）");
        }
        repository.setMode(officeId, mode.strip(), user.username(), Instant.now(clock));
        return new OfficeMode(office.id(), office.name(), mode.strip(), ReviewWorkload.modeName(mode.strip()));
    }

    /** The claim as the workload reads a claim in review. */
    private static AssignmentRepository.Open open(Claim c, AssignmentRepository.Current current) {
        return new AssignmentRepository.Open(c.id, c.facts.memberId(), c.facts.kind(), c.facts.incidentDate(), c.status(),
                c.reviewLevel(), null, c.submittedOn(), c.materialsCompleteOn(), c.facts.orgPath(), c.filedBy, c.firstApprovedBy(),
                current == null ? null : current.officeId(), current == null ? null : current.assignee(),
                current == null ? null : current.assignedAt(), current == null ? null : current.escalatedFor());
    }

    private Claim inReview(long id, CurrentUser user) {
        Claim claim = claims.visible(id, user);
        if (claim.status() != ClaimStatus.UNDER_REVIEW) {
            throw new ConflictException("status", "理赔当前状态为「" + claim.status().chinese() + "」，只有审核中的申请可以分派");
        }
        return claim;
    }

    /** Whether the caller may decide the claim: a reviewer up to their office's level, anyone else holding the right at any. */
    private boolean mayDecide(CurrentUser user, Claim claim) {
        if (!user.is(Role.REVIEWER)) return true;
        if (user.orgNodeId() == null) return false;
        return claim.reviewLevel() == null || claim.reviewLevel().withinReachOf(ReviewLevel.of(offices.office(user.orgNodeId()).level()));
    }

    /** Whether the caller may not decide the claim at all: its filer, its member, or its first approver. */
    private static boolean barred(CurrentUser user, Claim claim) {
        return user.username().equals(claim.filedBy) || user.username().equals(claim.firstApprovedBy())
                || (user.memberId() != null && user.memberId() == claim.facts.memberId());
    }

    private static void requireNotBarred(String username, Long memberId, Claim claim) {
        claim.requireDecidableBy(username, memberId);
        if (username.equals(claim.firstApprovedBy())) throw new ConflictException("该申请已由您初审核准，须由另一名审核员复核（双人审核）");
    }
}
