package org.huzhu.shared.web;

/** An upload over the limit of the endpoint it was sent to: 413. */
public class UploadTooLargeException extends RuntimeException {

    public UploadTooLargeException(String message) {
        super(message);
    }
}
