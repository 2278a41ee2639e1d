package org.huzhu.claims;

import org.huzhu.organisation.Level;

/** Which union office reviews a claim, by its amount: county &lt; city &lt; province. */
public enum ReviewLevel {
    COUNTY("县（区）级"), CITY("市（州）级"), PROVINCE("省级");

    private final String chinese;

    ReviewLevel(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** The highest level a reviewer placed at an office of this level may review. */
    static ReviewLevel of(Level office) {
        return switch (office) {
            case COUNTY -> COUNTY;
            case CITY -> CITY;
            case PROVINCE -> PROVINCE;
        };
    }

    /** The level that decides an appeal against a decision at this level: the next one up (the province decides its own). */
    ReviewLevel above() {
        return this == PROVINCE ? PROVINCE : values()[ordinal() + 1];
    }

    boolean withinReachOf(ReviewLevel reviewer) {
        return ordinal() <= reviewer.ordinal();
    }
}
