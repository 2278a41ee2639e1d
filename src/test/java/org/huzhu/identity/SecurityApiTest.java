package org.huzhu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Who may call what: HTTP Basic for API clients, a CSRF-protected form login for browsers,
 * public endpoints, role checks with problem+json answers, and the demo accounts.
 */
class SecurityApiTest extends ApiTest {

    // ---- unauthenticated ------------------------------------------------------------------

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/v1/me", "/api/v1/members/1", "/api/v1/organisations", "/api/v1/units",
            "/api/v1/ledger/trial-balance", "/api/v1/subsidy-budgets"})
    void aProtectedApiWithoutCredentialsIsA401ProblemWithABasicChallenge(String path) {
        // an API client asking for JSON (a browser gets no challenge: WebEdgesTest.browsersGetNoBasicChallenge)
        HttpResponse<String> response = raw(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json").GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("detail").asString()).matches("(?s).*\\p{IsHan}.*");
    }

    @Test
    void aPostWithoutCredentialsIsA401NotACsrfRefusal() {
        Answer answer = post(null, "/api/v1/members", "{\"name\":\"张三\"}");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"wrong password, demo-admin, not-the-password", "unknown user, nobody-here, nobody-here",
            "empty password, demo-admin, ''"})
    void badCredentialsAreA401Problem(String label, String user, String password) {
        HttpResponse<String> response = raw(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/api/v1/me"))
                .header("Authorization", basic(user, password)).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("detail").asString()).matches("(?s).*\\p{IsHan}.*");
        assertThat(response.body()).doesNotContain("demo-admin");
    }

    @Test
    void scriptsOfTheConsoleGetNoBasicChallenge() {
        HttpResponse<String> response = raw(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/api/v1/me"))
                .header("X-Requested-With", "XMLHttpRequest").GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    // ---- public endpoints -----------------------------------------------------------------

    @Test
    void theCatalogueIsPublic() {
        Answer answer = get(null, "/api/v1/catalogue");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.field("code")).isEqualTo("HB-2026");
        assertThat(answer.json().path("items").isArray()).isTrue();
        assertThat(get(null, "/api/v1/catalogue/versions").status()).isEqualTo(200);
    }

    @Test
    void benefitCalculationsNeedNoLoginAndNoCsrfToken() {
        String body = """
                {"member": {"gender": "F", "birthDate": "1985-03-02"},
                 "coverages": [{"item": "HOSPITAL", "plan": "STD", "shares": 2, "from": "2026-01-10", "to": "2027-01-09",
                                "renewedWithoutGap": false}],
                 "incident": {"kind": "ILLNESS", "date": "2026-05-01", "diagnoses": ["C50.9"], "death": false,
                              "disabilityGrade": null, "hospitalStay": {"admission": "2026-05-01", "discharge": "2026-05-12"}},
                 "expenses": {"total": "23456.78", "fundPaid": "15000.00", "selfPaid": "5000.00", "selfFunded": "3456.78"},
                 "alreadyPaid": [],
                 "submittedOn": "2026-06-01"}""";

        Answer answer = post(null, "/api/v1/benefit-calculations", body);

        assertThat(answer.status()).as(answer.body()).isNotIn(401, 403);
    }

    @Test
    void healthIsPublic() {
        assertThat(get(null, "/actuator/health").status()).isEqualTo(200);
    }

    // ---- roles ----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"demo-finance, 200", "demo-admin, 200", "demo-unit, 403", "demo-reviewer, 403", "demo-member, 403",
            "demo-wuhan, 403", "demo-jingmen, 403"})
    void onlyFinanceAndAdministratorsReadTheTrialBalance(String user, int status) {
        Answer answer = get(user, "/api/v1/ledger/trial-balance");

        assertThat(answer.status()).isEqualTo(status);
        if (status == 200) {
            assertThat(answer.json().path("balanced").asBoolean()).isTrue();
        } else {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.field("detail")).matches("(?s).*\\p{IsHan}.*");
            assertThat(answer.body()).doesNotContain("\"accounts\"");
        }
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"demo-admin, ADMIN", "demo-reviewer, REVIEWER", "demo-finance, FINANCE", "demo-unit, UNIT_OPERATOR",
            "demo-member, MEMBER", "demo-wuhan, UNION_STAFF", "demo-jingmen, UNION_STAFF"})
    void eachDemoAccountExistsWithItsRole(String user, String role) {
        Answer answer = get(user, "/api/v1/me");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.field("username")).isEqualTo(user);
        assertThat(answer.field("role")).isEqualTo(role);
        assertThat(answer.field("roleName")).matches("(?s).*\\p{IsHan}.*");
    }

    @Test
    void theDemoAccountsAreBoundToTheirPartOfTheTree() {
        JsonNode unit = get("demo-unit", "/api/v1/me").json();
        JsonNode member = get("demo-member", "/api/v1/me").json();

        assertThat(unit.path("unitId").isNumber()).isTrue();
        assertThat(member.path("memberId").isNumber()).isTrue();
        assertThat(member.path("unitId").asLong()).isEqualTo(unit.path("unitId").asLong());
        assertThat(get("demo-member", "/api/v1/members/" + member.path("memberId").asLong()).json().path("unitId").asLong())
                .isEqualTo(unit.path("unitId").asLong());
        assertThat(get("demo-admin", "/api/v1/me").field("scopePath"))
                .isEqualTo("/" + get("demo-admin", "/api/v1/organisations").json().get(0).path("id").asLong() + "/");
    }

    // ---- browsers -------------------------------------------------------------------------

    @Test
    void theLoginPageIsServed() {
        HttpResponse<String> response = raw(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/login")).GET());

        assertThat(response.statusCode()).isIn(200, 302);
        if (response.statusCode() == 200) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        }
    }

    @Test
    void aPageWithoutASessionRedirectsToTheLoginForm() {
        HttpResponse<String> response = raw(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/members")).GET());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void aLoginFormPostedWithoutTheCsrfTokenIsRefused() {
        HttpClient browser = browser();

        HttpResponse<String> response = raw(browser, loginForm("demo-admin", "demo-admin"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        HttpResponse<String> me = raw(browser, HttpRequest.newBuilder(uri("/api/v1/me")).GET());
        assertThat(me.statusCode()).isEqualTo(401);
    }

    @Test
    void aLoginFormWithTheCsrfTokenStartsASessionThatTheApiAccepts() {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        raw(browser, HttpRequest.newBuilder(uri("/api/v1/catalogue")).GET());
        String token = cookie(cookies, "XSRF-TOKEN");
        assertThat(token).as("XSRF-TOKEN cookie").isNotBlank();

        HttpResponse<String> wrong = raw(browser, loginForm("demo-admin", "wrong").header("X-XSRF-TOKEN", token));
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElse("")).contains("/login?error");

        token = cookie(cookies, "XSRF-TOKEN");
        HttpResponse<String> login = raw(browser, loginForm("demo-admin", "demo-admin").header("X-XSRF-TOKEN", token));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> me = raw(browser, HttpRequest.newBuilder(uri("/api/v1/me")).GET());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).path("username").asString()).isEqualTo("demo-admin");

        // with a session, a state-changing API call still needs the CSRF header
        HttpResponse<String> withoutToken = raw(browser, HttpRequest.newBuilder(uri("/api/v1/members"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> withToken = raw(browser, HttpRequest.newBuilder(uri("/api/v1/members"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(withToken.statusCode()).as("past CSRF, the empty member is invalid input").isEqualTo(400);
    }

    // ---- helpers --------------------------------------------------------------------------

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    }

    private HttpRequest.Builder loginForm(String user, String password) {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private static String cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).reduce((first, last) -> last).orElse(null);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> raw(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.version(HttpClient.Version.HTTP_1_1).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
