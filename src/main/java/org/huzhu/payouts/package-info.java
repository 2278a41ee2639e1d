/**
 * Payouts (支付): payment orders to members' bank accounts. A source (claims) hands over a
 * {@link org.huzhu.payouts.PayoutOrder} with a unique reference (the bank's EndToEndId); finance
 * gathers requested payouts per city into batches, a second finance officer releases each batch
 * (maker-checker), the batch goes to the bank as one pain.001 file, and the bank's pain.002 and
 * camt.054 messages settle, fail or bounce each payout — nothing is settled without the bank's word.
 * Every step is recorded, booked in the ledger under an idempotency key, and published as a
 * past-tense event ({@link org.huzhu.payouts.PayoutSettled} …). Front door: {@link org.huzhu.payouts.Payouts}.
 */
package org.huzhu.payouts;
