package org.huzhu.claims;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.huzhu.shared.Money;
import org.huzhu.shared.database.Pipeline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Post-payment checks (claims.audit_check and their steps) and the recoveries they open, with the repayments. */
@Component
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claim drawn for checking; {@code status} OPEN, CLEARED (无问题), FINDING (awaiting a second person) or CONFIRMED. */
    record Check(long claimId, String orgPath, LocalDate drawnOn, boolean drawnByShare, int riskScore, List<String> riskFactors,
                 Money paidAmount, String status, String checkedBy, Instant checkedAt, String findingCode, Money findingAmount,
                 String note, String confirmedBy, Instant confirmedAt, int version, long memberId, String filedBy) {
    }

    record Step(String step, String actor, Instant at, String note) {
    }

    /** Draws a claim approved automatically, as one statement of the decision's pipeline. */
    Supplier<Long> draw(long claimId, String orgPath, LocalDate on, boolean byShare, AuditRisk risk, BigDecimal paid, Pipeline pipeline) {
        return pipeline.add("""
                insert into claims.audit_check (claim_id, org_path, drawn_on, drawn_by_share, risk_score, risk_factors, paid_amount)
                values (?, ?, ?, ?, ?, ?::text[], ?) returning claim_id""",
                List.of(claimId, orgPath, on, byShare, risk.score(), risk.factors().stream().map(Enum::name).toArray(String[]::new), paid),
                rs -> rs.next() ? rs.getLong(1) : null);
    }

    private static final String CHECK = """
            select a.*, c.member_id, c.filed_by from claims.audit_check a join claims.claim c on c.id = a.claim_id""";

    Optional<Check> check(long claimId) {
        return jdbc.sql(CHECK + " where a.claim_id = ?").param(claimId).query(AuditRepository::check).optional();
    }

    /** The checks inside the scope, optionally of one status, those still to do first and the oldest first. */
    List<Check> checks(String scopePattern, String status, int limit) {
        return jdbc.sql(CHECK + " where a.org_path like ? and (cast(? as text) is null or a.status = ?)"
                        + " order by case a.status when 'OPEN' then 0 when 'FINDING' then 1 else 2 end, a.drawn_on, a.claim_id limit ?")
                .params(scopePattern, status, status, limit).query(AuditRepository::check).list();
    }

    /** Records a checker's result (CLEARED, or FINDING with its code, amount and note) if nobody changed the check meanwhile. */
    boolean result(Check c, String status, String by, Instant at, String code, BigDecimal amount, String note) {
        return jdbc.sql("""
                update claims.audit_check set status = ?, checked_by = ?, checked_at = ?, finding_code = ?, finding_amount = ?,
                       note = ?, version = version + 1
                 where claim_id = ? and version = ?""")
                .params(status, by, Timestamp.from(at), code, amount, note, c.claimId(), c.version()).update() == 1;
    }

    /** The second person confirms the finding. */
    boolean confirm(Check c, String by, Instant at) {
        return jdbc.sql("""
                update claims.audit_check set status = 'CONFIRMED', confirmed_by = ?, confirmed_at = ?, version = version + 1
                 where claim_id = ? and version = ? and status = 'FINDING'""")
                .params(by, Timestamp.from(at), c.claimId(), c.version()).update() == 1;
    }

    /** The second person refuses the finding: the check is open again (the finding stays in its steps). */
    boolean reopen(Check c) {
        return jdbc.sql("""
                update claims.audit_check set status = 'OPEN', checked_by = null, checked_at = null, finding_code = null,
                       finding_amount = null, note = null, version = version + 1
                 where claim_id = ? and version = ? and status = 'FINDING'""")
                .params(c.claimId(), c.version()).update() == 1;
    }

    void step(long claimId, String step, String actor, Instant at, String note) {
        jdbc.sql("insert into claims.audit_check_event (claim_id, step, actor, at, note) values (?, ?, ?, ?, ?)")
                .params(claimId, step, actor, Timestamp.from(at), note).update();
    }

    List<Step> steps(long claimId) {
        return jdbc.sql("select step, actor, at, note from claims.audit_check_event where claim_id = ? order by id").param(claimId)
                .query((rs, n) -> new Step(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4))).list();
    }

    // ---- recoveries ------------------------------------------------------------------------

    /** {@code status} OPEN, REPAID or WRITTEN_OFF; a write-off proposed and not yet decided has {@code writeOffProposedBy}. */
    record Recovery(long id, long claimId, String orgPath, Money amount, Money repaid, Money writtenOff, String status, String reasonCode,
                    String openedBy, LocalDate openedOn, String writeOffReason, String writeOffProposedBy, Instant writeOffProposedAt,
                    String writtenOffBy, LocalDate closedOn, int version) {

        Money outstanding() {
            return amount.minus(repaid).minus(writtenOff);
        }
    }

    record Repayment(long id, Money amount, LocalDate receivedOn, String bankReference, String recordedBy, Instant recordedAt) {
    }

    long openRecovery(long claimId, String orgPath, BigDecimal amount, String reasonCode, String by, LocalDate on) {
        return jdbc.sql("""
                insert into claims.recovery (claim_id, org_path, amount, reason_code, opened_by, opened_on)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(claimId, orgPath, amount, reasonCode, by, on).query(Long.class).single();
    }

    Optional<Recovery> recovery(long id) {
        return jdbc.sql("select * from claims.recovery where id = ?").param(id).query(AuditRepository::recovery).optional();
    }

    Optional<Recovery> recoveryOfClaim(long claimId) {
        return jdbc.sql("select * from claims.recovery where claim_id = ?").param(claimId).query(AuditRepository::recovery).optional();
    }

    List<Recovery> recoveries(String scopePattern, String status, int limit) {
        return jdbc.sql("""
                select * from claims.recovery where org_path like ? and (cast(? as text) is null or status = ?)
                 order by case status when 'OPEN' then 0 else 1 end, id limit ?""")
                .params(scopePattern, status, status, limit).query(AuditRepository::recovery).list();
    }

    /** A repayment as received; a bank reference recorded before is refused by its unique key. */
    long repayment(long recoveryId, Money amount, LocalDate receivedOn, String reference, String by) {
        return jdbc.sql("""
                insert into claims.recovery_repayment (recovery_id, amount, received_on, bank_reference, recorded_by)
                values (?, ?, ?, ?, ?) returning id""")
                .params(recoveryId, amount.amount(), receivedOn, reference, by).query(Long.class).single();
    }

    List<Repayment> repayments(long recoveryId) {
        return jdbc.sql("""
                select id, amount, received_on, bank_reference, recorded_by, recorded_at from claims.recovery_repayment
                 where recovery_id = ? order by id""").param(recoveryId)
                .query((rs, n) -> new Repayment(rs.getLong(1), new Money(rs.getBigDecimal(2)), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Adds a repayment to what was repaid; a recovery repaid in full is closed. */
    boolean repaid(Recovery r, Money amount, LocalDate on) {
        return jdbc.sql("""
                update claims.recovery set repaid = repaid + ?,
                       status = case when repaid + ? + written_off >= amount then 'REPAID' else status end,
                       closed_on = case when repaid + ? + written_off >= amount then ? else closed_on end, version = version + 1
                 where id = ? and version = ? and status = 'OPEN'""")
                .params(amount.amount(), amount.amount(), amount.amount(), on, r.id(), r.version()).update() == 1;
    }

    boolean proposeWriteOff(Recovery r, String reason, String by, Instant at) {
        return jdbc.sql("""
                update claims.recovery set write_off_reason = ?, write_off_proposed_by = ?, write_off_proposed_at = ?, version = version + 1
                 where id = ? and version = ? and status = 'OPEN' and write_off_proposed_by is null""")
                .params(reason, by, Timestamp.from(at), r.id(), r.version()).update() == 1;
    }

    /** Writes off what is outstanding (the second person's approval) or, {@code approved} false, withdraws the proposal. */
    boolean decideWriteOff(Recovery r, boolean approved, String by, LocalDate on) {
        String set = approved ? "written_off = amount - repaid, status = 'WRITTEN_OFF', written_off_by = ?, closed_on = ?"
                : "write_off_reason = null, write_off_proposed_by = null, write_off_proposed_at = null";
        var sql = jdbc.sql("update claims.recovery set " + set + ", version = version + 1"
                + " where id = ? and version = ? and status = 'OPEN' and write_off_proposed_by is not null");
        return (approved ? sql.params(by, on, r.id(), r.version()) : sql.params(r.id(), r.version())).update() == 1;
    }

    // ---- mapping -----------------------------------------------------------------------------

    private static Check check(ResultSet rs, int n) throws SQLException {
        BigDecimal finding = rs.getBigDecimal("finding_amount");
        Timestamp checked = rs.getTimestamp("checked_at");
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        return new Check(rs.getLong("claim_id"), rs.getString("org_path"), rs.getObject("drawn_on", LocalDate.class),
                rs.getBoolean("drawn_by_share"), rs.getInt("risk_score"), Arrays.asList((String[]) rs.getArray("risk_factors").getArray()),
                new Money(rs.getBigDecimal("paid_amount")), rs.getString("status"), rs.getString("checked_by"),
                checked == null ? null : checked.toInstant(), rs.getString("finding_code"), finding == null ? null : new Money(finding),
                rs.getString("note"), rs.getString("confirmed_by"), confirmed == null ? null : confirmed.toInstant(), rs.getInt("version"),
                rs.getLong("member_id"), rs.getString("filed_by"));
    }

    private static Recovery recovery(ResultSet rs, int n) throws SQLException {
        Timestamp proposed = rs.getTimestamp("write_off_proposed_at");
        return new Recovery(rs.getLong("id"), rs.getLong("claim_id"), rs.getString("org_path"), new Money(rs.getBigDecimal("amount")),
                new Money(rs.getBigDecimal("repaid")), new Money(rs.getBigDecimal("written_off")), rs.getString("status"),
                rs.getString("reason_code"), rs.getString("opened_by"), rs.getObject("opened_on", LocalDate.class),
                rs.getString("write_off_reason"), rs.getString("write_off_proposed_by"), proposed == null ? null : proposed.toInstant(),
                rs.getString("written_off_by"), rs.getObject("closed_on", LocalDate.class), rs.getInt("version"));
    }
}
