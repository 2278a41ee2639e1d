package org.huzhu.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.membership.roster.RosterDates;
import org.huzhu.membership.roster.RosterRow;
import org.huzhu.shared.IdNumber;

/**
 * Checks one roster row and applies the enrolment rules to it, reporting every problem under
 * the column a clerk sees in the spreadsheet. A blank 缴费日期 means the premium is not paid yet:
 * the row is planned as if paid today and enrolled awaiting payment.
 */
final class RosterRowParser {

    static final String NAME = "姓名";
    static final String ID_NUMBER = "身份证号码";
    static final String PHONE = "手机号码";
    static final String FORM = "就业形态";
    static final String PLAN = "保障方案";
    static final String SHARES = "份数";
    static final String PAID_ON = "缴费日期";

    record RowError(long row, String field, String message) {
    }

    record Outcome(RosterLine line, List<RowError> errors) {
        boolean ok() {
            return line != null;
        }
    }

    private final Catalogue catalogue;
    private final LocalDate today;

    RosterRowParser(Catalogue catalogue, LocalDate today) {
        this.catalogue = catalogue;
        this.today = today;
    }

    Outcome parse(RosterRow row) {
        long n = row.rowNumber();
        List<RowError> errors = new ArrayList<>(2);
        String name = attempt(errors, n, NAME, () -> MemberFacts.name(row.name()));
        IdNumber id = attempt(errors, n, ID_NUMBER, () -> IdNumber.parse(row.idNumber(), today));
        String phone = attempt(errors, n, PHONE, () -> MemberFacts.phone(row.phone()));
        EmploymentForm form = attempt(errors, n, FORM, () -> EmploymentForm.parse(row.employmentForm()));
        Integer shares = attempt(errors, n, SHARES, () -> shares(row.shares()));
        LocalDate paidOn = attempt(errors, n, PAID_ON, () -> paidOn(row.paidOn()));
        if (row.plan() == null || row.plan().isBlank()) errors.add(new RowError(n, PLAN, "保障方案不能为空"));
        if (!errors.isEmpty()) return new Outcome(null, errors);

        LocalDate planningDay = paidOn != null ? paidOn : today;
        CatalogueVersion terms = catalogue.activeOn(planningDay.plusDays(1));
        List<EnrolmentRules.Requested> lines = attempt(errors, n, PLAN, () -> requested(terms, row.plan(), id, shares));
        if (lines == null) return new Outcome(null, errors);
        EnrolmentRules.Result result = EnrolmentRules.plan(terms, id.gender(), id.birthDate(), lines, planningDay, List.of(), false);
        if (!result.ok()) return new Outcome(null, errorsOf(n, result.problems()));
        return new Outcome(new RosterLine(n, name, id, phone, form, lines, paidOn, result.planned()), List.of());
    }

    /** Plans again against the cover the member already holds (overlap and renewal). */
    Outcome replan(RosterLine line, List<Coverage> held) {
        LocalDate planningDay = line.planningDay(today);
        CatalogueVersion terms = catalogue.activeOn(planningDay.plusDays(1));
        var result = EnrolmentRules.plan(terms, line.idNumber().gender(), line.idNumber().birthDate(), line.lines(),
                planningDay, held, false);
        if (!result.ok()) return new Outcome(null, errorsOf(line.rowNumber(), result.problems()));
        return new Outcome(new RosterLine(line.rowNumber(), line.name(), line.idNumber(), line.phone(), line.form(),
                line.lines(), line.paidOn(), result.planned()), List.of());
    }

    static List<RowError> errorsOf(long row, List<EnrolmentRules.Problem> problems) {
        return problems.stream().map(p -> new RowError(row, switch (p.field()) {
            case SHARES -> SHARES;
            case MEMBER -> ID_NUMBER;
            case PAID_ON -> PAID_ON;
            default -> PLAN;
        }, p.message())).toList();
    }

    private static int shares(String raw) {
        if (raw == null || raw.isBlank()) throw new IllegalArgumentException("份数不能为空");
        String s = raw.strip();
        if (s.endsWith(".0")) s = s.substring(0, s.length() - 2);
        try {
            int value = Integer.parseInt(s);
            if (value < 1) throw new IllegalArgumentException("份数至少为1");
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("份数应为整数：" + raw);
        }
    }

    /** The day paid, or null when blank: not paid yet. */
    private LocalDate paidOn(String raw) {
        if (raw == null || raw.isBlank()) return null;
        LocalDate date = RosterDates.parse(raw);
        if (date == null) throw new IllegalArgumentException("缴费日期格式不正确或日期不存在（应为 yyyy-MM-dd）：" + raw);
        if (date.isAfter(today)) throw new IllegalArgumentException("缴费日期不能晚于今天");
        return date;
    }

    /** {@code BASIC}, or items joined by {@code +}, each {@code ITEM} or {@code ITEM:PLAN}. */
    static List<EnrolmentRules.Requested> requested(CatalogueVersion terms, String plan, IdNumber id, int shares) {
        String spec = plan.strip().replace('＋', '+').replace('：', ':').toUpperCase();
        var bundle = terms.bundle(spec);
        if (bundle.isPresent()) return EnrolmentRules.bundle(bundle.get(), id.gender(), shares);
        List<EnrolmentRules.Requested> lines = new ArrayList<>();
        for (String part : spec.split("\\+")) {
            String p = part.strip();
            if (p.isEmpty()) throw new IllegalArgumentException("保障方案格式不正确：" + plan + "（例：BASIC 或 HOSPITAL+FEMALE_SPECIAL:UPG）");
            int colon = p.indexOf(':');
            String item = colon < 0 ? p : p.substring(0, colon).strip();
            String planCode = colon < 0 ? null : p.substring(colon + 1).strip();
            if (terms.item(item).isEmpty()) throw new IllegalArgumentException("保障项目不存在：" + item + "（可选：BASIC 或 "
                    + String.join("、", terms.items().stream().map(CatalogueVersion.Item::code).toList()) + "）");
            lines.add(new EnrolmentRules.Requested(item, planCode, shares));
        }
        return lines;
    }

    private interface Attempt<T> {
        T get();
    }

    private static <T> T attempt(List<RowError> errors, long row, String field, Attempt<T> attempt) {
        try {
            return attempt.get();
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(row, field, e.getMessage()));
            return null;
        }
    }
}
