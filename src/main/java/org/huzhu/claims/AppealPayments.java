package org.huzhu.claims;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.huzhu.ledger.ChartOfAccounts;
import org.huzhu.ledger.JournalEntry;
import org.huzhu.ledger.Ledger;
import org.huzhu.membership.Members;
import org.huzhu.payouts.PayoutOrder;
import org.huzhu.payouts.PayoutView;
import org.huzhu.payouts.Payouts;
import org.huzhu.shared.Money;
import org.huzhu.shared.database.Pipeline;
import org.huzhu.shared.web.ConflictException;
import org.springframework.stereotype.Component;

/**
 * What an appeal adds to an approved claim: booked as a benefit (Dr 5101 Cr 2202) and paid as a supplementary payout
 * under the claim's supplementary source ({@link PaymentProgress#supplementSource}), in the deciding transaction. The
 * journal's key and the payout's reference belong to the appeal, so that nothing is booked or paid twice, whatever is
 * tried again; a failed supplementary payout is paid again as any other is (finance re-issues it).
 */
@Component
class AppealPayments {

    private final Ledger ledger;
    private final Payouts payouts;
    private final Members members;
    private final ClaimRepository repository;
    private final Clock clock;

    AppealPayments(Ledger ledger, Payouts payouts, Members members, ClaimRepository repository, Clock clock) {
        this.ledger = ledger;
        this.payouts = payouts;
        this.members = members;
        this.repository = repository;
        this.clock = clock;
    }

    static String journalKey(long claimId, long appealId) {
        return "claim:" + claimId + ":appeal:" + appealId;
    }

    /** Books and hands over {@code amount}; answers the account's masked number, as the worker is told it. */
    String pay(Claim claim, Appeal appeal, Money amount) {
        Members.Payee payee = members.payee(claim.facts.memberId())
                .orElseThrow(() -> new ConflictException("memberId", "请先登记收款银行账户"));
        Pipeline pipeline = new Pipeline();
        ledger.post(new JournalEntry(journalKey(claim.id, appeal.id()), "CLAIM", Long.toString(claim.id),
                "申诉补发互助金 理赔#" + claim.id, LocalDate.now(clock), claim.facts.orgPath(),
                List.of(JournalEntry.Line.debit(ChartOfAccounts.BENEFIT_EXPENSE, amount),
                        JournalEntry.Line.credit(ChartOfAccounts.CLAIMS_PAYABLE, amount))), pipeline);
        Supplier<PayoutView> requested = payouts.request(new PayoutOrder(PaymentProgress.supplementReference(claim.id, 1),
                PaymentProgress.supplementSource(claim.id), payee.name(), payee.account().bankName(), payee.account().number(), amount,
                claim.facts.orgPath(), payee.accountChangedAt()), pipeline);
        repository.send(pipeline);
        return requested.get().maskedAccount();
    }
}
