package org.huzhu.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huzhu.banking.simulator.SimulatedBank;
import org.huzhu.shared.Money;
import org.huzhu.support.ApplicationProcess;
import org.huzhu.support.RunsAlongside;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 while payouts are being batched, sent and applied, then restart: no payout is paid twice,
 * none is lost, and the books balance with the bank.
 *
 * <p>The application runs as a separate JVM ({@code java -cp <this JVM's class path>
 * org.huzhu.HuzhuApplication}, demo profile, so it seeds members and a few approved claims and
 * prepares their batches) against a PostgreSQL and a simulated bank that both live in this test's
 * JVM, so they outlive the application. {@code huzhu.payouts.pause-at} makes the application say
 * {@code HUZHU-PAUSE <point>} and sleep at a point; the test then kills it with SIGKILL
 * ({@link Process#destroyForcibly()}) and starts it again. Small batches (2 payouts) and one status
 * per transaction make "half a batch built" and "half a message applied" real states. The three
 * kills: (1) while the seeder's batches are being built (first committed, others not); (2) after the
 * bank accepted a released batch's file but before SENT was recorded; (3) after the first of a status
 * report's statuses was committed. The last start runs with no pause and finishes the round.
 */
@RunsAlongside
class PayoutsCrashTest {

    private ApplicationProcess app;
    private SimulatedBank bank;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void databaseAndBank() throws IOException {
        app = new ApplicationProcess(Path.of("target", "crash-test"));
        bank = new SimulatedBank(new SimulatedBank.Settings(0, Duration.ofMillis(100), Duration.ofDays(30), Set.of(),
                "4202000109300123456", "湖北省总工会职工互助保障金", Money.ZERO));
    }

    @AfterEach
    void stop() throws IOException {
        if (bank != null) bank.close();
        if (app != null) app.close();
    }

    @Test
    void killedWhileBatchingSendingAndApplyingThenRestartedNothingIsPaidTwiceOrLostAndTheBooksMatchTheBank() throws Exception {
        // 1: the demo seeder hands 9 claims to payment and prepares their batches; killed after the first batch committed
        start(FaultInjection.BATCH_HALF_BUILT);
        awaitPauseThenKill(FaultInjection.BATCH_HALF_BUILT);
        assertThat(count("select count(*) from payouts.batch")).isEqualTo(1);
        long payouts = count("select count(*) from payouts.payout");
        assertThat(payouts).as("claims handed to payment").isGreaterThanOrEqualTo(6);
        assertThat(count("select count(*) from payouts.payout where status = 'REQUESTED'")).isEqualTo(payouts - 2);

        // 2: the rest is batched; one batch is released and sent; killed before SENT is recorded
        start(FaultInjection.FILE_SENT);
        awaitReady();
        assertThat(call("POST", "/api/v1/payout-batches", "demo-finance").statusCode()).isEqualTo(201);
        assertThat(count("select count(*) from payouts.payout where status = 'REQUESTED'")).isZero();
        long first = count("select min(id) from payouts.batch where status = 'PREPARED'");
        assertThat(call("POST", "/api/v1/payout-batches/" + first + "/release", "demo-finance-checker").statusCode()).isEqualTo(200);
        awaitPauseThenKill(FaultInjection.FILE_SENT);
        long answerBy = System.nanoTime() + 30_000_000_000L;   // the bank answers a received file after its delay
        while (bank.messageCount() == 0 && System.nanoTime() < answerBy) Thread.sleep(50);
        assertThat(bank.messageCount()).as("the bank has the file and answers").isPositive();
        assertThat(status(first)).isEqualTo("RELEASED");

        // 3: on restart the batch is sent again (the bank takes it as a duplicate) and recorded SENT; killed half-way through its status report
        start(FaultInjection.HALF_APPLIED);
        awaitPauseThenKill(FaultInjection.HALF_APPLIED);
        assertThat(status(first)).isEqualTo("SENT");
        assertThat(count("select count(*) from payouts.payout where batch_id = " + first + " and status in ('SETTLED', 'FAILED')"))
                .isEqualTo(1);

        // 4: no pause: every batch released, every payout gets the bank's final word
        start("");
        awaitReady();
        for (long batch : ids("select id from payouts.batch where status = 'PREPARED' order by id")) {
            assertThat(call("POST", "/api/v1/payout-batches/" + batch + "/release", "demo-finance-checker").statusCode()).isEqualTo(200);
        }
        awaitCount("select count(*) from payouts.payout where status not in ('SETTLED', 'FAILED')", 0);
        awaitCount("select count(*) from payouts.batch where status <> 'COMPLETED'", 0);

        Map<String, Integer> paidAtBank = bank.payments();
        Map<String, String> statuses = references();
        assertThat(statuses).hasSize((int) payouts);
        statuses.forEach((reference, status) -> assertThat(paidAtBank.getOrDefault(reference, 0)).as(reference + " " + status)
                .isEqualTo(status.equals("SETTLED") ? 1 : 0));
        assertThat(paidAtBank.keySet()).as("the bank paid only our payouts").isSubsetOf(statuses.keySet());
        assertThat(count("select count(*) from (select source from payouts.payout where status = 'SETTLED' group by source having count(*) > 1) d"))
                .as("no source paid under two references").isZero();
        assertThat(count("""
                select count(*) from claims.claim c where c.status in ('PAYMENT_PENDING', 'PAID', 'PAYMENT_FAILED')
                and not exists (select 1 from payouts.payout p where p.source = 'CLAIM:' || c.id)""")).as("no claim without its payout").isZero();
        assertThat(count("""
                select count(*) from claims.claim c join payouts.payout p on p.source = 'CLAIM:' || c.id
                where (p.status = 'SETTLED') <> (c.status = 'PAID')""")).as("each claim follows its payout").isZero();
        assertThat(decimal("select sum(debit) - sum(credit) from ledger.posting")).as("trial balance").isEqualByComparingTo("0");
        assertThat(decimal("select coalesce(sum(debit - credit), 0) from ledger.posting where account_code = '2203'"))
                .as("payouts in transit").isEqualByComparingTo("0");
        // the simulated bank holds only what payouts moved; contributions the demo declared paid are booked on 1002 too
        assertThat(decimal("""
                select coalesce(sum(p.debit - p.credit), 0) from ledger.posting p join ledger.journal j on j.id = p.journal_id
                 where p.account_code = '1002' and j.source_type in ('PAYOUT_BATCH', 'BANK_MESSAGE')"""))
                .as("payouts' movements of the bank account in the ledger = the bank's own balance")
                .isEqualByComparingTo(bank.balance().amount());
        assertThat(decimal("select coalesce(sum(amount), 0) from payouts.payout where status = 'SETTLED'").negate())
                .isEqualByComparingTo(bank.balance().amount());
    }

    // ---- the application process -----------------------------------------------------------------

    private void start(String pauseAt) throws IOException {
        app.start("pause at [" + pauseAt + "]", List.of("--huzhu.bank.url=" + bank.url(), "--huzhu.bank.simulator.enabled=false",
                "--huzhu.payouts.max-per-batch=2", "--huzhu.payouts.apply-chunk=1", "--huzhu.payouts.poll-interval=300ms",
                "--huzhu.payouts.pause-at=" + pauseAt, "--logging.level.org.huzhu.payouts=INFO"));
    }

    private void awaitPauseThenKill(String point) throws Exception {
        app.awaitLog("HUZHU-PAUSE " + point);
        app.kill("at " + point);
    }

    private void awaitReady() throws Exception {
        app.awaitReady();
    }

    private HttpResponse<String> call(String method, String path, String user) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() >= 300) System.err.println(method + " " + path + " → " + response.statusCode() + " " + response.body());
        return response;
    }

    // ---- the database, read directly --------------------------------------------------------------

    private long count(String sql) throws SQLException {
        return app.count(sql);
    }

    private BigDecimal decimal(String sql) throws SQLException {
        return app.decimal(sql);
    }

    private List<Long> ids(String sql) throws SQLException {
        return app.ids(sql);
    }

    private String status(long batch) throws SQLException {
        try (Connection c = app.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select status from payouts.batch where id = " + batch)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Map<String, String> references() throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = app.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select reference, status from payouts.payout")) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }

    private void awaitCount(String sql, long expected) throws Exception {
        app.awaitCount(sql, expected);
    }
}
