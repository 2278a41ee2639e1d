package org.huzhu.notifications;

import java.time.Duration;

/**
 * Why a message is sent, which decides when it may go: urgent ones (sign-in codes, security notices)
 * at any hour, transactional ones (claims, payouts, cover, bills) outside quiet hours, publicity only
 * outside quiet hours, only with the member's consent and always with the opt-out instruction.
 */
public enum Purpose {
    URGENT("紧急"),
    TRANSACTIONAL("业务"),
    PUBLICITY("宣传");

    private final String chinese;

    Purpose(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public boolean waitsOutQuietHours() {
        return this != URGENT;
    }

    Duration validFor(NotificationProperties.Expiry expiry) {
        return switch (this) {
            case URGENT -> expiry.urgent();
            case TRANSACTIONAL -> expiry.transactional();
            case PUBLICITY -> expiry.publicity();
        };
    }
}
