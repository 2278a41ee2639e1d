package org.huzhu.membership;

/** Why a worker is on a renewal proposal; {@code label} is what screens show. */
public enum RenewalLineSource {
    LAST_YEAR("上年名单"),
    ROSTER("花名册"),
    ADDED("经办人添加");

    private final String label;

    RenewalLineSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
