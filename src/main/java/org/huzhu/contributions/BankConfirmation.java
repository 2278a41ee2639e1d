package org.huzhu.contributions;

/**
 * Whether the bank has shown the money a unit declared paid on a bill: every declared payment matched to a statement
 * line ({@code CONFIRMED}); some not yet, still within the working days the bank is given ({@code AWAITING}); some not
 * shown after them ({@code UNCONFIRMED}, 未确认到账: listed for finance, and claims on the cover it backs go to a reviewer).
 */
public enum BankConfirmation {
    CONFIRMED("银行已确认到账"),
    AWAITING("待银行流水确认"),
    UNCONFIRMED("未确认到账");

    private final String chinese;

    BankConfirmation(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
