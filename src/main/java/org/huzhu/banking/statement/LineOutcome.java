package org.huzhu.banking.statement;

/**
 * What a module did with a statement line: its new status, the reference it was matched to (a
 * bill's {@code HZB-…}, a payout's end-to-end id) and a note in Chinese for finance.
 */
public record LineOutcome(LineStatus status, String matchedReference, String note) {
}
