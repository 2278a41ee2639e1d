package org.huzhu.membership;

/** Where a unit's renewal proposal stands; {@code label} is what screens show (the one source of the words). */
public enum RenewalStatus {
    PROPOSED("待确认"),
    CONFIRMED("已确认并出账"),
    DISCARDED("已放弃");

    private final String label;

    RenewalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
