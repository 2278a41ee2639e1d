package org.huzhu.claims;

/**
 * A worker's appeal (申诉) against a claim's rejection or adjustment was lodged, by the worker or for them; the worker
 * and the operators of the worker's unit ({@code unitId}, null for a worker without one) are told it is being reviewed.
 */
public record ClaimAppealReceived(long claimId, long memberId, Long unitId, String reference) {
}
