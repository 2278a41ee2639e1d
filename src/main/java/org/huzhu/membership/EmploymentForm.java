package org.huzhu.membership;

/** Regular employment, or the new employment forms (新就业形态: riders, couriers, drivers). */
public enum EmploymentForm {
    REGULAR("常规就业"), NEW_FORM("新就业形态");

    private final String chinese;

    EmploymentForm(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** Accepts the code or its Chinese name (roster files use either). */
    public static EmploymentForm parse(String text) {
        if (text == null || text.isBlank()) return REGULAR;
        String t = text.strip();
        for (EmploymentForm f : values()) {
            if (f.name().equalsIgnoreCase(t) || f.chinese.equals(t)) return f;
        }
        if (t.equals("常规") || t.equals("普通")) return REGULAR;
        throw new IllegalArgumentException("就业形态应为 REGULAR（常规就业）或 NEW_FORM（新就业形态）");
    }
}
