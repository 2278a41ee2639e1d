package org.huzhu.banking;

/** The bank could not be reached or answered with an error: nothing is known to have happened there; try again. */
public class BankUnavailableException extends RuntimeException {

    public BankUnavailableException(String message) {
        super(message);
    }
}
