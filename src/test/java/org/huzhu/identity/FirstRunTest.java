package org.huzhu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.huzhu.shared.web.ConflictException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./huzhu init} on a fresh production database (demo mode off): the province and the first
 * administrator, whose one-time password opens nothing but the password change, after which a
 * second factor must be enrolled; a second init changes nothing. Demo rows present in such a
 * database still cannot log in. The steps build on each other, in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "huzhu.demo.enabled=false",
        "huzhu.crypto.generate-missing=true",
        "huzhu.database.embedded.data-dir=target/test-data/postgres-firstrun"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static FirstRun.Result first;
    private static String password;

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private FirstRun firstRun;
    @Autowired
    private PasswordEncoder encoder;

    @Test
    @Order(1)
    void initOnAnEmptyDatabaseCreatesTheProvinceAndAnAdministratorWithAOneTimePassword() {
        first = firstRun.initialise("湖北省总工会", "420000", "admin");

        assertThat(first.lines()).hasSize(2);
        assertThat(first.lines().get(0)).isEqualTo("用户名：admin");
        assertThat(first.lines().get(1)).matches("初始密码：\\S{10,}");
        assertThat(jdbc.sql("select name || '/' || division_code || '/' || level from organisation.org_node").query(String.class).list())
                .containsExactly("湖北省总工会/420000/PROVINCE");
        assertThat(jdbc.sql("select must_change_password from identity.account where username = 'admin'").query(Boolean.class).single())
                .isTrue();
    }

    @Test
    @Order(2)
    void initAgainRefusesAndChangesNothing() {
        String before = snapshot();

        assertThatThrownBy(() -> firstRun.initialise("湖北省总工会", "420000", "admin2"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已经初始化");

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void theOneTimePasswordOpensOnlyWhoAmIAndThePasswordChange() throws Exception {
        HttpResponse<String> me = call("GET", "/api/v1/me", "admin", first.initialPassword(), null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).path("mustChangePassword").asBoolean()).isTrue();

        HttpResponse<String> tree = call("GET", "/api/v1/organisations", "admin", first.initialPassword(), null);
        assertThat(tree.statusCode()).isEqualTo(403);
        assertThat(json(tree).path("detail").asString()).isEqualTo("请先修改初始密码");
    }

    @Test
    @Order(4)
    void aWeakNewPasswordIsRefusedNamingPasswordAndChangesNothing() throws Exception {
        String hash = hash();
        for (String weak : List.of("short1", "admin-password-1", "password123", "1234567890")) {
            HttpResponse<String> answer = call("POST", "/api/v1/me/password", "admin", first.initialPassword(),
                    "{\"oldPassword\":\"" + first.initialPassword() + "\",\"password\":\"" + weak + "\"}");
            assertThat(answer.statusCode()).as(weak).isEqualTo(400);
            assertThat(json(answer).path("errors").get(0).path("field").asString()).isEqualTo("password");
            assertThat(json(answer).path("errors").get(0).path("message").asString()).matches("(?s).*\\p{IsHan}.*");
        }
        assertThat(hash()).isEqualTo(hash);
    }

    @Test
    @Order(5)
    void afterChangingThePasswordAnAdministratorMustEnrolASecondFactorThenBasicIsRefused() throws Exception {
        password = "Huzhu-Sheng-" + System.nanoTime();
        HttpResponse<String> changed = call("POST", "/api/v1/me/password", "admin", first.initialPassword(),
                "{\"oldPassword\":\"" + first.initialPassword() + "\",\"password\":\"" + password + "\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/me", "admin", first.initialPassword(), null).statusCode()).isEqualTo(401);

        HttpResponse<String> tree = call("GET", "/api/v1/organisations", "admin", password, null);
        assertThat(tree.statusCode()).isEqualTo(403);
        assertThat(json(tree).path("detail").asString()).isEqualTo("请先设置两步验证");

        JsonNode enrolment = json(call("POST", "/api/v1/me/two-factor", "admin", password, ""));
        assertThat(enrolment.path("uri").asString()).startsWith("otpauth://totp/").contains("secret=");
        assertThat(enrolment.path("qrCode").asString()).startsWith("data:image/png;base64,");
        String secret = enrolment.path("secret").asString();
        String code = new DefaultCodeGenerator().generate(secret, Instant.now().getEpochSecond() / 30);
        HttpResponse<String> confirmed = call("POST", "/api/v1/me/two-factor/confirm", "admin", password, "{\"code\":\"" + code + "\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(json(confirmed).path("recoveryCodes")).hasSize(10);
        assertThat(jdbc.sql("select count(*) from identity.recovery_code where code_hash like '%-%'").query(Long.class).single())
                .as("recovery codes are kept hashed").isZero();

        HttpResponse<String> basic = call("GET", "/api/v1/me", "admin", password, null);
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(json(basic).path("detail").asString()).contains("两步验证");
    }

    @Test
    @Order(6)
    void demoAccountsCannotLogInOutsideDemoModeEvenWhenTheirRowsExist() throws Exception {
        long node = jdbc.sql("select id from organisation.org_node").query(Long.class).single();
        jdbc.sql("""
                insert into identity.account (username, password_hash, display_name, role, org_node_id, scope_path, demo)
                values ('demo-admin', ?, '演示管理员', 'ADMIN', ?, '/' || ? || '/', true),
                       ('demo-unit', ?, '演示经办人', 'UNION_STAFF', ?, '/' || ? || '/', false)""")
                .params(encoder.encode("demo-admin"), node, node, encoder.encode("demo-unit"), node, node).update();
        try {
            for (String user : List.of("demo-admin", "demo-unit")) {
                HttpResponse<String> me = call("GET", "/api/v1/me", user, user, null);
                assertThat(me.statusCode()).as(user).isEqualTo(401);
            }
            JsonNode options = json(call("GET", "/api/v1/login-options", null, null, null));
            assertThat(options.path("demo").asBoolean()).isFalse();
            assertThat(options.path("accounts")).isEmpty();
        } finally {
            jdbc.sql("delete from identity.account where username like 'demo-%'").update();
        }
    }

    private String snapshot() {
        return jdbc.sql("select count(*) || '/' || string_agg(username || password_hash, ',') from identity.account").query(String.class).single()
                + jdbc.sql("select count(*) from organisation.org_node").query(Long.class).single();
    }

    private String hash() {
        return jdbc.sql("select password_hash from identity.account where username = 'admin'").query(String.class).single();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> call(String method, String path, String user, String pass, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
