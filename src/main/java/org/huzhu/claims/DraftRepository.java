package org.huzhu.claims;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.huzhu.benefits.BenefitRequest.Expenses;
import org.huzhu.benefits.BenefitRequest.HospitalStay;
import org.huzhu.claims.ClaimRepository.ReceiptRow;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes of a draft the worker changes before submitting it: its facts and estimate rewritten, its receipts
 * replaced (each held by one claim only: the receipt table's primary key), and its receipts freed when it is
 * withdrawn.
 */
@Component
class DraftRepository {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    DraftRepository(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * The draft's facts and estimate rewritten if it is still the draft read at {@code version}; false when it changed
     * meanwhile or is no longer a draft. Expenses written here were confirmed by a person, so they count as typed.
     */
    boolean rewrite(long id, int version, Claim.Facts f, BigDecimal computedTotal, List<ClaimRepository.Hint> hints) {
        HospitalStay stay = f.hospitalStay();
        Expenses e = f.expenses();
        List<Object> params = new ArrayList<>(Arrays.asList(f.kind().name(), f.incidentDate(),
                cipher.encrypt(ClaimRepository.JSON.writeValueAsString(f.diagnoses())), f.death(), typed(Types.INTEGER, f.disabilityGrade()),
                typed(Types.DATE, stay == null ? null : stay.admission()), typed(Types.DATE, stay == null ? null : stay.discharge()),
                typed(Types.NUMERIC, e == null ? null : e.total().amount()), typed(Types.NUMERIC, e == null ? null : e.fundPaid().amount()),
                typed(Types.NUMERIC, e == null ? null : e.selfPaid().amount()),
                typed(Types.NUMERIC, e == null ? null : e.selfFunded().amount()), typed(Types.VARCHAR, e == null ? null : "TYPED"),
                typed(Types.VARCHAR, f.claimedItems() == null ? null : "{" + String.join(",", f.claimedItems()) + "}"),
                typed(Types.NUMERIC, computedTotal), ClaimRepository.JSON.writeValueAsString(hints), id, version));
        return jdbc.sql("""
                update claims.claim set kind = ?, incident_date = ?, diagnoses_cipher = ?, death = ?, disability_grade = ?,
                    admission = ?, discharge = ?, expenses_total = ?, expenses_fund_paid = ?, expenses_self_paid = ?,
                    expenses_self_funded = ?, expenses_source = ?, claimed_items = ?::text[], computed_total = ?, hints = ?::jsonb,
                    version = version + 1
                where id = ? and version = ? and status = 'DRAFT'""").params(params).update() == 1;
    }

    /**
     * Replaces the draft's receipts; the position of the first receipt another claim holds, else -1 (the caller
     * refuses and rolls back).
     */
    int replaceReceipts(long claimId, List<ReceiptRow> receipts) {
        freeReceipts(claimId);
        for (int i = 0; i < receipts.size(); i++) {
            ReceiptRow r = receipts.get(i);
            int added = jdbc.sql("""
                    insert into claims.receipt (invoice_code, invoice_number, claim_id, position, electronic, amount)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(r.invoiceCode(), r.invoiceNumber(), claimId, i, r.electronic(), r.amount().amount()).update();
            if (added == 0) return i;
        }
        return -1;
    }

    /** The claim holds no receipt any more: their numbers may back another claim. */
    void freeReceipts(long claimId) {
        jdbc.sql("delete from claims.receipt where claim_id = ?").param(claimId).update();
    }

    /** Drafts whose last step is older than {@code before}: left untouched, they lapse. */
    List<Long> idleDrafts(java.time.Instant before, int limit) {
        return jdbc.sql("""
                select c.id from claims.claim c
                 where c.status = 'DRAFT'
                   and (select max(e.at) from claims.claim_event e where e.claim_id = c.id) < ?
                 order by c.id limit ?""").params(Timestamp.from(before), limit).query(Long.class).list();
    }

    /** Removes one of a draft's documents (and what was read from it); false when the claim holds no such document. */
    boolean removeDocument(long claimId, long documentId) {
        jdbc.sql("""
                delete from claims.receipt r using claims.document_reading d
                 where d.document_id = ? and d.claim_id = ? and r.claim_id = d.claim_id
                   and r.invoice_code = d.invoice_code and r.invoice_number = d.invoice_number""").params(documentId, claimId).update();
        jdbc.sql("delete from claims.document_reading where document_id = ? and claim_id = ?").params(documentId, claimId).update();
        return jdbc.sql("delete from claims.document where id = ? and claim_id = ?").params(documentId, claimId).update() == 1;
    }

    void appendEvent(long claimId, Claim.Event e) {
        jdbc.sql("insert into claims.claim_event (claim_id, at, actor, from_status, to_status, reason) values (?, ?, ?, ?, ?, ?)")
                .params(claimId, Timestamp.from(e.at()), e.actor(), e.from() == null ? null : e.from().name(), e.to().name(), e.reason())
                .update();
    }

    private static SqlParameterValue typed(int sqlType, Object value) {
        return new SqlParameterValue(sqlType, value);
    }
}
