package org.huzhu.shared.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.Offset;

/**
 * A search of the operation log or the login log, read from the query string: who ({@code person},
 * part of an account name), which record, which action or outcome, and the days {@code from} …
 * {@code to} (both included, China time), one page of {@code limit} rows after {@code offset}.
 * Bad input is a 400 naming the field.
 */
public record LogSearch(String person, String record, String action, String outcome, OffsetDateTime from, OffsetDateTime to,
                        int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final int MAX_TEXT = 100;

    public static LogSearch of(String person, String record, String action, String outcome, String from, String to,
                               Integer limit, Integer offset, Clock clock) {
        Checks checks = new Checks();
        LocalDate fromDay = day(checks, "from", from);
        LocalDate toDay = day(checks, "to", to);
        checks.check(fromDay == null || toDay == null || !toDay.isBefore(fromDay), "to", "结束日期不能早于开始日期");
        int size = limit == null ? DEFAULT_LIMIT : limit;
        int skip = offset == null ? 0 : offset;
        checks.check(size >= 1 && size <= MAX_LIMIT, "limit", "每页条数应在1到" + MAX_LIMIT + "之间");
        checks.check(skip >= 0, "offset", Offset.NEGATIVE);
        for (String[] text : new String[][] {{"person", person}, {"record", record}, {"action", action}, {"outcome", outcome}}) {
            checks.check(text[1] == null || text[1].length() <= MAX_TEXT, text[0], "查询条件过长（最多" + MAX_TEXT + "个字符）");
        }
        checks.throwIfInvalid();
        return new LogSearch(blankToNull(person), blankToNull(record), blankToNull(action), blankToNull(outcome),
                fromDay == null ? null : fromDay.atStartOfDay(clock.getZone()).toOffsetDateTime(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime(), size, skip);
    }

    /** An ILIKE pattern for text containing {@code text} (wildcards in it matched literally); null for none. */
    public static String contains(String text) {
        if (text == null) return null;
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The search in words, for the log row of its export. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (person != null) s.append("人员=").append(person).append(' ');
        if (record != null) s.append("记录=").append(record).append(' ');
        if (action != null) s.append("操作=").append(action).append(' ');
        if (outcome != null) s.append("结果=").append(outcome).append(' ');
        if (from != null) s.append("自=").append(from.toLocalDate()).append(' ');
        if (to != null) s.append("至=").append(to.toLocalDate().minusDays(1)).append(' ');
        return s.isEmpty() ? "全部" : s.toString().strip();
    }

    private static LocalDate day(Checks checks, String field, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            checks.add(field, "日期格式应为 YYYY-MM-DD");
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
