package org.huzhu.claims;

/**
 * An appeal was decided. {@code result} says how in plain words — 维持原决定, 改为核准给付，互助金合计…元, or 调增给付，
 * 补发互助金…元 — never the reviewer's own words or a diagnosis; {@code changed}: the original decision was changed.
 */
public record ClaimAppealDecided(long claimId, long memberId, Long unitId, String reference, boolean changed, String result) {
}
