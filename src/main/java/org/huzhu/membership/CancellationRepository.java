package org.huzhu.membership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.huzhu.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CancellationRepository {

    private final JdbcClient jdbc;

    CancellationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who the refund is paid to: the unit's account given with the request, or the member's (taken when it is paid). */
    record Payee(String payer, String name, String bankName, byte[] cipher, String masked) {
        static final Payee NONE = new Payee(null, null, null, null, null);
    }

    record Row(long id, long enrolmentId, long memberId, Long unitId, String orgPath, long billId, RefundPolicy.Stage stage,
               CancellationStatus status, String reason, String rule, Money toPayer, Money toSubsidy, Payee payee, String requestedBy,
               Instant requestedAt, String decidedBy, Instant decidedAt, String decisionNote, String journalKey, String payoutReference,
               LocalDate paidOn, LocalDate coverageFrom, LocalDate coverageTo) {
    }

    long insert(EnrolmentRepository.Stored e, RefundPolicy.Decision d, CancellationStatus status, String reason, Payee payee, String by,
                Instant at) {
        return jdbc.sql("""
                insert into membership.cancellation (enrolment_id, member_id, unit_id, org_path, bill_id, stage, status, reason, rule,
                    refund_to_payer, refund_to_subsidy, payer, payee_name, payee_bank, payee_cipher, payee_masked, requested_by,
                    requested_at, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(e.id(), e.memberId(), e.unitId(), e.orgPath(), e.billId(), d.stage().name(), status.name(), reason, d.rule(),
                        d.toPayer().amount(), d.toSubsidy().amount(), payee.payer(), payee.name(), payee.bankName(), payee.cipher(),
                        payee.masked(), by, Timestamp.from(at), status == CancellationStatus.PROPOSED ? null : Timestamp.from(at))
                .query(Long.class).single();
    }

    Optional<Row> find(long id, boolean lock) {
        return jdbc.sql(SELECT + " where id = ?" + (lock ? " for update" : "")).param(id).query(this::row).optional();
    }

    Optional<Row> open(long enrolmentId) {
        return jdbc.sql(SELECT + " where enrolment_id = ? and status = 'PROPOSED'").param(enrolmentId).query(this::row).optional();
    }

    List<Row> visible(String scopePattern, CancellationStatus status, Long billId, int limit, int offset) {
        return jdbc.sql(SELECT + " " + """
                 where org_path like ? and (cast(? as text) is null or status = ?) and (cast(? as bigint) is null or bill_id = ?)
                 order by id desc limit ? offset ?""")
                .params(scopePattern, status == null ? null : status.name(), status == null ? null : status.name(), billId, billId,
                        limit, offset)
                .query(this::row).list();
    }

    /** The second person's decision on a request; false when it was no longer PROPOSED. */
    boolean decide(long id, CancellationStatus to, RefundPolicy.Decision d, String by, Instant at, String note, String journalKey,
                   String payoutReference, EnrolmentRepository.Stored e) {
        return jdbc.sql("""
                update membership.cancellation set status = ?, decided_by = ?, decided_at = ?, decision_note = ?, journal_key = ?,
                    payout_reference = ?, refund_to_payer = ?, refund_to_subsidy = ?, rule = coalesce(?, rule), paid_on = ?,
                    coverage_from = ?, coverage_to = ?
                 where id = ? and status = 'PROPOSED'""")
                .params(to.name(), by, Timestamp.from(at), note, journalKey, payoutReference, d.toPayer().amount(), d.toSubsidy().amount(),
                        d.rule(), e.paidOn(), from(e), to(e), id)
                .update() == 1;
    }

    void correctPayee(long id, Payee payee) {
        jdbc.sql("update membership.cancellation set payee_name = ?, payee_bank = ?, payee_cipher = ?, payee_masked = ? where id = ?")
                .params(payee.name(), payee.bankName(), payee.cipher(), payee.masked(), id).update();
    }

    void payoutReissued(long id, String reference) {
        jdbc.sql("update membership.cancellation set payout_reference = ? where id = ?").params(reference, id).update();
    }

    /** A paid enrolment cancelled: it covers nothing from now on (its dates are kept on the cancellation). */
    boolean cancelPaidEnrolment(long enrolmentId, Instant at) {
        return jdbc.sql("""
                update membership.enrolment set status = 'CANCELLED', cancelled_at = ?, paid_on = null, coverage_from = null,
                    coverage_to = null where id = ? and status = 'IN_FORCE'""")
                .params(Timestamp.from(at), enrolmentId).update() == 1;
    }

    /** The year whose subsidy budget an enrolment drew on (the year it was made, China time). */
    int budgetYear(long enrolmentId) {
        return jdbc.sql("select extract(year from created_at at time zone 'Asia/Shanghai')::int from membership.enrolment where id = ?")
                .param(enrolmentId).query(Integer.class).single();
    }

    private static LocalDate from(EnrolmentRepository.Stored e) {
        return e.coverages().stream().map(Coverage::from).filter(java.util.Objects::nonNull).min(LocalDate::compareTo).orElse(null);
    }

    private static LocalDate to(EnrolmentRepository.Stored e) {
        return e.coverages().stream().map(Coverage::to).filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(null);
    }

    private static final String SELECT = """
            select id, enrolment_id, member_id, unit_id, org_path, bill_id, stage, status, reason, rule, refund_to_payer,
                   refund_to_subsidy, payer, payee_name, payee_bank, payee_cipher, payee_masked, requested_by, requested_at, decided_by,
                   decided_at, decision_note, journal_key, payout_reference, paid_on, coverage_from, coverage_to
              from membership.cancellation""";

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("enrolment_id"), rs.getLong("member_id"), rs.getObject("unit_id", Long.class),
                rs.getString("org_path"), rs.getLong("bill_id"), RefundPolicy.Stage.valueOf(rs.getString("stage")),
                CancellationStatus.valueOf(rs.getString("status")), rs.getString("reason"), rs.getString("rule"),
                new Money(rs.getBigDecimal("refund_to_payer")), new Money(rs.getBigDecimal("refund_to_subsidy")),
                new Payee(rs.getString("payer"), rs.getString("payee_name"), rs.getString("payee_bank"), rs.getBytes("payee_cipher"),
                        rs.getString("payee_masked")),
                rs.getString("requested_by"), instant(rs.getTimestamp("requested_at")), rs.getString("decided_by"),
                instant(rs.getTimestamp("decided_at")), rs.getString("decision_note"), rs.getString("journal_key"),
                rs.getString("payout_reference"), rs.getObject("paid_on", LocalDate.class), rs.getObject("coverage_from", LocalDate.class),
                rs.getObject("coverage_to", LocalDate.class));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
