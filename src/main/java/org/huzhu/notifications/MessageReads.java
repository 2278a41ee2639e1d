package org.huzhu.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reading messages back: a person's inbox, a member's history, and counts per day and office. */
@Repository
class MessageReads {

    private final JdbcClient jdbc;

    MessageReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One message as staff and its recipient see it: the number masked, a secret masked. */
    record Message(long id, String channel, String templateCode, int templateVersion, String title, String body, Purpose purpose,
                   MessageStatus status, String phoneMasked, int segments, int attempts, Long campaignId, Instant createdAt,
                   Instant sentAt, Instant doneAt, Instant readAt, String failureReason) {
    }

    private static final String COLUMNS = """
            id, channel, template_code, template_version, title, body, purpose, status, phone_masked, segments, attempts,
            campaign_id, created_at, sent_at, done_at, read_at, failure_reason""";

    /** An inbox: the member's, or (memberId null) the account's. */
    List<Message> inbox(Long memberId, Long accountId, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from notifications.message where channel = 'INBOX' and "
                        + owner(memberId) + " order by id desc limit :limit offset :offset")
                .param("owner", memberId != null ? memberId : accountId).param("limit", limit).param("offset", offset)
                .query(MessageReads::message).list();
    }

    long unread(Long memberId, Long accountId) {
        return jdbc.sql("select count(*) from notifications.message where channel = 'INBOX' and read_at is null and " + owner(memberId))
                .param("owner", memberId != null ? memberId : accountId).query(Long.class).single();
    }

    /** Marks read; false when the message is not in that inbox. */
    boolean markRead(long id, Long memberId, Long accountId, Instant now) {
        return jdbc.sql("update notifications.message set read_at = coalesce(read_at, :now) where id = :id and channel = 'INBOX' and "
                        + owner(memberId))
                .param("now", Timestamp.from(now)).param("id", id).param("owner", memberId != null ? memberId : accountId).update() == 1;
    }

    int markAllRead(Long memberId, Long accountId, Instant now) {
        return jdbc.sql("update notifications.message set read_at = :now where channel = 'INBOX' and read_at is null and " + owner(memberId))
                .param("now", Timestamp.from(now)).param("owner", memberId != null ? memberId : accountId).update();
    }

    private static String owner(Long memberId) {
        return memberId != null ? "member_id = :owner" : "account_id = :owner and member_id is null";
    }

    /**
     * Every message to a member (both channels, texts to numbers they had included), newest first; a text
     * a dispatcher holds under a lease reads SENDING, with the attempts counted in the queue.
     */
    List<Message> ofMember(long memberId, int limit, int offset) {
        return jdbc.sql("""
                select m.id, m.channel, m.template_code, m.template_version, m.title, m.body, m.purpose,
                       case when m.status = 'QUEUED' and q.lease_until is not null then 'SENDING' else m.status end as status,
                       m.phone_masked, m.segments, greatest(m.attempts, coalesce(q.attempts, 0)) as attempts, m.campaign_id,
                       m.created_at, m.sent_at, m.done_at, m.read_at, m.failure_reason
                  from notifications.message m left join notifications.sms_queue q on q.message_id = m.id
                 where m.member_id = :member order by m.id desc limit :limit offset :offset""")
                .param("member", memberId).param("limit", limit).param("offset", offset).query(MessageReads::message).list();
    }

    /** Counts of one day, one office (the part of the tree just below the reader's) and one channel. */
    record DayCount(String day, String office, String channel, long messages, long segments, long queued, long sent, long delivered,
                    long failed, long expired) {
    }

    List<DayCount> perDay(String scopePath, Instant from, Instant until, String zone) {
        return jdbc.sql("""
                select to_char(created_at at time zone :zone, 'YYYY-MM-DD') as day,
                       coalesce(substring(scope_path from length(:scope) + 1 for position('/' in substring(scope_path from length(:scope) + 1))), '') as office,
                       channel, count(*) messages, sum(segments) segments,
                       count(*) filter (where status in ('QUEUED', 'SENDING')) queued,
                       count(*) filter (where status = 'SENT') sent, count(*) filter (where status = 'DELIVERED') delivered,
                       count(*) filter (where status = 'FAILED') failed, count(*) filter (where status = 'EXPIRED') expired
                  from notifications.message
                 where scope_path like :pattern and created_at >= :from and created_at < :until
                 group by 1, 2, 3 order by 1 desc, 2, 3""")
                .param("zone", zone).param("scope", scopePath).param("pattern", like(scopePath))
                .param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .query((rs, n) -> new DayCount(rs.getString("day"), rs.getString("office"), rs.getString("channel"), rs.getLong("messages"),
                        rs.getLong("segments"), rs.getLong("queued"), rs.getLong("sent"), rs.getLong("delivered"), rs.getLong("failed"),
                        rs.getLong("expired")))
                .list();
    }

    static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Message message(ResultSet rs, int n) throws SQLException {
        return new Message(rs.getLong("id"), rs.getString("channel"), rs.getString("template_code"), rs.getInt("template_version"),
                rs.getString("title"), rs.getString("body"), Purpose.valueOf(rs.getString("purpose")),
                MessageStatus.valueOf(rs.getString("status")), rs.getString("phone_masked"), rs.getInt("segments"), rs.getInt("attempts"),
                (Long) rs.getObject("campaign_id"), instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "done_at"),
                instant(rs, "read_at"), rs.getString("failure_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
