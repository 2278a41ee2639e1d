package org.huzhu.notifications;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Wakes an idle dispatcher when new messages were committed, so that a sign-in code does not wait for the next poll. */
@Component
class DispatchSignal {

    private final Semaphore permits = new Semaphore(0);

    void wake() {
        if (permits.availablePermits() < 4) permits.release();
    }

    /** Wakes the dispatcher once the running transaction commits (at once when there is none). */
    void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake();
            }
        });
    }

    /** Waits until woken or the interval passed. */
    void await(Duration interval) throws InterruptedException {
        if (permits.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS)) permits.drainPermits();
    }
}
