package org.huzhu.notifications.triggers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.huzhu.contributions.BillIssued;
import org.huzhu.contributions.Contributions;
import org.huzhu.notifications.Notice;
import org.huzhu.notifications.Notifications;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a unit's operators of its bills: issued (amount and the day it is due), and once overdue (a
 * daily job on one instance: bills still unpaid after the payment term, each told once).
 */
@Component
public class BillNotices {

    private final Notifications notifications;
    private final UnitOperators operators;
    private final Contributions contributions;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BillNotices(Notifications notifications, UnitOperators operators, Contributions contributions, TransactionTemplate transactions,
                Clock clock) {
        this.notifications = notifications;
        this.operators = operators;
        this.contributions = contributions;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener
    void on(BillIssued e) {
        notifications.sendAll(operators.notices(e.unitId(), "BILL_ISSUED", Texts.values("billRef", e.reference(),
                "amount", Texts.amount(e.amountDue()), "deadline", Texts.date(e.dueOn())), "bill-issued:" + e.billId()));
    }

    @Scheduled(cron = "${huzhu.notifications.reminders-cron:0 0 9 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "notifications-bills-overdue", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
    void daily() {
        overdue(LocalDate.now(clock));
    }

    /** Tells the operators of every bill overdue on {@code today} that has not been told yet; returns the rows written. */
    public int overdue(LocalDate today) {
        return transactions.execute(s -> {
            List<Notice> notices = new ArrayList<>();
            for (Contributions.OverdueBill b : contributions.overdue(today)) {
                notices.addAll(operators.notices(b.unitId(), "BILL_OVERDUE", Texts.values("billRef", b.reference(),
                        "amount", Texts.amount(b.outstanding())), "bill-overdue:" + b.billId()));
            }
            return notifications.sendAll(notices);
        });
    }
}
