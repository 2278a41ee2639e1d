package org.huzhu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The operation log and the login log as an auditor uses them: what a change through the API
 * leaves behind (who, from where, what, which record, the fields before and after, masked), that
 * refusals and downloads are there and plain reads are not, that no row can be changed or removed,
 * and who may read which rows.
 */
class OperationLogApiTest extends ApiTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @Autowired
    private JdbcTemplate jdbcTemplate;

    @Test
    void aMemberRegisteredThroughTheApiIsInTheOperationLogWithWhoWhereWhatAndTheMaskedFields() {
        String idNumber = newIdNumber(LocalDate.of(1985, 4, 3), 'F');
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "日志女工", "idNumber", idNumber,
                "phone", "13912345678", "employmentForm", "REGULAR", "unitId", newUnit("江岸区总工会"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();

        JsonNode row = only(get("demo-admin", "/api/v1/operation-logs?person=demo-admin&action=" + enc("登记职工")
                + "&record=" + enc("member " + member)));
        assertThat(row.path("account").asString()).isEqualTo("demo-admin");
        assertThat(row.path("role").asString()).isEqualTo("ADMIN");
        assertThat(row.path("address").asString()).isEqualTo("127.0.0.1");
        assertThat(row.path("method").asString()).isEqualTo("POST");
        assertThat(row.path("pattern").asString()).isEqualTo("/api/v1/members");
        assertThat(row.path("status").asInt()).isEqualTo(201);
        assertThat(row.path("at").asString()).startsWith(today().toString().substring(0, 4));
        Map<String, String> after = new java.util.HashMap<>();
        row.path("changes").forEach(c -> after.put(c.path("field").asString(), c.path("after").asString()));
        assertThat(after).containsEntry("name", "日志女工").containsKey("idNumber").containsKey("phone");
        assertThat(after.get("idNumber")).doesNotContain(idNumber.substring(6, 14)).contains("*");
        assertThat(after.get("phone")).isNotEqualTo("13912345678").contains("*");
        assertThat(row.toString()).doesNotContain(idNumber).doesNotContain("13912345678");
    }

    @Test
    void aPayeeChangeProposalAndItsApprovalAreLoggedWithTheAccountMasked() {
        long member = insuredWorker("江岸区总工会", 'M', 30, "HOSPITAL:1");
        String card = newCardNumber();
        Answer proposed = put("demo-admin", "/api/v1/members/" + member + "/bank-account", JSON.writeValueAsString(Map.of(
                "bankName", "中国建设银行", "accountNumber", card, "reason", "职工换卡", "evidence", "新卡复印件")));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);

        JsonNode row = get("demo-admin", "/api/v1/operation-logs?record=" + enc("/api/v1/members/" + member + "/bank-account")
                + "&person=demo-admin").json().path("items").get(0);
        assertThat(row.path("action").asString()).isEqualTo("设置互助金收款银行账户");
        assertThat(row.path("target").asString()).isEqualTo("id=" + member);
        assertThat(row.path("status").asInt()).isEqualTo(202);
        List<String> changes = new ArrayList<>();
        row.path("changes").forEach(c -> changes.add(c.path("record").asString() + " " + c.path("field").asString() + " "
                + c.path("before").asString() + " → " + c.path("after").asString()));
        assertThat(changes).anyMatch(c -> c.startsWith("bank-account-change bankAccount ") && c.endsWith(card.substring(card.length() - 4)));
        assertThat(row.toString()).doesNotContain(card);
    }

    @Test
    void aChangeRefusedForTheCallersRoleIsLoggedAsA403() {
        Answer refused = post("demo-reviewer", "/api/v1/members", "{}");
        assertThat(refused.status()).isEqualTo(403);

        JsonNode rows = get("demo-admin", "/api/v1/operation-logs?person=demo-reviewer&record=" + enc("/api/v1/members")).json().path("items");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.path("method").asString()).isEqualTo("POST");
            assertThat(r.path("path").asString()).isEqualTo("/api/v1/members");
            assertThat(r.path("status").asInt()).isEqualTo(403);
            assertThat(r.path("action").asString()).isEqualTo("登记职工");
        });
    }

    @Test
    void aRefusedChangeToANamedRecordNamesTheRecord() {
        Answer refused = post("demo-finance", "/api/v1/members/424242/real-name-verification", "");
        assertThat(refused.status()).isEqualTo(403);

        JsonNode rows = get("demo-admin", "/api/v1/operation-logs?person=demo-finance&record=" + enc("member 424242")).json().path("items");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.path("status").asInt()).isEqualTo(403);
            assertThat(r.path("target").asString()).isEqualTo("id=424242");
            assertThat(r.path("pattern").asString()).isEqualTo("/api/v1/members/{id}/real-name-verification");
        });
    }

    @Test
    void aPlainReadIsNotLoggedButADocumentDownloadIs() throws InterruptedException {
        long member = jdbc.sql("select id from membership.member order by id limit 1").query(Long.class).single();
        assertThat(get("demo-admin", "/api/v1/members/" + member).status()).isEqualTo(200);
        assertThat(count("path = ?", "/api/v1/members/" + member)).as("a plain read").isZero();

        Map<String, Object> document = jdbc.sql("select id, claim_id from claims.document order by id limit 1").query().singleRow();
        String path = "/api/v1/claims/" + document.get("claim_id") + "/documents/" + document.get("id");
        long before = count("path = ?", path);
        assertThat(get("demo-reviewer", path).status()).isEqualTo(200);

        awaitCount(before + 1, "path = ?", path);
        JsonNode row = get("demo-admin", "/api/v1/operation-logs?person=demo-reviewer&record=" + enc(path)).json().path("items").get(0);
        assertThat(row.path("method").asString()).isEqualTo("GET");
        assertThat(row.path("revealed").get(0).path("what").asString()).isEqualTo("下载申领材料");
        assertThat(row.path("revealed").get(0).path("recordId").asString()).isEqualTo(document.get("id").toString());
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerIsIgnored() {
        Answer refused = send("demo-unit", HttpRequest.newBuilder(uri("/api/v1/payout-batches")).header("X-Forwarded-For", "203.0.113.9")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(refused.status()).isEqualTo(403);

        JsonNode rows = get("demo-admin", "/api/v1/operation-logs?person=demo-unit&record=" + enc("/api/v1/payout-batches")).json().path("items");
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.path("address").asString()).isEqualTo("127.0.0.1"));
    }

    @Test
    void noLogRowCanBeChangedRemovedOrTruncated() {
        post("demo-reviewer", "/api/v1/members", "{}");
        for (String table : List.of("audit.operation_log", "identity.login_event")) {
            assertThatThrownBy(() -> jdbcTemplate.update("update " + table + " set address = 'forged'")).as(table)
                    .rootCause().hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbcTemplate.update("delete from " + table)).as(table).rootCause()
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbcTemplate.execute("truncate " + table)).as(table).rootCause()
                    .hasMessageContaining("append-only");
        }
        assertThat(count("address = ?", "forged")).isZero();
    }

    /** The application's role on an external server: it may add rows but neither switch the trigger off nor get round it. */
    @Test
    void aRoleThatDoesNotOwnTheLogCannotDisableItsTrigger() {
        String role = "huzhu_app_probe_" + NAMES.incrementAndGet() + "_" + System.nanoTime() % 100000;
        jdbcTemplate.execute("create role " + role + " nologin");
        jdbcTemplate.execute("grant usage on schema audit, identity, shared to " + role);
        jdbcTemplate.execute("grant select, insert, update, delete, truncate on audit.operation_log, identity.login_event to " + role);
        List<String> refusals = jdbcTemplate.execute((java.sql.Connection c) -> {
            List<String> messages = new ArrayList<>();
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (var statement = c.createStatement()) {
                statement.execute("set local role " + role);
                for (String attack : List.of("alter table audit.operation_log disable trigger operation_log_append_only",
                        "alter table identity.login_event disable trigger all", "drop trigger login_event_append_only on identity.login_event",
                        "set session_replication_role = replica", "delete from audit.operation_log")) {
                    statement.execute("savepoint attempt");
                    try {
                        statement.execute(attack);
                        messages.add("ALLOWED: " + attack);
                    } catch (java.sql.SQLException e) {
                        messages.add(e.getMessage());
                        statement.execute("rollback to savepoint attempt");
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
            return messages;
        });
        jdbcTemplate.execute("revoke all on audit.operation_log, identity.login_event from " + role);
        jdbcTemplate.execute("revoke all on schema audit, identity, shared from " + role);
        jdbcTemplate.execute("drop role " + role);
        assertThat(refusals).hasSize(5).noneMatch(m -> m.startsWith("ALLOWED"));
        assertThat(refusals.get(0)).contains("must be owner");
        assertThat(refusals.get(4)).contains("append-only");
    }

    @Test
    void loginsFailuresLockoutsAndLogoutsAreInTheLoginLog() throws Exception {
        String ghost = "oplog-ghost-" + NAMES.incrementAndGet() + "-" + System.nanoTime() % 100000;
        for (int i = 0; i < 5; i++) assertThat(basicFrom("127.0.0.81", ghost, "wrong")).startsWith("HTTP/1.1 401");

        List<String> outcomes = new ArrayList<>();
        get("demo-admin", "/api/v1/login-logs?person=" + ghost).json().path("items")
                .forEach(r -> outcomes.add(r.path("outcome").asString() + (r.path("lockout").asBoolean() ? "!" : "")));
        assertThat(outcomes).containsExactly("LOCKED!", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE");
        assertThat(get("demo-admin", "/api/v1/login-logs?person=" + ghost + "&outcome=FAILURE").json().path("items").get(0)
                .path("address").asString()).isEqualTo("127.0.0.81");

        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("username=demo-admin2&password=demo-admin2")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(uri("/api/v1/me")).header("X-Requested-With", "XMLHttpRequest")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(uri("/logout")).header("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN"))
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).as("an XHR logout (as the console sends it)").isEqualTo(204);

        // the last two days only: a test that moves the clock years ahead (CancellationApiTest's office terms of 2090) leaves
        // demo-admin2's sign-ins of that day at the top of the newest-first log
        JsonNode admin2 = get("demo-admin", "/api/v1/login-logs?person=demo-admin2&limit=2&from=" + today().minusDays(1) + "&to=" + today())
                .json().path("items");
        assertThat(admin2.get(0).path("outcome").asString()).isEqualTo("LOGOUT");
        assertThat(admin2.get(0).path("outcomeName").asString()).isEqualTo("退出登录");
        assertThat(admin2.get(1).path("outcome").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void unionStaffReadTheLogsOfTheirOwnPartOfTheTreeOnly() {
        post("demo-unit", "/api/v1/payout-batches", "");
        post("demo-jingmen", "/api/v1/payout-batches", "");

        List<String> accounts = new ArrayList<>();
        get("demo-wuhan", "/api/v1/operation-logs?limit=500&record=" + enc("/api/v1/payout-batches")).json().path("items")
                .forEach(r -> accounts.add(r.path("account").asString()));
        assertThat(accounts).contains("demo-unit").doesNotContain("demo-jingmen", "demo-admin");
        List<String> logins = new ArrayList<>();
        get("demo-wuhan", "/api/v1/login-logs?limit=500").json().path("items").forEach(r -> logins.add(r.path("account").asString()));
        assertThat(logins).contains("demo-unit").doesNotContain("demo-jingmen", "demo-admin");
        assertThat(get("demo-admin", "/api/v1/login-logs?limit=500").json().path("items").toString()).contains("demo-jingmen");
        assertThat(get("demo-reviewer", "/api/v1/operation-logs").status()).isEqualTo(403);
    }

    @Test
    void theExportNeutralisesFormulaCellsAndIsItselfLogged() throws Exception {
        String formula = "=HYPERLINK(\"evil.example/x" + NAMES.incrementAndGet() + System.nanoTime() % 100000 + "\")";
        assertThat(basicFrom("127.0.0.82", formula, "wrong")).startsWith("HTTP/1.1 401");

        byte[] workbook = bytes("demo-admin", "/api/v1/login-logs/export?person=" + enc("HYPERLINK"));

        List<String> cells = cells(workbook);
        assertThat(cells).contains("'" + formula).doesNotContain(formula);
        JsonNode row = get("demo-admin", "/api/v1/operation-logs?person=demo-admin&action=" + enc("导出登录日志")).json().path("items").get(0);
        assertThat(row.path("revealed").get(0).path("recordId").asString()).contains("HYPERLINK");

        List<String> operations = cells(bytes("demo-admin", "/api/v1/operation-logs/export?person=demo-reviewer"));
        assertThat(operations).contains("时间", "账户", "字段变更", "demo-reviewer");
    }

    @Test
    void badSearchesAreRefusedNamingTheField() {
        Answer answer = get("demo-admin", "/api/v1/operation-logs?from=2026-13-01&to=2026-01-01&limit=0");
        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactlyInAnyOrder("from", "limit");
        assertThat(fields(get("demo-admin", "/api/v1/login-logs?from=2026-05-02&to=2026-05-01&outcome=MAYBE"))).containsExactly("outcome");
        assertThat(fields(get("demo-admin", "/api/v1/login-logs?from=2026-05-02&to=2026-05-01"))).containsExactly("to");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private JsonNode only(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode items = answer.json().path("items");
        assertThat(items.size()).as(answer.body()).isEqualTo(1);
        return items.get(0);
    }

    /**
     * Waits (at most five seconds) for the log to hold {@code expected} rows: the row is written once
     * the answer is complete, and a client may read the answer first.
     */
    private void awaitCount(long expected, String condition, Object... params) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (count(condition, params) < expected && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(count(condition, params)).isEqualTo(expected);
    }

    private long count(String condition, Object... params) {
        return jdbc.sql("select count(*) from audit.operation_log where " + condition).params(params).query(Long.class).single();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private byte[] bytes(String user, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).header("Authorization",
                basic(user, user)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats");
        return response.body();
    }

    private static List<String> cells(byte[] workbook) throws IOException {
        List<String> cells = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
            for (Row row : wb.getFirstSheet().read()) row.forEach(c -> cells.add(c == null ? null : c.getRawValue()));
        }
        return cells;
    }

    /** GET /api/v1/me with Basic over a socket bound to a loopback address of the test's own (so that login limits count apart). */
    private String basicFrom(String address, String user, String password) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(address), 0)) {
            socket.getOutputStream().write(("GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + basic(user, password)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst()
                .map(java.net.HttpCookie::getValue).orElse("");
    }
}
