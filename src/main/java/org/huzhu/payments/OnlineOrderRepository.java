package org.huzhu.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.huzhu.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OnlineOrderRepository {

    private static final String SELECT = """
            select id, order_no, provider, payer_member_id, reference, description, amount, created_at, expires_at, status,
                   provider_txn_id, paid_at, fail_reason, closed_at, pay_url
            from payments.online_order""";

    private final JdbcClient jdbc;

    OnlineOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new order number: {@code HZP}, the China date and a sequence number (at most 32 characters, as providers allow). */
    String nextOrderNo(LocalDate today) {
        long n = jdbc.sql("select nextval('payments.order_no_seq')").query(Long.class).single();
        return "HZP" + today.toString().replace("-", "") + String.format("%010d", n);
    }

    void insert(String orderNo, String provider, long payerMemberId, String reference, String description, Money amount,
                OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        jdbc.sql("""
                insert into payments.online_order (order_no, provider, payer_member_id, reference, description, amount, status,
                                                   created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
                .params(orderNo, provider, payerMemberId, reference, description, amount.amount(), createdAt, expiresAt).update();
    }

    void payUrl(String orderNo, String payUrl) {
        jdbc.sql("update payments.online_order set pay_url = ? where order_no = ?").params(payUrl, orderNo).update();
    }

    Optional<OnlineOrder> lock(String orderNo) {
        return jdbc.sql(SELECT + " where order_no = ? for update").param(orderNo).query(this::order).optional();
    }

    Optional<Stored> find(String orderNo) {
        return jdbc.sql(SELECT + " where order_no = ?").param(orderNo).query(this::stored).optional();
    }

    /** An order and the pay URL the provider gave for it. */
    record Stored(OnlineOrder order, String payUrl) {
    }

    /** The orders opened for a reference, newest first. */
    List<Stored> ofReference(String reference) {
        return jdbc.sql(SELECT + " where reference = ? order by created_at desc, id desc").param(reference).query(this::stored).list();
    }

    /** Orders neither paid nor closed, created before {@code before}, oldest first. */
    List<String> openCreatedBefore(OffsetDateTime before, int limit) {
        return jdbc.sql("""
                select order_no from payments.online_order
                where status in ('PENDING', 'FAILED') and created_at < ? order by created_at limit ?""")
                .params(before, limit).query(String.class).list();
    }

    void save(OnlineOrder o, OffsetDateTime checkedAt) {
        jdbc.sql("""
                update payments.online_order set status = ?, provider_txn_id = ?, paid_at = ?, fail_reason = ?, closed_at = ?,
                       checked_at = coalesce(?, checked_at)
                where id = ?""")
                .params(o.status().name(), o.providerTxnId(), o.paidAt(), o.failReason(), o.closedAt(), checkedAt, o.id).update();
    }

    void logNotification(String provider, String notificationId, String orderNo, String outcome, String detail, OffsetDateTime at) {
        jdbc.sql("""
                insert into payments.notification (provider, notification_id, order_no, outcome, detail, received_at)
                values (?, ?, ?, ?, ?, ?)""").params(provider, notificationId, orderNo, outcome, detail, at).update();
    }

    private Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(order(rs, row), rs.getString("pay_url"));
    }

    private OnlineOrder order(ResultSet rs, int row) throws SQLException {
        return new OnlineOrder(rs.getLong("id"), rs.getString("order_no"), rs.getString("provider"), rs.getLong("payer_member_id"),
                rs.getString("reference"), rs.getString("description"), new Money(rs.getBigDecimal("amount")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
                OnlineOrder.Status.valueOf(rs.getString("status")), rs.getString("provider_txn_id"),
                rs.getObject("paid_at", OffsetDateTime.class), rs.getString("fail_reason"), rs.getObject("closed_at", OffsetDateTime.class));
    }
}
