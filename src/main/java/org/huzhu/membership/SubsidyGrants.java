package org.huzhu.membership;

import java.util.HashMap;
import java.util.Map;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.Money;
import org.springframework.stereotype.Component;

/**
 * Funds premiums of one unit within one transaction: chooses the unit's funding policy, draws
 * union subsidies from the locked yearly budget, and writes back what was drawn at the end.
 */
@Component
class SubsidyGrants {

    private final SubsidyBudgets budgets;
    private final Organisations organisations;

    SubsidyGrants(SubsidyBudgets budgets, Organisations organisations) {
        this.budgets = budgets;
        this.organisations = organisations;
    }

    /** One unit's funding session; call {@link #close()} before the transaction commits. */
    final class Session implements AutoCloseable {
        private final Unit unit;
        private final Map<Integer, Allowance> byYear = new HashMap<>();
        private boolean closed;

        private Session(Unit unit) {
            this.unit = unit;
        }

        Funding fund(CatalogueVersion catalogue, Money premium, int year) {
            if (closed) throw new IllegalStateException("funding session already closed");
            CatalogueVersion.FundingPolicy policy = policyFor(unit, catalogue);
            Allowance allowance = byYear.computeIfAbsent(year, this::open);
            Funding funding = Funding.split(policy, premium, allowance.left());
            allowance.drawn = allowance.drawn.plus(funding.union());
            return funding;
        }

        Long budgetOrgId(int year) {
            Allowance a = byYear.get(year);
            return a == null || a.drawn.isZero() ? null : a.orgNodeId;
        }

        private Allowance open(int year) {
            return budgets.lockNearest(organisations.selfAndAncestors(unit.organisationId()), year)
                    .map(b -> new Allowance(b.orgNodeId(), year, b.left()))
                    .orElseGet(() -> new Allowance(null, year, Money.ZERO));
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            byYear.values().forEach(a -> {
                if (a.orgNodeId != null) budgets.use(a.orgNodeId, a.year, a.drawn);
            });
        }
    }

    private static final class Allowance {
        final Long orgNodeId;
        final int year;
        final Money budgetLeft;
        Money drawn = Money.ZERO;

        Allowance(Long orgNodeId, int year, Money budgetLeft) {
            this.orgNodeId = orgNodeId;
            this.year = year;
            this.budgetLeft = budgetLeft;
        }

        Money left() {
            return budgetLeft.minus(drawn);
        }
    }

    Session open(Unit unit) {
        return new Session(unit);
    }

    static CatalogueVersion.FundingPolicy policyFor(Unit unit, CatalogueVersion catalogue) {
        String code = unit.fundingPolicy() != null ? unit.fundingPolicy()
                : catalogue.funding().defaultPolicyByOwnership().getOrDefault(unit.ownership().name(), "UNIT_PAYS");
        return catalogue.funding().policy(code)
                .orElseThrow(() -> new IllegalStateException("unknown funding policy " + code + " for unit " + unit.id()));
    }
}
