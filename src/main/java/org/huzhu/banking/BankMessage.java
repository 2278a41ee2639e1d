package org.huzhu.banking;

import java.time.Instant;

/**
 * One message the bank sent, as stored on arrival: {@code number} orders messages by arrival here,
 * {@code messageId} is the bank's own (unique), {@code kind} the ISO message ({@code pain.002.001.10},
 * {@code camt.054.001.08}, {@code camt.053.001.08}), {@code xml} the document as received.
 */
public record BankMessage(long number, String messageId, String kind, String xml, Instant receivedAt) {

    public static final String STATUS_REPORT = "pain.002.001.10";
    public static final String NOTIFICATION = "camt.054.001.08";
    public static final String STATEMENT = "camt.053.001.08";
}
