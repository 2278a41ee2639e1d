package org.huzhu.shared;

/** Sex as the resident ID number states it. */
public enum Gender {
    M("男"), F("女");

    private final String chinese;

    Gender(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
