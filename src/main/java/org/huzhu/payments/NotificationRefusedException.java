package org.huzhu.payments;

/** A notification taken but refused: answered with {@code status} and a problem the provider reads as FAIL. */
class NotificationRefusedException extends RuntimeException {

    private final int status;

    NotificationRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
