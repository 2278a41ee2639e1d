package org.huzhu.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.huzhu.benefits.BenefitRequest.Expenses;
import org.huzhu.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The claims.document_reading table, and the few claim columns a reading fills in. */
@Repository
class DocumentReadingRepository {

    private final JdbcClient jdbc;

    DocumentReadingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // "(select … from claims.document_reading …) is null" rather than "not exists": a scalar subquery is
    // looked up per document through the primary key, where an anti-join may be planned as a scan of all
    // readings (a generic plan made while the table was small stays in use as it grows).

    /** A document waiting to be read: attached, of a kind recognition reads, with no reading yet. */
    record Unread(long claimId, long documentId, String fileName) {
    }

    /** An unread document with its stored (encrypted) content. */
    record UnreadContent(long claimId, long documentId, String fileName, byte[] contentCipher) {
    }

    /** Those of these documents that are still unread, with their content, in one round trip. */
    List<UnreadContent> unread(List<Long> documentIds) {
        return jdbc.sql("""
                select d.claim_id, d.id, d.file_name, d.content_cipher from claims.document d
                 where d.id = any (?) and (select true from claims.document_reading r where r.document_id = d.id) is null
                 order by d.id""")
                .param(documentIds.toArray(Long[]::new))
                .query((rs, n) -> new UnreadContent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4))).list();
    }

    /** Unread documents attached more than {@code minutes} ago: left behind by a restart or a full queue. */
    List<Unread> leftBehind(List<String> kinds, int minutes, int limit) {
        return jdbc.sql("""
                select d.claim_id, d.id, d.file_name from claims.document d
                 where d.kind = any (?) and d.uploaded_at < now() - make_interval(mins => ?)
                   and not exists (select 1 from claims.document_reading r where r.document_id = d.id)
                 order by d.id limit ?""")
                .params(kinds.toArray(String[]::new), minutes, limit)
                .query((rs, n) -> new Unread(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
    }

    /** Whether any of these documents was handed in as one of these kinds. */
    boolean anyOfKinds(List<Long> documentIds, List<String> kinds) {
        return jdbc.sql("select exists (select 1 from claims.document where id = any (?) and kind = any (?))")
                .params(documentIds.toArray(Long[]::new), kinds.toArray(String[]::new)).query(Boolean.class).single();
    }

    /** The material kind a document was handed in as. */
    String kindOf(long documentId) {
        return jdbc.sql("select kind from claims.document where id = ?").param(documentId).query(String.class).single();
    }

    /** Whether the claim has documents of these kinds still to be read. */
    boolean anyUnread(long claimId, List<String> kinds) {
        return jdbc.sql("""
                select exists (select 1 from claims.document d
                                where d.claim_id = ? and d.kind = any (?)
                                  and (select true from claims.document_reading r where r.document_id = d.id) is null)""")
                .params(claimId, kinds.toArray(String[]::new)).query(Boolean.class).single();
    }

    record Stored(long documentId, String outcome, String documentType, String source, byte[] resultCipher,
                  Long usedByClaimId, String message) {
    }

    /** Records a reading once; false when the document had been read already (a second worker lost the race). */
    boolean insert(long claimId, long documentId, String outcome, String documentType, String source, byte[] resultCipher,
                   String invoiceCode, String invoiceNumber, Long usedByClaimId, String message) {
        return jdbc.sql("""
                insert into claims.document_reading (document_id, claim_id, outcome, document_type, source, result_cipher,
                                                     invoice_code, invoice_number, used_by_claim_id, message)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (document_id) do nothing""")
                .params(documentId, claimId, outcome, documentType, source, resultCipher, invoiceCode, invoiceNumber,
                        usedByClaimId, message)
                .update() == 1;
    }

    /** Replaces what was read from a document (its suggestion decided); false when there is no such reading. */
    boolean replaceResult(long claimId, long documentId, byte[] resultCipher) {
        return jdbc.sql("update claims.document_reading set result_cipher = ? where claim_id = ? and document_id = ? and outcome = 'READ'")
                .params(resultCipher, claimId, documentId).update() == 1;
    }

    List<Stored> ofClaim(long claimId) {
        return jdbc.sql("""
                select document_id, outcome, document_type, source, result_cipher, used_by_claim_id, message
                  from claims.document_reading where claim_id = ? order by document_id""")
                .param(claimId)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5),
                        (Long) rs.getObject(6), rs.getString(7)))
                .list();
    }

    /** Records several documents that could not be read, in one statement; answers how many were new (not read before). */
    int insertUnreadable(long claimId, List<Long> documentIds, List<String> messages) {
        return jdbc.sql("""
                insert into claims.document_reading (document_id, claim_id, outcome, message)
                select x.document_id, ?, 'UNREADABLE', x.message from unnest(?::bigint[], ?::text[]) as x (document_id, message)
                on conflict (document_id) do nothing""")
                .params(claimId, documentIds.toArray(Long[]::new), messages.toArray(String[]::new)).update();
    }

    /**
     * Locks the claim as {@link #lockClaim} does and records documents that could not be read, in one
     * statement (the lock is taken first); answers the claim's status and how many readings were new,
     * or empty when there is no such claim.
     */
    record Recorded(ClaimStatus status, int inserted) {
    }

    Optional<Recorded> lockClaimAndRecordUnreadable(long claimId, List<Long> documentIds, List<String> messages) {
        return jdbc.sql("""
                with c as (select status from claims.claim where id = ? for update),
                i as (insert into claims.document_reading (document_id, claim_id, outcome, message)
                      select x.document_id, ?, 'UNREADABLE', x.message from unnest(?::bigint[], ?::text[]) as x (document_id, message)
                       where exists (select 1 from c)
                      on conflict (document_id) do nothing returning 1)
                select c.status, (select count(*) from i) from c""")
                .params(claimId, claimId, documentIds.toArray(Long[]::new), messages.toArray(String[]::new))
                .query((rs, n) -> new Recorded(ClaimStatus.valueOf(rs.getString(1)), rs.getInt(2))).optional();
    }

    /** The other claim that already holds this receipt, typed in or read from one of its documents. */
    Optional<Long> otherClaimWithReceipt(long claimId, String invoiceCode, String invoiceNumber) {
        return jdbc.sql("""
                select claim_id from claims.receipt where invoice_code = ? and invoice_number = ? and claim_id <> ?
                union all
                select x.claim_id from claims.document_reading x join claims.claim c on c.id = x.claim_id
                 where x.invoice_code = ? and x.invoice_number = ? and x.claim_id <> ? and c.status <> 'WITHDRAWN'
                limit 1""")
                .params(invoiceCode, invoiceNumber, claimId, invoiceCode, invoiceNumber, claimId)
                .query(Long.class).optional();
    }

    /** What a reading needs to know of its claim, read under a row lock so that two readings of one claim queue up. */
    record ClaimState(ClaimStatus status, boolean expensesTyped, boolean hospitalStayKnown, int nextReceiptPosition) {
    }

    Optional<ClaimState> lockClaim(long claimId) {
        return jdbc.sql("""
                select status, expenses_total is not null and coalesce(expenses_source, 'TYPED') = 'TYPED', admission is not null,
                       (select coalesce(max(position) + 1, 0) from claims.receipt r where r.claim_id = c.id)
                  from claims.claim c where id = ? for update""")
                .param(claimId)
                .query((rs, n) -> new ClaimState(ClaimStatus.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getInt(4)))
                .optional();
    }

    boolean holdsReceipt(long claimId, String invoiceCode, String invoiceNumber) {
        return jdbc.sql("select exists (select 1 from claims.receipt where claim_id = ? and invoice_code = ? and invoice_number = ?)")
                .params(claimId, invoiceCode, invoiceNumber).query(Boolean.class).single();
    }

    /** Adds a receipt read from a document; false when another claim took it first (its primary key). */
    boolean addReceipt(long claimId, int position, String invoiceCode, String invoiceNumber, boolean electronic, BigDecimal amount) {
        return jdbc.sql("""
                insert into claims.receipt (invoice_code, invoice_number, claim_id, position, electronic, amount)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(invoiceCode, invoiceNumber, claimId, position, electronic, amount).update() == 1;
    }

    void fillExpenses(long claimId, Expenses e) {
        jdbc.sql("""
                update claims.claim set expenses_total = ?, expenses_fund_paid = ?, expenses_self_paid = ?,
                       expenses_self_funded = ?, expenses_source = 'RECOGNISED'
                 where id = ? and coalesce(expenses_source, case when expenses_total is null then 'RECOGNISED' else 'TYPED' end) = 'RECOGNISED'""")
                .params(amount(e.total()), amount(e.fundPaid()), amount(e.selfPaid()), amount(e.selfFunded()), claimId).update();
    }

    void fillHospitalStay(long claimId, LocalDate admission, LocalDate discharge) {
        jdbc.sql("update claims.claim set admission = ?, discharge = ? where id = ? and admission is null")
                .params(admission, discharge, claimId).update();
    }

    private static BigDecimal amount(Money m) {
        return m == null ? null : m.amount();
    }
}
