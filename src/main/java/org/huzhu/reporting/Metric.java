package org.huzhu.reporting;

/** What a yearly target counts (目标指标). */
public enum Metric {
    PERSON_TIMES("参保人次"), UNITS("参保单位"), NEW_FORM_PERSON_TIMES("新就业形态参保人次");

    private final String chinese;

    Metric(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
