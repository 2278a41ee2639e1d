package org.huzhu.banking.reconciliation;

/** The kinds of difference a reconciliation lists. */
public enum DifferenceKind {
    ON_STATEMENT_NOT_IN_BOOKS("银行已记、账面未记"),
    IN_BOOKS_NOT_ON_STATEMENT("账面已记、银行未记"),
    AMOUNT_DIFFERS("金额不符"),
    DATE_DIFFERS("入账日期不同"),
    UNASSIGNED_RECEIPT("待清分收款"),
    DAY_TOTAL_DIFFERS("当日合计不符");

    private final String chinese;

    DifferenceKind(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
