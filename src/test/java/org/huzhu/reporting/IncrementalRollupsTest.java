package org.huzhu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huzhu.identity.Accounts;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.payouts.PayoutStatus;
import org.huzhu.payouts.Payouts;
import org.huzhu.support.ApiTest;
import org.huzhu.support.ClaimOffices;
import org.huzhu.support.PayoutRound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The refresh of changes (every 30 s): an enrolment, a claim, a payment and a failed payout made through the real APIs
 * each move their figure after one refresh of changes, which leaves exactly the rows the whole rewrite writes; with
 * nothing changed it does nothing.
 */
class IncrementalRollupsTest extends ApiTest {

    @Autowired
    Organisations organisations;
    @Autowired
    Accounts accounts;
    @Autowired
    Payouts payouts;
    @Autowired
    Rollups rollups;
    @Autowired
    JdbcClient jdbc;

    private static final List<String> ROLLUPS = List.of("unit_month", "node_month", "unit_dimension", "node_dimension", "unit_year",
            "unit_now", "node_year", "tree_month", "tree_dimension", "tree_units", "tree_now");

    private JsonNode dashboard(long office) {
        Answer answer = get("demo-admin", "/api/v1/reporting/dashboard?office=" + office + "&from="
                + YearMonth.from(today().minusYears(1)) + "&to=" + YearMonth.from(today().plusMonths(1)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private long register(long unit, String name) {
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", name,
                "idNumber", newIdNumber(LocalDate.of(1984, 6, 9), 'M'), "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().path("id").asLong();
    }

    /** Every row of every rollup, as text, in order. */
    private List<String> rollupRows() {
        List<String> rows = new ArrayList<>();
        for (String table : ROLLUPS) {
            rows.addAll(jdbc.sql("select '" + table + " ' || t::text from reporting." + table + " t order by 1").query(String.class).list());
        }
        return rows;
    }

    private static BigDecimal money(JsonNode node) {
        return new BigDecimal(node.asString());
    }

    @Test
    void eachChangeMovesItsFigureAfterOneRefreshOfChangesWhichWritesWhatTheWholeRewriteWrites() {
        ClaimOffices offices = new ClaimOffices(this, organisations, accounts);
        OrgNode county = offices.newCounty();
        long a = offices.worker(county, "HOSPITAL:1");
        long unit = get("demo-admin", "/api/v1/members/" + a).json().path("unitId").asLong();
        rollups.refresh();
        JsonNode before = dashboard(county.id());

        // an enrolment: a new worker of the unit, paid today
        enrolItems(unit, register(unit, "统计增量职工"), today(), "HOSPITAL:1");
        // a claim paid through the simulated bank
        JsonNode claim = offices.fileAndSubmit(a, ClaimOffices.hospitalClaim("2000.00", true, today().minusDays(30), today().minusDays(20)));
        assertThat(claim.path("status").asString()).as(claim.toString()).isEqualTo("PAYMENT_PENDING");
        assertThat(PayoutRound.pay(payouts, "HZ-" + claim.path("id").asLong() + "-1").status()).isEqualTo(PayoutStatus.SETTLED);
        // a payout the bank refuses: the simulated bank refuses a payee whose name has 错
        long refused = register(unit, "统计错户");
        enrolItems(unit, refused, today().minusDays(200), "HOSPITAL:1");
        setBankAccount(refused, "中国工商银行", newCardNumber());
        JsonNode failing = offices.fileAndSubmit(refused, ClaimOffices.hospitalClaim("1000.00", true, today().minusDays(30), today().minusDays(20)));
        assertThat(PayoutRound.pay(payouts, "HZ-" + failing.path("id").asLong() + "-1").status()).isEqualTo(PayoutStatus.FAILED);
        // a payment: an enrolment awaiting payment, paid in part
        Answer awaiting = post("demo-admin", "/api/v1/enrolments", JSON.writeValueAsString(Map.of("unitId", unit,
                "memberId", register(unit, "统计待缴职工"), "items", List.of(Map.of("item", "HOSPITAL", "shares", 1)))));
        assertThat(awaiting.status()).as(awaiting.body()).isEqualTo(201);
        long bill = awaiting.json().path("billId").asLong();
        Answer part = post("demo-finance", "/api/v1/bills/" + bill + "/payments", JSON.writeValueAsString(Map.of(
                "amount", "10.00", "paidOn", today().toString(), "reference", "统计增量" + bill)));
        assertThat(part.status()).as(part.body()).isBetween(200, 201);

        assertThat(dashboard(county.id()).path("enrolment").path("personTimes").asLong()).as("not before a refresh")
                .isEqualTo(before.path("enrolment").path("personTimes").asLong());
        rollups.refreshChanges();
        assertThat(jdbc.sql("select kind from reporting.refresh").query(String.class).single()).isEqualTo("CHANGES");
        JsonNode after = dashboard(county.id());
        assertThat(after.path("enrolment").path("personTimes").asLong()).isEqualTo(before.path("enrolment").path("personTimes").asLong() + 2);
        assertThat(after.path("claims").path("filed").asLong()).isEqualTo(before.path("claims").path("filed").asLong() + 2);
        assertThat(after.path("claims").path("paid").asLong()).isEqualTo(before.path("claims").path("paid").asLong() + 1);
        assertThat(after.path("money").path("payoutsFailed").asLong()).isEqualTo(before.path("money").path("payoutsFailed").asLong() + 1);
        assertThat(money(after.path("money").path("received"))).isGreaterThanOrEqualTo(
                money(before.path("money").path("received")).add(new BigDecimal("10.00")));
        assertThat(money(after.path("money").path("outstanding"))).isGreaterThan(money(before.path("money").path("outstanding")));
        // the city above moved too
        long city = organisations.node(county.id()).parentId();
        assertThat(dashboard(city).path("enrolment").path("byOffice")).filteredOn(o -> o.path("office").path("id").asLong() == county.id())
                .extracting(o -> o.path("personTimes").asLong()).containsExactly(after.path("enrolment").path("personTimes").asLong());

        List<String> changed = rollupRows();
        rollups.refresh();
        assertThat(rollupRows()).as("the refresh of changes writes what the whole rewrite writes").isEqualTo(changed);

        // nothing changed: nothing done, the last refresh stays the whole one
        var last = jdbc.sql("select refreshed_at::text || kind from reporting.refresh").query(String.class).single();
        rollups.refreshChanges();
        assertThat(jdbc.sql("select refreshed_at::text || kind from reporting.refresh").query(String.class).single()).isEqualTo(last);
    }
}
