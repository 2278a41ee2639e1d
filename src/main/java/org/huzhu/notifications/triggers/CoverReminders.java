package org.huzhu.notifications.triggers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.huzhu.membership.Enrolments;
import org.huzhu.notifications.Notice;
import org.huzhu.notifications.Notifications;
import org.huzhu.notifications.Recipient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds of cover about to end, 30, 14 and 7 days ahead: each member of each item not renewed yet, and
 * each unit's operators with how many of its people's cover ends that day. A daily job on one instance;
 * the event keys (member, item, end, days; unit, day, days) make a rerun write nothing twice.
 */
@Component
public class CoverReminders {

    static final List<Integer> DAYS_AHEAD = List.of(30, 14, 7);

    private final Notifications notifications;
    private final Enrolments enrolments;
    private final UnitOperators operators;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CoverReminders(Notifications notifications, Enrolments enrolments, UnitOperators operators, TransactionTemplate transactions,
                   Clock clock) {
        this.notifications = notifications;
        this.enrolments = enrolments;
        this.operators = operators;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${huzhu.notifications.reminders-cron:0 0 9 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "notifications-cover-reminders", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
    void daily() {
        remind(LocalDate.now(clock));
    }

    /** Writes the reminders due on {@code today} (each days-ahead in its own transaction); returns the rows written. */
    public int remind(LocalDate today) {
        int written = 0;
        for (int days : DAYS_AHEAD) written += transactions.execute(s -> remind(today, days));
        return written;
    }

    private int remind(LocalDate today, int days) {
        LocalDate end = today.plusDays(days);
        List<Enrolments.CoverEnding> ending = enrolments.coversEnding(end);
        List<Notice> notices = new ArrayList<>(ending.size() + 16);
        Map<Long, Integer> perUnit = new LinkedHashMap<>();
        String coverEnd = Texts.date(end);
        for (Enrolments.CoverEnding c : ending) {
            notices.add(new Notice("COVER_EXPIRING_MEMBER", Recipient.member(c.memberId()),
                    Texts.values("item", c.itemName(), "coverEnd", coverEnd, "days", Integer.toString(days)),
                    "cover-expiring:" + c.memberId() + ":" + c.item() + ":" + end + ":" + days));
            if (c.unitId() != null) perUnit.merge(c.unitId(), 1, Integer::sum);
        }
        perUnit.forEach((unit, count) -> notices.addAll(operators.notices(unit, "COVER_EXPIRING_UNIT",
                Texts.values("count", Integer.toString(count), "coverEnd", coverEnd, "days", Integer.toString(days)),
                "cover-expiring-unit:" + unit + ":" + today + ":" + days)));
        return notifications.sendAll(notices);
    }
}
