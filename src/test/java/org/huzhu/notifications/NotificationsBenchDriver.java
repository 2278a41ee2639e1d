package org.huzhu.notifications;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.notifications.sms.OutgoingSms;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What {@code ./huzhu bench notifications} needs from inside the module: a campaign's messages written
 * to the outbox through the real {@link MessageWriter} and {@link OutboxRepository}, the texts as the
 * dispatcher would send them (for the baseline), starting the dispatcher, and the outcome counts.
 */
public final class NotificationsBenchDriver {

    private final ApplicationContext app;
    private final JdbcClient jdbc;

    public NotificationsBenchDriver(ApplicationContext app) {
        this.app = app;
        this.jdbc = app.getBean(JdbcClient.class);
    }

    /** Writes a publicity campaign to {@code n} workers (fake member ids, distinct numbers): SMS and in-app rows. */
    public void writeCampaign(long campaignId, int n, String template) {
        MessageWriter writer = app.getBean(MessageWriter.class);
        OutboxRepository outbox = app.getBean(OutboxRepository.class);
        TransactionTemplate transactions = app.getBean(TransactionTemplate.class);
        Template t = app.getBean(Templates.class).current(template);
        String[] surnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
        for (int from = 0; from < n; from += 5_000) {
            int start = from;
            int end = Math.min(n, from + 5_000);
            transactions.executeWithoutResult(tx -> {
                List<NewMessage> rows = new ArrayList<>((end - start) * 2);
                for (int i = start; i < end; i++) {
                    MessageWriter.Reach to = MessageWriter.Reach.member(10_000_000L + i, surnames[i % surnames.length] + "师傅",
                            phone(i), "/1/");
                    rows.addAll(writer.write(t, to, Map.of(), "bench-campaign:" + campaignId, campaignId));
                }
                outbox.insert(rows);
            });
        }
    }

    static String phone(int i) {
        return "13" + (5 + i % 5) + String.format("%08d", i);
    }

    /** The campaign's texts exactly as the dispatcher submits them (number decrypted, reference = message id). */
    public List<OutgoingSms> texts(long campaignId) {
        PersonalDataCipher cipher = app.getBean(PersonalDataCipher.class);
        return jdbc.sql("select id, phone_cipher, body from notifications.message where campaign_id = ? and channel = 'SMS' order by id")
                .param(campaignId).query((rs, n) -> new OutgoingSms(rs.getLong(1), cipher.decrypt(rs.getBytes(2)), rs.getString(3))).list();
    }

    public void startDispatcher() {
        app.getBean(SmsDispatcher.class).startNow();
    }

    /** Texts of the campaign by status. */
    public Map<String, Long> statuses(long campaignId) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select status, count(*) from notifications.message where campaign_id = ? and channel = 'SMS' group by status")
                .param(campaignId).query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Segments of the campaign's texts (what the centre should have accepted). */
    public long segments(long campaignId) {
        return jdbc.sql("select coalesce(sum(segments), 0) from notifications.message where campaign_id = ? and channel = 'SMS'")
                .param(campaignId).query(Long.class).single();
    }

    /** How many message references the centre accepted more than once (first parts counted): 0 when no text went twice. */
    public static long sentTwice(SimulatedSmsCentre centre) {
        Map<Long, Integer> firsts = new HashMap<>();
        for (SimulatedSmsCentre.Submit s : centre.accepted()) {
            if (s.messageReference() != null && s.udhSequence() <= 1) firsts.merge(s.messageReference(), 1, Integer::sum);
        }
        return firsts.values().stream().filter(c -> c > 1).count();
    }
}
