package org.huzhu.claims;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huzhu.benefits.BenefitRequest.IncidentKind;
import org.huzhu.identity.Accounts;
import org.huzhu.organisation.OrgNode;
import org.huzhu.shared.Money;
import org.huzhu.shared.calendar.BusinessCalendar;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.springframework.stereotype.Component;

/**
 * The claims in review as an office works them: per claim, the office responsible, its holder (or the pool), the
 * working days used against the payment promise in ageing buckets, whether it falls due on the next working day
 * (明日到期) and whether it was escalated for it; summed per office and per reviewer within the viewer's scope
 * ({@link #workload}), or listed as the review queue and the workload's drill-down ({@link #queue}).
 */
@Component
class ReviewWorkload {

    /** Working days used against the promise (of 7 by default: 0–2, 3–4, 5–6, the last day, past it). */
    enum Ageing {
        NOT_STARTED("材料未齐，未起算"), EARLY("0–2个工作日"), MIDDLE("3–4个工作日"), LATE("5–6个工作日"), LAST_DAY("今日到期"),
        OVERDUE("已超期");

        private final String chinese;

        Ageing(String chinese) {
            this.chinese = chinese;
        }

        String chinese() {
            return chinese;
        }

        static Ageing of(PaymentPromise promise, int promised) {
            Integer used = promise.workingDaysElapsed();
            if (used == null) return NOT_STARTED;
            if (used > promised) return OVERDUE;
            if (used == promised) return LAST_DAY;
            if (used <= 2) return EARLY;
            return used <= 4 ? MIDDLE : LATE;
        }
    }

    /** One claim in review with what the office needs to know of it. */
    record Line(AssignmentRepository.Open claim, OrgNode office, PaymentPromise promise, Ageing ageing, boolean dueTomorrow,
                boolean escalated) {
    }

    private final AssignmentRepository repository;
    private final ReviewOffices offices;
    private final BusinessCalendar calendar;
    private final ClaimsProperties settings;
    private final Clock clock;

    ReviewWorkload(AssignmentRepository repository, ReviewOffices offices, BusinessCalendar calendar, ClaimsProperties settings,
                   Clock clock) {
        this.repository = repository;
        this.offices = offices;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    /** The claims in review inside the scope (a pattern as {@link CurrentUser#scopePattern()}), as of {@code today}. */
    List<Line> lines(String scopePattern, LocalDate today) {
        LocalDate nextWorkingDay = calendar.plusWorkingDays(today, 1);
        List<Line> lines = new ArrayList<>();
        for (AssignmentRepository.Open c : repository.open(scopePattern)) lines.add(line(c, today, nextWorkingDay));
        return lines;
    }

    /** One claim in review as of {@code today}. */
    Line line(AssignmentRepository.Open c, LocalDate today) {
        return line(c, today, calendar.plusWorkingDays(today, 1));
    }

    private Line line(AssignmentRepository.Open c, LocalDate today, LocalDate nextWorkingDay) {
        int promised = settings.paymentPromiseWorkingDays();
        OrgNode office = c.level() == null ? null : offices.officeFor(c.orgPath(), c.level()).orElse(null);
        PaymentPromise promise = PaymentPromise.of(calendar, promised, c.materialsCompleteOn(), null, today);
        boolean dueTomorrow = nextWorkingDay.equals(promise.promiseDueOn());
        boolean escalated = c.escalatedFor() != null && c.escalatedFor().equals(promise.promiseDueOn());
        return new Line(c, office, promise, Ageing.of(promise, promised), dueTomorrow, escalated);
    }

    // ---- the workload -----------------------------------------------------------------------

    record Counts(int open, int pool, int notStarted, int early, int middle, int late, int lastDay, int overdue, int dueTomorrow,
                  int escalated) {
    }

    record OfficeLoad(long officeId, String officeName, String level, String levelName, String mode, String modeName,
                      int reviewers, Counts counts) {
    }

    record ReviewerLoad(String username, String displayName, Long officeId, String officeName, Counts counts) {
    }

    record Workload(LocalDate today, LocalDate nextWorkingDay, int promisedWorkingDays, Counts total, List<OfficeLoad> offices,
                    List<ReviewerLoad> reviewers) {
    }

    /** Per office and per reviewer inside the viewer's scope: what they hold, what waits in the pool, and how old it is. */
    Workload workload(CurrentUser user) {
        LocalDate today = LocalDate.now(clock);
        List<Line> lines = lines(user.scopePattern(), today);
        Map<Long, String> modes = repository.modes();
        Map<Long, Tally> byOffice = new LinkedHashMap<>();
        Map<String, Tally> byReviewer = new LinkedHashMap<>();
        List<Accounts.Staff> reviewers = offices.reviewers().stream().filter(r -> user.sees(offices.pathOf(r))).toList();
        reviewers.forEach(r -> {
            byOffice.computeIfAbsent(r.orgNodeId(), k -> new Tally());
            byReviewer.computeIfAbsent(r.username(), k -> new Tally());
        });
        Tally total = new Tally();
        for (Line line : lines) {
            total.add(line);
            if (line.office() != null) byOffice.computeIfAbsent(line.office().id(), k -> new Tally()).add(line);
            if (line.claim().assignee() != null) byReviewer.computeIfAbsent(line.claim().assignee(), k -> new Tally()).add(line);
        }
        List<OfficeLoad> officeLoads = byOffice.entrySet().stream()
                .map(e -> Map.entry(offices.office(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(e -> e.getKey().path()))
                .map(e -> {
                    OrgNode o = e.getKey();
                    String mode = modes.getOrDefault(o.id(), "AUTO");
                    return new OfficeLoad(o.id(), o.name(), o.level().name(), o.level().chinese(), mode, modeName(mode),
                            offices.reviewersAt(o.id()).size(), e.getValue().counts());
                }).toList();
        List<ReviewerLoad> reviewerLoads = byReviewer.entrySet().stream().map(e -> {
            Optional<Accounts.Staff> r = offices.reviewer(e.getKey());
            OrgNode office = r.map(s -> offices.office(s.orgNodeId())).orElse(null);
            return new ReviewerLoad(e.getKey(), offices.nameOf(e.getKey()), office == null ? null : office.id(),
                    office == null ? null : office.name(), e.getValue().counts());
        }).sorted(Comparator.comparing((ReviewerLoad r) -> r.officeName() == null ? "\uffff" : r.officeName())
                .thenComparing(ReviewerLoad::username)).toList();
        return new Workload(today, calendar.plusWorkingDays(today, 1), settings.paymentPromiseWorkingDays(), total.counts(),
                officeLoads, reviewerLoads);
    }

    static String modeName(String mode) {
        return "POOL".equals(mode) ? "审核员自行领取" : "自动轮流分派";
    }

    /** Counts of claims by holder, ageing and flags, as they are added. */
    private static final class Tally {
        private int open;
        private int pool;
        private final int[] ageing = new int[Ageing.values().length];
        private int dueTomorrow;
        private int escalated;

        void add(Line line) {
            open++;
            if (line.claim().assignee() == null) pool++;
            ageing[line.ageing().ordinal()]++;
            if (line.dueTomorrow()) dueTomorrow++;
            if (line.escalated()) escalated++;
        }

        Counts counts() {
            return new Counts(open, pool, ageing[0], ageing[1], ageing[2], ageing[3], ageing[4], ageing[5], dueTomorrow, escalated);
        }
    }

    // ---- the queue ----------------------------------------------------------------------------

    /**
     * What to list: {@code assigned} ME (held by the caller), POOL (waiting to be taken: for a reviewer, those within
     * their reach they did not file) or null for all; then by office, holder, ageing and flags.
     */
    record QueueFilter(String assigned, Long officeId, String assignee, Ageing ageing, Boolean dueTomorrow, Boolean overdue,
                       Boolean escalated) {
    }

    /** A line of the review queue: the fields of a claims list's line, then its holder, office, ageing and flags. */
    record QueueLine(long id, long memberId, IncidentKind kind, LocalDate incidentDate, ClaimStatus status, String statusName,
                     ReviewLevel reviewLevel, Money computedTotal, Money approvedTotal, LocalDate submittedOn,
                     LocalDate materialsCompleteOn, Integer workingDaysElapsed, LocalDate promiseDueOn, boolean overdue,
                     String assignee, String assigneeName, Long officeId, String officeName, Ageing ageing, String ageingName,
                     boolean dueTomorrow, boolean escalated) {

        /** The claim's number as the worker reads it in texts ({@code CLM-000123}). */
        @com.fasterxml.jackson.annotation.JsonProperty("reference")
        public String reference() {
            return ClaimReference.of(id);
        }
    }

    QueueLine queueLine(Line l) {
        AssignmentRepository.Open c = l.claim();
        return new QueueLine(c.id(), c.memberId(), c.kind(), c.incidentDate(), c.status(), c.status().chinese(), c.level(),
                c.computedTotal() == null ? null : new Money(c.computedTotal()), null, c.submittedOn(), c.materialsCompleteOn(),
                l.promise().workingDaysElapsed(), l.promise().promiseDueOn(), l.promise().overdue(), c.assignee(),
                offices.nameOf(c.assignee()), l.office() == null ? null : l.office().id(), l.office() == null ? null : l.office().name(),
                l.ageing(), l.ageing().chinese(), l.dueTomorrow(), l.escalated());
    }

    /** The claims in review the filter keeps, most urgent first (the earliest promise date; materials incomplete last). */
    List<Line> queue(CurrentUser user, QueueFilter f) {
        LocalDate today = LocalDate.now(clock);
        ReviewLevel reach = user.is(Role.REVIEWER) && user.orgNodeId() != null ? ReviewLevel.of(offices.office(user.orgNodeId()).level())
                : ReviewLevel.PROVINCE;
        return lines(user.scopePattern(), today).stream()
                .filter(l -> f.assigned() == null || ("ME".equals(f.assigned()) ? user.username().equals(l.claim().assignee())
                        : l.claim().assignee() == null && (l.claim().level() == null || l.claim().level().withinReachOf(reach))
                          && !user.username().equals(l.claim().filedBy())))
                .filter(l -> f.officeId() == null || (l.office() != null && l.office().id() == f.officeId()))
                .filter(l -> f.assignee() == null || f.assignee().equals(l.claim().assignee()))
                .filter(l -> f.ageing() == null || l.ageing() == f.ageing())
                .filter(l -> f.dueTomorrow() == null || l.dueTomorrow() == f.dueTomorrow())
                .filter(l -> f.overdue() == null || (l.ageing() == Ageing.OVERDUE) == f.overdue())
                .filter(l -> f.escalated() == null || l.escalated() == f.escalated())
                .sorted(Comparator.comparing((Line l) -> l.promise().promiseDueOn(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(l -> l.claim().id()))
                .toList();
    }
}
