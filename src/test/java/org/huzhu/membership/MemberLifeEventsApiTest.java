package org.huzhu.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Changes between units and life events (issue 16 item 4): leaving a unit keeps the cover and takes the worker
 * off the unit's current list; a transfer moves the worker with their cover; a correction of personal details
 * needs a second person; death ends cover, refuses claims for later events, and the heir is paid only once a
 * second person approves; out of scope is 404.
 */
class MemberLifeEventsApiTest extends ApiTest {

    @Autowired
    private Members members;

    /** A worker of a fresh unit in 江岸区 with a known ID number, enrolled 60 days ago, with a payout account. */
    private record Worker(long id, long unit, String name, String idNumber) {
    }

    private Worker worker(String name, char sex) {
        long unit = newUnit("江岸区总工会");
        String idNumber = newIdNumber(LocalDate.of(1980, 5, 20), sex);
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", name, "idNumber", idNumber,
                "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long id = registered.json().path("id").asLong();
        enrolItems(unit, id, today().minusDays(60), "HOSPITAL:1", "ACCIDENT:1");
        setBankAccount(id, "中国工商银行", newCardNumber());
        return new Worker(id, unit, name, idNumber);
    }

    @Test
    void leavingKeepsTheCoverAndTakesTheWorkerOffTheUnitsCurrentList() {
        Worker w = worker("离职职工", 'M');
        assertThat(currentMembers(w.unit())).contains(w.id());
        JsonNode coverBefore = enrolments(w.id());

        Answer left = post("demo-admin", "/api/v1/members/" + w.id() + "/leaving",
                JSON.writeValueAsString(Map.of("leftOn", today().toString(), "reason", "合同到期")));

        assertThat(left.status()).as(left.body()).isEqualTo(200);
        assertThat(left.json().path("status").asString()).isEqualTo("LEFT_UNIT");
        assertThat(left.json().path("statusName").asString()).isEqualTo("已离职");
        assertThat(left.json().path("leftUnitOn").asString()).isEqualTo(today().toString());
        assertThat(currentMembers(w.unit())).doesNotContain(w.id());
        assertThat(enrolments(w.id())).isEqualTo(coverBefore);
        JsonNode history = get("demo-wuhan", "/api/v1/members/" + w.id() + "/life-events").json();
        assertThat(history).extracting(e -> e.path("kindName").asString() + " " + e.path("note").asString()).containsExactly("已离职 合同到期");
        assertProblem(post("demo-admin", "/api/v1/members/" + w.id() + "/leaving", JSON.writeValueAsString(Map.of("leftOn", today().toString()))), 409);
        assertProblem(post("demo-admin", "/api/v1/members/" + w.id() + "/leaving", "{}"), 409);
    }

    @Test
    void aTransferMovesTheWorkerWithTheirCoverAndKeepsTheHistory() {
        Worker w = worker("调动职工", 'F');
        post("demo-admin", "/api/v1/members/" + w.id() + "/leaving", JSON.writeValueAsString(Map.of("leftOn", today().toString())));
        long newUnit = newUnit("江岸区总工会");
        JsonNode coverBefore = enrolments(w.id());

        Answer asked = post("demo-admin", "/api/v1/member-transfers", JSON.writeValueAsString(Map.of("idNumber", w.idNumber(), "name", w.name(),
                "toUnitId", newUnit, "reason", "调入新单位")));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        long transfer = asked.json().path("id").asLong();
        assertProblem(post("demo-admin", "/api/v1/member-transfers/" + transfer + "/approve", "{}"), 409);
        Answer approved = post("demo-admin2", "/api/v1/member-transfers/" + transfer + "/approve", "{\"note\":\"同意\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        JsonNode member = get("demo-admin", "/api/v1/members/" + w.id()).json();
        assertThat(member.path("unitId").asLong()).isEqualTo(newUnit);
        assertThat(member.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(currentMembers(newUnit)).contains(w.id());
        assertThat(currentMembers(w.unit())).doesNotContain(w.id());
        assertThat(enrolments(w.id())).isEqualTo(coverBefore);
        assertThat(get("demo-admin", "/api/v1/member-transfers").json()).anySatisfy(t -> {
            assertThat(t.path("id").asLong()).isEqualTo(transfer);
            assertThat(t.path("status").asString()).isEqualTo("APPROVED");
            assertThat(t.path("fromUnitId").asLong()).isEqualTo(w.unit());
        });
        assertThat(get("demo-admin", "/api/v1/members/" + w.id() + "/life-events").json()).hasSize(1);
    }

    @Test
    void aCorrectionNeedsASecondPersonAndARefusedOneChangesNothing() {
        Worker w = worker("更正职工", 'M');
        String correctedId = newIdNumber(LocalDate.of(1981, 7, 9), 'F');
        String body = JSON.writeValueAsString(Map.of("name", "更正女工", "idNumber", correctedId, "employmentForm", "新就业形态",
                "reason", "登记时录错", "evidence", "身份证复印件"));

        Answer proposed = post("demo-admin", "/api/v1/members/" + w.id() + "/corrections", body);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        long first = proposed.json().path("id").asLong();
        assertThat(proposed.json().path("statusName").asString()).isEqualTo("待审批");
        assertThat(proposed.toString()).doesNotContain(correctedId);
        assertProblem(post("demo-admin", "/api/v1/members/" + w.id() + "/corrections/" + first + "/approve", ""), 409);
        assertProblem(post("demo-admin", "/api/v1/members/" + w.id() + "/corrections", body), 409);

        Answer refused = post("demo-admin2", "/api/v1/members/" + w.id() + "/corrections/" + first + "/reject", "{\"note\":\"材料不全\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        JsonNode unchanged = get("demo-admin", "/api/v1/members/" + w.id()).json();
        assertThat(unchanged.path("name").asString()).isEqualTo(w.name());
        assertThat(unchanged.path("gender").asString()).isEqualTo("M");

        long second = post("demo-admin", "/api/v1/members/" + w.id() + "/corrections", body).json().path("id").asLong();
        Answer approved = post("demo-admin2", "/api/v1/members/" + w.id() + "/corrections/" + second + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        JsonNode corrected = get("demo-admin", "/api/v1/members/" + w.id()).json();
        assertThat(corrected.path("name").asString()).isEqualTo("更正女工");
        assertThat(corrected.path("gender").asString()).isEqualTo("F");
        assertThat(corrected.path("birthDate").asString()).isEqualTo("1981-07-09");
        assertThat(corrected.path("employmentForm").asString()).isEqualTo("NEW_FORM");
        assertThat(get("demo-admin", "/api/v1/members?idNumber=" + correctedId).json()).extracting(m -> m.path("id").asLong()).containsExactly(w.id());
        JsonNode history = get("demo-admin", "/api/v1/members/" + w.id() + "/corrections").json();
        assertThat(history).extracting(c -> c.path("status").asString() + " " + c.path("decidedBy").asString())
                .containsExactly("APPROVED demo-admin2", "REJECTED demo-admin2");
        assertThat(history.toString()).doesNotContain(correctedId).doesNotContain(w.idNumber()).contains("*");
        JsonNode log = awaitJson("demo-admin", "/api/v1/operation-logs?person=demo-admin2&record=" + enc("member " + w.id()),
                j -> j.path("items").size() > 0);
        List<String> fields = new ArrayList<>();
        log.path("items").get(0).path("changes").forEach(c -> fields.add(c.path("field").asString()));
        assertThat(fields).contains("name", "idNumber", "gender", "birthDate", "employmentForm");
        assertThat(log.toString()).doesNotContain(correctedId).doesNotContain(w.idNumber());
    }

    @Test
    void aUnitOperatorProposesButOnlyAnotherOfficerApproves() {
        long unit = get("demo-unit", "/api/v1/me").json().path("unitId").asLong();
        Answer registered = post("demo-unit", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "经办职工",
                "idNumber", newIdNumber(LocalDate.of(1990, 2, 2), 'M'), "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();

        Answer proposed = post("demo-unit", "/api/v1/members/" + member + "/corrections",
                JSON.writeValueAsString(Map.of("name", "经办职工甲", "reason", "姓名录错")));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        long id = proposed.json().path("id").asLong();

        assertThat(post("demo-unit", "/api/v1/members/" + member + "/corrections/" + id + "/approve", "").status()).isEqualTo(403);
        assertThat(post("demo-wuhan", "/api/v1/members/" + member + "/corrections/" + id + "/approve", "").status()).isEqualTo(200);
        assertThat(get("demo-unit", "/api/v1/members/" + member).json().path("name").asString()).isEqualTo("经办职工甲");
    }

    @Test
    void deathEndsTheCoverRefusesLaterClaimsAndTheHeirIsPaidOnlyOnASecondPersonsApproval() {
        Worker w = worker("身故职工", 'M');
        long pending = fileClaim(w.id(), appendicitisClaim("3000.00", true));
        assertProblem(post("demo-admin", "/api/v1/members/" + w.id() + "/heir-payee", heir()), 409);
        LocalDate diedOn = today().minusDays(10);

        assertProblem(post("demo-admin", "/api/v1/members/" + w.id() + "/death", JSON.writeValueAsString(Map.of("diedOn", diedOn.toString()))), 400);
        Answer recorded = post("demo-admin", "/api/v1/members/" + w.id() + "/death",
                JSON.writeValueAsString(Map.of("diedOn", diedOn.toString(), "documentRef", "死亡医学证明 H420100123")));

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.json().path("statusName").asString()).isEqualTo("已身故");
        JsonNode cover = enrolments(w.id()).get(0);
        cover.path("coverages").forEach(c -> assertThat(c.path("to").asString()).isEqualTo(diedOn.toString()));
        assertThat(currentMembers(w.unit())).doesNotContain(w.id());

        Map<String, Object> later = appendicitisClaim("1000.00", true);
        later.put("incidentDate", today().minusDays(5).toString());
        later.put("hospitalStay", Map.of("admission", today().minusDays(5).toString(), "discharge", today().minusDays(2).toString()));
        later.put("memberId", w.id());
        Answer refused = post("demo-admin", "/api/v1/claims", JSON.writeValueAsString(later));
        assertProblem(refused, 400);
        assertThat(refused.body()).contains("incidentDate").contains("身故");

        Answer proposed = post("demo-admin", "/api/v1/members/" + w.id() + "/heir-payee", heir());
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        long change = proposed.json().path("id").asLong();
        assertThat(members.payee(w.id()).orElseThrow().name()).isEqualTo(w.name());
        assertProblem(post("demo-admin", "/api/v1/members/" + w.id() + "/heir-payee-changes/" + change + "/approve", ""), 409);
        assertThat(post("demo-unit", "/api/v1/members/" + w.id() + "/heir-payee-changes/" + change + "/approve", "").status()).isIn(403, 404);
        Answer approved = post("demo-admin2", "/api/v1/members/" + w.id() + "/heir-payee-changes/" + change + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        Members.Payee payee = members.payee(w.id()).orElseThrow();
        assertThat(payee.name()).isEqualTo("身故职工之子");
        assertThat(payee.account().bankName()).isEqualTo("中国农业银行");
        assertThat(get("demo-admin", "/api/v1/members/" + w.id() + "/heir-payee-changes").json().get(0).path("maskedAccount").asString()).contains("*");
        Answer submitted = post("demo-admin", "/api/v1/claims/" + pending + "/submit", "");
        assertThat(submitted.status()).as("the claim for an illness before death continues for the heirs: " + submitted.body()).isEqualTo(200);
    }

    @Test
    void recordsOutsideTheCallersScopeAnswer404() {
        Worker w = worker("范围职工", 'M');
        String leaving = JSON.writeValueAsString(Map.of("leftOn", today().toString()));
        assertThat(post("demo-jingmen", "/api/v1/members/" + w.id() + "/leaving", leaving).status()).isEqualTo(404);
        assertThat(post("demo-jingmen", "/api/v1/members/" + w.id() + "/death",
                JSON.writeValueAsString(Map.of("diedOn", today().toString(), "documentRef", "X1"))).status()).isEqualTo(404);
        assertThat(post("demo-jingmen", "/api/v1/members/" + w.id() + "/corrections",
                JSON.writeValueAsString(Map.of("name", "某某", "reason", "x"))).status()).isEqualTo(404);
        assertThat(get("demo-jingmen", "/api/v1/members/" + w.id() + "/corrections").status()).isEqualTo(404);
        assertThat(get("demo-jingmen", "/api/v1/units/" + w.unit() + "/members").status()).isEqualTo(404);
        assertThat(get("demo-unit", "/api/v1/members/" + w.id() + "/life-events").status()).isEqualTo(404);
        assertThat(get("demo-admin", "/api/v1/members/" + w.id()).json().path("status").asString()).isEqualTo("ACTIVE");
    }

    // ------------------------------------------------------------------ fixtures

    private String heir() {
        return JSON.writeValueAsString(Map.of("payeeName", "身故职工之子", "relation", "子女", "bankName", "中国农业银行",
                "accountNumber", newCardNumber(), "documentRef", "（2026）鄂武汉江岸证字第 1234 号继承公证书"));
    }

    private List<Long> currentMembers(long unit) {
        Answer answer = get("demo-admin", "/api/v1/units/" + unit + "/members");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        answer.json().forEach(m -> ids.add(m.path("id").asLong()));
        return ids;
    }

    private JsonNode enrolments(long member) {
        Answer answer = get("demo-admin", "/api/v1/members/" + member + "/enrolments");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
