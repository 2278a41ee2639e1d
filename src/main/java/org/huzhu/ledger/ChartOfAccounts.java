package org.huzhu.ledger;

/** Codes of the fund's chart of accounts (seeded by the ledger migration). */
public final class ChartOfAccounts {

    public static final String BANK = "1002";
    /** Online payments confirmed by the provider, not yet settled to the bank account. */
    public static final String ONLINE_PAYMENTS = "1012";
    public static final String RECEIVABLE_UNIT = "1122.01";
    public static final String RECEIVABLE_UNION_SUBSIDY = "1122.02";
    public static final String RECEIVABLE_MEMBER = "1122.03";
    public static final String RECEIVABLE_UNION_GIFT = "1122.04";
    /** Benefits paid that a post-payment check found were not due, owed back by the member (互助金追回). */
    public static final String BENEFIT_RECOVERY_RECEIVABLE = "1221";
    public static final String CLAIMS_PAYABLE = "2202";
    public static final String PAYOUTS_IN_TRANSIT = "2203";
    /** Contributions to refund to their payer after a cancellation, approved and not yet paid (应付退费). */
    public static final String REFUNDS_PAYABLE = "2204";
    public static final String UNMATCHED_RECEIPTS = "2241";
    public static final String CONTRIBUTIONS_RECEIVED_IN_ADVANCE = "2242";
    public static final String CONTRIBUTION_INCOME = "4001";
    public static final String GIFT_BUDGET_EXPENSE = "5001";
    public static final String BENEFIT_EXPENSE = "5101";

    private ChartOfAccounts() {
    }
}
