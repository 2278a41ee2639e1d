package org.huzhu.organisation;

/** Level of a union office in the tree. */
public enum Level {
    PROVINCE("省总工会"), CITY("市（州）总工会"), COUNTY("县（区）总工会");

    private final String chinese;

    Level(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
