package org.huzhu.membership;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.huzhu.contributions.PaymentTruth;
import org.springframework.stereotype.Service;

/**
 * Whether a member's cover on a day is backed by money the bank has confirmed: the enrolments in force on that day are
 * billed, and a bill whose declared payment the bank has not shown in time (contributions' {@link PaymentTruth},
 * 未确认到账) backs cover that a reviewer, not the automatic approval, should judge a claim on.
 */
@Service
public class CoverMoney {

    /** What the reviewer reads when a claim goes to review for this reason. */
    public static final String UNCONFIRMED = "保障所依缴费尚未确认到账";

    private final PaymentTruth truth;

    CoverMoney(PaymentTruth truth) {
        this.truth = truth;
    }

    /**
     * Why the claimant's cover on {@code day} is not backed by confirmed money (naming the bills); empty when it is. The
     * bills come with the claimant ({@link Members#claimant}), and so does their confirmation when the claimant was read to
     * decide a claim ({@link Members#claimantToDecide}); otherwise one statement to contributions, none without a bill.
     */
    public Optional<String> unconfirmedOn(Members.Claimant claimant, LocalDate day) {
        var bills = claimant.billed().stream().filter(b -> b.activeOn(day)).map(Members.BilledCover::billId).distinct().toList();
        var unconfirmed = claimant.unconfirmedBills().map(known -> bills.stream().filter(known::contains).toList())
                .orElseGet(() -> List.copyOf(truth.unconfirmedBills(bills)));
        if (unconfirmed.isEmpty()) return Optional.empty();
        return Optional.of(UNCONFIRMED + "（缴费单 " + String.join("、", unconfirmed.stream().sorted()
                .map(org.huzhu.contributions.BillReference::of).toList()) + " 为单位申报已缴，逾期未与银行流水匹配）");
    }
}
