package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.organisation.OrgNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The workload of the claims in review, counted on the Chinese working-day calendar against the 7-working-day promise:
 * ageing buckets, 明日到期 meaning the next working day (across the National Day holiday, and over a weekend with a
 * make-up working Saturday), and the escalation one working day before the promise falls due: once per claim and date,
 * with a flag and messages to the holder (or the office's reviewers while in the pool) and the union staff above.
 */
class ReviewWorkloadTest extends OfficeFixtures {

    @Autowired
    private ClaimEscalations escalations;

    @Test
    void agesAndDueTomorrowCountWorkingDaysAcrossTheNationalDayHolidayAndTheClaimIsEscalatedOnce() {
        offices.clockTo(LocalDate.of(2026, 9, 21));   // a Monday; 25–27 September and 1–7 October are days off
        OrgNode county = offices.newCounty();
        String reviewer = offices.reviewerAt(county, "账龄审核员");
        long member = offices.worker(county, "HOSPITAL:4");
        long early = offices.reviewClaim(member, "6000.00");   // complete on 21 September: the 7th working day is 8 October
        offices.clockTo(LocalDate.of(2026, 9, 29));
        long late = offices.reviewClaim(member, "6000.00");    // complete on 29 September: due on 14 October

        offices.clockTo(LocalDate.of(2026, 9, 30));
        JsonNode workload = get("demo-wuhan", "/api/v1/claim-workload").json();
        assertThat(workload.path("nextWorkingDay").asString()).isEqualTo("2026-10-08");
        JsonNode office = office(workload, county);
        assertThat(counts(office.path("counts"))).isEqualTo("open 2 pool 0 early 1 middle 0 late 1 lastDay 0 overdue 0 dueTomorrow 1 escalated 0");
        assertThat(counts(reviewerRow(workload, reviewer).path("counts")))
                .isEqualTo("open 2 pool 0 early 1 middle 0 late 1 lastDay 0 overdue 0 dueTomorrow 1 escalated 0");
        assertThat(offices.ids(get(reviewer, "/api/v1/review-queue?assigned=ME"))).containsExactly(early, late);   // the earlier due first
        assertThat(offices.ids(get("demo-wuhan", "/api/v1/review-queue?dueTomorrow=true&officeId=" + county.id()))).containsExactly(early);
        JsonNode line = get(reviewer, "/api/v1/review-queue?assigned=ME").json().get(0);
        assertThat(line.path("promiseDueOn").asString()).isEqualTo("2026-10-08");
        assertThat(line.path("workingDaysElapsed").asInt()).isEqualTo(6);
        assertThat(line.path("ageing").asString()).isEqualTo("LATE");
        assertThat(line.path("assigneeName").asString()).isEqualTo("账龄审核员");

        List<Long> escalated = escalations.escalate(LocalDate.of(2026, 9, 30));

        assertThat(escalated).contains(early).doesNotContain(late);
        JsonNode flagged = offices.assignment(reviewer, early);
        assertThat(flagged.path("escalated").asBoolean()).isTrue();
        assertThat(flagged.path("escalatedOn").asString()).isEqualTo("2026-09-30");
        assertThat(offices.timeline(early).getLast()).isEqualTo("临近办结时限：须于2026-10-08前办结，已提醒审核员账龄审核员及工会工作人员");
        String reference = ClaimReference.of(early);
        assertThat(escalationMessages(reviewer, reference)).containsExactly(
                "账龄审核员您好，互助金申领" + reference + "须于2026年10月8日前办结（材料齐全后7个工作日内），目前尚未审核完毕，请及时办理。");
        assertThat(escalationMessages("demo-wuhan", reference)).hasSize(1);   // the county has no staff of its own: the city's
        assertThat(escalations.escalate(LocalDate.of(2026, 9, 30))).doesNotContain(early);
        assertThat(escalationMessages(reviewer, reference)).hasSize(1);
        assertThat(office(get("demo-wuhan", "/api/v1/claim-workload").json(), county).path("counts").path("escalated").asInt()).isEqualTo(1);

        offices.clockTo(LocalDate.of(2026, 10, 8));   // the last day: escalated already for this date
        assertThat(counts(office(get("demo-wuhan", "/api/v1/claim-workload").json(), county).path("counts")))
                .isEqualTo("open 2 pool 0 early 1 middle 0 late 0 lastDay 1 overdue 0 dueTomorrow 0 escalated 1");
        assertThat(escalations.escalate(LocalDate.of(2026, 10, 8))).doesNotContain(early, late);

        offices.clockTo(LocalDate.of(2026, 10, 9));
        assertThat(offices.ids(get("demo-wuhan", "/api/v1/review-queue?overdue=true&officeId=" + county.id()))).containsExactly(early);
        assertThat(offices.ids(get("demo-wuhan", "/api/v1/review-queue?ageing=OVERDUE&officeId=" + county.id()))).containsExactly(early);
    }

    @Test
    void onAFridayAClaimDueOnMondayIsDueTomorrowAndInThePoolItsOfficesReviewersAreTold() {
        offices.clockTo(LocalDate.of(2026, 10, 9));   // a Friday; Saturday 10 October is a make-up working day
        OrgNode county = offices.newCounty();
        String reviewer = offices.reviewerAt(county, "周末审核员");
        assertThat(put("demo-wuhan", "/api/v1/review-offices/" + county.id() + "/mode", "{\"mode\":\"POOL\"}").status()).isEqualTo(200);
        long claim = offices.reviewClaim(offices.worker(county, "HOSPITAL:4"), "6000.00");

        offices.clockTo(LocalDate.of(2026, 10, 16));   // 10, 12–16 October: 6 working days used, the 7th is Monday 19 October
        JsonNode workload = get("demo-wuhan", "/api/v1/claim-workload").json();
        assertThat(workload.path("nextWorkingDay").asString()).isEqualTo("2026-10-19");
        assertThat(counts(office(workload, county).path("counts")))
                .isEqualTo("open 1 pool 1 early 0 middle 0 late 1 lastDay 0 overdue 0 dueTomorrow 1 escalated 0");
        assertThat(office(workload, county).path("mode").asString()).isEqualTo("POOL");
        offices.clockTo(LocalDate.of(2026, 10, 17));   // Saturday: no working day used, Monday is still the next one
        assertThat(offices.assignment("demo-wuhan", claim).path("dueTomorrow").asBoolean()).isTrue();
        assertThat(get(reviewer, "/api/v1/review-queue?assigned=POOL").json().get(0).path("workingDaysElapsed").asInt()).isEqualTo(6);

        assertThat(escalations.escalate(LocalDate.of(2026, 10, 17))).contains(claim);
        assertThat(escalationMessages(reviewer, ClaimReference.of(claim))).hasSize(1);
        assertThat(offices.timeline(claim).getLast()).isEqualTo("临近办结时限：须于2026-10-19前办结，已提醒" + county.name() + "审核员（待领取）及工会工作人员");

        offices.clockTo(LocalDate.of(2026, 10, 19));
        assertThat(counts(office(get("demo-wuhan", "/api/v1/claim-workload").json(), county).path("counts")))
                .isEqualTo("open 1 pool 1 early 0 middle 0 late 0 lastDay 1 overdue 0 dueTomorrow 0 escalated 1");
    }

    @Test
    void theWorkloadShowsOnlyWhatIsInsideTheViewersScope() {
        OrgNode county = offices.newCounty();
        String reviewer = offices.reviewerAt(county, "范围审核员");
        offices.reviewClaim(offices.worker(county, "HOSPITAL:4"), "6000.00");
        assertThat(get("demo-wuhan", "/api/v1/claim-workload").json().path("offices")).extracting(o -> o.path("officeId").asLong())
                .contains(county.id());
        JsonNode jingmen = get("demo-jingmen", "/api/v1/claim-workload").json();
        assertThat(jingmen.path("offices")).extracting(o -> o.path("officeId").asLong()).doesNotContain(county.id());
        assertThat(jingmen.path("reviewers")).extracting(r -> r.path("username").asString()).doesNotContain(reviewer);
        assertThat(offices.ids(get("demo-jingmen", "/api/v1/review-queue?officeId=" + county.id()))).isEmpty();
        assertProblem(get("demo-wuhan", "/api/v1/review-queue?assigned=SOMEONE"), 400);
        assertProblem(get("demo-unit", "/api/v1/claim-workload"), 403);
    }

    private static JsonNode office(JsonNode workload, OrgNode office) {
        for (JsonNode o : workload.path("offices")) if (o.path("officeId").asLong() == office.id()) return o;
        throw new AssertionError("office " + office.name() + " not in the workload: " + workload);
    }

    private static JsonNode reviewerRow(JsonNode workload, String username) {
        for (JsonNode r : workload.path("reviewers")) if (r.path("username").asString().equals(username)) return r;
        throw new AssertionError("reviewer " + username + " not in the workload: " + workload);
    }

    private static String counts(JsonNode c) {
        List<String> parts = new ArrayList<>();
        for (String name : List.of("open", "pool", "early", "middle", "late", "lastDay", "overdue", "dueTomorrow", "escalated")) {
            parts.add(name + " " + c.path(name).asInt());
        }
        return String.join(" ", parts);
    }

    /** The bodies of the escalation messages about the claim in the user's inbox. */
    private List<String> escalationMessages(String user, String reference) {
        List<String> bodies = new ArrayList<>();
        get(user, "/api/v1/inbox?limit=200").json().path("items").forEach(m -> {
            if (m.path("template").asString().equals("CLAIM_ESCALATED") && m.path("body").asString().contains(reference)) {
                bodies.add(m.path("body").asString());
            }
        });
        return bodies;
    }
}
