package org.huzhu.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.shared.Masks;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.support.ApplicationProcess;
import org.huzhu.support.RunsAlongside;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of a campaign, then restart: according to the SMS centre every text was sent
 * exactly once, and every one ends DELIVERED.
 *
 * <p>The application runs as a separate JVM (demo profile) against a PostgreSQL and a simulated SMS centre
 * that live in this test's JVM, so both outlive it. A campaign of 3,000 texts is written to the outbox;
 * the dispatcher sends at 300 a second in batches of 500 with two workers, so when the centre has
 * accepted 750 texts both workers hold a batch taken but not answered: the kill leaves texts leased
 * whose answers were lost (the centre has them) and texts leased but never submitted. After the restart the
 * centre delivers the receipts it kept for the dead bind, which settle the first kind; the second kind is
 * sent again once its lease ran out.
 */
@RunsAlongside
class NotificationsCrashTest {

    private static final long CAMPAIGN = 4242;
    private static final int TEXTS = 3_000;

    private ApplicationProcess app;
    private SimulatedSmsCentre centre;

    @BeforeEach
    void databaseAndCentre() throws IOException {
        app = new ApplicationProcess(Path.of("target", "sms-crash-test"));
        centre = new SimulatedSmsCentre(new SimulatedSmsCentre.Settings(0, "huzhu", "hz-sms1", null, null, null, 0,
                Duration.ofMillis(50)));
    }

    @AfterEach
    void stop() throws IOException {
        if (centre != null) centre.close();
        if (app != null) app.close();
    }

    @Test
    void killedMidCampaignThenRestartedEveryTextReachesTheCentreExactlyOnce() throws Exception {
        start();
        app.awaitReady();
        writeCampaign();

        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (centre.acceptedCount() < 750) {
            if (!app.alive()) throw new AssertionError("the application died:\n" + app.tail());
            if (System.nanoTime() > until) throw new AssertionError("the campaign did not start: " + centre.acceptedCount() + "\n" + app.tail());
            Thread.sleep(5);
        }
        app.kill("with " + centre.acceptedCount() + " texts at the centre");
        long takenAtKill = app.count("select count(*) from notifications.sms_queue q join notifications.message m on m.id = q.message_id"
                + " where m.campaign_id = " + CAMPAIGN + " and q.lease_until is not null");
        long recordedAtKill = app.count("select count(*) from notifications.message where campaign_id = " + CAMPAIGN
                + " and status in ('SENT', 'DELIVERED')");
        assertThat(takenAtKill).as("texts taken but not answered when killed").isPositive();
        assertThat((long) centre.acceptedCount()).as("texts the centre has beyond those recorded as sent").isGreaterThan(recordedAtKill);

        start();
        app.awaitReady();
        app.awaitCount("select count(*) from notifications.message where campaign_id = " + CAMPAIGN + " and status <> 'DELIVERED'", 0);

        Map<Long, Integer> submits = new HashMap<>();
        for (SimulatedSmsCentre.Submit s : centre.accepted()) {
            if (s.messageReference() != null) submits.merge(s.messageReference(), 1, Integer::sum);
        }
        List<Long> ids = app.ids("select id from notifications.message where campaign_id = " + CAMPAIGN + " and channel = 'SMS'");
        assertThat(ids).hasSize(TEXTS);
        for (long id : ids) assertThat(submits.getOrDefault(id, 0)).as("times text " + id + " reached the centre").isEqualTo(1);
        assertThat(NotificationsBenchDriver.sentTwice(centre)).as("texts of any kind sent twice").isZero();
        assertThat(app.count("select count(*) from notifications.sms_part p join notifications.message m on m.id = p.message_id"
                + " where m.campaign_id = " + CAMPAIGN + " and p.receipt = 'DELIVERED'")).isEqualTo(TEXTS);
        assertThat(app.count("select count(*) from notifications.sms_queue q join notifications.message m on m.id = q.message_id"
                + " where m.campaign_id = " + CAMPAIGN)).as("nothing of the campaign left in the queue").isZero();
    }

    /** The campaign's texts, written as the outbox holds them (numbers encrypted under the application's key). */
    private void writeCampaign() throws SQLException {
        PersonalDataCipher cipher = new PersonalDataCipher(Base64.getDecoder().decode(ApplicationProcess.KEY),
                Base64.getDecoder().decode(ApplicationProcess.HASH_KEY));
        Instant now = Instant.now();
        try (Connection c = app.connection(); PreparedStatement ps = c.prepareStatement("""
                insert into notifications.message (dedup_key, channel, template_code, template_version, purpose, member_id, scope_path,
                    phone_cipher, phone_hash, phone_masked, title, body, segments, campaign_id, status, not_before, expires_at, created_at)
                values (?, 'SMS', 'PUBLICITY_ENROL', 1, 'PUBLICITY', ?, '/1/', ?, ?, ?, '参保宣传', ?, 1, ?, 'QUEUED', ?, ?, ?)""")) {
            c.setAutoCommit(false);
            for (int i = 0; i < TEXTS; i++) {
                String phone = "136" + String.format("%08d", i);
                ps.setString(1, "crash-campaign:" + CAMPAIGN + "|m" + i + "|SMS");
                ps.setLong(2, 50_000_000L + i);
                ps.setBytes(3, cipher.encrypt(phone));
                ps.setBytes(4, cipher.hash(phone));
                ps.setString(5, Masks.phone(phone));
                ps.setString(6, "【职工互助】王师傅您好，职工互助保障每年只需几十元。回复TD退订");
                ps.setLong(7, CAMPAIGN);
                ps.setTimestamp(8, Timestamp.from(now));
                ps.setTimestamp(9, Timestamp.from(now.plus(Duration.ofDays(1))));
                ps.setTimestamp(10, Timestamp.from(now));
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
    }

    /** The SMS centre of this test, 300 texts a second in batches of 500 by two workers, no quiet hours. */
    private void start() throws IOException {
        app.start("", List.of(
                "--huzhu.notifications.sms.simulator.enabled=false", "--huzhu.notifications.sms.smpp.host=127.0.0.1",
                "--huzhu.notifications.sms.smpp.port=" + centre.port(), "--huzhu.notifications.sms.smpp.system-id=huzhu",
                "--huzhu.notifications.sms.smpp.password=hz-sms1",
                "--huzhu.notifications.dispatch.rate-per-second=300", "--huzhu.notifications.dispatch.batch-size=500",
                "--huzhu.notifications.dispatch.workers=2", "--huzhu.notifications.dispatch.lease=15s",
                "--huzhu.notifications.quiet-from=00:00", "--huzhu.notifications.quiet-until=00:00",
                "--logging.level.org.huzhu.notifications=INFO"));
    }
}
