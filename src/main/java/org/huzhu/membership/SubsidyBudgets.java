package org.huzhu.membership;

import java.util.List;
import java.util.Optional;
import org.huzhu.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Yearly union subsidy budgets. A unit's subsidy comes from the nearest union office above it
 * that has a budget for the year; the row is locked while a subsidy is drawn, so concurrent
 * enrolments never overspend it.
 */
@Repository
class SubsidyBudgets {

    private final JdbcClient jdbc;

    SubsidyBudgets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Budget(long orgNodeId, int year, Money amount, Money used) {
        Money left() {
            return amount.minus(used);
        }
    }

    /** Locks and returns the budget of the nearest office in {@code selfAndAncestors} (nearest first). */
    Optional<Budget> lockNearest(List<Long> selfAndAncestors, int year) {
        List<Budget> found = jdbc.sql("""
                select org_node_id, year, amount, used from membership.subsidy_budget
                 where org_node_id = any(?) and year = ? for update""")
                .params(selfAndAncestors.toArray(Long[]::new), year)
                .query((rs, n) -> new Budget(rs.getLong(1), rs.getInt(2), new Money(rs.getBigDecimal(3)), new Money(rs.getBigDecimal(4))))
                .list();
        for (Long id : selfAndAncestors) {
            for (Budget b : found) if (b.orgNodeId() == id) return Optional.of(b);
        }
        return Optional.empty();
    }

    /** Locks and returns one office's budget for the year, if it has one. */
    Optional<Budget> lock(long orgNodeId, int year) {
        return jdbc.sql("select org_node_id, year, amount, used from membership.subsidy_budget where org_node_id = ? and year = ? for update")
                .params(orgNodeId, year)
                .query((rs, n) -> new Budget(rs.getLong(1), rs.getInt(2), new Money(rs.getBigDecimal(3)), new Money(rs.getBigDecimal(4))))
                .optional();
    }

    void use(long orgNodeId, int year, Money amount) {
        if (amount.isZero()) return;
        jdbc.sql("update membership.subsidy_budget set used = used + ? where org_node_id = ? and year = ?")
                .params(amount.amount(), orgNodeId, year).update();
    }

    void set(long orgNodeId, int year, Money amount) {
        jdbc.sql("""
                insert into membership.subsidy_budget (org_node_id, year, amount) values (?, ?, ?)
                on conflict (org_node_id, year) do update set amount = excluded.amount""")
                .params(orgNodeId, year, amount.amount()).update();
    }

    List<Budget> all() {
        return jdbc.sql("select org_node_id, year, amount, used from membership.subsidy_budget order by org_node_id, year")
                .query((rs, n) -> new Budget(rs.getLong(1), rs.getInt(2), new Money(rs.getBigDecimal(3)), new Money(rs.getBigDecimal(4))))
                .list();
    }
}
