package org.huzhu.notifications.sms;

import java.time.Instant;

/**
 * The centre's final word on one segment: its id as given in the submit answer, the outbox message
 * reference when the centre echoed it (else null), the final state, the centre's error code
 * (e.g. {@code 001}; null when delivered) and when it was done.
 */
public record DeliveryReceipt(String centreId, Long messageReference, State state, String errorCode, Instant doneAt) {

    public enum State { DELIVERED, UNDELIVERABLE, EXPIRED, REJECTED, DELETED, UNKNOWN }
}
