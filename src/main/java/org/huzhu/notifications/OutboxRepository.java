package org.huzhu.notifications;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.shared.database.Columns;
import org.huzhu.shared.database.CopyWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The outbox: messages are inserted in the caller's transaction (a repeated event key inserts nothing),
 * taken by the dispatcher a batch at a time ({@code for update skip locked}: two instances never take
 * the same message), and moved on by the centre's answers and receipts.
 */
@Repository
class OutboxRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    OutboxRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Inserts the rows that are new; returns how many were. One statement a thousand rows, the columns as arrays
     * (a claim's decision writes two notices: one statement, not a batch of two executions); a key repeated among
     * the rows, or already in the outbox, inserts nothing.
     */
    int insert(List<NewMessage> rows) {
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += INSERT_SLICE) {
            List<NewMessage> slice = rows.subList(from, Math.min(rows.size(), from + INSERT_SLICE));
            inserted += jdbc.sql("""
                    insert into notifications.message (dedup_key, channel, template_code, template_version, purpose, member_id, account_id,
                        scope_path, phone_cipher, phone_hash, phone_masked, title, body, secret_cipher, segments, campaign_id, status,
                        not_before, expires_at, created_at, failure_code, failure_reason, done_at)
                    select x.dedup_key, x.channel, x.template_code, x.template_version, x.purpose, x.member_id, x.account_id,
                           x.scope_path, x.phone_cipher, x.phone_hash, x.phone_masked, x.title, x.body, x.secret_cipher, x.segments,
                           x.campaign_id, x.status, x.not_before, x.expires_at, x.created_at, x.failure_code, x.failure_reason, x.done_at
                      from unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::bigint[], ?::bigint[], ?::text[],
                                         ?::bytea[], ?::bytea[], ?::text[], ?::text[], ?::text[], ?::bytea[], ?::int[], ?::bigint[], ?::text[],
                                         ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[], ?::timestamptz[])
                        with ordinality as x (dedup_key, channel, template_code, template_version, purpose, member_id, account_id,
                             scope_path, phone_cipher, phone_hash, phone_masked, title, body, secret_cipher, segments, campaign_id, status,
                             not_before, expires_at, created_at, failure_code, failure_reason, done_at, n)
                     order by x.n
                    on conflict (dedup_key) do nothing""")
                    .params(columns(slice))
                    .update();
        }
        return inserted;
    }

    private static final int INSERT_SLICE = 1000;

    /** The rows' columns, each as an array in the rows' order (times as ISO instants). */
    private static List<Object> columns(List<NewMessage> rows) {
        return List.of(
                Columns.of(rows, NewMessage::dedupKey, String[]::new),
                Columns.of(rows, m -> m.channel().name(), String[]::new),
                Columns.of(rows, m -> m.template().code(), String[]::new),
                Columns.of(rows, m -> m.template().version(), Integer[]::new),
                Columns.of(rows, m -> m.template().purpose().name(), String[]::new),
                Columns.of(rows, NewMessage::memberId, Long[]::new),
                Columns.of(rows, NewMessage::accountId, Long[]::new),
                Columns.of(rows, NewMessage::scopePath, String[]::new),
                Columns.of(rows, NewMessage::phoneCipher, byte[][]::new),
                Columns.of(rows, NewMessage::phoneHash, byte[][]::new),
                Columns.of(rows, NewMessage::phoneMasked, String[]::new),
                Columns.of(rows, NewMessage::title, String[]::new),
                Columns.of(rows, NewMessage::body, String[]::new),
                Columns.of(rows, NewMessage::secretCipher, byte[][]::new),
                Columns.of(rows, NewMessage::segments, Integer[]::new),
                Columns.of(rows, NewMessage::campaignId, Long[]::new),
                Columns.of(rows, m -> m.status().name(), String[]::new),
                Columns.of(rows, m -> m.notBefore().toString(), String[]::new),
                Columns.of(rows, m -> m.expiresAt().toString(), String[]::new),
                Columns.of(rows, m -> m.createdAt().toString(), String[]::new),
                Columns.of(rows, NewMessage::failureCode, String[]::new),
                Columns.of(rows, NewMessage::failureReason, String[]::new),
                Columns.of(rows, m -> m.status().finished() ? m.createdAt().toString() : null, String[]::new));
    }


    /**
     * Streams rows whose event keys are new by construction (a campaign's own) with COPY, many times
     * faster than inserts, on the running transaction's connection; a repeated key fails the transaction.
     */
    void copyNew(List<NewMessage> rows) {
        if (rows.isEmpty()) return;
        Connection connection = DataSourceUtils.getConnection(template.getDataSource());
        try {
            CopyWriter copy = CopyWriter.open(connection, """
                    COPY notifications.message (dedup_key, channel, template_code, template_version, purpose, member_id, account_id,
                        scope_path, phone_cipher, phone_hash, phone_masked, title, body, secret_cipher, segments, campaign_id, status,
                        not_before, expires_at, created_at, failure_code, failure_reason, done_at) FROM STDIN""");
            for (NewMessage m : rows) {
                copy.text(m.dedupKey()).text(m.channel().name()).text(m.template().code()).number(m.template().version())
                        .text(m.template().purpose().name()).number(m.memberId()).number(m.accountId()).text(m.scopePath())
                        .bytes(m.phoneCipher()).bytes(m.phoneHash()).text(m.phoneMasked()).text(m.title()).text(m.body())
                        .bytes(m.secretCipher()).number(m.segments()).number(m.campaignId()).text(m.status().name())
                        .text(m.notBefore().toString()).text(m.expiresAt().toString()).text(m.createdAt().toString())
                        .text(m.failureCode()).text(m.failureReason()).text(m.status().finished() ? m.createdAt().toString() : null);
                copy.endRow();
            }
            copy.finish();
        } catch (SQLException e) {
            throw new IllegalStateException("copying " + rows.size() + " messages into the outbox failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, template.getDataSource());
        }
    }

    /** Queued texts whose time ran out before they could be sent. */
    int expire(Instant now) {
        return jdbc.sql("""
                with gone as (delete from notifications.sms_queue where lease_until is null and expires_at < :now returning message_id)
                update notifications.message m set status = 'EXPIRED', done_at = :now, failure_code = 'EXPIRED',
                       failure_reason = '未能在有效期内发出'
                  from gone where m.id = gone.message_id and m.status = 'QUEUED'""")
                .param("now", Timestamp.from(now)).update();
    }

    /** A text taken for sending: the number and the text are read here and nowhere else. */
    record Taken(long id, byte[] phoneCipher, String body, byte[] secretCipher, int attempts) {
    }

    /**
     * Takes up to {@code limit} due texts (urgent ones only, or any purpose outside quiet hours), leases
     * them in the queue until {@code leaseUntil} and counts the attempt there, and returns them;
     * committed by the caller before any is sent. The message rows are not touched: a leased text reads
     * as SENDING.
     */
    List<Taken> take(Instant now, boolean urgentOnly, int limit, Instant leaseUntil) {
        // two statements rather than a parameter, so that each is planned on its own partial index
        String which = urgentOnly ? "and urgent" : "";
        return jdbc.sql("""
                with due as (select message_id from notifications.sms_queue
                              where lease_until is null and not_before <= :now %s
                              order by not_before, message_id limit :limit for update skip locked),
                     leased as (update notifications.sms_queue q set lease_until = :lease, attempts = q.attempts + 1 from due
                                 where q.message_id = due.message_id returning q.message_id, q.attempts)
                select m.id, m.phone_cipher, m.body, m.secret_cipher, leased.attempts
                  from leased join notifications.message m on m.id = leased.message_id""".formatted(which))
                .param("lease", Timestamp.from(leaseUntil)).param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> new Taken(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getBytes(4), rs.getInt(5))).list();
    }

    /** Accepted by the centre: SENT, with the centre's id of each segment, and out of the queue. */
    void sent(List<Long> ids, List<String> centreIds, List<Long> partMessageIds, List<Integer> parts, Instant now) {
        if (ids.isEmpty()) return;
        lockInOrder(ids);
        jdbc.sql("""
                update notifications.message m set status = 'SENT', sent_at = :now, attempts = q.attempts
                  from notifications.sms_queue q where q.message_id = m.id and m.id = any(:ids) and m.status = 'QUEUED'""")
                .param("now", Timestamp.from(now)).param("ids", longs(ids)).update();
        unqueue(ids);
        List<Long> withReceipts = jdbc.sql("""
                insert into notifications.sms_part as p (centre_id, message_id, part)
                select * from unnest(:centre::text[], :message::bigint[], :part::int[])
                on conflict (centre_id) do update set message_id = excluded.message_id, part = excluded.part
                returning p.message_id, p.receipt""")
                .param("centre", centreIds.toArray(String[]::new)).param("message", partMessageIds.toArray(Long[]::new))
                .param("part", parts.toArray(Integer[]::new))
                .query((rs, n) -> rs.getString(2) == null ? null : rs.getLong(1)).list().stream()
                .filter(java.util.Objects::nonNull).distinct().toList();
        settle(withReceipts, now);
    }

    /** Not accepted for now: the lease is given up and the text is due again at {@code next}. */
    void retryLater(long id, Instant next, String code, String reason) {
        jdbc.sql("""
                update notifications.message m set failure_code = :code, failure_reason = :reason, attempts = q.attempts
                  from notifications.sms_queue q where q.message_id = m.id and m.id = :id and m.status = 'QUEUED'""")
                .param("code", code).param("reason", reason).param("id", id).update();
        jdbc.sql("update notifications.sms_queue set lease_until = null, not_before = :next where message_id = :id")
                .param("next", Timestamp.from(next)).param("id", id).update();
    }

    void failed(long id, String code, String reason, Instant now) {
        jdbc.sql("""
                update notifications.message m set status = 'FAILED', done_at = :now, failure_code = :code, failure_reason = :reason,
                       attempts = q.attempts
                  from notifications.sms_queue q where q.message_id = m.id and m.id = :id and m.status = 'QUEUED'""")
                .param("now", Timestamp.from(now)).param("code", code).param("reason", reason).param("id", id).update();
        unqueue(List.of(id));
    }

    /**
     * Texts taken before a crash (or a lost answer) whose lease ran out without a receipt naming them:
     * the centre never had them, so they are due again.
     */
    int requeueLost(Instant now) {
        return jdbc.sql("update notifications.sms_queue set lease_until = null, not_before = :now where lease_until < :now")
                .param("now", Timestamp.from(now)).update();
    }

    private void unqueue(List<Long> ids) {
        jdbc.sql("delete from notifications.sms_queue where message_id = any(:ids)").param("ids", longs(ids)).update();
    }

    /** Stores receipts (by the centre's segment id) and settles the messages they complete. */
    void receipts(List<String> centreIds, List<Long> references, List<String> states, List<String> errors, List<Instant> doneAt,
                  Instant now) {
        java.util.Set<Long> named = new java.util.TreeSet<>();
        for (Long r : references) if (r != null) named.add(r);
        if (references.contains(null)) {   // a centre that does not echo the reference: the parts name the message
            named.addAll(jdbc.sql("select message_id from notifications.sms_part where centre_id = any(:centre) and message_id is not null")
                    .param("centre", centreIds.toArray(String[]::new)).query(Long.class).list());
        }
        lockInOrder(new ArrayList<>(named));
        List<Long> messages = jdbc.sql("""
                insert into notifications.sms_part as p (centre_id, message_id, receipt, error_code, done_at)
                select * from unnest(:centre::text[], :reference::bigint[], :state::text[], :error::text[], :done::timestamptz[])
                on conflict (centre_id) do update set receipt = excluded.receipt, error_code = excluded.error_code,
                       done_at = excluded.done_at, message_id = coalesce(p.message_id, excluded.message_id)
                returning p.message_id""")
                .param("centre", centreIds.toArray(String[]::new)).param("reference", references.toArray(Long[]::new))
                .param("state", states.toArray(String[]::new)).param("error", errors.toArray(String[]::new))
                .param("done", doneAt.stream().map(Timestamp::from).toArray(Timestamp[]::new))
                .query((rs, n) -> (Long) rs.getObject(1)).list().stream().filter(java.util.Objects::nonNull).distinct().toList();
        settle(messages, now);
    }

    /**
     * Moves messages on from their segments' receipts: failed when any segment failed, expired when
     * any expired, delivered when every segment was delivered; a receipt for a message still SENDING
     * (its answer lost in a crash) or queued again proves it reached the centre.
     */
    private void settle(List<Long> messageIds, Instant now) {
        if (messageIds.isEmpty()) return;
        lockInOrder(messageIds);
        jdbc.sql("""
                update notifications.message m
                   set status = case when a.failed > 0 then 'FAILED' when a.expired > 0 then 'EXPIRED'
                                     when a.delivered >= m.segments then 'DELIVERED' else 'SENT' end,
                       sent_at = coalesce(m.sent_at, :now), attempts = greatest(m.attempts, coalesce(q.attempts, 0)),
                       done_at = case when a.failed > 0 or a.expired > 0 or a.delivered >= m.segments then a.done end,
                       failure_code = case when a.failed > 0 or a.expired > 0 then a.error end,
                       failure_reason = case when a.failed > 0 then '无法送达（运营商错误码' || coalesce(a.error, '-') || '）'
                                             when a.expired > 0 then '运营商未能在有效期内送达' end
                  from (select message_id,
                               count(*) filter (where receipt = 'DELIVERED') delivered,
                               count(*) filter (where receipt in ('UNDELIVERABLE', 'REJECTED', 'DELETED', 'UNKNOWN')) failed,
                               count(*) filter (where receipt = 'EXPIRED') expired,
                               max(done_at) done, max(error_code) filter (where receipt <> 'DELIVERED') error
                          from notifications.sms_part where message_id = any(:ids) and receipt is not null
                         group by message_id) a
                       left join notifications.sms_queue q on q.message_id = a.message_id
                 where m.id = a.message_id and m.status in ('QUEUED', 'SENDING', 'SENT')""")
                .param("now", Timestamp.from(now)).param("ids", longs(messageIds)).update();
        // a receipt proves the centre has the text: it never goes again, whatever its lease said
        unqueue(messageIds);
    }

    /**
     * Locks the messages by ascending id before they are updated: the dispatcher recording answers and
     * the receipt writer settling the same texts then wait for each other instead of deadlocking.
     */
    private void lockInOrder(List<Long> ids) {
        jdbc.sql("select id from notifications.message where id = any(:ids) order by id for update")
                .param("ids", longs(ids)).query(Long.class).list();
    }

    private static Long[] longs(List<Long> ids) {
        return ids.toArray(Long[]::new);
    }

    static List<Long> ids(List<Taken> taken) {
        List<Long> ids = new ArrayList<>(taken.size());
        for (Taken t : taken) ids.add(t.id());
        return ids;
    }

}
