package org.huzhu.notifications;

/**
 * Where a message stands. An SMS: QUEUED → SENDING → SENT → DELIVERED, or FAILED (with the reason) or
 * EXPIRED (not sent in time, or the centre gave up); a temporary failure puts it back to QUEUED with a
 * later try. SENDING is not stored: a queued text that a dispatcher holds under a lease reads as such
 * ({@link MessageReads}). An in-app message is DELIVERED when written.
 */
public enum MessageStatus {
    QUEUED("待发送"),
    SENDING("发送中"),
    SENT("已发送"),
    DELIVERED("已送达"),
    FAILED("发送失败"),
    EXPIRED("已过期");

    private final String chinese;

    MessageStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public boolean finished() {
        return this == DELIVERED || this == FAILED || this == EXPIRED;
    }
}
