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
    MEMBER("职工会员"),
    /**
     * The discharge desk of one partner hospital (合作医院, 工会+医院): asks whether a patient has cover and prints the
     * hospital's 申领提示牌; sees no member, claim or unit. Bound to the hospital; its scope is the partner office's.
     */
    HOSPITAL("合作医院");

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

    /** The primary role first, then the others held in declaration order. */
    public static java.util.List<Role> primaryFirst(Role primary, java.util.Collection<Role> held) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(primary),
                java.util.Arrays.stream(values()).filter(r -> r != primary && held.contains(r))).toList();
    }

    /** Whether an account holding these roles must log in with a second factor: when any of them needs it. */
    public static boolean needSecondFactor(java.util.Collection<Role> roles) {
        return roles.stream().anyMatch(Role::needsSecondFactor);
    }

    /**
     * Whether the role may be combined with others on one account: the roles of a union office's
     * staff (union staff, reviewer, finance), who all sit on an organisation node. An administrator
     * holds everything already, a unit operator sits on a unit and a member is only themselves.
     */
    public boolean combinable() {
        return this == UNION_STAFF || this == REVIEWER || this == FINANCE;
    }
}
