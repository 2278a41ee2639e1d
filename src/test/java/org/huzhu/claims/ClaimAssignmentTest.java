package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.huzhu.organisation.OrgNode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Claims in review and their holders: handed to an office's reviewers in turn (the fewest held first), left in the pool
 * when the office works that way or has no reviewer and taken from it within reach, reassigned by the office's head
 * within their scope only, taken over by whoever decides, and after a first approval handed to another reviewer of the
 * new level's office. Every change shows in the timeline and the assignment's history.
 */
class ClaimAssignmentTest extends OfficeFixtures {

    @Test
    void claimsGoToTheOfficesReviewersInTurnTheOneHoldingFewestFirst() {
        OrgNode county = offices.newCounty();
        String first = offices.reviewerAt(county, "甲审核员");
        String second = offices.reviewerAt(county, "乙审核员");
        long member = offices.worker(county, "HOSPITAL:4");
        List<Long> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) claims.add(offices.reviewClaim(member, "6000.00"));

        assertThat(claims).extracting(offices::assignee).containsExactly(first, second, first, second);
        assertThat(offices.timeline(claims.getFirst())).contains("自动分派给甲审核员审核（" + county.name() + "）");
        JsonNode a = offices.assignment(first, claims.getFirst());
        assertThat(a.path("officeId").asLong()).isEqualTo(county.id());
        assertThat(a.path("mode").asString()).isEqualTo("AUTO");
        assertThat(a.path("history")).extracting(h -> h.path("how").asString() + " " + h.path("assignee").asString())
                .containsExactly("AUTO " + first);

        // the first reviewer decides one of theirs: holding fewer, they get the next claim; then it is the other's turn again
        assertThat(post(first, "/api/v1/claims/" + claims.getFirst() + "/reject", "{\"reason\":\"票据与住院记录不符\"}").status()).isEqualTo(200);
        long fifth = offices.reviewClaim(member, "6000.00");
        long sixth = offices.reviewClaim(member, "6000.00");
        assertThat(List.of(fifth, sixth)).extracting(offices::assignee).containsExactly(first, second);
    }

    @Test
    void anOfficeWorkingFromThePoolLeavesClaimsForItsReviewersToTakeWithinReach() {
        OrgNode county = offices.newCounty();
        String reviewer = offices.reviewerAt(county, "丙审核员");
        String mode = "/api/v1/review-offices/" + county.id() + "/mode";
        assertProblem(put("demo-jingmen", mode, "{\"mode\":\"POOL\"}"), 404);
        assertProblem(put("demo-reviewer", mode, "{\"mode\":\"POOL\"}"), 403);
        Answer wrong = put("demo-wuhan", mode, "{\"mode\":\"SOMETIMES\"}");
        assertProblem(wrong, 400);
        assertThat(fields(wrong)).containsExactly("mode");
        Answer set = put("demo-wuhan", mode, "{\"mode\":\"POOL\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("modeName").asString()).isEqualTo("审核员自行领取");

        long claim = offices.reviewClaim(offices.worker(county, "HOSPITAL:4"), "6000.00");

        assertThat(offices.assignee(claim)).isNull();
        assertThat(offices.timeline(claim)).contains("转入" + county.name() + "待领取（该处由审核员自行领取）");
        assertThat(offices.ids(get(reviewer, "/api/v1/review-queue?assigned=POOL"))).contains(claim);
        assertThat(offices.ids(get(reviewer, "/api/v1/review-queue?assigned=ME"))).doesNotContain(claim);
        assertThat(offices.assignment(reviewer, claim).path("canTake").asBoolean()).isTrue();

        Answer taken = post(reviewer, "/api/v1/claims/" + claim + "/assignment/take", "");
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(taken.json().path("assignee").asString()).isEqualTo(reviewer);
        assertThat(taken.json().path("canTake").asBoolean()).isFalse();
        assertThat(offices.timeline(claim)).contains("丙审核员领取审核");
        assertThat(offices.ids(get(reviewer, "/api/v1/review-queue?assigned=ME"))).contains(claim);
        assertThat(offices.ids(get(reviewer, "/api/v1/review-queue?assigned=POOL"))).doesNotContain(claim);
        // held now: nobody else takes it, and the taker cannot take it twice
        assertProblem(post("demo-reviewer", "/api/v1/claims/" + claim + "/assignment/take", ""), 409);
        assertProblem(post(reviewer, "/api/v1/claims/" + claim + "/assignment/take", ""), 409);
        // a reviewer of another county does not see it; union staff do not take claims
        String elsewhere = offices.reviewerAt(offices.newCounty(), "丁审核员");
        assertProblem(post(elsewhere, "/api/v1/claims/" + claim + "/assignment/take", ""), 404);
        assertProblem(post("demo-wuhan", "/api/v1/claims/" + claim + "/assignment/take", ""), 403);
    }

    @Test
    void anOfficeWithoutReviewersKeepsItsClaimsInThePoolForReviewersAboveWhileACountyReviewerCannotTakeACityClaim() {
        OrgNode county = offices.newCounty();
        long member = offices.worker(county, "HOSPITAL:4");
        long claim = offices.reviewClaim(member, "6000.00");
        assertThat(offices.assignee(claim)).isNull();
        assertThat(offices.timeline(claim)).contains("转入" + county.name() + "待领取（该处暂无审核员）");

        // the province's reviewer reaches a county claim; a county reviewer of the same county does not reach a city one
        assertThat(post("demo-reviewer", "/api/v1/claims/" + claim + "/assignment/take", "").status()).isEqualTo(200);
        String countyReviewer = offices.reviewerAt(county, "戊审核员");
        long cityClaim = offices.reviewClaim(member, "20000.00");
        assertThat(get("demo-admin", "/api/v1/claims/" + cityClaim).json().path("reviewLevel").asString()).isEqualTo("CITY");
        assertThat(offices.ids(get(countyReviewer, "/api/v1/review-queue?assigned=POOL"))).doesNotContain(cityClaim);
        assertProblem(post(countyReviewer, "/api/v1/claims/" + cityClaim + "/assignment/take", ""), 403);
    }

    @Test
    void theOfficeHeadReassignsWithinTheirScopeToReviewersWhoMayDecideOrBackToThePool() {
        OrgNode county = offices.newCounty();
        String first = offices.reviewerAt(county, "己审核员");
        String second = offices.reviewerAt(county, "庚审核员");
        long claim = offices.reviewClaim(offices.worker(county, "HOSPITAL:4"), "6000.00");
        assertThat(offices.assignee(claim)).isEqualTo(first);
        String path = "/api/v1/claims/" + claim + "/assignment";

        Answer candidates = get("demo-wuhan", path + "/candidates");
        assertThat(candidates.status()).as(candidates.body()).isEqualTo(200);
        // the office's own reviewers first, the one holding fewer claims first; the province's reviewers are outside a
        // city's staff's scope
        assertThat(candidates.json()).extracting(c -> c.path("username").asString()).startsWith(second, first)
                .doesNotContain("demo-reviewer");
        assertThat(candidates.json()).extracting(c -> c.path("held").asInt()).startsWith(0, 1);
        assertThat(get("demo-admin", path + "/candidates").json()).extracting(c -> c.path("username").asString())
                .contains(first, second, "demo-reviewer");

        assertProblem(put("demo-reviewer", path, "{\"assignee\":\"" + second + "\"}"), 403);
        assertProblem(put("demo-jingmen", path, "{\"assignee\":\"" + second + "\"}"), 404);
        Answer outside = put("demo-wuhan", path, "{\"assignee\":\"demo-reviewer\"}");
        assertProblem(outside, 400);
        assertThat(fields(outside)).containsExactly("assignee");
        String jingmenReviewer = offices.reviewerAt(organisations.node(organisationIdsByName().get("东宝区总工会")), "荆门审核员");
        assertProblem(put("demo-admin", path, "{\"assignee\":\"" + jingmenReviewer + "\"}"), 400);   // does not see the claim

        Answer moved = put("demo-wuhan", path, "{\"assignee\":\"" + second + "\",\"note\":\"己审核员休假\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("assignee").asString()).isEqualTo(second);
        assertThat(moved.json().path("history")).extracting(h -> h.path("how").asString()).containsExactly("AUTO", "REASSIGNED");
        assertThat(offices.timeline(claim)).contains("演示工作人员（武汉市总工会）改派给庚审核员（原由己审核员审核）：己审核员休假");
        assertProblem(put("demo-wuhan", path, "{\"assignee\":\"" + second + "\"}"), 409);

        Answer pooled = put("demo-wuhan", path, "{}");
        assertThat(pooled.status()).as(pooled.body()).isEqualTo(200);
        assertThat(pooled.json().path("assignee").isNull()).isTrue();
        assertThat(offices.timeline(claim).getLast()).startsWith("演示工作人员（武汉市总工会）退回" + county.name() + "待领取");

        // a decided claim is nobody's to reassign
        assertThat(post("demo-reviewer", "/api/v1/claims/" + claim + "/reject", "{\"reason\":\"不属于保障范围\"}").status()).isEqualTo(200);
        assertProblem(put("demo-wuhan", path, "{\"assignee\":\"" + first + "\"}"), 409);
    }

    @Test
    void aDecisionTakesTheClaimOverAndAfterAFirstApprovalAnotherReviewerOfTheNewLevelsOfficeChecksIt() {
        OrgNode city = offices.newCity();
        OrgNode county = offices.newCountyUnder(city);
        String maker = offices.reviewerAt(city, "辛审核员");
        String checker = offices.reviewerAt(city, "壬审核员");
        long member = offices.worker(county, "HOSPITAL:4");
        long claim = offices.reviewClaim(member, "40000.00");
        assertThat(get("demo-admin", "/api/v1/claims/" + claim).json().path("reviewLevel").asString()).isEqualTo("CITY");
        assertThat(offices.assignee(claim)).isEqualTo(maker);

        Answer first = post(maker, "/api/v1/claims/" + claim + "/approve", "{\"reason\":\"材料核实无误\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("firstApprovedBy").asString()).isEqualTo(maker);
        assertThat(offices.assignee(claim)).isEqualTo(checker);
        assertThat(offices.assignment(checker, claim).path("history")).extracting(h -> h.path("how").asString()).containsExactly("AUTO", "CHECKER");
        assertThat(offices.timeline(claim).getLast()).isEqualTo("初审核准后转壬审核员复核（" + city.name() + "）");
        Answer checked = post(checker, "/api/v1/claims/" + claim + "/approve", "{}");
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(checked.json().path("status").asString()).isEqualTo("PAYMENT_PENDING");

        // handed to the maker again (they hold fewest, given one longest ago), approved first by the checker instead:
        // the checker takes it over, and the check goes back to the maker, never to the first approver
        long next = offices.reviewClaim(offices.worker(county, "HOSPITAL:4"), "40000.00");
        assertThat(offices.assignee(next)).isEqualTo(maker);
        assertThat(post(checker, "/api/v1/claims/" + next + "/approve", "{}").status()).isEqualTo(200);
        List<String> reasons = offices.timeline(next);
        assertThat(reasons).containsSubsequence("由壬审核员接办（原分派给辛审核员）", "初审核准后转辛审核员复核（" + city.name() + "）");
        assertThat(offices.assignment("demo-admin", next).path("history")).extracting(h -> h.path("how").asString() + " " + h.path("assignee").asString())
                .containsExactly("AUTO " + maker, "TAKEN_OVER " + checker, "CHECKER " + maker);
        JsonNode claimed = get("demo-admin", "/api/v1/claims/" + next).json();
        assertThat(claimed.path("firstApprovedBy").asString()).isEqualTo(checker);
        assertThat(claimed.path("status").asString()).isEqualTo("UNDER_REVIEW");
    }
}
