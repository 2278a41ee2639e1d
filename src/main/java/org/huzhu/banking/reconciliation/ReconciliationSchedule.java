package org.huzhu.banking.reconciliation;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reconciles yesterday once a day (by default at 06:30 China time, when the previous day's
 * statement has been imported). {@code huzhu.reconciliation.cron} changes the time; set
 * {@code huzhu.reconciliation.enabled=false} to turn it off. With several instances on one database,
 * one of them runs it (a ShedLock row in {@code shared.shedlock}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "huzhu.reconciliation.enabled", havingValue = "true", matchIfMissing = true)
class ReconciliationSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationSchedule.class);

    private final Reconciliation reconciliation;
    private final Clock clock;

    ReconciliationSchedule(Reconciliation reconciliation, Clock clock) {
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    @Scheduled(cron = "${huzhu.reconciliation.cron:0 30 6 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "reconcile-yesterday", lockAtLeastFor = "PT5M", lockAtMostFor = "PT1H")
    void reconcileYesterday() {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        var run = reconciliation.run(yesterday, "系统");
        log.info("Reconciled {}: {} statement lines, {} differences", yesterday, run.statementLines(), run.differenceCount());
    }
}
