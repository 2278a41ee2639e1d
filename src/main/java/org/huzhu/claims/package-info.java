/**
 * Claims (互助金申领): a worker, their unit operator or union staff files one claim per illness
 * episode or accident; at submission the benefits module judges it against the member's real
 * coverages and earlier payouts, the claim is routed (auto-approval, or a county / city / province
 * review queue), reviewed under maker-checker, and an approved claim hands a payout request to the
 * payouts side. Every transition of the {@link org.huzhu.claims.ClaimStatus} state machine is kept
 * in an append-only timeline the worker can read. A claim in review is held by a reviewer of the office responsible
 * (round robin, or taken from the office's pool; reassigned by its head; escalated a working day before the payment
 * promise falls due), union staff keep follow-up notes on it, and automatic approvals are drawn for a post-payment
 * check whose confirmed findings become recoveries. Front door: {@link org.huzhu.claims.Claims}.
 */
package org.huzhu.claims;
