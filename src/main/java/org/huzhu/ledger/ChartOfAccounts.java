package org.huzhu.ledger;

/** Codes of the fund's chart of accounts (seeded by the ledger migration). */
public final class ChartOfAccounts {

    public static final String BANK = "1002";
    public static final String RECEIVABLE_UNIT = "1122.01";
    public static final String RECEIVABLE_UNION_SUBSIDY = "1122.02";
    public static final String RECEIVABLE_MEMBER = "1122.03";
    public static final String CONTRIBUTION_INCOME = "4001";
    public static final String GIFT_BUDGET_EXPENSE = "5001";

    private ChartOfAccounts() {
    }
}
