package org.huzhu.realname;

/** One element of a three- or four-factor question, as the provider names it when it does not match. */
public enum IdentityElement {
    NAME("姓名"),
    ID("身份证号码"),
    PHONE("手机号码"),
    CARD("银行卡号");

    private final String chinese;

    IdentityElement(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
