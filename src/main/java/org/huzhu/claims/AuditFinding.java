package org.huzhu.claims;

/** Why a post-payment check found that a benefit paid automatically was not (wholly) due: the coded reason of a finding. */
enum AuditFinding {
    DUPLICATE_CLAIM("重复申领或重复报销"),
    FALSE_RECEIPT("票据不真实或与实际不符"),
    NOT_COVERED("不属于保障责任范围"),
    OUT_OF_PERIOD("出险不在保障期或观察期内"),
    OVERCALCULATED("费用或金额计算有误，多付"),
    OTHER("其他原因");

    private final String chinese;

    AuditFinding(String chinese) {
        this.chinese = chinese;
    }

    String chinese() {
        return chinese;
    }
}
