package org.huzhu.contributions;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.huzhu.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BillRepository {

    private final JdbcClient jdbc;

    BillRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A bill as stored, with what identifies its batch. */
    record Stored(Bill bill, String batchKind, long batchId, String settlement, int lines, LocalDate createdOn,
                  OffsetDateTime createdAt) {
    }

    record PaymentRow(long id, long billId, Bill.Part part, String source, Money amount, LocalDate paidOn, String reference,
                      Long statementLineId, boolean fromUnmatched, Bill.Allocation allocation, Money confirmed, String journalKey,
                      long journalId, LocalDate reversedOn, String reversalReason, String createdBy, OffsetDateTime createdAt) {
        boolean reversed() {
            return reversedOn != null;
        }
    }

    record Confirmation(long paymentId, long statementLineId, Money amount) {
    }

    record UnmatchedRow(long statementLineId, Money amount, LocalDate receivedOn, String bankReference, String reason,
                        Long assignedBillId, Long assignedPaymentId) {
    }

    // ------------------------------------------------------------------ bills

    /** The bill of a batch, created when it does not exist yet, locked until the transaction ends. */
    Bill openLocked(String batchKind, long batchId, String settlement, Long unitId, String orgPath, LocalDate today) {
        return openLocked(batchKind, batchId, settlement, null, unitId, orgPath, today);
    }

    /** The batch's bill of that settlement — and, for a declaration that waits for finance, of that declared day — created if new, locked. */
    Bill openLocked(String batchKind, long batchId, String settlement, LocalDate declaredFor, Long unitId, String orgPath, LocalDate today) {
        jdbc.sql("""
                insert into contributions.bill (unit_id, org_path, batch_kind, batch_id, settlement, declared_for, status, created_on)
                values (?, ?, ?, ?, ?, ?, 'OPEN', ?)
                on conflict (batch_kind, batch_id, settlement, coalesce(declared_for, date '-infinity')) do nothing""")
                .params(unitId, orgPath, batchKind, batchId, settlement, declaredFor, today).update();
        long id = jdbc.sql("""
                select id from contributions.bill where batch_kind = ? and batch_id = ? and settlement = ?
                   and declared_for is not distinct from ?""")
                .params(batchKind, batchId, settlement, declaredFor).query(Long.class).single();
        return lock(id).orElseThrow().bill();
    }

    /** Every bill of a batch with that settlement (a declared batch has one per day that waited for finance). */
    List<Long> allOfBatch(String batchKind, long batchId, String settlement) {
        return jdbc.sql("select id from contributions.bill where batch_kind = ? and batch_id = ? and settlement = ? order by id")
                .params(batchKind, batchId, settlement).query(Long.class).list();
    }

    Optional<Stored> lock(long id) {
        return jdbc.sql(SELECT_BILL + " where id = ? for update").param(id).query(this::toStored).optional();
    }

    Optional<Stored> ofBatch(String batchKind, long batchId, String settlement) {
        return jdbc.sql(SELECT_BILL + " where batch_kind = ? and batch_id = ? and settlement = ? and declared_for is null")
                .params(batchKind, batchId, settlement)
                .query(this::toStored).optional();
    }

    /** Bills awaiting payment, issued before {@code day}, with something of the unit's still to pay. */
    List<Stored> unpaidIssuedBefore(LocalDate day) {
        return jdbc.sql(SELECT_BILL + " " + """
                 where settlement = 'AWAITING_PAYMENT' and status in ('OPEN', 'PARTIALLY_PAID') and created_on < ? order by id""")
                .param(day).query(this::toStored).list();
    }

    Optional<Stored> find(long id) {
        return jdbc.sql(SELECT_BILL + " where id = ?").param(id).query(this::toStored).optional();
    }

    List<Stored> visible(String scopePattern, Long unitId, String status, int limit, int offset) {
        return jdbc.sql(SELECT_BILL + " " + """
                 where org_path like ? and (cast(? as bigint) is null or unit_id = ?) and (cast(? as text) is null or status = ?)
                 order by id desc limit ? offset ?""")
                .params(scopePattern, unitId, unitId, status, status, limit, offset).query(this::toStored).list();
    }

    void save(Bill b, int addedLines) {
        jdbc.sql("""
                update contributions.bill set unit_due = ?, member_due = ?, union_due = ?, unit_received = ?, member_received = ?,
                    union_received = ?, excess = ?, union_excess = ?, status = ?, paid_on = ?, cancelled_on = ?, lines = lines + ?
                 where id = ?""")
                .params(b.unitDue().amount(), b.memberDue().amount(), b.unionDue().amount(), b.unitReceived().amount(),
                        b.memberReceived().amount(), b.unionReceived().amount(), b.excess().amount(), b.unionExcess().amount(),
                        b.status().name(), b.paidOn(), b.cancelledOn(), addedLines, b.id)
                .update();
    }

    static final String SELECT_BILL = """
            select id, unit_id, org_path, batch_kind, batch_id, settlement, unit_due, member_due, union_due, unit_received,
                   member_received, union_received, excess, union_excess, lines, paid_on, cancelled_on, created_on, created_at
              from contributions.bill""";

    Stored toStored(ResultSet rs, int n) throws SQLException {
        Bill bill = new Bill(rs.getLong("id"), rs.getObject("unit_id", Long.class), rs.getString("org_path"),
                money(rs, "unit_due"), money(rs, "member_due"), money(rs, "union_due"), money(rs, "unit_received"),
                money(rs, "member_received"), money(rs, "union_received"), money(rs, "excess"), money(rs, "union_excess"),
                rs.getObject("paid_on", LocalDate.class)).cancelledOn(rs.getObject("cancelled_on", LocalDate.class));
        return new Stored(bill, rs.getString("batch_kind"), rs.getLong("batch_id"), rs.getString("settlement"), rs.getInt("lines"),
                rs.getObject("created_on", LocalDate.class), rs.getObject("created_at", OffsetDateTime.class));
    }

    // ------------------------------------------------------------------ payments

    long insertPayment(long billId, Bill.Part part, String source, Money amount, LocalDate paidOn, String reference,
                       Long statementLineId, boolean fromUnmatched, Bill.Allocation a, Money confirmed, String journalKey,
                       long journalId, String by) {
        return jdbc.sql("""
                insert into contributions.payment (bill_id, part, source, amount, paid_on, reference, statement_line_id, from_unmatched,
                    to_unit, to_member, to_union, excess, confirmed, journal_key, journal_id, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(billId, part.name(), source, amount.amount(), paidOn, reference, statementLineId, fromUnmatched,
                        a.toUnit().amount(), a.toMember().amount(), a.toUnion().amount(), a.excess().amount(), confirmed.amount(),
                        journalKey, journalId, by)
                .query(Long.class).single();
    }

    Optional<PaymentRow> payment(long billId, Bill.Part part, String source, String reference) {
        return jdbc.sql(SELECT_PAYMENT + " where bill_id = ? and part = ? and source = ? and reference = ?")
                .params(billId, part.name(), source, reference).query(this::toPayment).optional();
    }

    Optional<PaymentRow> payment(long id) {
        return jdbc.sql(SELECT_PAYMENT + " where id = ?").param(id).query(this::toPayment).optional();
    }

    List<PaymentRow> payments(long billId) {
        return jdbc.sql(SELECT_PAYMENT + " where bill_id = ? order by id").param(billId).query(this::toPayment).list();
    }

    /** Money registered by hand or declared that the bank has not yet (fully) confirmed, oldest first. */
    List<PaymentRow> unconfirmed(long billId, Bill.Part part) {
        return jdbc.sql(SELECT_PAYMENT + " " + """
                 where bill_id = ? and part = ? and source in ('HAND', 'DECLARED') and reversed_on is null and confirmed < amount
                 order by id""")
                .params(billId, part.name()).query(this::toPayment).list();
    }

    void confirm(long paymentId, long statementLineId, Money amount) {
        jdbc.sql("insert into contributions.payment_confirmation (payment_id, statement_line_id, amount) values (?, ?, ?)")
                .params(paymentId, statementLineId, amount.amount()).update();
        jdbc.sql("update contributions.payment set confirmed = confirmed + ? where id = ?").params(amount.amount(), paymentId).update();
    }

    void declaredOn(long paymentId, LocalDate day) {
        jdbc.sql("update contributions.payment set declared_on = ? where id = ?").params(day, paymentId).update();
    }

    void markReversed(long paymentId, long reversalJournalId, LocalDate on, String reason) {
        jdbc.sql("update contributions.payment set reversal_journal_id = ?, reversed_on = ?, reversal_reason = ? where id = ?")
                .params(reversalJournalId, on, reason, paymentId).update();
    }

    List<Confirmation> confirmationsOf(Collection<Long> paymentIds) {
        if (paymentIds.isEmpty()) return List.of();
        return jdbc.sql("select payment_id, statement_line_id, amount from contributions.payment_confirmation where payment_id = any(?)")
                .param(paymentIds.toArray(Long[]::new))
                .query((rs, n) -> new Confirmation(rs.getLong(1), rs.getLong(2), money(rs, "amount"))).list();
    }

    /**
     * Payments that moved the bank account (1002) on {@code day}: all but those assigned from an unmatched receipt and
     * those paid online (held by the provider, 1012, until it settles).
     */
    List<PaymentRow> bankPaymentsOn(LocalDate day) {
        return jdbc.sql(SELECT_PAYMENT + " where paid_on = ? and not from_unmatched and source <> 'ONLINE' order by id").param(day).query(this::toPayment).list();
    }

    List<PaymentRow> reversedOn(LocalDate day) {
        return jdbc.sql(SELECT_PAYMENT + " where reversed_on = ? order by id").param(day).query(this::toPayment).list();
    }

    List<PaymentRow> bankPaymentsLinkedTo(Collection<Long> lineIds) {
        return jdbc.sql(SELECT_PAYMENT + " " + """
                 where not from_unmatched and (statement_line_id = any(?)
                    or id in (select payment_id from contributions.payment_confirmation where statement_line_id = any(?)))
                 order by id""")
                .params(lineIds.toArray(Long[]::new), lineIds.toArray(Long[]::new)).query(this::toPayment).list();
    }

    private static final String SELECT_PAYMENT = """
            select id, bill_id, part, source, amount, paid_on, reference, statement_line_id, from_unmatched, to_unit, to_member,
                   to_union, excess, confirmed, journal_key, journal_id, reversed_on, reversal_reason, created_by, created_at
              from contributions.payment""";

    private PaymentRow toPayment(ResultSet rs, int n) throws SQLException {
        return new PaymentRow(rs.getLong("id"), rs.getLong("bill_id"), Bill.Part.valueOf(rs.getString("part")), rs.getString("source"),
                money(rs, "amount"), rs.getObject("paid_on", LocalDate.class), rs.getString("reference"),
                rs.getObject("statement_line_id", Long.class), rs.getBoolean("from_unmatched"),
                new Bill.Allocation(money(rs, "to_unit"), money(rs, "to_member"), money(rs, "to_union"), money(rs, "excess")),
                money(rs, "confirmed"), rs.getString("journal_key"), rs.getLong("journal_id"),
                rs.getObject("reversed_on", LocalDate.class), rs.getString("reversal_reason"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    // ------------------------------------------------------------------ unmatched receipts

    void insertUnmatched(long lineId, Money amount, LocalDate on, String bankReference, String reason, long journalId) {
        jdbc.sql("""
                insert into contributions.unmatched_receipt (statement_line_id, amount, received_on, bank_reference, reason, journal_id)
                values (?, ?, ?, ?, ?, ?)""")
                .params(lineId, amount.amount(), on, bankReference, reason, journalId).update();
    }

    Optional<UnmatchedRow> unmatched(long lineId) {
        return jdbc.sql(SELECT_UNMATCHED + " where statement_line_id = ?").param(lineId).query(this::toUnmatched).optional();
    }

    void assign(long lineId, long billId, long paymentId, String by) {
        jdbc.sql("""
                update contributions.unmatched_receipt set assigned_bill_id = ?, assigned_payment_id = ?, assigned_by = ?, assigned_at = now()
                 where statement_line_id = ?""")
                .params(billId, paymentId, by, lineId).update();
    }

    List<UnmatchedRow> unmatchedOn(LocalDate day) {
        return jdbc.sql(SELECT_UNMATCHED + " where received_on = ? order by statement_line_id").param(day).query(this::toUnmatched).list();
    }

    List<UnmatchedRow> unmatchedOf(Collection<Long> lineIds) {
        return jdbc.sql(SELECT_UNMATCHED + " where statement_line_id = any(?)").param(lineIds.toArray(Long[]::new))
                .query(this::toUnmatched).list();
    }

    private static final String SELECT_UNMATCHED = """
            select statement_line_id, amount, received_on, bank_reference, reason, assigned_bill_id, assigned_payment_id
              from contributions.unmatched_receipt""";

    private UnmatchedRow toUnmatched(ResultSet rs, int n) throws SQLException {
        return new UnmatchedRow(rs.getLong("statement_line_id"), money(rs, "amount"), rs.getObject("received_on", LocalDate.class),
                rs.getString("bank_reference"), rs.getString("reason"), rs.getObject("assigned_bill_id", Long.class),
                rs.getObject("assigned_payment_id", Long.class));
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? Money.ZERO : new Money(value);
    }
}
