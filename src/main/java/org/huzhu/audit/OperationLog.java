package org.huzhu.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.audit.LogPage;
import org.huzhu.shared.audit.LogQuery;
import org.huzhu.shared.audit.LogSearch;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operation log table: rows are added, never changed (a trigger refuses it), and read back
 * page by page, newest first, within the reader's scope: the administrator reads every row, union
 * staff the rows of accounts whose scope lies inside their own.
 */
@Component
class OperationLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Audit.Change>> CHANGES = new TypeReference<>() {
    };
    private static final TypeReference<List<Audit.Revealed>> REVEALED = new TypeReference<>() {
    };

    /** What one request did, as the filter saw it. */
    record Entry(CurrentUser user, String address, String method, String path, String pattern, String action, String target,
                 int status, List<Audit.Change> changes, List<Audit.Revealed> revealed) {
    }

    /** One row as read back. */
    record Row(long id, OffsetDateTime at, String account, String role, String roleName, String address, String method,
               String path, String pattern, String action, String target, int status, List<Audit.Change> changes,
               List<Audit.Revealed> revealed) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    OperationLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(Entry e) {
        jdbc.sql("""
                insert into audit.operation_log (at, account, role, scope_path, address, method, path, pattern, action, target,
                                                 status, changes, revealed)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""")
                .params(OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC), e.user().username(), e.user().role().name(),
                        e.user().scopePath(), e.address(), e.method(), cut(e.path(), 500), e.pattern(), cut(e.action(), 200),
                        cut(e.target(), 500), e.status(), JSON.writeValueAsString(e.changes()), JSON.writeValueAsString(e.revealed()))
                .update();
    }

    /** One page of the rows the reader may see that match the search, newest first. */
    LogPage<Row> page(LogSearch search, CurrentUser reader) {
        return query(search, reader).page(jdbc, search);
    }

    /** Every matching row (at most {@code max}), newest first, read in chunks for an export. */
    void forEach(LogSearch search, CurrentUser reader, int max, Consumer<Row> sink) {
        query(search, reader).forEach(jdbc, max, sink);
    }

    private static LogQuery<Row> query(LogSearch search, CurrentUser reader) {
        return withRecord(new LogQuery<>("""
                select id, at, account, role, address, method, path, pattern, action, target, status, changes::text as changes,
                       revealed::text as revealed
                  from audit.operation_log""", (rs, n) -> row(rs), Row::at, Row::id)
                .andIf(reader.is(Role.ADMIN) ? null : reader, "scope_path like ?", reader.scopePattern())
                .andIf(search.person(), "account ilike ?", LogSearch.contains(search.person()))
                .andIf(search.action(), "action ilike ?", LogSearch.contains(search.action()))
                .within(search), search.record());
    }

    /**
     * A record is named by its type and id ({@code claim 12}: changes and views of claim 12 and
     * requests to {@code /claims/12…}), by an id alone, or by a path ({@code /claims/12}).
     */
    private static LogQuery<Row> withRecord(LogQuery<Row> query, String record) {
        if (record == null) return query;
        if (record.startsWith("/")) return query.and("path ~* ?", regex(record) + "(/|$)");
        String[] parts = record.split("\\s+", 2);
        boolean typed = parts.length == 2;
        String id = typed ? parts[1] : record;
        String contained = JSON.writeValueAsString(List.of(typed ? Map.of("record", parts[0], "recordId", id) : Map.of("recordId", id)));
        String path = (typed ? "/" + regex(parts[0]) + "s?" : "") + "/" + regex(id) + "(/|$)";
        return query.and("changes @> ?::jsonb or revealed @> ?::jsonb or path ~* ?", contained, contained, path);
    }

    /** Text matched literally inside a PostgreSQL regular expression. */
    private static String regex(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}_/-]", "\\\\$0");
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Role role = Role.valueOf(rs.getString("role"));
        return new Row(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("account"), role.name(), role.chinese(),
                rs.getString("address"), rs.getString("method"), rs.getString("path"), rs.getString("pattern"), rs.getString("action"),
                rs.getString("target"), rs.getInt("status"), JSON.readValue(rs.getString("changes"), CHANGES),
                JSON.readValue(rs.getString("revealed"), REVEALED));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
