package org.huzhu.shared.web;

import java.time.Duration;

/** Asked too often (a sign-in code within the minute, the day's codes used up): 429 with Retry-After. */
public class TooManyRequestsException extends RuntimeException {

    private final String field;
    private final Duration retryAfter;

    public TooManyRequestsException(String field, String message, Duration retryAfter) {
        super(message);
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public String field() {
        return field;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
