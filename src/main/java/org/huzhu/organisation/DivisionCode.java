package org.huzhu.organisation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of a node's administrative division code (GB/T 2260): six digits; a province's ends in
 * {@code 0000}; a city or prefecture under a province starts with the province's two digits and ends
 * in {@code 00}, or is a county-level unit the province administers directly ({@code xx90yy}: 仙桃
 * 429004, 潜江 429005, 天门 429006, 神农架林区 429021); a county starts with its city's four digits.
 * Lenient where the code system has no such relation: below a directly administered unit only the
 * province's two digits are checked.
 */
final class DivisionCode {

    private static final Pattern SIX_DIGITS = Pattern.compile("[1-9][0-9]{5}");

    private DivisionCode() {
    }

    /** Why {@code code} cannot be the code of a node of {@code level} under {@code parent}, if it cannot. */
    static Optional<String> problem(String code, Level level, OrgNode parent) {
        if (code == null || !SIX_DIGITS.matcher(code).matches()) return Optional.of("行政区划代码应为6位数字（GB/T 2260）");
        return switch (level) {
            case PROVINCE -> code.endsWith("0000") ? Optional.empty() : Optional.of("省级行政区划代码应以0000结尾");
            case CITY -> parent == null || parent.divisionCode() == null || code.startsWith(parent.divisionCode().substring(0, 2))
                    && (code.endsWith("00") || directlyAdministered(code)) ? Optional.empty()
                    : Optional.of("市（州）行政区划代码应以所属省的前2位开头、以00结尾（省直管县级单位如429004除外）");
            case COUNTY -> county(code, parent);
        };
    }

    /** A county-level unit administered by the province itself: {@code xx90yy}. */
    static boolean directlyAdministered(String code) {
        return code.substring(2, 4).equals("90") && !code.endsWith("00");
    }

    private static Optional<String> county(String code, OrgNode parent) {
        if (code.endsWith("00")) return Optional.of("县（区）行政区划代码不能以00结尾");
        if (parent == null || parent.divisionCode() == null) return Optional.empty();
        String city = parent.divisionCode();
        if (directlyAdministered(city)) return sameProvince(code, parent);
        return code.startsWith(city.substring(0, 4)) ? Optional.empty()
                : Optional.of("县（区）行政区划代码应以所属市（州）代码的前4位（" + city.substring(0, 4) + "）开头");
    }

    private static Optional<String> sameProvince(String code, OrgNode parent) {
        return code.startsWith(parent.divisionCode().substring(0, 2)) ? Optional.empty()
                : Optional.of("行政区划代码应以所属省的前2位开头");
    }
}
