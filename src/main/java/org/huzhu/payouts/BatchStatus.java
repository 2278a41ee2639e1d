package org.huzhu.payouts;

/**
 * A payout batch's lifecycle: PREPARED (by a maker) → RELEASED (by a different checker) → SENT (the
 * bank accepted the pain.001 file) → COMPLETED (every payout has the bank's final word).
 */
public enum BatchStatus {
    PREPARED("待复核放行"), RELEASED("已放行待发送"), SENT("已发送银行"), COMPLETED("已完成");

    private final String chinese;

    BatchStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** Each state moves only to the next one. */
    public boolean canMoveTo(BatchStatus next) {
        return next.ordinal() == ordinal() + 1;
    }
}
