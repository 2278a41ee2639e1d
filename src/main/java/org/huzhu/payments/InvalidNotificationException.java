package org.huzhu.payments;

/** A notification that is not signed by the provider, is stale, or cannot be read: refused, changes nothing. */
public class InvalidNotificationException extends RuntimeException {

    public InvalidNotificationException(String message) {
        super(message);
    }
}
