package org.huzhu.identity;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Consumer;
import org.huzhu.shared.audit.LogPage;
import org.huzhu.shared.audit.LogQuery;
import org.huzhu.shared.audit.LogSearch;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the login log ({@code identity.login_event}, written by {@link LoginAttempts}), newest
 * first. The administrator reads every row, names nobody has as well; union staff the rows of
 * accounts whose scope lies inside their own.
 */
@Component
class LoginLog {

    static final Map<String, String> OUTCOMES = Map.of("SUCCESS", "登录成功", "FAILURE", "登录失败", "LOCKED", "已锁定",
            "LOGOUT", "退出登录");

    record Row(long id, OffsetDateTime at, String account, String address, String outcome, String outcomeName, boolean lockout,
               String detail) {
    }

    private final JdbcClient jdbc;

    LoginLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    LogPage<Row> page(LogSearch search, CurrentUser reader) {
        return query(search, reader).page(jdbc, search);
    }

    void forEach(LogSearch search, CurrentUser reader, int max, Consumer<Row> sink) {
        query(search, reader).forEach(jdbc, max, sink);
    }

    private static LogQuery<Row> query(LogSearch search, CurrentUser reader) {
        return new LogQuery<>("select id, at, account, address, outcome, lockout, detail from identity.login_event e",
                (rs, n) -> row(rs), Row::at, Row::id)
                .andIf(reader.is(Role.ADMIN) ? null : reader, "exists (select 1 from identity.account a"
                        + " where a.username = e.account and a.scope_path like ?)", reader.scopePattern())
                .andIf(search.person(), "account ilike ?", LogSearch.contains(search.person()))
                .andIf(search.outcome(), "outcome = ?", search.outcome())
                .within(search);
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String outcome = rs.getString("outcome");
        return new Row(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("account"), rs.getString("address"),
                outcome, OUTCOMES.getOrDefault(outcome, outcome), rs.getBoolean("lockout"), rs.getString("detail"));
    }
}
