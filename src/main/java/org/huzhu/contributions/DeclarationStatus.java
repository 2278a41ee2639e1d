package org.huzhu.contributions;

/** Where a back-dated declaration of payment stands with finance; the Chinese label is what screens show. */
public enum DeclarationStatus {
    PENDING("待财务确认"),
    CONFIRMED("财务已确认"),
    REFUSED("财务未予确认");

    private final String chinese;

    DeclarationStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
