package org.huzhu.claims;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.huzhu.identity.Accounts;
import org.huzhu.organisation.OrgNode;
import org.huzhu.shared.database.Pipeline;
import org.huzhu.shared.scope.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who holds a claim in review, as the claim moves: on going to review it is handed to a reviewer of the office
 * responsible ({@link ReviewOffices}) in turn — the one holding the fewest claims in review, then the one given a claim
 * longest ago — unless the office works from the pool or has no reviewer, when it waits there to be taken. A decision
 * by someone else than the holder takes the claim over; after a first approval the claim goes to another reviewer of
 * the office of its new level (never the first approver); a re-judgement that changes the level moves it to that
 * level's office. Nobody is handed a claim they filed or of their own membership. Each change is kept in
 * claims.assignment_event and in the claim's timeline.
 */
@Component
class ReviewRouting {

    private final AssignmentRepository repository;
    private final ReviewOffices offices;

    ReviewRouting(AssignmentRepository repository, ReviewOffices offices) {
        this.repository = repository;
        this.offices = offices;
    }

    /**
     * A claim the decision has just sent to review: its routing joins the decision's pipeline (no query of its own),
     * and the timeline entry it writes is answered once the pipeline was sent; null when the claim is not in review.
     */
    Supplier<Claim.Event> routed(Claim claim, Instant at, Pipeline writes) {
        if (claim.status() != ClaimStatus.UNDER_REVIEW || claim.reviewLevel() == null) return null;
        Optional<OrgNode> office = offices.officeFor(claim.facts.orgPath(), claim.reviewLevel());
        if (office.isEmpty()) return null;
        List<Accounts.Staff> candidates = candidates(claim, office.get().id());
        return repository.route(claim.id, office.get().id(), candidates.stream().map(Accounts.Staff::username).toList(),
                candidates.stream().map(Accounts.Staff::displayName).toList(), at,
                "自动分派给{name}审核（" + office.get().name() + "）", "转入" + office.get().name() + "待领取（该处由审核员自行领取）",
                "转入" + office.get().name() + "待领取（该处暂无审核员）", writes);
    }

    /** A decision by someone other than the holder takes the claim over (由X接办), in the decision's timeline. */
    void decidingBy(Claim claim, CurrentUser user, Instant at) {
        if (claim.status() != ClaimStatus.UNDER_REVIEW) return;
        Optional<AssignmentRepository.Current> current = repository.current(claim.id);
        String holder = current.map(AssignmentRepository.Current::assignee).orElse(null);
        if (user.username().equals(holder)) return;
        Long office = current.map(AssignmentRepository.Current::officeId).orElse(null);
        repository.assign(claim.id, new AssignmentRepository.Change(office, user.username(), "TAKEN_OVER", user.username(), at, null));
        claim.record(user.username(), at, "由" + offices.nameOf(user.username()) + "接办"
                + (holder == null ? "（原在待领取）" : "（原分派给" + offices.nameOf(holder) + "）"));
    }

    /** After a first approval: another reviewer of the office of the claim's new level checks it (maker-checker). */
    void toChecker(Claim claim, Instant at) {
        Optional<OrgNode> office = offices.officeFor(claim.facts.orgPath(), claim.reviewLevel());
        if (office.isEmpty()) return;
        Optional<Accounts.Staff> checker = "AUTO".equals(repository.mode(office.get().id()))
                ? next(candidates(claim, office.get().id())) : Optional.empty();
        String assignee = checker.map(Accounts.Staff::username).orElse(null);
        repository.assign(claim.id, new AssignmentRepository.Change(office.get().id(), assignee, "CHECKER", Claim.SYSTEM, at, null));
        claim.record(Claim.SYSTEM, at, checker.map(c -> "初审核准后转" + c.displayName() + "复核（" + office.get().name() + "）")
                .orElse("初审核准后转入" + office.get().name() + "待领取，待另一名审核员复核"));
    }

    /**
     * A re-judgement set a new level (its own transaction, beside the claim's update): a claim whose office changes with
     * it goes to the new office as a claim newly in review does; the entry is written directly to the timeline.
     */
    void rerouted(Claim claim, ReviewLevel level, Instant at) {
        Optional<OrgNode> office = offices.officeFor(claim.facts.orgPath(), level);
        if (office.isEmpty() || claim.status() != ClaimStatus.UNDER_REVIEW) return;
        Optional<AssignmentRepository.Current> current = repository.current(claim.id);
        if (current.isPresent() && Long.valueOf(office.get().id()).equals(current.get().officeId())) return;
        Optional<Accounts.Staff> next = "AUTO".equals(repository.mode(office.get().id()))
                ? next(candidates(claim, office.get().id(), level)) : Optional.empty();
        repository.assign(claim.id, new AssignmentRepository.Change(office.get().id(), next.map(Accounts.Staff::username).orElse(null),
                "REROUTED", Claim.SYSTEM, at, null));
        repository.appendEvent(claim.id, new Claim.Event(at, Claim.SYSTEM, claim.status(), claim.status(), "审核层级变为" + level.chinese()
                + "，" + next.map(c -> "分派给" + c.displayName() + "审核（" + office.get().name() + "）")
                .orElse("转入" + office.get().name() + "待领取")));
    }

    /** The office's reviewers who may be handed the claim: not its filer, not of its member, not its first approver. */
    List<Accounts.Staff> candidates(Claim claim, long officeId) {
        return candidates(claim, officeId, claim.reviewLevel());
    }

    private List<Accounts.Staff> candidates(Claim claim, long officeId, ReviewLevel level) {
        return offices.reviewersAt(officeId).stream().filter(r -> mayHold(r, claim, level)).toList();
    }

    /**
     * Whether a reviewer may hold the claim at this level: sees it, reaches the level, and is neither its filer, its
     * member nor its first approver.
     */
    boolean mayHold(Accounts.Staff reviewer, Claim claim, ReviewLevel level) {
        return !reviewer.username().equals(claim.filedBy) && !reviewer.username().equals(claim.firstApprovedBy())
                && (reviewer.memberId() == null || reviewer.memberId() != claim.facts.memberId())
                && claim.facts.orgPath().startsWith(offices.pathOf(reviewer))
                && (level == null || level.withinReachOf(offices.reach(reviewer)));
    }

    /** The candidate holding the fewest claims in review, then the one given a claim longest ago, then by username. */
    Optional<Accounts.Staff> next(List<Accounts.Staff> candidates) {
        if (candidates.isEmpty()) return Optional.empty();
        Map<String, AssignmentRepository.Load> loads = repository.loads(candidates.stream().map(Accounts.Staff::username).toList());
        return candidates.stream().min(Comparator.<Accounts.Staff>comparingInt(c -> load(loads, c).held())
                .thenComparing(c -> load(loads, c).lastAssigned(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Accounts.Staff::username));
    }

    private static AssignmentRepository.Load load(Map<String, AssignmentRepository.Load> loads, Accounts.Staff c) {
        return loads.getOrDefault(c.username(), new AssignmentRepository.Load(0, null));
    }
}
