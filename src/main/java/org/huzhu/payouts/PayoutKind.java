package org.huzhu.payouts;

import org.huzhu.ledger.ChartOfAccounts;

/**
 * What a payout pays, told by its source: a benefit of a claim ({@code CLAIM:42}, {@code CLAIM-APPEAL:42}) or a refund of
 * contributions after a cancellation ({@code REFUND:7}). The kind names the liability its journals move (互助金: 2202 应付互助金;
 * 退费: 2204 应付退费) and the text the bank's transfer carries. Its Chinese label is the one the API and the console show.
 */
public enum PayoutKind {
    CLAIM("互助金", ChartOfAccounts.CLAIMS_PAYABLE, "职工互助保障金 "),
    REFUND("退费", ChartOfAccounts.REFUNDS_PAYABLE, "职工互助保障退费 ");

    /** The prefix of a refund's source: {@code REFUND:<cancellation id>}. */
    public static final String REFUND_SOURCE = "REFUND:";

    private final String chinese;
    private final String payableAccount;
    private final String remittance;

    PayoutKind(String chinese, String payableAccount, String remittance) {
        this.chinese = chinese;
        this.payableAccount = payableAccount;
        this.remittance = remittance;
    }

    public static PayoutKind of(String source) {
        return source != null && source.startsWith(REFUND_SOURCE) ? REFUND : CLAIM;
    }

    public String chinese() {
        return chinese;
    }

    String payableAccount() {
        return payableAccount;
    }

    /** The remittance information of the transfer (RmtInf/Ustrd) for one payout. */
    String remittance(String reference) {
        return remittance + reference;
    }
}
