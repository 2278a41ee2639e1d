package org.huzhu.claims;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.huzhu.identity.Accounts;
import org.huzhu.shared.calendar.BusinessCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalation one working day before a claim would miss its payment promise: every early morning (China time, on one
 * instance) each claim in review whose promise falls due on the next working day — or today, should a run have been
 * missed — is flagged for that date (claims.assignment.escalated_for, once per claim and date), gets a timeline entry,
 * and its holder (in the pool: the office's reviewers) and the office's union staff (the nearest office up that has
 * some) are told ({@link ClaimEscalated}).
 */
@Component
class ClaimEscalations {

    private final ReviewWorkload workload;
    private final AssignmentRepository repository;
    private final ReviewOffices offices;
    private final BusinessCalendar calendar;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ClaimEscalations(ReviewWorkload workload, AssignmentRepository repository, ReviewOffices offices, BusinessCalendar calendar,
                     ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.workload = workload;
        this.repository = repository;
        this.offices = offices;
        this.calendar = calendar;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(cron = "${huzhu.claims.escalation-cron:0 30 6 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "claims-escalation", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
    void daily() {
        escalate(LocalDate.now(clock));
    }

    /** Escalates what falls due by the working day after {@code today} and was not escalated for its date; answers their ids. */
    public List<Long> escalate(LocalDate today) {
        LocalDate nextWorkingDay = calendar.plusWorkingDays(today, 1);
        return transactions.execute(status -> {
            List<ReviewWorkload.Line> due = workload.lines("%", today).stream()
                    .filter(l -> l.promise().promiseDueOn() != null && !l.escalated()
                            && !l.promise().promiseDueOn().isBefore(today) && !l.promise().promiseDueOn().isAfter(nextWorkingDay))
                    .toList();
            Map<Long, ReviewWorkload.Line> byId = due.stream().collect(Collectors.toMap(l -> l.claim().id(), Function.identity()));
            List<Long> ids = new ArrayList<>();
            List<LocalDate> dates = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (ReviewWorkload.Line l : due) {
                ids.add(l.claim().id());
                dates.add(l.promise().promiseDueOn());
                reasons.add("临近办结时限：须于" + l.promise().promiseDueOn() + "前办结，已提醒" + who(l));
            }
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            List<Long> flagged = repository.escalate(ids, dates, reasons, today, now);
            for (long id : flagged) {
                ReviewWorkload.Line l = byId.get(id);
                events.publishEvent(new ClaimEscalated(id, ClaimReference.of(id), l.promise().promiseDueOn(), List.copyOf(recipients(l))));
            }
            return flagged;
        });
    }

    /** The holder, or the office's reviewers when the claim waits in the pool; then the office's union staff. */
    private Set<Long> recipients(ReviewWorkload.Line l) {
        Set<Long> accounts = new LinkedHashSet<>();
        if (l.claim().assignee() != null) {
            offices.reviewer(l.claim().assignee()).ifPresent(r -> accounts.add(r.accountId()));
        } else if (l.office() != null) {
            offices.reviewersAt(l.office().id()).forEach(r -> accounts.add(r.accountId()));
        }
        if (l.office() != null) offices.unionStaffFor(l.office().id()).forEach(s -> accounts.add(s.accountId()));
        return accounts;
    }

    private String who(ReviewWorkload.Line l) {
        String holder = l.claim().assignee() != null ? "审核员" + offices.nameOf(l.claim().assignee())
                : l.office() == null ? "待领取审核员" : l.office().name() + "审核员（待领取）";
        List<Accounts.Staff> staff = l.office() == null ? List.of() : offices.unionStaffFor(l.office().id());
        return staff.isEmpty() ? holder : holder + "及工会工作人员";
    }
}
