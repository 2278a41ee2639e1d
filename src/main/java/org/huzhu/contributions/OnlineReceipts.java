package org.huzhu.contributions;

import java.util.Optional;
import org.huzhu.ledger.Ledger;
import org.huzhu.payments.OnlinePaymentReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Books a worker's online payment like a bank receipt, in the transaction that marked the order paid: the order's
 * reference names the bill ({@code HZB-<id>}, as a transfer's remittance information does). Exactly the bill's
 * outstanding amount → a payment on the bill (Dr 1012 Cr 1122.03), which may complete it and so bring its
 * enrolments into force from the day after {@code paidOn}. Anything else — another amount, an unknown, already paid
 * or cancelled bill — is an unmatched receipt (Dr 1012 Cr 2241) for finance to refund or assign. Once per order:
 * the payments module announces an order once, and the order number is this receipt's key besides.
 */
@Component
class OnlineReceipts {

    private static final Logger log = LoggerFactory.getLogger(OnlineReceipts.class);

    private final OnlineReceiptRepository receipts;
    private final BillRepository bills;
    private final BillPayments payments;
    private final Ledger ledger;

    OnlineReceipts(OnlineReceiptRepository receipts, BillRepository bills, BillPayments payments, Ledger ledger) {
        this.receipts = receipts;
        this.bills = bills;
        this.payments = payments;
        this.ledger = ledger;
    }

    @EventListener
    void on(OnlinePaymentReceived paid) {
        if (receipts.exists(paid.orderNo())) return;
        Optional<Long> billId = BillReference.parse(paid.reference());
        Optional<BillRepository.Stored> stored = billId.flatMap(bills::lock);
        String refusal = stored.isPresent() ? refusal(stored.get().bill(), paid) : "缴费单 " + paid.reference() + " 不存在";
        if (refusal != null) {
            long journalId = ledger.post(PaymentBooking.onlineUnmatched("online-payment:" + paid.orderNo() + ":unmatched", paid.orderNo(),
                    "在线支付未匹配缴费单，待清分（订单 " + paid.orderNo() + "）：" + refusal, paid.paidOn(), paid.amount()));
            receipts.insert(paid, "UNMATCHED", stored.map(s -> s.bill().id).orElse(null), null, refusal, journalId);
            log.warn("Online payment {} of {} for {} not applied: {}", paid.orderNo(), paid.amount(), paid.reference(), refusal);
            return;
        }
        Bill bill = stored.get().bill();
        var applied = payments.apply(bill, new BillPayments.Receipt(Bill.Part.UNIT, BillPayments.Source.ONLINE, paid.amount(),
                paid.paidOn(), paid.orderNo(), null, false, "online-payment:" + paid.orderNo(), PaymentBooking.SOURCE_ONLINE_ORDER,
                paid.orderNo(), "online:" + paid.provider()));
        long journalId = bills.payment(applied.paymentId()).orElseThrow().journalId();
        receipts.insert(paid, "MATCHED", bill.id, applied.paymentId(), null, journalId);
    }

    /** Why the payment cannot settle the bill, or null when it is exactly what the bill still asks for. */
    private static String refusal(Bill bill, OnlinePaymentReceived paid) {
        if (bill.cancelled()) return "缴费单 " + bill.reference() + " 已撤销，款项待退还";
        if (bill.paidOn() != null) return "缴费单 " + bill.reference() + " 已缴清，款项待退还";
        if (paid.amount().compareTo(bill.outstanding()) != 0) {
            return "支付金额 " + paid.amount() + " 元与缴费单 " + bill.reference() + " 应缴 " + bill.outstanding() + " 元不符";
        }
        return null;
    }
}
