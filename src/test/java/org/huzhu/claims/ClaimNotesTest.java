package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Follow-up notes (省、市、县三级工会专人跟进): the union staff, reviewers and administrators who see a claim add notes
 * that keep the author, their office and its level, in order, at most 1,000 characters, never changed afterwards;
 * staff outside the claim's part of the tree see and add none, and unit operators and workers have no notes.
 */
class ClaimNotesTest extends OfficeFixtures {

    @Test
    void staffInScopeAddNotesThatKeepTheirOfficeAndLevelInOrder() {
        long claim = offices.reviewClaim(offices.worker(offices.newCounty(), "HOSPITAL:4"), "6000.00");
        String notes = "/api/v1/claims/" + claim + "/notes";

        Answer city = post("demo-wuhan", notes, JSON.writeValueAsString(Map.of("text", "已电话联系职工，出院小结原件周五送到")));
        assertThat(city.status()).as(city.body()).isEqualTo(201);
        assertThat(city.json().path("officeName").asString()).isEqualTo("武汉市总工会");
        assertThat(city.json().path("officeLevel").asString()).isEqualTo("CITY");
        assertThat(city.json().path("officeLevelName").asString()).isEqualTo("市（州）总工会");
        assertThat(city.json().path("authorName").asString()).isEqualTo("演示工作人员（武汉市总工会）");
        Answer province = post("demo-reviewer", notes, JSON.writeValueAsString(Map.of("text", "  省办事处已核对票据真伪  ")));
        assertThat(province.status()).as(province.body()).isEqualTo(201);

        JsonNode list = get("demo-admin", notes).json();
        assertThat(list).extracting(n -> n.path("author").asString() + "|" + n.path("officeLevel").asString() + "|" + n.path("text").asString())
                .containsExactly("demo-wuhan|CITY|已电话联系职工，出院小结原件周五送到", "demo-reviewer|PROVINCE|省办事处已核对票据真伪");
        assertThat(list.get(0).path("at").asString()).isEqualTo(city.json().path("at").asString());

        Answer tooLong = post("demo-wuhan", notes, JSON.writeValueAsString(Map.of("text", "跟".repeat(1001))));
        assertProblem(tooLong, 400);
        assertThat(fields(tooLong)).containsExactly("text");
        assertThat(post("demo-wuhan", notes, JSON.writeValueAsString(Map.of("text", "跟".repeat(1000)))).status()).isEqualTo(201);
        assertProblem(post("demo-wuhan", notes, "{\"text\":\"   \"}"), 400);
        assertProblem(post("demo-wuhan", notes, ""), 400);
    }

    @Test
    void notesStayWithinScopeAndAreNeverChanged() {
        long claim = offices.reviewClaim(offices.worker(offices.newCounty(), "HOSPITAL:4"), "6000.00");
        String notes = "/api/v1/claims/" + claim + "/notes";
        assertThat(post("demo-wuhan", notes, "{\"text\":\"县工会已上门走访\"}").status()).isEqualTo(201);

        assertProblem(get("demo-jingmen", notes), 404);
        assertProblem(post("demo-jingmen", notes, "{\"text\":\"越权\"}"), 404);
        assertProblem(get("demo-unit", notes), 403);
        assertProblem(post("demo-member", notes, "{\"text\":\"本人\"}"), 403);
        assertProblem(get("demo-finance", notes), 403);
        assertThatThrownBy(() -> jdbc.sql("update claims.claim_note set body = '改写' where claim_id = ?").param(claim).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from claims.claim_note where claim_id = ?").param(claim).update())
                .rootCause().hasMessageContaining("append-only");
        assertThat(get("demo-wuhan", notes).json()).hasSize(1);
    }
}
