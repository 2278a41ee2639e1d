package org.huzhu.shared.web;

/** A thing that does not exist, or lies outside the caller's scope (we never say which): 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
