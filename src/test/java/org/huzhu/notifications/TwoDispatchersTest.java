package org.huzhu.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.huzhu.notifications.sms.OutgoingSms;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.notifications.sms.SmppGateway;
import org.huzhu.notifications.sms.SmsGateway;
import org.huzhu.notifications.sms.SmsInbound;
import org.huzhu.notifications.sms.SmsProperties;
import org.huzhu.notifications.sms.SubmitOutcome;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances sending from one outbox: a second dispatcher, with its own SMPP bind to the same
 * centre, works beside the application's own on a campaign of 2,000 texts. Each text reaches the
 * centre once, whichever instance took it, and every one ends DELIVERED.
 */
class TwoDispatchersTest extends ApiTest {

    private static final long CAMPAIGN = 777_001;

    @Autowired
    SimulatedSmsCentre centre;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    MessageWriter writer;
    @Autowired
    Templates templates;
    @Autowired
    ReceiptWriter receipts;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DispatchSignal signal;
    @Autowired
    NotificationProperties settings;
    @Autowired
    SmsProperties sms;
    @Autowired
    Clock clock;

    @Test
    void twoInstancesSendEachTextOnce() throws Exception {
        testClock.moveOutOf(settings.quietFrom(), settings.quietUntil());   // publicity goes by day, whatever the hour of the run
        SmsProperties.Smpp p = sms.smpp();
        try (SmppGateway secondBind = new SmppGateway(new SmppGateway.Settings("127.0.0.1", centre.port(), p.systemId(), p.password(),
                p.systemType(), p.sourceAddress(), p.submitTimeout(), p.enquireLinkInterval(), p.processorThreads(), p.throttleRetries()))) {
            AtomicInteger bySecond = new AtomicInteger();
            SmsGateway counted = new SmsGateway() {
                @Override
                public String name() {
                    return "second";
                }

                @Override
                public void start(SmsInbound inbound) {
                    secondBind.start(inbound);
                }

                @Override
                public boolean ready() {
                    return secondBind.ready();
                }

                @Override
                public SubmitOutcome submit(OutgoingSms text) {
                    bySecond.incrementAndGet();
                    return secondBind.submit(text);
                }

                @Override
                public void close() {
                    secondBind.close();
                }
            };
            SmsDispatcher second = new SmsDispatcher(outbox, counted, receipts, cipher, transactions, signal, settings, clock);
            second.startNow();
            try {
                Template t = templates.current("PUBLICITY_ENROL");
                transactions.executeWithoutResult(tx -> {
                    List<NewMessage> rows = new java.util.ArrayList<>();
                    for (int i = 0; i < 2_000; i++) {
                        rows.addAll(writer.write(t, MessageWriter.Reach.member(80_000_000L + i, "双实例", "135" + String.format("%08d", 50_000 + i),
                                "/1/"), Map.of(), "two-instances:" + CAMPAIGN, CAMPAIGN));
                    }
                    outbox.insert(rows);
                });
                signal.wake();
                signal.wake();
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (jdbc.sql("select count(*) from notifications.message where campaign_id = ? and channel = 'SMS' and status <> 'DELIVERED'")
                        .param(CAMPAIGN).query(Long.class).single() > 0) {
                    if (System.nanoTime() > deadline) throw new AssertionError("the campaign was not delivered in time");
                    Thread.sleep(100);
                }
                assertThat(bySecond.get()).as("texts the second instance took").isBetween(1, 1_999);
            } finally {
                second.stop();
            }
        }
        Map<Long, Integer> submits = new HashMap<>();
        for (SimulatedSmsCentre.Submit s : centre.accepted()) {
            if (s.messageReference() != null) submits.merge(s.messageReference(), 1, Integer::sum);
        }
        List<Long> ids = jdbc.sql("select id from notifications.message where campaign_id = ? and channel = 'SMS'").param(CAMPAIGN)
                .query(Long.class).list();
        assertThat(ids).hasSize(2_000);
        for (long id : ids) assertThat(submits.getOrDefault(id, 0)).as("times text " + id + " reached the centre").isEqualTo(1);
    }
}
