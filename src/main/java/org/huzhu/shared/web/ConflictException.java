package org.huzhu.shared.web;

/** A request that is well-formed but clashes with the current state (a duplicate, a lost race): 409. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public ConflictException(String message) {
        this(null, message);
    }

    public String field() {
        return field;
    }
}
