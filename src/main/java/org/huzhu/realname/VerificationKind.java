package org.huzhu.realname;

/** How a member's identity was checked. */
public enum VerificationKind {
    /** 三要素: name, ID number and phone asked of the identity-verification service. */
    THREE("三要素核验"),
    /** 四要素: the same and a bank card (a payout account change). */
    FOUR("银行卡四要素核验"),
    /** Staff saw an identity document in person (柜台核验). */
    COUNTER("柜台当面核验");

    private final String chinese;

    VerificationKind(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** Whether a match of this kind verifies the member's real name (a four-factor match only vouches for a card). */
    public boolean verifiesRealName() {
        return this != FOUR;
    }
}
