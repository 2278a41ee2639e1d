package org.huzhu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 系统管理 → 用户 through the API: who may create and keep which accounts where, one-time
 * passwords, disabling, and two-factor codes that cannot be replayed. Bad input changes nothing.
 */
class AccountApiTest extends ApiTest {

    @Test
    void aUnionStaffCreatesAUnitOperatorInTheirScopeWhoMustFirstChangeTheOneTimePassword() {
        long unit = get("demo-wuhan", "/api/v1/units?limit=1").json().get(0).path("id").asLong();
        String name = fresh("op");

        Answer created = post("demo-wuhan", "/api/v1/accounts", json(Map.of("username", name, "displayName", "张经办",
                "phone", "13800138000", "role", "UNIT_OPERATOR", "unitId", unit)));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode account = created.json().path("account");
        assertThat(account.path("unitId").asLong()).isEqualTo(unit);
        assertThat(account.path("scopePath").asString()).endsWith("/u" + unit + "/");
        assertThat(account.path("maskedPhone").asString()).isEqualTo("138****8000");
        String initial = created.json().path("initialPassword").asString();
        assertThat(initial).hasSizeGreaterThanOrEqualTo(10);
        assertThat(jdbc.sql("select phone_masked from identity.account where username = ?").param(name).query(String.class).single())
                .isEqualTo("138****8000");

        Answer members = as(name, initial, "GET", "/api/v1/members", null);
        assertProblem(members, 403);
        assertThat(members.field("detail")).isEqualTo("请先修改初始密码");
        assertThat(as(name, initial, "GET", "/api/v1/me", null).json().path("mustChangePassword").asBoolean()).isTrue();

        String password = "Jingban-" + System.nanoTime();
        Answer changed = as(name, initial, "POST", "/api/v1/me/password", json(Map.of("oldPassword", initial, "password", password)));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(as(name, password, "GET", "/api/v1/members", null).status()).isEqualTo(200);
    }

    @Test
    void nobodyGrantsARoleWithRightsTheyLackSoAUnionStaffCannotCreateAnAdministratorOrAReviewer() {
        long wuhan = organisationIdsByName().get("武汉市总工会");
        for (String role : List.of("ADMIN", "REVIEWER", "FINANCE")) {
            String name = fresh("up");
            Answer answer = post("demo-wuhan", "/api/v1/accounts", json(Map.of("username", name, "displayName", "越权",
                    "role", role, "orgNodeId", wuhan)));
            assertProblem(answer, 403);
            assertThat(exists(name)).isFalse();
        }
    }

    @Test
    void anAccountCannotBePlacedOnANodeOutsideTheCallersScope() {
        String name = fresh("out");
        Answer answer = post("demo-wuhan", "/api/v1/accounts", json(Map.of("username", name, "displayName", "荆门人员",
                "role", "UNION_STAFF", "orgNodeId", organisationIdsByName().get("荆门市总工会"))));

        assertProblem(answer, 404);
        assertThat(exists(name)).isFalse();
    }

    @Test
    void accountsOutsideTheCallersScopeAreNotFoundAndStayUnchanged() {
        long jingmen = accountId("demo-jingmen");
        String before = jdbc.sql("select password_hash || enabled from identity.account where id = ?").param(jingmen).query(String.class).single();

        assertProblem(get("demo-wuhan", "/api/v1/accounts/" + jingmen), 404);
        assertProblem(post("demo-wuhan", "/api/v1/accounts/" + jingmen + "/password-reset", ""), 404);
        assertProblem(post("demo-wuhan", "/api/v1/accounts/" + jingmen + "/disable", ""), 404);
        assertThat(get("demo-wuhan", "/api/v1/accounts").json().findValuesAsString("username")).doesNotContain("demo-jingmen", "demo-admin");

        assertThat(jdbc.sql("select password_hash || enabled from identity.account where id = ?").param(jingmen).query(String.class).single())
                .isEqualTo(before);
    }

    @Test
    void aDuplicateUserNameIsA409NamingUsername() {
        long wuhan = organisationIdsByName().get("武汉市总工会");
        long before = jdbc.sql("select count(*) from identity.account").query(Long.class).single();

        String name = fresh("dup");
        assertThat(post("demo-admin", "/api/v1/accounts", json(Map.of("username", name, "displayName", "甲", "role", "UNION_STAFF",
                "orgNodeId", wuhan))).status()).isEqualTo(201);
        Answer duplicate = post("demo-admin", "/api/v1/accounts", json(Map.of("username", name.toUpperCase(), "displayName", "乙",
                "role", "UNION_STAFF", "orgNodeId", wuhan)));

        assertProblem(duplicate, 409);
        assertThat(fields(duplicate)).containsExactly("username");
        assertThat(jdbc.sql("select count(*) from identity.account").query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void aDisabledAccountCannotLogInAndAResetPasswordIsOneTime() {
        Issued staff = staff("UNION_STAFF");
        assertThat(post("demo-wuhan", "/api/v1/accounts/" + staff.id() + "/disable", "").status()).isEqualTo(200);
        assertThat(as(staff.username(), staff.password(), "GET", "/api/v1/me", null).status()).isEqualTo(401);
        assertThat(post("demo-wuhan", "/api/v1/accounts/" + staff.id() + "/enable", "").status()).isEqualTo(200);

        Answer reset = post("demo-wuhan", "/api/v1/accounts/" + staff.id() + "/password-reset", "");
        assertThat(reset.status()).isEqualTo(200);
        String initial = reset.field("initialPassword");
        assertThat(as(staff.username(), staff.password(), "GET", "/api/v1/me", null).status()).isEqualTo(401);
        assertThat(as(staff.username(), initial, "GET", "/api/v1/me", null).json().path("mustChangePassword").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from identity.account where password_hash like ?").param("%" + initial + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void editAndRescopeStayInsideTheScopeAndDeriveThePath() {
        Issued staff = staff("UNION_STAFF");
        long county = organisationIdsByName().get("江岸区总工会");

        Answer moved = put("demo-wuhan", "/api/v1/accounts/" + staff.id() + "/scope", json(Map.of("orgNodeId", county)));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.field("scopePath")).endsWith("/" + county + "/");
        assertProblem(put("demo-wuhan", "/api/v1/accounts/" + staff.id() + "/scope",
                json(Map.of("orgNodeId", organisationIdsByName().get("荆门市总工会")))), 404);
        assertThat(get("demo-wuhan", "/api/v1/accounts/" + staff.id()).field("scopePath")).endsWith("/" + county + "/");

        Answer edited = put("demo-wuhan", "/api/v1/accounts/" + staff.id(), json(Map.of("displayName", "改名后", "phone", "13912345678")));
        assertThat(edited.field("displayName")).isEqualTo("改名后");
        assertThat(edited.field("maskedPhone")).isEqualTo("139****5678");
    }

    @Test
    void aTotpCodeCannotBeUsedTwice() throws Exception {
        Issued finance = staff("FINANCE");
        String password = "Caiwu-Mima-" + System.nanoTime();
        as(finance.username(), finance.password(), "POST", "/api/v1/me/password",
                json(Map.of("oldPassword", finance.password(), "password", password)));
        Answer blocked = as(finance.username(), password, "GET", "/api/v1/payout-batches", null);
        assertThat(blocked.field("detail")).isEqualTo("请先设置两步验证");
        String secret = as(finance.username(), password, "POST", "/api/v1/me/two-factor", "").field("secret");
        long step = testClock.instant().getEpochSecond() / 30;
        String code = new DefaultCodeGenerator().generate(secret, step);
        assertThat(as(finance.username(), password, "POST", "/api/v1/me/two-factor/confirm", json(Map.of("code", code))).status())
                .isEqualTo(200);

        Session session = Session.login(this, finance.username(), password);
        assertThat(session.loginLocation).endsWith("/login-code.html");
        assertThat(session.call("GET", "/api/v1/me", null).statusCode()).as("no API before the code").isEqualTo(401);
        HttpResponse<String> replayed = session.call("POST", "/api/v1/login/code", json(Map.of("code", code)));
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(replayed.body()).path("errors").get(0).path("message").asString()).contains("已使用过");
        assertThat(session.call("GET", "/api/v1/me", null).statusCode()).isEqualTo(401);

        HttpResponse<String> next = session.call("POST", "/api/v1/login/code",
                json(Map.of("code", new DefaultCodeGenerator().generate(secret, step + 1))));
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        assertThat(session.call("GET", "/api/v1/me", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aLostSecondFactorIsResetBySomeoneElseAndTheHolderMustEnrolAgain() throws Exception {
        Issued finance = staff("FINANCE");
        String password = "Caiwu-Diushi-" + System.nanoTime();
        as(finance.username(), finance.password(), "POST", "/api/v1/me/password",
                json(Map.of("oldPassword", finance.password(), "password", password)));
        String secret = as(finance.username(), password, "POST", "/api/v1/me/two-factor", "").field("secret");
        String code = new DefaultCodeGenerator().generate(secret, testClock.instant().getEpochSecond() / 30);
        assertThat(as(finance.username(), password, "POST", "/api/v1/me/two-factor/confirm", json(Map.of("code", code))).status())
                .isEqualTo(200);
        assertProblem(post("demo-jingmen", "/api/v1/accounts/" + finance.id() + "/two-factor-reset", ""), 404);
        assertThat(get("demo-admin", "/api/v1/accounts/" + finance.id()).json().path("twoFactorEnabled").asBoolean()).isTrue();

        Answer reset = post("demo-admin", "/api/v1/accounts/" + finance.id() + "/two-factor-reset", "");

        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.json().path("twoFactorEnabled").asBoolean()).isFalse();
        assertThat(jdbc.sql("select count(*) from identity.recovery_code where account_id = ?").param(finance.id()).query(Long.class).single())
                .isZero();
        Answer blocked = as(finance.username(), password, "GET", "/api/v1/payout-batches", null);
        assertThat(blocked.field("detail")).isEqualTo("请先设置两步验证");
        assertProblem(post("demo-admin", "/api/v1/accounts/" + finance.id() + "/two-factor-reset", ""), 409);
    }

    @Test
    void inDemoModeTheLoginPageListsEveryDemoAccount() {
        JsonNode options = get(null, "/api/v1/login-options").json();

        assertThat(options.path("demo").asBoolean()).isTrue();
        assertThat(options.path("accounts").findValuesAsString("username")).contains("demo-admin", "demo-admin2", "demo-reviewer",
                "demo-reviewer2", "demo-finance", "demo-finance-checker", "demo-wuhan", "demo-jingmen", "demo-unit", "demo-member");
    }

    @Test
    void anAccountWithTwoRolesHoldsTheRightsOfBoth() {
        Ready staffReviewer = ready(List.of("UNION_STAFF", "REVIEWER"));

        JsonNode me = as(staffReviewer.username(), staffReviewer.password(), "GET", "/api/v1/me", null).json();
        assertThat(me.path("role").asString()).isEqualTo("UNION_STAFF");
        assertThat(texts(me.path("roles"))).containsExactly("UNION_STAFF", "REVIEWER");
        assertThat(texts(me.path("roleNames"))).containsExactly("工会工作人员", "审核员");
        assertThat(texts(me.path("rights"))).contains("CLAIM_DECIDE", "ACCOUNT_MANAGE");

        Answer rules = as(staffReviewer.username(), staffReviewer.password(), "GET", "/api/v1/claims/review-rules", null);
        assertThat(rules.status()).as(rules.body()).isEqualTo(200);
        long unit = get("demo-wuhan", "/api/v1/units?limit=1").json().get(0).path("id").asLong();
        Answer operator = as(staffReviewer.username(), staffReviewer.password(), "POST", "/api/v1/accounts",
                json(Map.of("username", fresh("op"), "displayName", "兼任者建的经办人", "role", "UNIT_OPERATOR", "unitId", unit)));
        assertThat(operator.status()).as(operator.body()).isEqualTo(201);
        JsonNode listed = get("demo-admin", "/api/v1/accounts/" + staffReviewer.id()).json();
        assertThat(texts(listed.path("roleNames"))).containsExactly("工会工作人员", "审核员");
        assertThat(get("demo-admin", "/api/v1/accounts?role=REVIEWER").json().findValuesAsString("username"))
                .as("a further role counts in the filter").contains(staffReviewer.username());
    }

    @Test
    void aMemberRoleCannotBeCombined() {
        long wuhan = organisationIdsByName().get("武汉市总工会");
        long member = jdbc.sql("select id from membership.member order by id limit 1").query(Long.class).single();
        for (Map<String, Object> placement : List.of(Map.<String, Object>of("roles", List.of("MEMBER", "UNION_STAFF"), "memberId", member),
                Map.<String, Object>of("roles", List.of("UNION_STAFF", "MEMBER"), "orgNodeId", wuhan),
                Map.<String, Object>of("roles", List.of("ADMIN", "FINANCE"), "orgNodeId", wuhan),
                Map.<String, Object>of("roles", List.of("UNIT_OPERATOR", "REVIEWER"), "orgNodeId", wuhan))) {
            String name = fresh("mix");
            java.util.Map<String, Object> body = new java.util.HashMap<>(placement);
            body.putAll(Map.of("username", name, "displayName", "兼任"));
            Answer answer = post("demo-admin", "/api/v1/accounts", json(body));
            assertProblem(answer, 400);
            assertThat(fields(answer)).as(answer.body()).containsExactly("roles");
            assertThat(exists(name)).isFalse();
        }
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql(
                "update identity.account set extra_roles = '{UNION_STAFF}' where username = 'demo-member'").update()))
                .as("the database refuses it too").isNotNull();
    }

    @Test
    void nobodyGrantsACombinationWithARoleTheyCannotGrant() {
        long wuhan = organisationIdsByName().get("武汉市总工会");
        String name = fresh("combo");
        assertProblem(post("demo-wuhan", "/api/v1/accounts", json(Map.of("username", name, "displayName", "越权兼任",
                "roles", List.of("UNION_STAFF", "REVIEWER"), "orgNodeId", wuhan))), 403);
        assertThat(exists(name)).isFalse();

        Issued staff = staff("UNION_STAFF");
        assertProblem(put("demo-wuhan", "/api/v1/accounts/" + staff.id(), json(Map.of("displayName", "加角色",
                "roles", List.of("UNION_STAFF", "FINANCE")))), 403);
        assertThat(get("demo-admin", "/api/v1/accounts/" + staff.id()).json().path("roles").size()).isEqualTo(1);

        Issued combined = staff(List.of("UNION_STAFF", "REVIEWER"));
        assertProblem(put("demo-wuhan", "/api/v1/accounts/" + combined.id(), json(Map.of("displayName", "改名"))), 403);
        assertProblem(post("demo-wuhan", "/api/v1/accounts/" + combined.id() + "/password-reset", ""), 403);
    }

    @Test
    void aCombinationIncludingReviewerOrFinanceNeedsTheSecondFactor() {
        Issued staffFinance = staff(List.of("UNION_STAFF", "FINANCE"));
        assertThat(get("demo-admin", "/api/v1/accounts/" + staffFinance.id()).json().path("twoFactorRequired").asBoolean()).isTrue();
        String password = "Jianren-" + System.nanoTime();
        as(staffFinance.username(), staffFinance.password(), "POST", "/api/v1/me/password",
                json(Map.of("oldPassword", staffFinance.password(), "password", password)));

        Answer blocked = as(staffFinance.username(), password, "GET", "/api/v1/units", null);
        assertProblem(blocked, 403);
        assertThat(blocked.field("detail")).isEqualTo("请先设置两步验证");
        assertThat(as(staffFinance.username(), password, "GET", "/api/v1/me", null).json().path("twoFactorRequired").asBoolean()).isTrue();
    }

    @Test
    void changedRolesTakeEffectAtOnceSurviveARescopeAndKeepTheirKind() {
        Ready staff = ready(List.of("UNION_STAFF"));
        assertProblem(as(staff.username(), staff.password(), "GET", "/api/v1/claims/review-rules", null), 403);

        Answer added = put("demo-admin", "/api/v1/accounts/" + staff.id(), json(Map.of("displayName", "兼审核",
                "roles", List.of("UNION_STAFF", "REVIEWER"))));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(as(staff.username(), staff.password(), "GET", "/api/v1/claims/review-rules", null).status()).isEqualTo(200);

        Answer moved = put("demo-admin", "/api/v1/accounts/" + staff.id() + "/scope",
                json(Map.of("orgNodeId", organisationIdsByName().get("江岸区总工会"))));
        assertThat(texts(moved.json().path("roles"))).containsExactly("UNION_STAFF", "REVIEWER");

        Answer otherKind = put("demo-admin", "/api/v1/accounts/" + staff.id(), json(Map.of("displayName", "兼审核",
                "roles", List.of("UNIT_OPERATOR"))));
        assertProblem(otherKind, 400);
        assertThat(fields(otherKind)).containsExactly("roles");

        assertThat(put("demo-admin", "/api/v1/accounts/" + staff.id(), json(Map.of("displayName", "不再审核",
                "roles", List.of("UNION_STAFF")))).status()).isEqualTo(200);
        assertProblem(as(staff.username(), staff.password(), "GET", "/api/v1/claims/review-rules", null), 403);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private record Issued(long id, String username, String password) {
    }

    /** A fresh account of the role in 武汉 (created by demo-admin), with its one-time password. */
    private Issued staff(String role) {
        return create(role.toLowerCase().replace('_', '-'), Map.of("role", role));
    }

    /** A fresh account of the roles (the first primary) in 武汉 (created by demo-admin), with its one-time password. */
    private Issued staff(List<String> roles) {
        return create("combined", Map.of("roles", roles));
    }

    private Issued create(String prefix, Map<String, Object> roles) {
        String name = fresh(prefix);
        java.util.Map<String, Object> body = new java.util.HashMap<>(roles);
        body.putAll(Map.of("username", name, "displayName", "测试" + prefix, "orgNodeId", organisationIdsByName().get("武汉市总工会")));
        Answer created = post("demo-admin", "/api/v1/accounts", json(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Issued(created.json().path("account").path("id").asLong(), name, created.field("initialPassword"));
    }

    private record Ready(long id, String username, String password) {
    }

    /**
     * A fresh account of the roles in 武汉 whose one-time password is changed; a demo-mode fixture,
     * so exempt from the second factor like the demo accounts.
     */
    private Ready ready(List<String> roles) {
        Issued issued = staff(roles);
        jdbc.sql("update identity.account set demo = true where id = ?").param(issued.id()).update();
        String password = "Ceshi-Mima-" + System.nanoTime();
        Answer changed = as(issued.username(), issued.password(), "POST", "/api/v1/me/password",
                json(Map.of("oldPassword", issued.password(), "password", password)));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        return new Ready(issued.id(), issued.username(), password);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        for (JsonNode node : array) texts.add(node.asString());
        return texts;
    }

    private static String fresh(String prefix) {
        return prefix + "-" + ThreadLocalRandom.current().nextInt(1_000_000_000);
    }

    private boolean exists(String name) {
        return jdbc.sql("select count(*) from identity.account where username = ?").param(name).query(Long.class).single() > 0;
    }

    private long accountId(String username) {
        return jdbc.sql("select id from identity.account where username = ?").param(username).query(Long.class).single();
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private Answer as(String user, String password, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(null, request);
    }

    /** A browser-like client: a session cookie, the CSRF header, and the login form. */
    private static final class Session {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        private final AccountApiTest test;
        private String loginLocation;

        private Session(AccountApiTest test) {
            this.test = test;
        }

        static Session login(AccountApiTest test, String user, String password) throws Exception {
            Session s = new Session(test);
            s.client.send(HttpRequest.newBuilder(test.uri("/api/v1/catalogue")).GET().build(), HttpResponse.BodyHandlers.discarding());
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> login = s.client.send(HttpRequest.newBuilder(test.uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", s.token())
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            s.loginLocation = login.headers().firstValue("Location").orElse("");
            return s;
        }

        HttpResponse<String> call(String method, String path, String body) throws Exception {
            return client.send(HttpRequest.newBuilder(test.uri(path)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("X-XSRF-TOKEN", token())
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        private String token() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
        }
    }
}
