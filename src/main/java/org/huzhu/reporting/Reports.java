package org.huzhu.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly and yearly statistical reports (月报、年报) of an office in the caller's scope: generated on demand from the
 * dashboard's figures for the period, kept as XLSX and PDF in {@code reporting.report}, served as kept; every download is
 * written in the operation log.
 */
@Service
public class Reports {

    private final Dashboards dashboards;
    private final ReportFiles files;
    private final JdbcClient jdbc;
    private final Clock clock;

    Reports(Dashboards dashboards, ReportFiles files, JdbcClient jdbc, Clock clock) {
        this.dashboards = dashboards;
        this.files = files;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Request(Long office, String kind, String period) {
    }

    public record OfficeRef(long id, String name) {
    }

    public record Files(String xlsx, String pdf) {
    }

    public record View(long id, String kind, String kindName, String period, OfficeRef office, OffsetDateTime createdAt, String createdBy,
                       Files files) {
    }

    private static final Map<String, String> KINDS = Map.of("MONTHLY", "月度", "YEARLY", "年度");

    @Transactional
    public View create(Request request, CurrentUser user) {
        Checks checks = new Checks();
        String kind = request == null ? null : request.kind();
        checks.check(kind != null && KINDS.containsKey(kind), "kind", "报表类型应为 MONTHLY（月报）或 YEARLY（年报）");
        Period period = null;
        if (checks.ok()) {
            try {
                if (kind.equals("MONTHLY")) {
                    YearMonth m = YearMonth.parse(String.valueOf(request.period()).strip());
                    period = new Period(m, m);
                } else {
                    int y = Year.parse(String.valueOf(request.period()).strip()).getValue();
                    period = new Period(YearMonth.of(y, 1), YearMonth.of(y, 12));
                }
                checks.check(period.from().getYear() >= 2000 && period.to().getYear() <= 2100, "period", "报表期间不正确");
            } catch (DateTimeParseException e) {
                checks.add("period", kind.equals("MONTHLY") ? "月报的期间格式应为 YYYY-MM，例如 2026-10" : "年报的期间格式应为 YYYY，例如 2026");
            }
        }
        checks.throwIfInvalid();
        Dashboard board = Dashboards.boundToUnit(user) ? dashboards.ofUnit(dashboards.unit(request.office(), user), period)
                : dashboards.of(dashboards.office(request.office(), user), period);
        String periodText = kind.equals("MONTHLY") ? period.from().toString() : Integer.toString(period.from().getYear());
        String title = ReportFiles.title(board, KINDS.get(kind), periodText);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        long id = jdbc.sql("""
                insert into reporting.report (node_id, node_path, node_name, kind, period, created_at, created_by, xlsx, pdf)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(board.office().id(), board.office().path(), board.office().name(), kind, periodText, java.sql.Timestamp.from(now), user.username(),
                        files.xlsx(board, title), files.pdf(board, title))
                .query(Long.class).single();
        Audit.changed("reporting.report", id, "created", null, kind + " " + periodText + " " + board.office().name());
        return find(id, user);
    }

    /** The kept reports in the caller's scope, newest first, optionally of one office (its own reports only). */
    public List<View> list(Long office, CurrentUser user) {
        String path = office == null ? null : (Dashboards.boundToUnit(user) ? dashboards.unit(office, user).path()
                : dashboards.office(office, user).path());
        return jdbc.sql(SELECT + " where node_path like ? and (cast(? as text) is null or node_path = ?) order by id desc limit 500")
                .params(user.scopePath() + "%", path, path).query((rs, n) -> view(rs)).list();
    }

    /** A kept file, written in the operation log as handed out; 404 outside the caller's scope. */
    public byte[] file(long id, String format, CurrentUser user) {
        View report = find(id, user);
        byte[] content = jdbc.sql("select " + (format.equals("pdf") ? "pdf" : "xlsx") + " from reporting.report where id = ?").param(id)
                .query(byte[].class).single();
        Audit.revealed("统计报表（" + format.toUpperCase() + "）" + report.office().name() + " " + report.period(), "reporting.report", id);
        return content;
    }

    View find(long id, CurrentUser user) {
        return jdbc.sql(SELECT + " where id = ? and node_path like ?").params(id, user.scopePath() + "%")
                .query((rs, n) -> view(rs)).optional().orElseThrow(() -> new NotFoundException("报表不存在"));
    }

    private static final String SELECT = """
            select r.id, r.kind, r.period, r.node_id, r.node_path, r.created_at, r.created_by, r.node_name as name
              from reporting.report r""";

    private static View view(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong("id");
        String kind = rs.getString("kind");
        return new View(id, kind, KINDS.get(kind), rs.getString("period"), new OfficeRef(rs.getLong("node_id"), rs.getString("name")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                new Files("/api/v1/reporting/reports/" + id + ".xlsx", "/api/v1/reporting/reports/" + id + ".pdf"));
    }
}
