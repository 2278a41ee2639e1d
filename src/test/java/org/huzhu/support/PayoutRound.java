package org.huzhu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.huzhu.payouts.BatchStatus;
import org.huzhu.payouts.PayoutStatus;
import org.huzhu.payouts.PayoutView;
import org.huzhu.payouts.Payouts;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;

/**
 * Takes payouts through the real round in tests: a maker prepares batches, a checker releases the
 * batch holding the payout, the batch goes to the simulated bank, and the bank's answers are applied
 * until the payout has a final word. Province-wide finance officers; other tests' waiting payouts may
 * ride along in the same batch, which is how batching works.
 */
public final class PayoutRound {

    public static final CurrentUser MAKER = new CurrentUser(0, "test-finance-maker", Role.FINANCE, "/", null, null, null);
    public static final CurrentUser CHECKER = new CurrentUser(0, "test-finance-checker", Role.FINANCE, "/", null, null, null);
    private static final Set<PayoutStatus> FINAL = EnumSet.of(PayoutStatus.SETTLED, PayoutStatus.FAILED, PayoutStatus.BOUNCED,
            PayoutStatus.REISSUED);

    private PayoutRound() {
    }

    /** Prepares and releases the batch of {@code reference}, then waits for the bank's final word on it. */
    public static PayoutView pay(Payouts payouts, String reference) {
        release(payouts, reference);
        return awaitFinal(payouts, reference);
    }

    /** Prepares batches (if the payout still waits for one) and releases its batch; returns the batch id. */
    public static long release(Payouts payouts, String reference) {
        PayoutView payout = payouts.payout(reference, MAKER);
        if (payout.status() == PayoutStatus.REQUESTED) {
            payouts.prepareBatches(MAKER);
            payout = payouts.payout(reference, MAKER);
        }
        assertThat(payout.batchId()).as("batch of " + reference).isNotNull();
        if (payouts.batch(payout.batchId(), MAKER).status() == BatchStatus.PREPARED) payouts.release(payout.batchId(), CHECKER);
        return payout.batchId();
    }

    /** Applies the bank's messages until {@code reference} is settled, failed or bounced (at most 30 s). */
    public static PayoutView awaitFinal(Payouts payouts, String reference) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            payouts.sendReleased();
            payouts.applyBankMessages();
            PayoutView now = payouts.payout(reference, MAKER);
            if (FINAL.contains(now.status())) return now;
            if (System.nanoTime() > until) throw new AssertionError("no final bank status for " + reference + " in 30 s: " + now.status());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Applies the bank's messages until {@code reference} is in {@code status} (at most 30 s). */
    public static PayoutView awaitStatus(Payouts payouts, String reference, PayoutStatus status) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            payouts.applyBankMessages();
            PayoutView now = payouts.payout(reference, MAKER);
            if (now.status() == status) return now;
            if (System.nanoTime() > until) throw new AssertionError(reference + " not " + status + " in 30 s: " + now.status());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
