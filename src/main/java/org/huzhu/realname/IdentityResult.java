package org.huzhu.realname;

/** What the identity-verification service answered, in the words a worker reads. */
public enum IdentityResult {
    /** Every element belongs to the same living person. */
    MATCH("核验一致"),
    /** At least one element does not belong with the others; {@link IdentityOutcome#mismatch} says which when the provider does. */
    MISMATCH("信息不一致"),
    /** The ID number belongs to a person recorded as deceased (身份证对应人员已死亡). */
    DECEASED("身份证对应人员已死亡"),
    /** The authority holds no such ID number. */
    NOT_FOUND("查无此身份证号码"),
    /** The service could not answer (down, timed out, refused our credentials): temporary, never a mismatch. */
    UNAVAILABLE("核验服务暂不可用，请稍后再试");

    private final String chinese;

    IdentityResult(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
