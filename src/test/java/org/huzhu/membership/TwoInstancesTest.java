package org.huzhu.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.huzhu.HuzhuApplication;
import org.huzhu.banking.simulator.SimulatedBank;
import org.huzhu.membership.RosterImportApiTest.Worker;
import org.huzhu.membership.RosterImportApiTest.Workers;
import org.huzhu.payouts.PayoutOrder;
import org.huzhu.payouts.Payouts;
import org.huzhu.shared.BankAccount;
import org.huzhu.shared.CreditCode;
import org.huzhu.shared.Money;
import org.huzhu.support.PayoutRound;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two application instances on one PostgreSQL (issue 12, hole 8), in this JVM: node A (demo data,
 * the simulated bank) and node B (no demo, paying through A's simulated bank). A roster import
 * running on A is not taken over by B starting meanwhile, and is resumed by B exactly once after A
 * dies; a payout batch is never sent by both at once; a session started on A is valid on B.
 *
 * <p>How A's import is kept "in progress" long enough, honestly: the test holds an EXCLUSIVE lock
 * on {@code membership.enrolment}, so A's first chunk waits inside its transaction while A's
 * heartbeat goes on renewing the lease. "A dies" is A's context closing: once A has begun to stop
 * its imports (waited for, not slept on) the test lets the first chunk go; A's heartbeat has stopped
 * and its job stops before the next chunk, leaving the import RUNNING with a lease that runs out
 * (3 s here) — what a crashed node leaves, except the committed first chunk.
 */
class TwoInstancesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int ROWS = 120;

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @AfterAll
    static void stop() throws Exception {
        if (b != null) b.close();
        if (a != null && a.isActive()) a.close();
        if (postgres != null) postgres.close();
    }

    @Test
    void twoInstancesShareSessionsAndNeitherSendsABatchTwiceNorTakesOverARunningImport() throws Exception {
        postgres = EmbeddedPostgres.builder().setLocaleConfig("encoding", "UTF8").setLocaleConfig("locale", "C")
                .setServerConfig("max_connections", "60").start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        a = node(url, "demo,test", "huzhu.demo.members-per-unit=2");
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        SimulatedBank bank = a.getBean(SimulatedBank.class);

        // ---- node A runs an import; node B starts meanwhile ---------------------------------
        long unit = newUnit(a);
        long importId;
        try (Connection hold = java.sql.DriverManager.getConnection(url)) {
            hold.setAutoCommit(false);
            try (Statement s = hold.createStatement()) {
                s.execute("lock table membership.enrolment in exclusive mode");
            }
            importId = startImport(a, unit);
            await("A's import enrolling", () -> "ENROLLING".equals(importColumn(jdbc, importId, "phase")));
            ownerA = importColumn(jdbc, importId, "lease_owner");
            assertThat(ownerA).isNotNull();

            b = node(url, "test", "huzhu.demo.enabled=false", "huzhu.bank.simulator.enabled=false",
                    "huzhu.bank.url=" + bank.url(), "huzhu.payouts.pause-at=file-sent", "huzhu.web.secure-cookies=false");
            Thread.sleep(3_500); // longer than the lease and three of B's sweeps
            assertThat(importColumn(jdbc, importId, "lease_owner")).as("B leaves A's import alone").isEqualTo(ownerA);
            assertThat(importColumn(jdbc, importId, "status")).isEqualTo("RUNNING");
            assertThat(jdbc.sql("select lease_until > now() from membership.roster_import where id = ?").param(importId)
                    .query(Boolean.class).single()).as("A's heartbeat renews the lease").isTrue();

            // ---- a session started on A is valid on B ---------------------------------------
            String session = logIn(a, "demo-admin");
            HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(uri(b, "/api/v1/me")).header("Cookie", "SESSION=" + session)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(me.body()).path("username").asString()).isEqualTo("demo-admin");

            // ---- one batch, two senders --------------------------------------------------------
            Payouts payoutsA = a.getBean(Payouts.class);
            Payouts payoutsB = b.getBean(Payouts.class);
            String reference = "TWO-NODES-" + UUID.randomUUID().toString().substring(0, 8);
            String orgPath = jdbc.sql("select path from organisation.unit where id = ?").param(unit).query(String.class).single();
            payoutsA.request(new PayoutOrder(reference, "test:" + reference, "测试职工", "中国工商银行", cardNumber(), Money.of(100), orgPath));
            long batchId = PayoutRound.release(payoutsA, reference);
            String messageId = payoutsA.batch(batchId, PayoutRound.MAKER).messageId();

            Thread stuckOnB = Thread.ofPlatform().daemon().start(() -> {
                try {
                    payoutsB.send(batchId); // B sends the file, then "hangs" before recording SENT
                } catch (RuntimeException interrupted) {
                    // B's crash, below
                }
            });
            await("B's file at the bank", () -> bank.filesReceived(messageId) == 1);
            assertThat(payoutsA.send(batchId)).as("A while B is sending").isFalse();
            assertThat(payoutsA.sendReleased()).isZero();
            assertThat(bank.filesReceived(messageId)).as("files of the batch at the bank while both run").isEqualTo(1);

            stuckOnB.interrupt(); // B dies before recording SENT; A re-sends the same file, as after any crash
            stuckOnB.join(10_000);
            assertThat(payoutsA.send(batchId)).isTrue();
            assertThat(payoutsA.batch(batchId, PayoutRound.MAKER).status().name()).isEqualTo("SENT");
            Thread.sleep(1_000);
            assertThat(bank.timesPaid(reference)).as("paid once").isLessThanOrEqualTo(1);

            // ---- node A dies; once its lease has run out, B resumes the import -----------------
            RosterImports importsOnA = a.getBean(RosterImports.class);
            Thread dying = Thread.ofPlatform().start(() -> a.close());
            await("A stopping its imports", importsOnA::stopping);
            hold.commit(); // A's first chunk goes through; A stops before its next one
            dying.join(30_000);
            assertThat(a.isActive()).isFalse();
        }
        await("the import done by B", () -> "DONE".equals(importColumn(b.getBean(JdbcClient.class), importId, "status")));

        JdbcClient onB = b.getBean(JdbcClient.class);
        assertThat(importColumn(onB, importId, "lease_owner")).as("resumed by B").isNotNull()
                .isNotEqualTo(ownerA);
        assertThat(importColumn(onB, importId, "accepted")).isEqualTo(String.valueOf(ROWS));
        assertThat(onB.sql("select count(*) from membership.enrolment where unit_id = ?").param(unit).query(Integer.class).single())
                .as("nobody enrolled twice").isEqualTo(ROWS);
        assertThat(onB.sql("select count(distinct member_id) from membership.enrolment where unit_id = ?").param(unit)
                .query(Integer.class).single()).isEqualTo(ROWS);
    }

    private static String ownerA;

    // ---- helpers --------------------------------------------------------------------------

    private static ConfigurableApplicationContext node(String url, String profiles, String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "huzhu.database.url=" + url,
                "huzhu.database.username=postgres",
                "huzhu.database.pool-size=6",
                "huzhu.crypto.generate-missing=true",
                "huzhu.crypto.key-file=target/test-data/two-nodes/keys.properties",
                "huzhu.import.work-dir=target/test-data/two-nodes/imports",
                "huzhu.import.lease=PT3S",
                "huzhu.import.lease-sweep=PT1S",
                "huzhu.payouts.poll-interval=0",
                "huzhu.payouts.auto-send=false"));
        properties.addAll(List.of(extra));
        return new SpringApplicationBuilder(HuzhuApplication.class).profiles(profiles.split(","))
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    private static URI uri(ConfigurableApplicationContext node, String path) {
        return URI.create("http://127.0.0.1:" + port(node) + path);
    }

    private static HttpResponse<String> call(ConfigurableApplicationContext node, HttpRequest.Builder request) throws Exception {
        request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-admin:demo-admin".getBytes(StandardCharsets.UTF_8)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static long newUnit(ConfigurableApplicationContext node) throws Exception {
        long county = 0;
        for (JsonNode org : JSON.readTree(call(node, HttpRequest.newBuilder(uri(node, "/api/v1/organisations")).GET()).body())) {
            if (org.path("name").asString().equals("江岸区总工会")) county = org.path("id").asLong();
        }
        String first17 = "91420102" + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
        String body = JSON.writeValueAsString(Map.of("name", "两节点测试单位" + first17.substring(8), "creditCode",
                first17 + CreditCode.checkCharacter(first17), "ownership", "PRIVATE", "headcount", ROWS, "organisationId", county));
        HttpResponse<String> answer = call(node, HttpRequest.newBuilder(uri(node, "/api/v1/units"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).path("id").asLong();
    }

    private static long startImport(ConfigurableApplicationContext node, long unit) throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) workers.add(Workers.man(today, "BASIC", "1"));
        byte[] csv = RosterImportApiTest.csv(RosterImportApiTest.CHINESE_HEADERS, workers, StandardCharsets.UTF_8);
        String boundary = "----huzhu" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = call(node, HttpRequest.newBuilder(uri(node, "/api/v1/units/" + unit + "/roster-imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body()).path("id").asLong();
    }

    /** Logs in with the form on {@code node}; the SESSION cookie's value. */
    private static String logIn(ConfigurableApplicationContext node, String user) throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(uri(node, "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        String xsrf = cookie(page, "XSRF-TOKEN");
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(uri(node, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf).header("Cookie", "XSRF-TOKEN=" + xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return cookie(login, "SESSION");
    }

    private static String cookie(HttpResponse<String> response, String name) {
        String c = response.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie"));
        return c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length());
    }

    private static String importColumn(JdbcClient jdbc, long id, String column) {
        return jdbc.sql("select " + column + "::text from membership.roster_import where id = ?").param(id).query(String.class).single();
    }

    private static String cardNumber() {
        while (true) {
            String body = "622202" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
            for (int d = 0; d <= 9; d++) {
                String number = body + d;
                if (BankAccount.luhnValid(number) && !number.endsWith("0004") && !number.endsWith("0013")) return number;
            }
        }
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
