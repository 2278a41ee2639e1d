package org.huzhu.payments;

/** The provider could not be reached, or answered something we cannot read: the outcome is unknown. */
public class PaymentProviderException extends RuntimeException {

    public PaymentProviderException(String message) {
        super(message);
    }
}
