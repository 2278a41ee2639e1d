package org.huzhu.payouts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.huzhu.shared.Money;
import org.huzhu.shared.database.Pipeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Payouts, batches and their steps in PostgreSQL; moves of many payouts are one statement each, guarded by their state. */
@Component
class PayoutRepository {

    static final String PAYOUT_COLUMNS = """
            id, reference, source, payee_name, bank_name, account_cipher, account_masked, amount, org_path, city_org_id, status,
            reason_code, reason, batch_id, reissue_of, reissued_by, requested_at, settled_on, held, hold_reason, hold_released_by,
            hold_released_at""";
    private static final String BATCH_COLUMNS = """
            id, message_id, city_org_id, city_name, org_path, payout_count, total, prepared_by, prepared_at, status, released_by,
            released_at, sent_at, completed_at""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PayoutRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A payout row; {@code accountCipher} decrypts to the account number (never log it). */
    record Row(long id, String reference, String source, String payeeName, String bankName, byte[] accountCipher,
               String accountMasked, Money amount, String orgPath, long cityOrgId, PayoutStatus status, String reasonCode,
               String reason, Long batchId, String reissueOf, String reissuedBy, Instant requestedAt, LocalDate settledOn,
               Hold hold) {
    }

    /** Whether a payout was held for a recently changed account, why, and who released it when. */
    record Hold(boolean held, String reason, String releasedBy, Instant releasedAt) {
        boolean holding() {
            return held && releasedAt == null;
        }
    }

    // ---- payouts ----------------------------------------------------------------------------

    /**
     * Inserts a REQUESTED payout with its first step, in one statement of the pipeline, and answers the row as
     * written (no read-back); empty when the reference exists already or the source has a live payout (nothing
     * written then).
     */
    Supplier<Optional<Row>> insert(PayoutOrder order, byte[] accountCipher, String masked, long cityOrgId, String reissueOf, String actor,
                                   String reason, String holdReason, Pipeline pipeline) {
        return pipeline.add("""
                with p as (
                    insert into payouts.payout (reference, source, live_source, payee_name, bank_name, account_cipher, account_masked,
                        amount, org_path, city_org_id, status, reissue_of, held, hold_reason)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?)
                    on conflict do nothing returning\s""" + PAYOUT_COLUMNS + """
                ),
                e as (
                    insert into payouts.payout_event (payout_id, actor, to_status, reason) select p.id, ?, 'REQUESTED', ? from p)
                select * from p""",
                Arrays.asList(order.reference(), order.source(), order.source(), order.payeeName(), order.bankName(), accountCipher, masked,
                        order.amount().amount(), order.orgPath(), cityOrgId, new SqlParameterValue(Types.VARCHAR, reissueOf), holdReason != null,
                        new SqlParameterValue(Types.VARCHAR, holdReason), actor, reason),
                rs -> rs.next() ? Optional.of(row(rs, 1)) : Optional.empty());
    }

    /** Sends a pipeline of this module's own statements. */
    void send(Pipeline pipeline) {
        pipeline.send(template);
    }

    Optional<Row> find(String reference, boolean lock) {
        return jdbc.sql("select " + PAYOUT_COLUMNS + " from payouts.payout where reference = ?" + (lock ? " for update" : ""))
                .param(reference).query(PayoutRepository::row).optional();
    }

    /** The live payouts of these sources (at most one each), unlocked. */
    List<Row> liveOf(java.util.Collection<String> sources) {
        return jdbc.sql("select " + PAYOUT_COLUMNS + " from payouts.payout where live_source = any(?) order by id")
                .param(sources.toArray(String[]::new)).query(PayoutRepository::row).list();
    }

    /** A payout not yet sent, paid to another payee: its hold starts again from {@code holdReason} (none when null). */
    void redirect(long id, String payeeName, String bankName, byte[] accountCipher, String masked, String holdReason) {
        jdbc.sql("""
                update payouts.payout set payee_name = ?, bank_name = ?, account_cipher = ?, account_masked = ?, held = ?, hold_reason = ?,
                       hold_released_by = null, hold_released_at = null
                 where id = ? and status in ('REQUESTED', 'BATCHED')""")
                .params(payeeName, bankName, accountCipher, masked, holdReason != null, holdReason, id).update();
    }

    List<Row> ofSource(String source) {
        return jdbc.sql("select " + PAYOUT_COLUMNS + " from payouts.payout where source = ? order by id").param(source)
                .query(PayoutRepository::row).list();
    }

    List<Row> ofBatch(long batchId) {
        return jdbc.sql("select " + PAYOUT_COLUMNS + " from payouts.payout where batch_id = ? order by id").param(batchId)
                .query(PayoutRepository::row).list();
    }

    List<Row> list(String scopePattern, PayoutStatus status, String reference, int limit, int offset) {
        return jdbc.sql("select " + PAYOUT_COLUMNS + " " + """
                from payouts.payout where org_path like ? and (?::text is null or status = ?) and (?::text is null or reference = ?)
                order by id desc limit ? offset ?""")
                .params(scopePattern, status == null ? null : status.name(), status == null ? null : status.name(), reference, reference,
                        limit, offset)
                .query(PayoutRepository::row).list();
    }

    /** A requested payout waiting for a batch: its id, city and amount. */
    record Waiting(long id, long cityOrgId, BigDecimal amount) {
    }

    List<Waiting> requested(String scopePattern) {
        return jdbc.sql("""
                select id, city_org_id, amount from payouts.payout where batch_id is null and status = 'REQUESTED' and org_path like ?
                order by city_org_id, id""")
                .param(scopePattern).query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3))).list();
    }

    int markBatched(long[] ids, long batchId) {
        return jdbc.sql("update payouts.payout set status = 'BATCHED', batch_id = ? where id = any(?) and status = any(?)")
                .params(batchId, ids, PayoutStatus.from(PayoutStatus.BATCHED)).update();
    }

    /** Takes the batch's payouts still held out of it, back to REQUESTED; answers them. */
    List<Moved> unbatchHeld(long batchId) {
        return jdbc.sql("""
                update payouts.payout set status = 'REQUESTED', batch_id = null
                 where batch_id = ? and status = 'BATCHED' and held and hold_released_at is null
                returning id, reference, source, amount, null, null, account_masked""")
                .param(batchId).query(PayoutRepository::moved).list();
    }

    int heldIn(long batchId) {
        return jdbc.sql("select count(*) from payouts.payout where batch_id = ? and held and hold_released_at is null")
                .param(batchId).query(Integer.class).single();
    }

    /** A batch without the payouts taken out of it. */
    void shrinkBatch(long batchId, int count, BigDecimal amount) {
        jdbc.sql("update payouts.batch set payout_count = payout_count - ?, total = total - ? where id = ?")
                .params(count, amount, batchId).update();
    }

    boolean releaseHold(long id, String by) {
        return jdbc.sql("update payouts.payout set hold_released_by = ?, hold_released_at = now() where id = ? and held and hold_released_at is null")
                .params(by, id).update() == 1;
    }

    /** A payout moved by a bulk step, with the bank's reason if any: what its event says to the source. */
    record Moved(long id, String reference, String source, Money amount, String code, String reason, String maskedAccount) {
    }

    private static Moved moved(ResultSet rs, int n) throws SQLException {
        return new Moved(rs.getLong(1), rs.getString(2), rs.getString(3), new Money(rs.getBigDecimal(4)), rs.getString(5), rs.getString(6),
                rs.getString(7));
    }

    List<Moved> markSent(long batchId, String journalKey) {
        return jdbc.sql("""
                update payouts.payout set status = 'SENT', sent_journal_key = ? where batch_id = ? and status = any(?)
                returning id, reference, source, amount, null, null, account_masked""")
                .params(journalKey, batchId, PayoutStatus.from(PayoutStatus.SENT)).query(PayoutRepository::moved).list();
    }

    /** Where each of {@code references} that is ours stands now (one index lookup each, one statement). */
    java.util.Map<String, PayoutStatus> statuses(String[] references) {
        java.util.Map<String, PayoutStatus> out = new java.util.HashMap<>(references.length * 2);
        jdbc.sql("select reference, status from payouts.payout where reference = any(?)").param(references)
                .query(rs -> {
                    out.put(rs.getString(1), PayoutStatus.valueOf(rs.getString(2)));
                });
        return out;
    }

    /** Settles those of {@code references} that may be settled; the others stay as they are. */
    List<Moved> settle(String[] references, LocalDate settledOn, String journalKey) {
        return jdbc.sql("""
                update payouts.payout set status = 'SETTLED', settled_on = ?, settled_journal_key = ?
                where reference = any(?) and status = any(?) returning id, reference, source, amount, null, null, account_masked""")
                .params(settledOn, journalKey, references, PayoutStatus.from(PayoutStatus.SETTLED)).query(PayoutRepository::moved).list();
    }

    /** Fails (to = FAILED) or bounces (to = BOUNCED) those of {@code references} that may move so, each with its reason. */
    List<Moved> fail(PayoutStatus to, String[] references, String[] codes, String[] reasons, String journalKey) {
        String keyColumn = to == PayoutStatus.FAILED ? "failed_journal_key" : "bounced_journal_key";
        return jdbc.sql("update payouts.payout p set status = ?, live_source = null, reason_code = x.code, reason = x.reason, "
                + keyColumn + " = ? " + """
                from unnest(?::text[], ?::text[], ?::text[]) as x(reference, code, reason)
                where p.reference = x.reference and p.status = any(?) returning p.id, p.reference, p.source, p.amount, x.code, x.reason, p.account_masked""")
                .params(to.name(), journalKey, references, codes, reasons, PayoutStatus.from(to)).query(PayoutRepository::moved).list();
    }

    boolean markReissued(long id, String newReference) {
        return jdbc.sql("update payouts.payout set status = 'REISSUED', reissued_by = ? where id = ? and status = any(?)")
                .params(newReference, id, PayoutStatus.from(PayoutStatus.REISSUED)).update() == 1;
    }

    void events(long[] ids, String actor, PayoutStatus from, PayoutStatus to, String[] codes, String[] reasons, String bankMessageId) {
        jdbc.sql("""
                insert into payouts.payout_event (payout_id, actor, from_status, to_status, reason_code, reason, bank_message_id)
                select x.id, ?, ?, ?, x.code, x.reason, ? from unnest(?::bigint[], ?::text[], ?::text[]) as x(id, code, reason)""")
                .params(actor, from == null ? null : from.name(), to.name(), bankMessageId, ids, codes, reasons).update();
    }

    void event(long id, String actor, PayoutStatus from, PayoutStatus to, String reason) {
        events(new long[] {id}, actor, from, to, new String[] {null}, new String[] {reason}, null);
    }

    /** One step shared by the payouts a bank message's chunk moved, named by the journal that booked them. */
    void moveEvent(String journalKey, String actor, PayoutStatus from, PayoutStatus to, String bankMessageId, int payouts) {
        jdbc.sql("""
                insert into payouts.move_event (journal_key, actor, from_status, to_status, bank_message_id, payout_count)
                values (?, ?, ?, ?, ?, ?) on conflict (journal_key) do nothing""")
                .params(journalKey, actor, from.name(), to.name(), bankMessageId, payouts).update();
    }

    List<PayoutView.Step> steps(long payoutId, Long batchId) {
        return jdbc.sql("""
                select at, actor, from_status, to_status, reason_code, reason from (
                    select id, at, actor, from_status, to_status, reason_code, reason, 0 as kind from payouts.payout_event where payout_id = ?
                    union all
                    select id, at, actor, from_status, 'BATCH_' || to_status, null, detail, 1 from payouts.batch_event where batch_id = ?
                    union all
                    select e.id, e.at, e.actor, e.from_status, e.to_status,
                           case when e.to_status in ('FAILED', 'BOUNCED') then p.reason_code end,
                           case when e.to_status in ('FAILED', 'BOUNCED') then p.reason end, 2
                    from payouts.payout p join payouts.move_event e
                      on e.journal_key in (p.settled_journal_key, p.failed_journal_key, p.bounced_journal_key)
                    where p.id = ?
                ) s order by at, kind, id""")
                .params(payoutId, batchId, payoutId)
                .query((rs, n) -> step(rs)).list();
    }

    // ---- batches ------------------------------------------------------------------------------

    long nextBatchId() {
        return jdbc.sql("select nextval(pg_get_serial_sequence('payouts.batch', 'id'))").query(Long.class).single();
    }

    void insertBatch(long id, String messageId, long cityOrgId, String cityName, String orgPath, int count, BigDecimal total,
                     String preparedBy) {
        jdbc.sql("""
                insert into payouts.batch (id, message_id, city_org_id, city_name, org_path, status, payout_count, total, prepared_by)
                values (?, ?, ?, ?, ?, 'PREPARED', ?, ?, ?)""")
                .params(id, messageId, cityOrgId, cityName, orgPath, count, total, preparedBy).update();
    }

    Optional<PayoutBatch> batch(long id, boolean lock) {
        return jdbc.sql("select " + BATCH_COLUMNS + " from payouts.batch where id = ?" + (lock ? " for update" : "")).param(id)
                .query(PayoutRepository::batch).optional();
    }

    List<PayoutBatch> batches(String scopePattern, BatchStatus status, int limit, int offset) {
        return jdbc.sql("select " + BATCH_COLUMNS + " " + """
                from payouts.batch where org_path like ? and (?::text is null or status = ?) order by id desc limit ? offset ?""")
                .params(scopePattern, status == null ? null : status.name(), status == null ? null : status.name(), limit, offset)
                .query(PayoutRepository::batch).list();
    }

    /** Writes back a batch's state and times; only from the state it was read in. */
    boolean update(PayoutBatch b, BatchStatus readIn) {
        return jdbc.sql("""
                update payouts.batch set status = ?, released_by = ?, released_at = ?, sent_at = ?, completed_at = ?
                where id = ? and status = ?""")
                .params(b.status().name(), b.releasedBy(), ts(b.releasedAt()), ts(b.sentAt()), ts(b.completedAt()), b.id, readIn.name())
                .update() == 1;
    }

    /** The batch's kept payment file, encrypted (it names every payee's account). */
    Optional<byte[]> file(long batchId) {
        return jdbc.sql("select file_cipher from payouts.batch where id = ?").param(batchId).query(byte[].class).optional()
                .filter(f -> f != null);
    }

    void storeFile(long batchId, byte[] fileCipher) {
        jdbc.sql("update payouts.batch set file_cipher = ? where id = ? and file_cipher is null").params(fileCipher, batchId).update();
    }

    void recordSent(long batchId, String bankAnswer, String journalKey) {
        jdbc.sql("update payouts.batch set bank_answer = ?, sent_journal_key = ? where id = ?").params(bankAnswer, journalKey, batchId).update();
    }

    void batchEvent(long batchId, String actor, BatchStatus from, BatchStatus to, String detail) {
        jdbc.sql("insert into payouts.batch_event (batch_id, actor, from_status, to_status, detail) values (?, ?, ?, ?, ?)")
                .params(batchId, actor, from == null ? null : from.name(), to.name(), detail).update();
    }

    List<PayoutView.Step> batchSteps(long batchId) {
        return jdbc.sql("""
                select at, actor, 'BATCH_' || from_status, 'BATCH_' || to_status, null, detail from payouts.batch_event
                where batch_id = ? order by id""")
                .param(batchId).query((rs, n) -> step(rs)).list();
    }

    List<Long> releasedNotSent() {
        return jdbc.sql("select id from payouts.batch where status = 'RELEASED' order by id").query(Long.class).list();
    }

    /** Sent batches none of whose payouts still waits for the bank. */
    List<Long> completable() {
        return jdbc.sql("""
                select b.id from payouts.batch b where b.status = 'SENT'
                and not exists (select 1 from payouts.payout p where p.batch_id = b.id and p.status in ('BATCHED', 'SENT'))
                order by b.id""").query(Long.class).list();
    }

    java.util.Map<PayoutStatus, Integer> countsByStatus(long batchId) {
        java.util.Map<PayoutStatus, Integer> counts = new java.util.EnumMap<>(PayoutStatus.class);
        jdbc.sql("select status, count(*) from payouts.payout where batch_id = ? group by status").param(batchId)
                .query(rs -> {
                    counts.put(PayoutStatus.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    // ---- applied bank messages -------------------------------------------------------------------

    long lastAppliedMessage() {
        return jdbc.sql("select coalesce(max(message_number), 0) from payouts.applied_message where applied_at is not null")
                .query(Long.class).single();
    }

    int chunksDone(long number, String messageId) {
        jdbc.sql("insert into payouts.applied_message (message_number, message_id) values (?, ?) on conflict do nothing")
                .params(number, messageId).update();
        return jdbc.sql("select chunks_done from payouts.applied_message where message_number = ?").param(number)
                .query(Integer.class).single();
    }

    void chunkDone(long number, int chunks) {
        jdbc.sql("update payouts.applied_message set chunks_done = ? where message_number = ?").params(chunks, number).update();
    }

    void messageApplied(long number) {
        jdbc.sql("update payouts.applied_message set applied_at = now() where message_number = ?").param(number).update();
    }

    // ---- mapping ----------------------------------------------------------------------------------

    private static PayoutView.Step step(ResultSet rs) throws SQLException {
        String to = rs.getString(4);
        return new PayoutView.Step(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), to, stepName(to),
                rs.getString(5), rs.getString(6));
    }

    static String stepName(String to) {
        if (to.startsWith("BATCH_")) {
            return switch (BatchStatus.valueOf(to.substring(6))) {
                case PREPARED -> "已组批";
                case RELEASED -> "批次已复核放行";
                case SENT -> "已发送银行";
                case COMPLETED -> "批次已完成";
            };
        }
        try {
            return PayoutStatus.valueOf(to).chinese();
        } catch (IllegalArgumentException e) {
            return BatchStatus.valueOf(to).chinese();
        }
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("reference"), rs.getString("source"), rs.getString("payee_name"),
                rs.getString("bank_name"), rs.getBytes("account_cipher"), rs.getString("account_masked"),
                new Money(rs.getBigDecimal("amount")), rs.getString("org_path"), rs.getLong("city_org_id"),
                PayoutStatus.valueOf(rs.getString("status")), rs.getString("reason_code"), rs.getString("reason"),
                rs.getObject("batch_id", Long.class), rs.getString("reissue_of"), rs.getString("reissued_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getObject("settled_on", LocalDate.class),
                new Hold(rs.getBoolean("held"), rs.getString("hold_reason"), rs.getString("hold_released_by"), instant(rs, "hold_released_at")));
    }

    private static PayoutBatch batch(ResultSet rs, int n) throws SQLException {
        return new PayoutBatch(rs.getLong("id"), rs.getString("message_id"), rs.getLong("city_org_id"), rs.getString("city_name"),
                rs.getString("org_path"), rs.getInt("payout_count"), new Money(rs.getBigDecimal("total")), rs.getString("prepared_by"),
                rs.getTimestamp("prepared_at").toInstant(), BatchStatus.valueOf(rs.getString("status")), rs.getString("released_by"),
                instant(rs, "released_at"), instant(rs, "sent_at"), instant(rs, "completed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static java.sql.Timestamp ts(Instant at) {
        return at == null ? null : java.sql.Timestamp.from(at);
    }
}
