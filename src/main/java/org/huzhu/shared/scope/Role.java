package org.huzhu.shared.scope;

/** What a person may do in Huzhu; where they may do it is their scope path. */
public enum Role {
    /** Scheme administrator: the whole province. */
    ADMIN("互助保障管理员"),
    /** Staff of a province, city or county union office: their own subtree. */
    UNION_STAFF("工会工作人员"),
    REVIEWER("审核员"),
    FINANCE("财务人员"),
    /** Operator of one employer unit. */
    UNIT_OPERATOR("单位经办人"),
    /** A worker, who sees only themselves. */
    MEMBER("职工会员");

    private final String chinese;

    Role(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** Administrators, finance and reviewers must log in with a second factor (TOTP); others may. */
    public boolean needsSecondFactor() {
        return this == ADMIN || this == FINANCE || this == REVIEWER;
    }

    /**
     * Whether a holder of this role may give {@code other} to an account: an administrator any role,
     * anyone else only a role whose every right they hold themselves.
     */
    public boolean mayGrant(Role other) {
        return this == ADMIN || Right.of(this).containsAll(Right.of(other));
    }
}
