package org.huzhu.membership;

/**
 * Where a member stands with their unit and in life, with the label screens show: working in their unit
 * (在职), left it (已离职: the cover stays theirs to its end, the unit no longer lists them, a renewal
 * leaves them out) or deceased (已身故: cover ended on the day of death).
 */
public enum MemberStatus {
    ACTIVE("在职"), LEFT_UNIT("已离职"), DECEASED("已身故");

    private final String chinese;

    MemberStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
