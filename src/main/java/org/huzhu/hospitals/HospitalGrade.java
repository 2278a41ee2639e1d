package org.huzhu.hospitals;

import java.util.Arrays;
import java.util.Optional;

/** A hospital's grade (医院等级) as the health commission rates it: level 1 to 3, each 甲 / 乙 / 丙. */
public enum HospitalGrade {
    GRADE_3A("三级甲等"), GRADE_3B("三级乙等"), GRADE_3C("三级丙等"),
    GRADE_2A("二级甲等"), GRADE_2B("二级乙等"), GRADE_2C("二级丙等"),
    GRADE_1("一级"), UNGRADED("未定级");

    private final String chinese;

    HospitalGrade(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    static Optional<HospitalGrade> parse(String value) {
        return Arrays.stream(values()).filter(g -> g.name().equals(value) || g.chinese.equals(value)).findFirst();
    }
}
