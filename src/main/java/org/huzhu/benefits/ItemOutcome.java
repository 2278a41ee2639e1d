package org.huzhu.benefits;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.benefits.BenefitResult.Benefit;
import org.huzhu.benefits.BenefitResult.Component;
import org.huzhu.benefits.BenefitResult.ComponentAmount;
import org.huzhu.benefits.BenefitResult.Decision;
import org.huzhu.benefits.BenefitResult.Reason;
import org.huzhu.shared.Money;

/** Collects one coverage's components and reasons, then decides PAY, REDUCED or REJECT. */
final class ItemOutcome {

    private final List<ComponentAmount> components = new ArrayList<>(3);
    private List<Reason> reasons = List.of();
    private BigDecimal amount = BigDecimal.ZERO;
    private boolean cut;

    /** Adds a component: its exact amount is rounded half-up to the fen here, once. */
    void pay(Component component, BigDecimal exact) {
        Money rounded = Money.rounded(exact);
        components.add(new ComponentAmount(component, rounded));
        amount = amount.add(rounded.amount());
    }

    /** A cap or the out-of-pocket limit cut this item's formula amount. */
    void cut() {
        cut = true;
    }

    void reason(ReasonCode code, String message) {
        if (reasons.isEmpty()) reasons = new ArrayList<>(2);
        reasons.add(new Reason(code, message));
    }

    boolean hasReasons() {
        return !reasons.isEmpty();
    }

    boolean nothingClaimed() {
        return components.isEmpty();
    }

    Benefit benefit(Cover cover) {
        Decision decision = amount.signum() == 0 ? Decision.REJECT : cut ? Decision.REDUCED : Decision.PAY;
        return new Benefit(cover.item().code(), cover.plan(), decision, new Money(amount), components, reasons);
    }

    static Benefit rejected(Cover cover, List<Reason> reasons) {
        return new Benefit(cover.item().code(), cover.plan(), Decision.REJECT, Money.ZERO, List.of(), reasons);
    }
}
