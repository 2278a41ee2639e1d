package org.huzhu.organisation;

/** Ownership type of an employer unit; it chooses the unit's default funding policy. */
public enum Ownership {
    GOVERNMENT("机关事业单位"), STATE_OWNED("国有企业"), PRIVATE("民营企业"), OTHER("其他");

    private final String chinese;

    Ownership(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
