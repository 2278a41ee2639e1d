package org.huzhu.contributions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.huzhu.banking.reconciliation.BankBook;
import org.huzhu.banking.reconciliation.BankMovement;
import org.huzhu.shared.Money;
import org.springframework.stereotype.Component;

/**
 * What contributions booked on the fund's bank account (1002): payments received (by hand,
 * declared, matched from the statement — not those assigned from 2241, whose money was already
 * booked when it came in), reversals of payments, and receipts that named no bill.
 */
@Component
class ContributionsBankBook implements BankBook {

    private final BillRepository bills;

    ContributionsBankBook(BillRepository bills) {
        this.bills = bills;
    }

    @Override
    public List<BankMovement> movementsOn(LocalDate day) {
        List<BankMovement> out = new ArrayList<>();
        out.addAll(payments(bills.bankPaymentsOn(day)));
        for (var p : bills.reversedOn(day)) {
            out.add(new BankMovement("CONTRIBUTION_REVERSAL", BillReference.of(p.billId()), Money.ZERO.minus(p.amount()), day,
                    "冲销到账 #" + p.id() + "（流水号 " + p.reference() + "）：" + p.reversalReason(), List.of()));
        }
        out.addAll(unmatched(bills.unmatchedOn(day)));
        return out;
    }

    @Override
    public List<BankMovement> confirmedBy(Collection<Long> statementLineIds) {
        if (statementLineIds.isEmpty()) return List.of();
        List<BankMovement> out = new ArrayList<>(payments(bills.bankPaymentsLinkedTo(statementLineIds)));
        out.addAll(unmatched(bills.unmatchedOf(statementLineIds)));
        return out;
    }

    private List<BankMovement> payments(List<BillRepository.PaymentRow> rows) {
        Map<Long, List<BillRepository.Confirmation>> confirmations = bills.confirmationsOf(
                rows.stream().map(BillRepository.PaymentRow::id).toList()).stream()
                .collect(Collectors.groupingBy(BillRepository.Confirmation::paymentId));
        List<BankMovement> out = new ArrayList<>();
        for (var p : rows) {
            List<BankMovement.Confirmation> by = p.statementLineId() != null
                    ? List.of(new BankMovement.Confirmation(p.statementLineId(), p.amount()))
                    : confirmations.getOrDefault(p.id(), List.of()).stream()
                    .map(c -> new BankMovement.Confirmation(c.statementLineId(), c.amount())).toList();
            String payer = p.part() == Bill.Part.UNION_SUBSIDY ? "UNION_SUBSIDY_" : "CONTRIBUTION_";
            String what = switch (p.source()) {
                case "HAND" -> "财务登记";
                case "DECLARED" -> "单位申报";
                default -> "银行流水";
            };
            out.add(new BankMovement(payer + p.source(), BillReference.of(p.billId()), p.amount(), p.paidOn(),
                    (p.part() == Bill.Part.UNION_SUBSIDY ? "工会补贴" : "缴费") + "到账 #" + p.id() + "，" + what + "，流水号 " + p.reference(), by));
        }
        return out;
    }

    private static List<BankMovement> unmatched(List<BillRepository.UnmatchedRow> rows) {
        return rows.stream().map(u -> new BankMovement(u.assignedBillId() == null ? BankMovement.UNMATCHED_RECEIPT : "ASSIGNED_RECEIPT",
                u.assignedBillId() == null ? u.bankReference() : BillReference.of(u.assignedBillId()), u.amount(), u.receivedOn(),
                u.assignedBillId() == null ? u.reason() : "待清分收款已认领至 " + BillReference.of(u.assignedBillId()),
                List.of(new BankMovement.Confirmation(u.statementLineId(), u.amount())))).toList();
    }
}
