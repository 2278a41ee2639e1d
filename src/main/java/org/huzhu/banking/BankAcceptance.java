package org.huzhu.banking;

/**
 * The bank's immediate answer to a payment file: accepted for processing (statuses follow later as
 * bank messages), accepted again as a duplicate of a file it already has (same message id: it is not
 * processed twice), or refused (malformed, with the bank's reason).
 */
public record BankAcceptance(boolean accepted, boolean duplicate, String detail) {
}
