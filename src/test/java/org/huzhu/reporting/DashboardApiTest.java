package org.huzhu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard against a scenario built through the real APIs in a county of its own: workers enrolled new and
 * renewed, a new-form worker, a claim paid through the simulated bank, a bill part-paid. The rollups are refreshed
 * directly; every figure is computed here from what the scenario made.
 */
class DashboardApiTest extends ApiTest {

    @Autowired
    Organisations organisations;
    @Autowired
    Accounts accounts;
    @Autowired
    Payouts payouts;
    @Autowired
    Rollups rollups;

    ClaimOffices offices;

    @BeforeEach
    void fixtures() {
        offices = new ClaimOffices(this, organisations, accounts);
    }

    private String period() {
        return "from=" + YearMonth.from(today().minusYears(2)) + "&to=" + YearMonth.from(today().plusYears(1));
    }

    private JsonNode dashboard(String user, long office) {
        Answer answer = get(user, "/api/v1/reporting/dashboard?office=" + office + "&" + period());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private long register(long unit, String form) {
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "统计测试职工",
                "idNumber", newIdNumber(LocalDate.of(1986, 4, 2), 'M'), "employmentForm", form, "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().path("id").asLong();
    }

    private long unitOf(long member) {
        return get("demo-admin", "/api/v1/members/" + member).json().path("unitId").asLong();
    }

    private static BigDecimal money(JsonNode node) {
        return new BigDecimal(node.asString());
    }

    @Test
    void theDashboardShowsWhatTheScenarioMadeAndTheCityAboveIt() {
        OrgNode county = offices.newCounty();
        // A: a new worker with a claim paid; C: a new-form worker of A's unit
        long a = offices.worker(county, "HOSPITAL:1");
        long unitA = unitOf(a);
        enrolItems(unitA, register(unitA, "NEW_FORM"), today().minusDays(100), "HOSPITAL:1");
        // B: enrolled 340 days ago, renewed without a gap (cover chained on)
        long unitB = newUnit(county.name());
        long b = register(unitB, "REGULAR");
        enrolItems(unitB, b, today().minusDays(340), "HOSPITAL:1");
        Answer renewal = post("demo-admin", "/api/v1/enrolments", JSON.writeValueAsString(Map.of("unitId", unitB, "memberId", b,
                "items", List.of(Map.of("item", "HOSPITAL", "shares", 1)))));
        assertThat(renewal.status()).as(renewal.body()).isEqualTo(201);
        long renewalBill = renewal.json().path("billId").asLong();
        Answer paid = post("demo-finance", "/api/v1/bills/" + renewalBill + "/payments", JSON.writeValueAsString(Map.of(
                "amount", get("demo-finance", "/api/v1/bills/" + renewalBill).json().path("outstanding").asString(),
                "paidOn", today().toString(), "reference", "统计续保" + renewalBill)));
        assertThat(paid.status()).as(paid.body()).isBetween(200, 201);
        // D: a unit whose bill is paid in part only: billed, not enrolled
        long unitD = newUnit(county.name());
        Answer awaiting = post("demo-admin", "/api/v1/enrolments", JSON.writeValueAsString(Map.of("unitId", unitD,
                "memberId", register(unitD, "REGULAR"), "items", List.of(Map.of("item", "HOSPITAL", "shares", 1)))));
        assertThat(awaiting.status()).as(awaiting.body()).isEqualTo(201);
        long partBill = awaiting.json().path("billId").asLong();
        Answer part = post("demo-finance", "/api/v1/bills/" + partBill + "/payments", JSON.writeValueAsString(Map.of(
                "amount", "10.00", "paidOn", today().toString(), "reference", "统计部分" + partBill)));
        assertThat(part.status()).as(part.body()).isBetween(200, 201);
        // A's claim: complete materials, approved automatically, paid by the simulated bank today
        JsonNode submitted = offices.fileAndSubmit(a, ClaimOffices.hospitalClaim("3000.00", true, today().minusDays(30), today().minusDays(20)));
        assertThat(submitted.path("status").asString()).as(submitted.toString()).isEqualTo("PAYMENT_PENDING");
        long claim = submitted.path("id").asLong();
        assertThat(PayoutRound.pay(payouts, "HZ-" + claim + "-1").status()).isEqualTo(PayoutStatus.SETTLED);
        BigDecimal claimPaid = money(get("demo-admin", "/api/v1/claims/" + claim).json().path("approvedTotal"));

        BigDecimal billed = BigDecimal.ZERO, received = BigDecimal.ZERO, outstanding = BigDecimal.ZERO;
        for (long unit : List.of(unitA, unitB, unitD)) {
            for (JsonNode bill : get("demo-finance", "/api/v1/bills?unitId=" + unit).json()) {
                billed = billed.add(money(bill.path("amountDue"))).add(money(bill.path("unionSubsidyDue")));
                received = received.add(money(bill.path("received"))).add(money(bill.path("unionSubsidyReceived")));
                outstanding = outstanding.add(money(bill.path("outstanding"))).add(money(bill.path("unionSubsidyOutstanding")));
            }
        }
        rollups.refresh();

        JsonNode board = dashboard("demo-wuhan", county.id());
        assertThat(board.path("office").path("name").asString()).isEqualTo(county.name());
        JsonNode enrolment = board.path("enrolment");
        assertThat(enrolment.path("personTimes").asLong()).isEqualTo(4);          // A, C, B and B renewed
        assertThat(enrolment.path("renewals").asLong()).isEqualTo(1);
        assertThat(enrolment.path("newEnrolments").asLong()).isEqualTo(3);
        assertThat(enrolment.path("newFormPersonTimes").asLong()).isEqualTo(1);
        assertThat(enrolment.path("units").asLong()).isEqualTo(2);               // D's unit is billed, not enrolled
        assertThat(enrolment.path("byItem")).extracting(i -> i.path("code").asString() + "=" + i.path("enrolments").asLong())
                .containsExactly("HOSPITAL=4");
        assertThat(enrolment.path("byForm")).extracting(i -> i.path("code").asString() + "=" + i.path("personTimes").asLong())
                .containsExactlyInAnyOrder("REGULAR=3", "NEW_FORM=1");
        assertThat(enrolment.path("byOwnership")).filteredOn(o -> o.path("code").asString().equals("OTHER"))
                .extracting(o -> o.path("personTimes").asLong() + "/" + o.path("units").asLong()).containsExactly("4/2");
        assertThat(enrolment.path("byMonth")).extracting(m -> m.path("personTimes").asLong())
                .satisfies(l -> assertThat(l.stream().mapToLong(Long::longValue).sum()).isEqualTo(4));
        assertThat(enrolment.path("byMonth")).filteredOn(m -> m.path("month").asString().equals(YearMonth.from(today().minusDays(99)).toString()))
                .extracting(m -> m.path("personTimes").asLong()).allMatch(n -> n >= 1).hasSize(1);
        assertThat(enrolment.path("byOffice")).extracting(o -> o.path("office").path("unit").asBoolean()).containsOnly(true);
        assertThat(enrolment.path("byOffice")).extracting(o -> o.path("office").path("id").asLong() + "=" + o.path("personTimes").asLong())
                .contains(unitA + "=2", unitB + "=2", unitD + "=0");

        JsonNode claims = board.path("claims");
        assertThat(claims.path("filed").asLong()).isEqualTo(1);
        assertThat(claims.path("approved").asLong()).isEqualTo(1);
        assertThat(claims.path("rejected").asLong()).isZero();
        assertThat(claims.path("paid").asLong()).isEqualTo(1);
        assertThat(claims.path("personTimesPaid").asLong()).isEqualTo(1);
        assertThat(money(claims.path("paidAmount"))).isEqualByComparingTo(claimPaid);
        assertThat(claims.path("byItem")).extracting(i -> i.path("code").asString() + "=" + i.path("paidAmount").asString())
                .containsExactly("HOSPITAL=" + claimPaid.setScale(2));
        // materials complete and paid the same day: no working day passed
        assertThat(claims.path("workingDaysToPay").path("average").asDouble()).isZero();
        assertThat(claims.path("workingDaysToPay").path("p90").asInt()).isZero();
        assertThat(claims.path("workingDaysToPay").path("withinPromiseShare").asDouble()).isEqualTo(1.0);
        assertThat(claims.path("overdueNow").asLong()).isZero();

        JsonNode money = board.path("money");
        assertThat(money(money.path("billed"))).isEqualByComparingTo(billed);
        assertThat(money(money.path("received"))).isEqualByComparingTo(received);
        assertThat(money(money.path("outstanding"))).isEqualByComparingTo(outstanding).isPositive();
        assertThat(money.path("lossRatio").asDouble()).isCloseTo(claimPaid.doubleValue() / billed.doubleValue(), org.assertj.core.data.Offset.offset(0.0001));
        assertThat(board.path("league")).filteredOn(r -> r.path("office").path("id").asLong() == unitA)
                .extracting(r -> r.path("claimsPaid").asLong()).containsExactly(1L);

        // the city sees the county among its counties, with the same figures
        JsonNode wuhan = dashboard("demo-wuhan", organisationIdsByName().get("武汉市总工会"));
        assertThat(wuhan.path("enrolment").path("byOffice")).filteredOn(o -> o.path("office").path("id").asLong() == county.id())
                .extracting(o -> o.path("personTimes").asLong() + "/" + o.path("units").asLong()).containsExactly("4/2");
        assertThat(wuhan.path("league")).filteredOn(o -> o.path("office").path("id").asLong() == county.id())
                .extracting(o -> o.path("claimsPaid").asLong()).containsExactly(1L);
        assertThat(wuhan.path("enrolment").path("byOffice")).extracting(o -> o.path("office").path("name").asString())
                .doesNotContain("东宝区总工会", "荆门市总工会");

        // the lists behind the figures
        Answer renewals = get("demo-wuhan", "/api/v1/reporting/drilldown?office=" + county.id() + "&" + period() + "&figure=renewals");
        assertThat(renewals.status()).as(renewals.body()).isEqualTo(200);
        assertThat(renewals.json().path("total").asLong()).isEqualTo(1);
        assertThat(renewals.json().path("rows").get(0).path("memberId").asLong()).isEqualTo(b);
        assertThat(renewals.json().path("rows").get(0).path("idMasked").asString()).startsWith("****");
        Answer paidClaims = get("demo-wuhan", "/api/v1/reporting/drilldown?office=" + county.id() + "&" + period() + "&figure=paid");
        assertThat(paidClaims.json().path("rows")).extracting(r -> r.path("id").asLong()).containsExactly(claim);
        Answer units = get("demo-wuhan", "/api/v1/reporting/drilldown?office=" + county.id() + "&" + period() + "&figure=units");
        assertThat(units.json().path("rows")).extracting(r -> r.path("id").asLong()).containsExactlyInAnyOrder(unitA, unitB);
        Answer owing = get("demo-wuhan", "/api/v1/reporting/drilldown?office=" + county.id() + "&" + period() + "&figure=outstanding");
        assertThat(owing.json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void anOfficeOutsideTheCallersScopeIsNotFoundAndBadMonthsNameTheirField() {
        OrgNode county = offices.newCounty();
        assertProblem(get("demo-jingmen", "/api/v1/reporting/dashboard?office=" + county.id()), 404);
        assertProblem(get("demo-jingmen", "/api/v1/reporting/drilldown?figure=paid&office=" + county.id()), 404);
        JsonNode jingmen = get("demo-jingmen", "/api/v1/reporting/dashboard").json();
        assertThat(jingmen.path("office").path("name").asString()).isEqualTo("荆门市总工会");
        assertThat(jingmen.path("league")).extracting(o -> o.path("office").path("name").asString())
                .contains("东宝区总工会").doesNotContain("江岸区总工会", county.name());

        Answer badMonth = get("demo-admin", "/api/v1/reporting/dashboard?from=2026-13");
        assertProblem(badMonth, 400);
        assertThat(fields(badMonth)).containsExactly("from");
        Answer reversed = get("demo-admin", "/api/v1/reporting/dashboard?from=2026-05&to=2026-02");
        assertProblem(reversed, 400);
        assertThat(fields(reversed)).containsExactly("from");
        Answer badFigure = get("demo-admin", "/api/v1/reporting/drilldown?figure=nothing&month=2026-1x");
        assertProblem(badFigure, 400);
        assertThat(fields(badFigure)).containsExactly("figure");
        Answer badDrillMonth = get("demo-admin", "/api/v1/reporting/drilldown?figure=paid&month=2026-1x");
        assertThat(fields(badDrillMonth)).containsExactly("month");
    }

    @Test
    void targetsAreSetByTheOfficeDirectlyAboveAndShownAgainstTheFigures() {
        OrgNode county = offices.newCounty();
        long wuhan = organisationIdsByName().get("武汉市总工会");
        int year = today().getYear();
        String path = "/api/v1/reporting/targets/" + year + "/" + county.id();

        Answer byProvince = put("demo-admin", path, "{\"targets\":[{\"metric\":\"PERSON_TIMES\",\"value\":8}]}");
        assertProblem(byProvince, 400);
        assertThat(fields(byProvince)).containsExactly("orgId");
        assertProblem(put("demo-jingmen", path, "{\"targets\":[{\"metric\":\"PERSON_TIMES\",\"value\":8}]}"), 404);
        assertProblem(put("demo-finance", path, "{\"targets\":[{\"metric\":\"PERSON_TIMES\",\"value\":8}]}"), 403);
        Answer negative = put("demo-wuhan", path, "{\"targets\":[{\"metric\":\"PERSON_TIMES\",\"value\":8},{\"metric\":\"UNITS\",\"value\":-1}]}");
        assertProblem(negative, 400);
        assertThat(fields(negative)).containsExactly("targets[1].value");

        Answer set = put("demo-wuhan", path, "{\"targets\":[{\"metric\":\"PERSON_TIMES\",\"value\":8},{\"metric\":\"UNITS\",\"value\":4}]}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        JsonNode below = get("demo-wuhan", "/api/v1/reporting/targets?year=" + year).json().path("below");
        assertThat(below).filteredOn(b -> b.path("office").path("id").asLong() == county.id())
                .flatExtracting(b -> List.copyOf(b.path("targets").values()))
                .extracting(t -> t.path("metric").asString() + "=" + t.path("value").asLong())
                .containsExactlyInAnyOrder("PERSON_TIMES=8", "UNITS=4");
        assertThat(loggedChanges(path)).as("changes in the operation log").isEqualTo(2);

        long unit = newUnit(county.name());
        enrolItems(unit, register(unit, "REGULAR"), today().minusDays(10), "HOSPITAL:1");
        enrolItems(unit, register(unit, "NEW_FORM"), today().minusDays(10), "HOSPITAL:1");
        rollups.refresh();
        JsonNode board = get("demo-wuhan", "/api/v1/reporting/dashboard?office=" + county.id()).json();
        JsonNode target = board.path("enrolment").path("target");
        assertThat(target.path("personTimes").asLong()).isEqualTo(8);
        assertThat(target.path("personTimesShare").asDouble()).isEqualTo(2 / 8.0);
        assertThat(target.path("unitsShare").asDouble()).isEqualTo(1 / 4.0);
        assertThat(target.path("newFormShare").isNull()).isTrue();
        JsonNode city = get("demo-wuhan", "/api/v1/reporting/dashboard?office=" + wuhan).json();
        assertThat(city.path("league")).filteredOn(o -> o.path("office").path("id").asLong() == county.id())
                .extracting(o -> o.path("target").asLong() + "/" + o.path("share").asDouble()).containsExactly("8/0.25");
        JsonNode own = get("demo-wuhan", "/api/v1/reporting/targets?year=" + year + "&office=" + county.id()).json();
        assertThat(own.path("own")).extracting(o -> o.path("setBy").asString()).containsOnly("武汉市总工会");
    }

    /** The changes the operation log holds for the successful PUTs of the path (written after the answer: waited for). */
    private long loggedChanges(String path) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            long changes = jdbc.sql("""
                    select coalesce(sum(jsonb_array_length(changes)), 0) from audit.operation_log
                     where method = 'PUT' and path = ? and status = 200 and changes::text like '%reporting.target%'""")
                    .param(path).query(Long.class).single();
            if (changes > 0 || System.nanoTime() > deadline) return changes;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return changes;
            }
        }
    }
}
