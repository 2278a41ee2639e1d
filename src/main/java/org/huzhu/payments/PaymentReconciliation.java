package org.huzhu.payments;

import java.time.Clock;
import java.time.OffsetDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Catches what notifications missed: every {@code huzhu.payments.reconcile-every} (one instance at
 * a time, ShedLock) asks the provider about each order still PENDING or FAILED that is older than
 * {@code reconcile-after} — a late or lost notification is found by the query — and closes those
 * past their time. Applying is idempotent, so a notification arriving meanwhile changes nothing.
 */
@Component
class PaymentReconciliation {

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);
    private static final int BATCH = 200;

    /** How one run went: orders asked about, and those the provider could not be asked about. */
    record Run(int checked, int unreachable) {
    }

    private final OnlineOrderRepository orders;
    private final OnlinePayments payments;
    private final PaymentsProperties properties;
    private final Clock clock;

    PaymentReconciliation(OnlineOrderRepository orders, OnlinePayments payments, PaymentsProperties properties, Clock clock) {
        this.orders = orders;
        this.payments = payments;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${huzhu.payments.reconcile-every:PT1M}", initialDelayString = "${huzhu.payments.reconcile-every:PT1M}")
    @SchedulerLock(name = "payments-reconciliation", lockAtLeastFor = "PT5S", lockAtMostFor = "PT10M")
    void scheduled() {
        Run run = run();
        if (run.checked() > 0) log.info("Online payments reconciled: {} orders checked, {} unreachable", run.checked(), run.unreachable());
    }

    Run run() {
        OffsetDateTime before = OffsetDateTime.now(clock).minus(properties.reconcileAfter());
        int checked = 0;
        int unreachable = 0;
        for (String orderNo : orders.openCreatedBefore(before, BATCH)) {
            try {
                payments.refresh(orderNo);
                checked++;
            } catch (PaymentProviderException e) {
                unreachable++;
                log.warn("Online payment order {} could not be checked: {}", orderNo, e.getMessage());
            }
        }
        return new Run(checked, unreachable);
    }
}
