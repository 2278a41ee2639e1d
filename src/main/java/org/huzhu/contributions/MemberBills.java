package org.huzhu.contributions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.huzhu.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bills a worker pays themself (a self-enrolment in the member app, billed with no unit): what is still to pay,
 * for the online order, and withdrawing a bill nothing was paid on. The bill itself is made by
 * {@link Contributions#bill}; online money is booked by {@link OnlineReceipts}.
 */
@Service
public class MemberBills {

    /** A bill as its payer sees it: {@code outstanding} is what an online order asks for. */
    public record Due(long billId, String reference, Money amountDue, Money outstanding, boolean paid, boolean cancelled) {
    }

    private final BillRepository bills;
    private final Clock clock;

    MemberBills(BillRepository bills, Clock clock) {
        this.bills = bills;
        this.clock = clock;
    }

    public Optional<Due> due(long billId) {
        return bills.find(billId).map(BillRepository.Stored::bill).map(b -> new Due(b.id, b.reference(), b.amountDue(), b.outstanding(),
                b.isPaid() && b.paidOn() != null, b.cancelled()));
    }

    /**
     * Cancels a bill nothing has been paid on, inside the caller's transaction (the enrolment is withdrawn with it).
     * False, changing nothing, when money was received on it; cancelling twice is harmless.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean cancel(long billId) {
        Bill bill = bills.lock(billId).orElseThrow(() -> new IllegalArgumentException("no bill " + billId)).bill();
        if (bill.cancelled()) return true;
        if (!bill.cancel(LocalDate.now(clock))) return false;
        bills.save(bill, 0);
        return true;
    }
}
