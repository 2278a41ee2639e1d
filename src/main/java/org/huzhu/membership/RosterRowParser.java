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

    /** A problem of one row, with the worker's name as typed (null when the cell was empty) so the operator finds the row. */
    record RowError(long row, String name, String field, String message) {
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
        String who = row.name();
        List<RowError> errors = new ArrayList<>(2);
        String name = attempt(errors, n, who, NAME, () -> MemberFacts.name(row.name()));
        IdNumber id = attempt(errors, n, who, ID_NUMBER, () -> IdNumber.parse(row.idNumber(), today));
        String phone = attempt(errors, n, who, PHONE, () -> MemberFacts.phone(row.phone()));
        EmploymentForm form = attempt(errors, n, who, FORM, () -> EmploymentForm.parse(row.employmentForm()));
        Integer shares = attempt(errors, n, who, SHARES, () -> shares(row.shares()));
        LocalDate paidOn = attempt(errors, n, who, PAID_ON, () -> paidOn(row.paidOn()));
        if (row.plan() == null || row.plan().isBlank()) errors.add(new RowError(n, who, PLAN, "保障方案不能为空"));
        if (!errors.isEmpty()) return new Outcome(null, errors);

        LocalDate planningDay = paidOn != null ? paidOn : today;
        CatalogueVersion terms = catalogue.activeOn(planningDay.plusDays(1));
        List<EnrolmentRules.Requested> lines = attempt(errors, n, who, PLAN, () -> requested(terms, row.plan(), id, shares));
        if (lines == null) return new Outcome(null, errors);
        EnrolmentRules.Result result = EnrolmentRules.plan(terms, id.gender(), id.birthDate(), lines, planningDay, List.of(), false);
        if (!result.ok()) return new Outcome(null, errorsOf(n, name, result.problems()));
        return new Outcome(new RosterLine(n, name, id, phone, form, lines, paidOn, result.planned()), List.of());
    }

    /** Plans again against the cover the member already holds (overlap and renewal). */
    Outcome replan(RosterLine line, List<Coverage> held) {
        LocalDate planningDay = line.planningDay(today);
        CatalogueVersion terms = catalogue.activeOn(planningDay.plusDays(1));
        var result = EnrolmentRules.plan(terms, line.idNumber().gender(), line.idNumber().birthDate(), line.lines(),
                planningDay, held, false);
        if (!result.ok()) return new Outcome(null, errorsOf(line.rowNumber(), line.name(), result.problems()));
        return new Outcome(new RosterLine(line.rowNumber(), line.name(), line.idNumber(), line.phone(), line.form(),
                line.lines(), line.paidOn(), result.planned()), List.of());
    }

    static List<RowError> errorsOf(long row, String name, List<EnrolmentRules.Problem> problems) {
        return problems.stream().map(p -> new RowError(row, name, switch (p.field()) {
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

    /** The 保障方案 cell: catalogue names or codes, joined by + 、 ， ({@link PlanNames}). */
    static List<EnrolmentRules.Requested> requested(CatalogueVersion terms, String plan, IdNumber id, int shares) {
        return PlanNames.requested(terms, plan, id.gender(), shares);
    }

    private interface Attempt<T> {
        T get();
    }

    private static <T> T attempt(List<RowError> errors, long row, String who, String field, Attempt<T> attempt) {
        try {
            return attempt.get();
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(row, who, field, e.getMessage()));
            return null;
        }
    }
}
