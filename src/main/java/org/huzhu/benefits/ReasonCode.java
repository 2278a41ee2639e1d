package org.huzhu.benefits;

/** Why a benefit was rejected or reduced (domain guide §5). */
public enum ReasonCode {
    /** The incident date lies outside the coverage period. */
    NOT_COVERED,
    /** The item does not cover this kind of incident, or nothing of it applies. */
    NOT_APPLICABLE,
    /** An illness inside the waiting period (观察期). */
    WAITING_PERIOD,
    /** The item is for the other sex. */
    GENDER_MISMATCH,
    /** No diagnosis is on the item's lists. */
    DIAGNOSIS_NOT_LISTED,
    /** The counted expenses do not exceed the deductible. */
    BELOW_DEDUCTIBLE,
    /** The period limit is used up by earlier payouts: nothing is left. */
    CAP_REACHED,
    /** The period limit (what is left of it) cut this payout. */
    ANNUAL_CAP,
    /** The payout may not exceed what the worker paid. */
    OUT_OF_POCKET_LIMIT,
    /** The item pays on a hospital stay and there is none. */
    NO_HOSPITAL_STAY,
    /** Filed after the claim deadline. */
    CLAIM_TOO_LATE,
    /** The item pays on expenses and none were given. */
    INVALID_EXPENSES
}
