package org.huzhu.payouts;

import java.time.Instant;
import org.huzhu.shared.Money;
import org.huzhu.shared.web.ConflictException;

/**
 * One batch of a city's payouts, guarding its lifecycle (PREPARED → RELEASED → SENT → COMPLETED,
 * see {@link BatchStatus}) and maker-checker: the person who releases a batch is never the one who
 * prepared it. State changes only through the intention-named methods; a breach is a 409.
 */
final class PayoutBatch {

    final long id;
    final String messageId;
    final long cityOrgId;
    final String cityName;
    final String orgPath;
    final int payoutCount;
    final Money total;
    final String preparedBy;
    final Instant preparedAt;
    private BatchStatus status;
    private String releasedBy;
    private Instant releasedAt;
    private Instant sentAt;
    private Instant completedAt;

    PayoutBatch(long id, String messageId, long cityOrgId, String cityName, String orgPath, int payoutCount, Money total,
                String preparedBy, Instant preparedAt, BatchStatus status, String releasedBy, Instant releasedAt, Instant sentAt,
                Instant completedAt) {
        this.id = id;
        this.messageId = messageId;
        this.cityOrgId = cityOrgId;
        this.cityName = cityName;
        this.orgPath = orgPath;
        this.payoutCount = payoutCount;
        this.total = total;
        this.preparedBy = preparedBy;
        this.preparedAt = preparedAt;
        this.status = status;
        this.releasedBy = releasedBy;
        this.releasedAt = releasedAt;
        this.sentAt = sentAt;
        this.completedAt = completedAt;
    }

    /** The checker's release; the maker may not release their own batch. */
    void release(String by, Instant at) {
        require(BatchStatus.RELEASED);
        if (by.equals(preparedBy)) {
            throw new ConflictException("releasedBy", "批次须由组批人以外的另一名财务人员复核放行（双人复核）：本批次由您组批");
        }
        status = BatchStatus.RELEASED;
        releasedBy = by;
        releasedAt = at;
    }

    void markSent(Instant at) {
        require(BatchStatus.SENT);
        status = BatchStatus.SENT;
        sentAt = at;
    }

    void complete(Instant at) {
        require(BatchStatus.COMPLETED);
        status = BatchStatus.COMPLETED;
        completedAt = at;
    }

    private void require(BatchStatus next) {
        if (!status.canMoveTo(next)) {
            throw new ConflictException("status", "批次当前状态为「" + status.chinese() + "」（" + status + "），不能变为「"
                    + next.chinese() + "」（" + next + "）");
        }
    }

    BatchStatus status() {
        return status;
    }

    String releasedBy() {
        return releasedBy;
    }

    Instant releasedAt() {
        return releasedAt;
    }

    Instant sentAt() {
        return sentAt;
    }

    Instant completedAt() {
        return completedAt;
    }
}
