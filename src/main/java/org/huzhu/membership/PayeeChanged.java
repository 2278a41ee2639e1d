package org.huzhu.membership;

/**
 * Who a member's money is paid to changed: their payout account was replaced (by the worker, or by staff on a
 * second person's approval — {@link BankAccountChanged} tells the worker), or the heir of a worker who died
 * became the payee ({@link HeirPayees}). Published inside the change's transaction, so that whatever is paid to
 * the member and not yet handed to the bank follows the new payee in the same commit. {@code why} is a short
 * Chinese phrase for the payout's history; no account number is carried.
 */
public record PayeeChanged(long memberId, String why, String actor) {
}
