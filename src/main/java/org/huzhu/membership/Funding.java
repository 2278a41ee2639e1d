package org.huzhu.membership;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.shared.Money;

/** Who pays a premium: the unit, the union (subsidy) and the member. Always sums to the premium. */
public record Funding(String policy, Money unit, Money union, Money member) {

    /**
     * Splits a premium under a funding policy. {@code budgetLeft} caps the union's part: once
     * the union's yearly budget is spent the unit pays the rest, and the split shows it.
     */
    static Funding split(CatalogueVersion.FundingPolicy policy, Money premium, Money budgetLeft) {
        if (policy.memberPays()) return new Funding(policy.code(), Money.ZERO, Money.ZERO, premium);
        Money wanted = policy.unionSubsidyPerPerson();
        if (policy.unionShare().signum() > 0) {
            wanted = wanted.plus(new Money(premium.amount().multiply(policy.unionShare()).setScale(2, RoundingMode.HALF_UP)));
        }
        Money union = wanted.min(premium).min(budgetLeft.max(Money.ZERO));
        return new Funding(policy.code(), premium.minus(union), union, Money.ZERO);
    }

    static Funding none(String policy) {
        return new Funding(policy, Money.ZERO, Money.ZERO, Money.ZERO);
    }

    BigDecimal total() {
        return unit.amount().add(union.amount()).add(member.amount());
    }
}
