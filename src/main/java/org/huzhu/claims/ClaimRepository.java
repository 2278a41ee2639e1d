package org.huzhu.claims;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.huzhu.benefits.BenefitRequest.Expenses;
import org.huzhu.benefits.BenefitRequest.HospitalStay;
import org.huzhu.benefits.BenefitRequest.IncidentKind;
import org.huzhu.benefits.BenefitResult.ComponentAmount;
import org.huzhu.benefits.BenefitResult.Decision;
import org.huzhu.benefits.BenefitResult.Reason;
import org.huzhu.shared.Money;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Plain {@code @Component}: JdbcClient already translates SQL exceptions, so no exception-translating proxy is needed. */
@Component
class ClaimRepository {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<ComponentAmount>> COMPONENTS = new TypeReference<>() { };
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() { };
    private static final TypeReference<List<Hint>> HINTS = new TypeReference<>() { };

    private static final String COLUMNS = """
            id, member_id, unit_id, org_path, kind, incident_date, diagnoses_cipher, death, disability_grade, admission,
            discharge, expenses_total, expenses_fund_paid, expenses_self_paid, expenses_self_funded, claimed_items, status,
            review_level, first_approved_by, approved_total, submitted_on, materials_complete_on, closed_on, filed_by,
            created_at, version""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PersonalDataCipher cipher;

    ClaimRepository(JdbcClient jdbc, JdbcTemplate batch, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.cipher = cipher;
    }

    /** One item's benefit as judged (and, after review, possibly adjusted with a written reason). */
    record StoredBenefit(int position, String item, String plan, LocalDate coverageFrom, LocalDate coverageTo,
                         Decision decision, Money amount, List<ComponentAmount> components, List<Reason> reasons,
                         int allowanceDays, Money adjustedAmount, String adjustReason, String adjustedBy) {

        Money effectiveAmount() {
            return adjustedAmount != null ? adjustedAmount : amount;
        }
    }

    /** An item the member holds but did not claim, which this incident would pay. */
    record Hint(String item, String itemName, Money amount, String message, List<String> missingMaterials) {
    }

    record ReceiptRow(String invoiceCode, String invoiceNumber, boolean electronic, Money amount) {
    }

    record DocumentRow(long id, String kind, String fileName, String contentType, long size, String sha256,
                       String uploadedBy, Instant uploadedAt) {
    }

    // ---- the claim -----------------------------------------------------------------------

    record Inserted(long id, Instant createdAt) {
    }

    /** A new DRAFT claim with the estimate judged at filing (its benefits are inserted by {@link #insertBenefits}). */
    Inserted insert(Claim.Facts f, String filedBy, BigDecimal computedTotal, List<Hint> hints) {
        HospitalStay stay = f.hospitalStay();
        Expenses e = f.expenses();
        return jdbc.sql("""
                insert into claims.claim (member_id, unit_id, org_path, kind, incident_date, diagnoses_cipher, death,
                    disability_grade, admission, discharge, expenses_total, expenses_fund_paid, expenses_self_paid,
                    expenses_self_funded, claimed_items, status, filed_by, computed_total, hints)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], 'DRAFT', ?, ?, ?::jsonb) returning id, created_at""")
                .params(f.memberId(), f.unitId(), f.orgPath(), f.kind().name(), f.incidentDate(),
                        cipher.encrypt(JSON.writeValueAsString(f.diagnoses())), f.death(), f.disabilityGrade(),
                        stay == null ? null : stay.admission(), stay == null ? null : stay.discharge(),
                        e == null ? null : e.total().amount(), e == null ? null : e.fundPaid().amount(),
                        e == null ? null : e.selfPaid().amount(), e == null ? null : e.selfFunded().amount(),
                        f.claimedItems() == null ? null : "{" + String.join(",", f.claimedItems()) + "}", filedBy, computedTotal,
                        JSON.writeValueAsString(hints))
                .query((rs, n) -> new Inserted(rs.getLong(1), rs.getTimestamp(2).toInstant())).single();
    }

    /** The little of a claim that attaching a document needs: who may see it, its state, whether its materials are complete. */
    record Header(long id, long memberId, String orgPath, ClaimStatus status, LocalDate materialsCompleteOn) {
    }

    Optional<Header> header(long id) {
        return jdbc.sql("select member_id, org_path, status, materials_complete_on from claims.claim where id = ?").param(id)
                .query((rs, n) -> new Header(id, rs.getLong(1), rs.getString(2), ClaimStatus.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class)))
                .optional();
    }

    Optional<Claim> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from claims.claim where id = ?").param(id).query(this::claim).optional();
    }

    /** Writes the claim back if nobody changed it since it was read; false when someone did. */
    boolean update(Claim c) {
        int rows = jdbc.sql("""
                update claims.claim set status = ?, review_level = ?, first_approved_by = ?, approved_total = ?,
                    submitted_on = ?, materials_complete_on = ?, closed_on = ?, version = version + 1
                where id = ? and version = ?""")
                .params(c.status().name(), c.reviewLevel() == null ? null : c.reviewLevel().name(), c.firstApprovedBy(),
                        c.approvedTotal(), c.submittedOn(), c.materialsCompleteOn(), c.closedOn(), c.id, c.version)
                .update();
        return appendEventsIfUpdated(c, rows);
    }

    /** As {@link #update(Claim)}, with a new judgement's computed total and hints in the same statement. */
    boolean update(Claim c, BigDecimal computedTotal, List<Hint> hints) {
        int rows = jdbc.sql("""
                update claims.claim set status = ?, review_level = ?, first_approved_by = ?, approved_total = ?,
                    submitted_on = ?, materials_complete_on = ?, closed_on = ?, version = version + 1,
                    computed_total = ?, hints = ?::jsonb
                where id = ? and version = ?""")
                .params(c.status().name(), c.reviewLevel() == null ? null : c.reviewLevel().name(), c.firstApprovedBy(),
                        c.approvedTotal(), c.submittedOn(), c.materialsCompleteOn(), c.closedOn(), computedTotal,
                        JSON.writeValueAsString(hints), c.id, c.version)
                .update();
        return appendEventsIfUpdated(c, rows);
    }

    private boolean appendEventsIfUpdated(Claim c, int rows) {
        if (rows == 1 && !c.newEvents().isEmpty()) {
            batch.batchUpdate("insert into claims.claim_event (claim_id, at, actor, from_status, to_status, reason) values (?, ?, ?, ?, ?, ?)",
                    c.newEvents().stream().map(e -> new Object[] {c.id, Timestamp.from(e.at()), e.actor(),
                            e.from() == null ? null : e.from().name(), e.to().name(), e.reason()}).toList());
        }
        return rows == 1;
    }

    void appendEvent(long claimId, Claim.Event e) {
        jdbc.sql("insert into claims.claim_event (claim_id, at, actor, from_status, to_status, reason) values (?, ?, ?, ?, ?, ?)")
                .params(claimId, Timestamp.from(e.at()), e.actor(), e.from() == null ? null : e.from().name(), e.to().name(),
                        e.reason()).update();
    }

    List<Claim.Event> events(long claimId) {
        return jdbc.sql("select at, actor, from_status, to_status, reason from claims.claim_event where claim_id = ? order by id")
                .param(claimId)
                .query((rs, n) -> new Claim.Event(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3) == null ? null : ClaimStatus.valueOf(rs.getString(3)), ClaimStatus.valueOf(rs.getString(4)),
                        rs.getString(5)))
                .list();
    }

    record Listed(Claim claim, BigDecimal computedTotal) {
    }

    List<Listed> list(String scopePattern, Long onlyMember, ClaimStatus status, Long memberId, ReviewLevel level, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + ", computed_total from claims.claim where org_path like ?");
        List<Object> params = new java.util.ArrayList<>(List.of(scopePattern));
        if (onlyMember != null) {
            sql.append(" and member_id = ?");
            params.add(onlyMember);
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (memberId != null) {
            sql.append(" and member_id = ?");
            params.add(memberId);
        }
        if (level != null) {
            sql.append(" and review_level = ?");
            params.add(level.name());
        }
        sql.append(" order by id limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Listed(claim(rs, n), rs.getBigDecimal("computed_total"))).list();
    }

    // ---- benefits and hints ----------------------------------------------------------------

    /**
     * Serialises the money decisions of one member (submission and final approval) for the rest of
     * the transaction, so that two claims never both spend what is left of the same cap.
     */
    void lockMember(long memberId) {
        jdbc.sql("select pg_advisory_xact_lock(7412, ?)").param((int) memberId).query(rs -> { });
    }

    void saveJudgement(long claimId, List<StoredBenefit> benefits, BigDecimal computedTotal, List<Hint> hints) {
        replaceBenefits(claimId, benefits);
        jdbc.sql("update claims.claim set computed_total = ?, hints = ?::jsonb where id = ?")
                .params(computedTotal, JSON.writeValueAsString(hints), claimId).update();
    }

    void replaceBenefits(long claimId, List<StoredBenefit> benefits) {
        jdbc.sql("delete from claims.benefit where claim_id = ?").param(claimId).update();
        insertBenefits(claimId, benefits);
    }

    /** The benefits of a claim that has none yet, in one round trip. */
    void insertBenefits(long claimId, List<StoredBenefit> benefits) {
        batch.batchUpdate("""
                insert into claims.benefit (claim_id, position, item, plan, coverage_from, coverage_to, decision, amount,
                    components, reasons, allowance_days)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""",
                benefits.stream().map(b -> new Object[] {claimId, b.position(), b.item(), b.plan(), b.coverageFrom(), b.coverageTo(),
                        b.decision().name(), b.amount().amount(), JSON.writeValueAsString(b.components()),
                        JSON.writeValueAsString(b.reasons()), b.allowanceDays()}).toList());
    }

    List<StoredBenefit> benefits(long claimId) {
        return jdbc.sql("select * from claims.benefit where claim_id = ? order by position").param(claimId)
                .query(ClaimRepository::benefit).list();
    }

    void adjust(long claimId, int position, Money amount, String reason, String by) {
        jdbc.sql("update claims.benefit set adjusted_amount = ?, adjust_reason = ?, adjusted_by = ? where claim_id = ? and position = ?")
                .params(amount.amount(), reason, by, claimId, position).update();
    }

    List<Hint> hints(long claimId) {
        String json = jdbc.sql("select hints::text from claims.claim where id = ?").param(claimId).query(String.class).single();
        return JSON.readValue(json, HINTS);
    }

    /**
     * What the member's earlier claims that were approved (or are being or were paid) paid for this
     * item in the coverage period starting {@code coverageFrom}.
     */
    List<StoredBenefit> paidEarlier(long memberId, long exceptClaim) {
        return jdbc.sql("""
                select b.* from claims.benefit b join claims.claim c on c.id = b.claim_id
                where c.member_id = ? and c.id <> ? and c.status in ('APPROVED', 'PAYMENT_PENDING', 'PAID')""")
                .params(memberId, exceptClaim).query(ClaimRepository::benefit).list();
    }

    // ---- receipts --------------------------------------------------------------------------

    void insertReceipt(long claimId, int position, ReceiptRow r) {
        jdbc.sql("insert into claims.receipt (invoice_code, invoice_number, claim_id, position, electronic, amount) values (?, ?, ?, ?, ?, ?)")
                .params(r.invoiceCode(), r.invoiceNumber(), claimId, position, r.electronic(), r.amount().amount()).update();
    }

    List<ReceiptRow> receipts(long claimId) {
        return jdbc.sql("select invoice_code, invoice_number, electronic, amount from claims.receipt where claim_id = ? order by position")
                .param(claimId)
                .query((rs, n) -> new ReceiptRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), new Money(rs.getBigDecimal(4))))
                .list();
    }

    // ---- documents -------------------------------------------------------------------------

    DocumentRow insertDocument(long claimId, String kind, String fileName, String contentType, long size, String sha256,
                               byte[] contentCipher, String by) {
        return jdbc.sql("""
                insert into claims.document (claim_id, kind, file_name, content_type, size, sha256, content_cipher, uploaded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id, uploaded_at""")
                .params(claimId, kind, fileName, contentType, size, sha256, contentCipher, by)
                .query((rs, n) -> new DocumentRow(rs.getLong(1), kind, fileName, contentType, size, sha256, by,
                        rs.getTimestamp(2).toInstant()))
                .single();
    }

    List<DocumentRow> documents(long claimId) {
        return jdbc.sql("""
                select id, kind, file_name, content_type, size, sha256, uploaded_by, uploaded_at
                from claims.document where claim_id = ? order by id""").param(claimId)
                .query((rs, n) -> new DocumentRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    Set<String> documentKinds(long claimId) {
        return new TreeSet<>(jdbc.sql("select distinct kind from claims.document where claim_id = ?").param(claimId)
                .query(String.class).list());
    }

    Optional<byte[]> documentContent(long claimId, long documentId) {
        return jdbc.sql("select content_cipher from claims.document where claim_id = ? and id = ?").params(claimId, documentId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    // ---- mapping ---------------------------------------------------------------------------

    private Claim claim(ResultSet rs, int n) throws SQLException {
        LocalDate admission = rs.getObject("admission", LocalDate.class);
        BigDecimal total = rs.getBigDecimal("expenses_total");
        Expenses expenses = total == null ? null : new Expenses(new Money(total), new Money(rs.getBigDecimal("expenses_fund_paid")),
                new Money(rs.getBigDecimal("expenses_self_paid")), new Money(rs.getBigDecimal("expenses_self_funded")));
        Array items = rs.getArray("claimed_items");
        byte[] diagnoses = rs.getBytes("diagnoses_cipher");
        var facts = new Claim.Facts(rs.getLong("member_id"), rs.getObject("unit_id", Long.class), rs.getString("org_path"),
                IncidentKind.valueOf(rs.getString("kind")), rs.getObject("incident_date", LocalDate.class),
                diagnoses == null ? List.of() : JSON.readValue(cipher.decrypt(diagnoses), STRINGS), rs.getBoolean("death"),
                rs.getObject("disability_grade", Integer.class),
                admission == null ? null : new HospitalStay(admission, rs.getObject("discharge", LocalDate.class)), expenses,
                items == null ? null : Arrays.asList((String[]) items.getArray()));
        String level = rs.getString("review_level");
        return new Claim(rs.getLong("id"), facts, rs.getString("filed_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"), ClaimStatus.valueOf(rs.getString("status")), level == null ? null : ReviewLevel.valueOf(level),
                rs.getString("first_approved_by"), rs.getBigDecimal("approved_total"), rs.getObject("submitted_on", LocalDate.class),
                rs.getObject("materials_complete_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class));
    }

    private static StoredBenefit benefit(ResultSet rs, int n) throws SQLException {
        BigDecimal adjusted = rs.getBigDecimal("adjusted_amount");
        return new StoredBenefit(rs.getInt("position"), rs.getString("item"), rs.getString("plan"),
                rs.getObject("coverage_from", LocalDate.class), rs.getObject("coverage_to", LocalDate.class),
                Decision.valueOf(rs.getString("decision")), new Money(rs.getBigDecimal("amount")),
                JSON.readValue(rs.getString("components"), COMPONENTS), JSON.readValue(rs.getString("reasons"), REASONS),
                rs.getInt("allowance_days"), adjusted == null ? null : new Money(adjusted), rs.getString("adjust_reason"),
                rs.getString("adjusted_by"));
    }
}
