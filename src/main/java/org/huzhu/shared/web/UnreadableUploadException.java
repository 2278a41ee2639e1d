package org.huzhu.shared.web;

/** An uploaded file that cannot be read as what it claims to be (empty, corrupt, wrong type): 422. */
public class UnreadableUploadException extends RuntimeException {

    public UnreadableUploadException(String message) {
        super(message);
    }
}
