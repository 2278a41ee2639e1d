package org.huzhu.banking.statement;

/** What became of a statement line. */
public enum LineStatus {
    /** Not (yet) claimed by any module. */
    NEW("未处理"),
    /** Matched to a bill and paid it exactly (or paid part of a bill that is now paid in full). */
    MATCHED("已匹配"),
    /** Matched to a bill that it paid only in part. */
    PARTIAL("部分缴费"),
    /** Matched to a bill and paid more than was due: the excess is held as received in advance. */
    OVERPAID("超额缴费"),
    /** Confirmed money a unit declared or finance registered before the statement arrived. */
    CONFIRMED("已确认到账"),
    /** Money that names no known bill: held in 2241 until finance assigns it. */
    UNMATCHED("待清分"),
    /** Was unmatched; finance assigned it to a bill. */
    ASSIGNED("已认领"),
    /** Money leaving the account (payouts): compared by the reconciliation, not matched here. */
    DEBIT("支出");

    private final String chinese;

    LineStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
