package org.huzhu.notifications;

/** Who a notice is for. */
public sealed interface Recipient {

    /** A registered worker: their mobile number (if recorded) and their inbox. */
    record Member(long memberId) implements Recipient {
    }

    /** A staff or unit operator account: its mobile number (if recorded) and its inbox. */
    record Account(long accountId) implements Recipient {
    }

    /**
     * A mobile number by itself: the number a security notice also goes to after it was replaced, or a
     * number asking for a sign-in code. {@code memberId} and {@code scopePath} say whose it is, when known.
     */
    record Phone(String phone, Long memberId, String scopePath) implements Recipient {
    }

    static Recipient member(long memberId) {
        return new Member(memberId);
    }

    static Recipient account(long accountId) {
        return new Account(accountId);
    }
}
