package org.huzhu.organisation;

import java.util.regex.Pattern;
import org.huzhu.shared.CreditCode;
import org.huzhu.shared.web.Checks;

/**
 * How the typed facts of a unit are read and checked, the same for the form, the edit and each row
 * of an import file: name (at most 200 characters), ownership (code or Chinese name), headcount
 * 1–1,000,000, contact person (at most 50), contact phone (a mobile or a fixed line with area code),
 * status (正常/ACTIVE or 注销/CLOSED).
 */
final class UnitRules {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern FIXED_LINE = Pattern.compile("0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7}(-[0-9]{1,6})?");

    private UnitRules() {
    }

    static String name(String raw, Checks checks, String field) {
        if (raw == null || raw.isBlank()) {
            checks.add(field, "缺少单位名称");
            return null;
        }
        String name = raw.strip();
        if (name.length() > 200) checks.add(field, "单位名称过长（最多200字）");
        return name;
    }

    static String creditCode(String raw, Checks checks, String field) {
        if (raw == null || raw.isBlank()) {
            checks.add(field, "缺少统一社会信用代码");
            return null;
        }
        return checks.parse(field, () -> CreditCode.check(raw.strip()));
    }

    static Ownership ownership(String raw, Checks checks, String field) {
        if (raw == null || raw.isBlank()) {
            checks.add(field, "缺少单位性质");
            return null;
        }
        String value = raw.strip();
        for (Ownership o : Ownership.values()) {
            if (o.name().equals(value) || o.chinese().equals(value)) return o;
        }
        checks.add(field, "单位性质应为 机关事业单位、国有企业、民营企业 或 其他（GOVERNMENT、STATE_OWNED、PRIVATE、OTHER）");
        return null;
    }

    static Integer headcount(String raw, Checks checks, String field) {
        if (raw == null || raw.isBlank()) {
            checks.add(field, "缺少职工人数");
            return null;
        }
        String value = raw.strip();
        if (value.endsWith(".0")) value = value.substring(0, value.length() - 2);
        try {
            int headcount = Integer.parseInt(value);
            if (headcount > 0 && headcount <= 1_000_000) return headcount;
        } catch (NumberFormatException e) {
            // reported below
        }
        checks.add(field, "职工人数应为1至1000000之间的整数");
        return null;
    }

    static String contactName(String raw, Checks checks, String field) {
        if (raw == null || raw.isBlank()) return null;
        String name = raw.strip();
        if (name.length() > 50) checks.add(field, "联系人姓名过长（最多50字）");
        return name;
    }

    /** The phone in its plain, normalised form, or null when none was given. */
    static String contactPhone(String raw, Checks checks, String field) {
        if (raw == null || raw.isBlank()) return null;
        String phone = raw.strip().replace(" ", "");
        if (phone.startsWith("+86")) phone = phone.substring(3);
        if (MOBILE.matcher(phone).matches() || FIXED_LINE.matcher(phone).matches()) return phone;
        checks.add(field, "联系电话应为11位手机号码或带区号的固定电话（如027-85551234）");
        return null;
    }

    /** Whether the status reads closed; null (unchanged or the default) when blank. */
    static Boolean closed(String raw, Checks checks, String field) {
        if (raw == null || raw.isBlank()) return null;
        return switch (raw.strip()) {
            case "ACTIVE", "正常", "在用" -> false;
            case "CLOSED", "注销", "已注销", "关闭" -> true;
            default -> {
                checks.add(field, "状态应为 正常 或 注销（ACTIVE、CLOSED）");
                yield null;
            }
        };
    }
}
