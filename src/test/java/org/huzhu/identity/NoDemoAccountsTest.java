package org.huzhu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Outside demo mode the demo accounts (password = user name) must not exist: a second
 * application context on its own fresh database, with demo mode off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "huzhu.demo.enabled=false",
        "huzhu.crypto.generate-missing=true",
        "huzhu.database.embedded.data-dir=target/test-data/postgres-nodemo"})
@ActiveProfiles("test")
class NoDemoAccountsTest {

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"demo-admin", "demo-reviewer", "demo-finance", "demo-unit", "demo-member"})
    void theDemoAccountsCannotLogIn(String user) throws Exception {
        HttpResponse<String> me = get(user, "/api/v1/me");

        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void nothingIsSeeded() {
        assertThat(jdbc.sql("select count(*) from identity.account").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from organisation.org_node").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from organisation.unit").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from membership.member").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from ledger.journal").query(Long.class).single()).isZero();
    }

    @Test
    void publicEndpointsStillAnswer() throws Exception {
        assertThat(get(null, "/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get(null, "/api/v1/catalogue").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
