package org.huzhu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.huzhu.shared.scope.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The web edge as production runs it (demo mode off, secure cookies by default), on a database of
 * its own, under a clock the test moves: session cookie flags, API docs for staff only, and the
 * limits on logging in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "huzhu.demo.enabled=false",
        "huzhu.crypto.generate-missing=true",
        "huzhu.database.embedded.data-dir=target/test-data/postgres-production-web"})
@ActiveProfiles("test")
class ProductionWebTest {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));
        }
    }

    /** A clock that stands still until the test moves it. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @LocalServerPort
    private int port;

    @Autowired
    private Accounts accounts;

    @Autowired
    private MutableClock clock;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void sessionCookieIsHttpOnlySecureAndSameSite() {
        String user = account(Role.ADMIN);
        HttpResponse<String> page = get("/login", Map.of());
        String xsrf = cookieValue(page, "XSRF-TOKEN");
        assertThat(setCookie(page, "XSRF-TOKEN")).contains("Secure").contains("SameSite=Lax");

        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .header("Cookie", "XSRF-TOKEN=" + xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)));

        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(setCookie(login, "SESSION")).contains("HttpOnly").contains("Secure").contains("SameSite=Lax");
    }

    @Test
    void apiDocsNeedALoggedInStaffAccountOutsideDemoMode() {
        String staff = account(Role.UNIT_OPERATOR);
        String member = account(Role.MEMBER);

        assertThat(get("/v3/api-docs", Map.of("Accept", "application/json")).statusCode()).isEqualTo(401);
        assertThat(get("/swagger-ui/index.html", Map.of()).statusCode()).isIn(302, 401);
        assertThat(get("/v3/api-docs", Map.of("Authorization", basic(member, member))).statusCode()).isEqualTo(403);
        HttpResponse<String> docs = get("/v3/api-docs", Map.of("Authorization", basic(staff, staff)));
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"");
    }

    @Test
    void fiveFailedLoginsLockTheAccountForFifteenMinutes() throws IOException {
        String user = account(Role.FINANCE);
        from("127.0.0.3");
        for (int i = 0; i < 5; i++) assertThat(status(me(user, "wrong-" + i))).isEqualTo(401);

        String locked = me(user, user);
        assertThat(status(locked)).as("the right password while locked").isEqualTo(401);
        assertThat(locked).contains("账户已锁定，请15分钟后再试");
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", "t").header("Cookie", "XSRF-TOKEN=t")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)));
        assertThat(form.headers().firstValue("Location").orElse("")).as("form login while locked").endsWith("/login?locked");

        clock.advance(Duration.ofMinutes(14));
        assertThat(status(me(user, user))).as("after 14 minutes").isEqualTo(401);
        clock.advance(Duration.ofMinutes(2));
        assertThat(status(me(user, user))).as("after 16 minutes").isEqualTo(200);
    }

    @Test
    void aSuccessBetweenFailuresStartsTheCountAgain() throws IOException {
        String user = account(Role.REVIEWER);
        from("127.0.0.4");
        for (int i = 0; i < 4; i++) me(user, "wrong");
        assertThat(status(me(user, user))).isEqualTo(200);
        for (int i = 0; i < 4; i++) me(user, "wrong");

        assertThat(status(me(user, user))).isEqualTo(200);
    }

    @Test
    void theLockoutIsLogged() throws IOException {
        String user = account(Role.UNION_STAFF);
        from("127.0.0.5");
        for (int i = 0; i < 5; i++) me(user, "secret-" + i);
        me(user, user);

        List<String> outcomes = jdbc.sql("select outcome || case when lockout then '!' else '' end from identity.login_event where account = ? order by id")
                .param(user).query(String.class).list();
        assertThat(outcomes).containsExactly("FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "LOCKED!", "LOCKED");
        assertThat(jdbc.sql("select count(*) from identity.login_event where account = ? and address = '127.0.0.5' and at is not null")
                .param(user).query(Integer.class).single()).isEqualTo(7);
        assertThat(jdbc.sql("select count(*) from identity.login_event where concat_ws('|', account, address, detail) like '%secret-%'")
                .query(Integer.class).single()).as("no password in the log").isZero();
    }

    /** Twenty failures from one address (127.0.0.2 here), each on another name, refuse that address, not others. */
    @Test
    void loginAttemptsAreLimitedPerAddress() throws IOException {
        String user = account(Role.ADMIN);
        from("127.0.0.2");
        for (int i = 0; i < 20; i++) assertThat(status(me("guess-" + i + "-" + user, "password"))).isEqualTo(401);

        String refused = me(user, user);
        assertThat(status(refused)).isEqualTo(401);
        assertThat(refused).contains("此地址登录失败次数过多");
        from("127.0.0.6");
        assertThat(status(me(user, user))).as("the same account from another address").isEqualTo(200);
        from("127.0.0.2");
        clock.advance(Duration.ofMinutes(16));
        assertThat(status(me(user, user))).isEqualTo(200);
    }

    // ---- helpers --------------------------------------------------------------------------

    private String account(Role role) {
        String name = "prod-" + role.name().toLowerCase().replace('_', '-') + "-" + ACCOUNTS.incrementAndGet();
        accounts.create(new Accounts.NewAccount(name, name, "测试" + name, role, null, null, null, "/", false));
        return name;
    }

    /** Where the next logins come from: a loopback address of the test's own, so that tests count apart. */
    private void from(String address) throws IOException {
        this.address = InetAddress.getByName(address);
    }

    private InetAddress address;

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    /** GET /api/v1/me with Basic, over a socket bound to the test's address: the status line, headers and body. */
    private String me(String user, String password) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, address, 0)) {
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

    private static String setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
    }

    private static String cookieValue(HttpResponse<String> response, String name) {
        String cookie = setCookie(response, name);
        return cookie.substring(name.length() + 1, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
