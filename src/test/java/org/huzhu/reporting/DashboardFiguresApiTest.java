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
import org.huzhu.support.ApiTest;
import org.huzhu.support.ClaimOffices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The figures found wrong before: cancelled enrolments (退保) are not person-times but a figure of their own with their
 * refunds; contributions are billed in the month of the bill's business day; the money is for the offices and finance,
 * not reviewers; an office without a gift quota in its part of the tree shows none rather than 0.
 */
class DashboardFiguresApiTest extends ApiTest {

    @Autowired
    Organisations organisations;
    @Autowired
    Accounts accounts;
    @Autowired
    Rollups rollups;

    private String period() {
        return "from=" + YearMonth.from(today().minusYears(1)) + "&to=" + YearMonth.from(today().plusMonths(2));
    }

    private JsonNode dashboard(String user, long office) {
        Answer answer = get(user, "/api/v1/reporting/dashboard?office=" + office + "&" + period());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private long register(long unit) {
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "统计退保职工",
                "idNumber", newIdNumber(LocalDate.of(1988, 2, 3), 'F'), "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().path("id").asLong();
    }

    @Test
    void aCancelledEnrolmentIsNoPersonTimeButACancellationWithItsRefund() {
        OrgNode county = new ClaimOffices(this, organisations, accounts).newCounty();
        long unit = newUnit(county.name());
        enrolItems(unit, register(unit), today(), "HOSPITAL:1");
        Answer enrolled = post("demo-admin", "/api/v1/enrolments", JSON.writeValueAsString(Map.of("unitId", unit, "memberId", register(unit),
                "items", List.of(Map.of("item", "HOSPITAL", "shares", 1)), "paidOn", today().toString())));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        long enrolment = enrolled.json().path("id").asLong();
        rollups.refresh();
        assertThat(dashboard("demo-admin", county.id()).path("enrolment").path("personTimes").asLong()).isEqualTo(2);

        BigDecimal refund = new BigDecimal(get("demo-admin", "/api/v1/enrolments/" + enrolment + "/cancellation-preview").json()
                .path("toPayer").asString());
        Answer requested = post("demo-admin", "/api/v1/enrolments/" + enrolment + "/cancellations", JSON.writeValueAsString(Map.of(
                "reason", "单位误报，申请退保", "bankName", "中国工商银行", "accountNumber", newCardNumber())));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        Answer approved = post("demo-admin2", "/api/v1/enrolment-cancellations/" + requested.json().path("id").asLong() + "/approve",
                "{\"note\":\"已核实\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        rollups.refreshChanges();

        JsonNode board = dashboard("demo-admin", county.id());
        assertThat(board.path("enrolment").path("personTimes").asLong()).as("the cancelled one is not counted").isEqualTo(1);
        assertThat(board.path("enrolment").path("cancellations").asLong()).isEqualTo(1);
        assertThat(new BigDecimal(board.path("money").path("refunds").asString())).isEqualByComparingTo(refund).isPositive();
    }

    @Test
    void contributionsAreBilledInTheMonthOfTheBillsBusinessDay() {
        OrgNode county = new ClaimOffices(this, organisations, accounts).newCounty();
        long unit = newUnit(county.name());
        // declared as paid 200 days ago: the bill is made today for that day (declared_for)
        LocalDate declared = today().minusDays(200);
        enrolItems(unit, register(unit), declared, "HOSPITAL:1");
        BigDecimal billed = BigDecimal.ZERO;
        for (JsonNode bill : get("demo-finance", "/api/v1/bills?unitId=" + unit).json()) {
            billed = billed.add(new BigDecimal(bill.path("amountDue").asString())).add(new BigDecimal(bill.path("unionSubsidyDue").asString()));
        }
        BigDecimal declaredBills = billed;
        rollups.refresh();
        JsonNode months = dashboard("demo-admin", county.id()).path("enrolment").path("byMonth");
        assertThat(months).filteredOn(m -> m.path("month").asString().equals(YearMonth.from(declared).toString()))
                .extracting(m -> new BigDecimal(m.path("billed").asString())).singleElement()
                .satisfies(b -> assertThat(b).isEqualByComparingTo(declaredBills).isPositive());
        assertThat(months).filteredOn(m -> m.path("month").asString().equals(YearMonth.from(today()).toString()))
                .extracting(m -> new BigDecimal(m.path("billed").asString())).allSatisfy(b -> assertThat(b).isZero());
    }

    @Test
    void reviewersSeeTheEnrolmentAndClaimsFiguresButNoMoney() {
        long province = organisationIdsByName().get("湖北省总工会");
        rollups.refresh();
        String reviewer = new ClaimOffices(this, organisations, accounts).reviewerAt(organisations.node(province), "统计审核员");
        JsonNode seen = dashboard(reviewer, province);
        assertThat(seen.path("money").isNull()).as(seen.path("money").toString()).isTrue();
        assertThat(seen.path("enrolment").path("personTimes").asLong()).isPositive();
        assertThat(seen.path("claims").path("filed").asLong()).isPositive();
        assertThat(seen.path("league")).isNotEmpty().allSatisfy(r -> {
            assertThat(r.path("billed").isNull()).isTrue();
            assertThat(r.path("lossRatio").isNull()).isTrue();
        });
        assertThat(seen.path("enrolment").path("byMonth")).allSatisfy(m -> assertThat(m.path("billed").isNull()).isTrue());
        assertThat(get(reviewer, "/api/v1/reporting/drilldown?office=" + province + "&" + period() + "&figure=outstanding").status())
                .isEqualTo(403);
        assertThat(get(reviewer, "/api/v1/reporting/drilldown?office=" + province + "&" + period() + "&figure=failedPayouts").status())
                .isEqualTo(403);
        assertThat(get(reviewer, "/api/v1/reporting/reports?office=" + province).status()).isEqualTo(403);
        assertThat(post(reviewer, "/api/v1/reporting/reports", "{\"kind\":\"YEARLY\",\"period\":\"" + today().getYear() + "\"}").status())
                .isEqualTo(403);

        JsonNode finance = dashboard("demo-finance", province);
        assertThat(finance.path("money").path("billed").asString()).matches("[0-9]+\\.[0-9]{2}");
        assertThat(finance.path("league")).allSatisfy(r -> assertThat(r.path("billed").isString()).isTrue());
    }

    @Test
    void anOfficeWithoutAGiftQuotaBelowItShowsNoneNotZero() {
        rollups.refresh();
        // the demo's quota is the province's, 400,000 a year: the gifts of Wuhan's workers draw on it
        String year = "from=" + today().getYear() + "-01&to=" + today().getYear() + "-12";
        JsonNode province = get("demo-admin", "/api/v1/reporting/dashboard?office=" + organisationIdsByName().get("湖北省总工会") + "&" + year)
                .json().path("money").path("gifts");
        assertThat(province.path("quota").asLong()).isEqualTo(400_000);
        JsonNode wuhan = get("demo-wuhan", "/api/v1/reporting/dashboard?office=" + organisationIdsByName().get("武汉市总工会") + "&" + year)
                .json().path("money").path("gifts");
        assertThat(wuhan.path("quota").isNull()).as(wuhan.toString()).isTrue();
        assertThat(wuhan.path("granted").asLong()).isLessThanOrEqualTo(province.path("granted").asLong());
    }
}
