package org.huzhu.benefits;

/**
 * The formula of one benefit component (MEDICAL, LUMP_SUM, DEATH_DISABILITY, ALLOWANCE) with its
 * limits. Adds its amount, rounded once half-up to the fen, and its reasons to the outcome; adds
 * nothing when the incident gives it nothing to pay on (no expenses, no stay, neither death nor
 * disability).
 */
interface ComponentRule {

    void apply(Claim claim, Cover cover, ItemOutcome outcome);
}
