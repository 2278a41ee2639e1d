package org.huzhu.membership;

import org.huzhu.payouts.PayoutKind;
import org.huzhu.payouts.PayoutOrder;
import org.huzhu.payouts.PayoutSource;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The refunds' {@link PayoutSource}: a refund whose payout the bank refused or returned is paid again, as a claim's is, under
 * the next reference ({@code HZR-<id>-<n+1>}) to the payer's account as it is now — the unit's account corrected on the
 * cancellation, or the member's payout account. Payouts keeps the amount and refuses an unchanged account.
 */
@Component
class RefundPayouts implements PayoutSource {

    private final CancellationRepository cancellations;
    private final RefundOrders orders;

    RefundPayouts(CancellationRepository cancellations, RefundOrders orders) {
        this.cancellations = cancellations;
        this.orders = orders;
    }

    @Override
    public boolean handles(String source) {
        return source != null && source.startsWith(PayoutKind.REFUND_SOURCE);
    }

    @Override
    public PayoutOrder reissueOrder(String source, String failedReference, CurrentUser user) {
        long id = Long.parseLong(source.substring(PayoutKind.REFUND_SOURCE.length()));
        CancellationRepository.Row c = cancellations.find(id, true).orElseThrow(() -> new NotFoundException("退保申请不存在"));
        int n = Integer.parseInt(failedReference.substring(failedReference.lastIndexOf('-') + 1));
        String next = RefundOrders.reference(id, n + 1);
        cancellations.payoutReissued(id, next);
        return orders.order(c, next, null);
    }
}
