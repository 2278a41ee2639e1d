package org.huzhu.contributions;

import java.time.LocalDate;
import java.util.List;
import org.huzhu.payments.OnlinePaymentReceived;
import org.huzhu.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OnlineReceiptRepository {

    /** One online payment as booked: MATCHED to a bill's payment, or UNMATCHED with why. */
    record Row(String orderNo, String provider, String providerTxnId, long payerMemberId, String reference, Money amount,
               LocalDate paidOn, String outcome, Long billId, Long paymentId, String reason) {
    }

    private final JdbcClient jdbc;

    OnlineReceiptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String orderNo) {
        return jdbc.sql("select exists (select 1 from contributions.online_receipt where order_no = ?)").param(orderNo)
                .query(Boolean.class).single();
    }

    void insert(OnlinePaymentReceived p, String outcome, Long billId, Long paymentId, String reason, long journalId) {
        jdbc.sql("""
                insert into contributions.online_receipt (order_no, provider, provider_txn_id, payer_member_id, reference, amount, paid_on,
                    outcome, bill_id, payment_id, reason, journal_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.orderNo(), p.provider(), p.providerTxnId(), p.payerMemberId(), p.reference(), p.amount().amount(), p.paidOn(),
                        outcome, billId, paymentId, reason, journalId)
                .update();
    }

    List<Row> list(String outcome, int limit, int offset) {
        return jdbc.sql("""
                select order_no, provider, provider_txn_id, payer_member_id, reference, amount, paid_on, outcome, bill_id, payment_id, reason
                  from contributions.online_receipt where (cast(? as text) is null or outcome = ?)
                 order by created_at desc, order_no limit ? offset ?""")
                .params(outcome, outcome, limit, offset)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        new Money(rs.getBigDecimal(6)), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getObject(9, Long.class),
                        rs.getObject(10, Long.class), rs.getString(11)))
                .list();
    }
}
