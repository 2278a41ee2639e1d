package org.huzhu.payouts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.huzhu.shared.Money;

/**
 * A payout batch: its city, status, size and total, who prepared and who released it, the pain.001
 * message id, how many of its payouts are in each state, how many are held (a recently changed
 * account: taken out of the batch when it is released unless released first), and (for one batch)
 * its payouts and steps.
 */
public record BatchView(long id, String messageId, long cityOrgId, String cityName, BatchStatus status, String statusName,
                        int payoutCount, Money total, String preparedBy, Instant preparedAt, String releasedBy,
                        Instant releasedAt, Instant sentAt, Instant completedAt, Map<PayoutStatus, Integer> payoutsByStatus,
                        List<PayoutView> payouts, List<PayoutView.Step> timeline, int heldPayouts) {
}
