package org.huzhu.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.huzhu.identity.Accounts;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.CreditCode;
import org.huzhu.shared.scope.Role;
import org.huzhu.support.ApiTest;
import org.huzhu.support.ListPages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A worker belongs to one unit, and only the transfer workflow (职工调动) moves them: a roster, a
 * registration or an enrolment by another unit is refused without saying where the worker is or
 * what cover they hold; a transfer is asked by the new unit and decided by the old unit or a union
 * office over both, never by the person who asked, and its history is kept.
 */
class MemberTransferApiTest extends ApiTest {

    private static final String ELSEWHERE = "该职工已在其他单位登记，请办理职工调动";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));

    @Autowired
    private Accounts accounts;
    @Autowired
    private Organisations organisations;

    /** A worker registered in a unit of 江岸区 (Wuhan) with HOSPITAL cover, and that unit's operator. */
    private record Worker(long id, String name, String idNumber, long unitId, String unitName, String operator) {
    }

    private Worker coveredWorker() {
        Worker worker = registered(unit("江岸区总工会", 50));
        enrolItems(worker.unitId(), worker.id(), LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(100), "HOSPITAL:1");
        return worker;
    }

    /** A worker registered in the unit, without cover, and that unit's operator. */
    private Worker registered(long unit) {
        String idNumber = newIdNumber(LocalDate.of(1980, 2, 2), 'M');
        String name = "调动职工" + "甲乙丙丁戊己庚辛壬癸".charAt(SEQUENCE.incrementAndGet() % 10);
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of(
                "name", name, "idNumber", idNumber, "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Unit u = organisations.unit(unit).orElseThrow();
        return new Worker(registered.json().path("id").asLong(), name, idNumber, unit, u.name(), operatorOf(unit));
    }

    // ---- the takeover, refused ----------------------------------------------------------------

    @Test
    void aUnitOperatorCannotMoveAWorkerOfAnotherUnitByRoster() {
        Worker worker = coveredWorker();
        long unit = unit("武昌区总工会", 1);
        String operator = operatorOf(unit);
        String csv = "姓名,身份证号码,手机号码,就业形态,保障方案,份数,缴费日期\n" + worker.name() + "," + worker.idNumber() + ",,REGULAR,ACCIDENT,1,\n";

        Answer started = upload(operator, "/api/v1/units/" + unit + "/roster-imports", "file", "takeover.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = awaitJson(operator, "/api/v1/roster-imports/" + started.json().path("id").asLong(),
                j -> !j.path("status").asString().equals("RUNNING"));

        assertThat(done.path("accepted").asInt()).as(done.toString()).isZero();
        assertThat(done.path("errors")).hasSize(1);
        assertThat(done.path("errors").get(0).path("message").asString()).isEqualTo(ELSEWHERE);
        assertThat(unitOf(worker)).isEqualTo(worker.unitId());
        assertThat(enrolmentCount(worker)).isEqualTo(1);
        assertRevealsNothing(done.toString(), worker);
        assertThat(get(operator, "/api/v1/members/" + worker.id()).status()).isEqualTo(404);
    }

    @Test
    void aUnitOperatorRegisteringAWorkerOfAnotherUnitIsToldOnlyToAskForATransfer() {
        Worker worker = coveredWorker();
        long unit = unit("武昌区总工会", 10);

        Answer answer = post(operatorOf(unit), "/api/v1/members", JSON.writeValueAsString(Map.of(
                "name", worker.name(), "idNumber", worker.idNumber(), "employmentForm", "REGULAR", "unitId", unit)));

        assertProblem(answer, 409);
        assertThat(answer.json().path("errors").get(0).path("message").asString()).isEqualTo(ELSEWHERE);
        assertRevealsNothing(answer.body(), worker);
        assertThat(unitOf(worker)).isEqualTo(worker.unitId());
    }

    @Test
    void aUnionOfficeCannotMoveAWorkerOfAnotherUnitByEnrolling() {
        Worker worker = coveredWorker();
        long unit = unit("武昌区总工会", 10);

        Answer answer = post("demo-wuhan", "/api/v1/enrolments", JSON.writeValueAsString(Map.of("unitId", unit, "memberId", worker.id(),
                "items", java.util.List.of(Map.of("item", "ACCIDENT", "shares", 1)))));

        assertProblem(answer, 409);
        assertThat(answer.json().path("errors").get(0).path("message").asString()).isEqualTo(ELSEWHERE);
        assertThat(unitOf(worker)).isEqualTo(worker.unitId());
        assertThat(enrolmentCount(worker)).isEqualTo(1);
    }

    // ---- the transfer workflow -------------------------------------------------------------------

    @Test
    void aTransferAskedByTheNewUnitAndApprovedByTheOldMovesTheWorkerKeepsTheCoverAndTheHistory() {
        Worker worker = coveredWorker();
        long unit = unit("武昌区总工会", 10);
        String newOperator = operatorOf(unit);

        Answer asked = post(newOperator, "/api/v1/member-transfers", JSON.writeValueAsString(Map.of(
                "idNumber", worker.idNumber(), "name", worker.name(), "toUnitId", unit, "reason", "劳动合同转入本单位")));

        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.field("message")).isEqualTo("已提交调动申请");
        assertThat(asked.field("status")).isEqualTo("REQUESTED");
        assertThat(asked.field("fromUnitId")).isNull();
        assertThat(asked.field("memberId")).isNull();
        assertRevealsNothing(asked.body(), worker);
        assertRevealsNothing(get(newOperator, "/api/v1/member-transfers").body(), worker);
        long transfer = asked.json().path("id").asLong();

        JsonNode awaiting = get(worker.operator(), "/api/v1/member-transfers").json();
        assertThat(awaiting).anySatisfy(t -> {
            assertThat(t.path("id").asLong()).isEqualTo(transfer);
            assertThat(t.path("canDecide").asBoolean()).isTrue();
            assertThat(t.path("memberId").asLong()).isEqualTo(worker.id());
        });
        Answer approved = post(worker.operator(), "/api/v1/member-transfers/" + transfer + "/approve", "{\"note\":\"同意\"}");

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.field("status")).isEqualTo("APPROVED");
        assertThat(unitOf(worker)).isEqualTo(unit);
        assertThat(get(newOperator, "/api/v1/members/" + worker.id() + "/enrolments").json()).as("the cover goes with the worker").hasSize(1);
        assertThat(get(worker.operator(), "/api/v1/members/" + worker.id()).status()).isEqualTo(404);
        Map<String, Object> history = jdbc.sql("select * from membership.member_transfer where id = ?").param(transfer).query().singleRow();
        assertThat(history).containsEntry("status", "APPROVED").containsEntry("from_unit_id", worker.unitId())
                .containsEntry("to_unit_id", unit).containsEntry("requested_by", newOperator).containsEntry("decided_by", worker.operator())
                .containsEntry("reason", "劳动合同转入本单位");
        assertThat(history.get("requested_at")).isNotNull();
        assertThat(history.get("decided_at")).isNotNull();
    }

    @Test
    void nobodyApprovesTheirOwnTransferRequest() {
        Worker worker = coveredWorker();
        long unit = unit("武昌区总工会", 10);
        long transfer = ask("demo-wuhan", worker, unit);

        Answer own = post("demo-wuhan", "/api/v1/member-transfers/" + transfer + "/approve", "");

        assertProblem(own, 409);
        assertThat(unitOf(worker)).isEqualTo(worker.unitId());
        assertThat(post("demo-admin", "/api/v1/member-transfers/" + transfer + "/approve", "").status()).isEqualTo(200);
        assertThat(unitOf(worker)).isEqualTo(unit);
    }

    @Test
    void anApproverOutsideBothUnitsFindsNoTransfer() {
        Worker worker = coveredWorker();
        long unit = unit("武昌区总工会", 10);
        long transfer = ask(operatorOf(unit), worker, unit);

        assertProblem(post("demo-jingmen", "/api/v1/member-transfers/" + transfer + "/approve", ""), 404);
        assertProblem(post(operatorOf(unit("洪山区总工会", 10)), "/api/v1/member-transfers/" + transfer + "/approve", ""), 404);
        assertThat(get("demo-jingmen", "/api/v1/member-transfers").body()).doesNotContain(worker.name());
        assertThat(unitOf(worker)).isEqualTo(worker.unitId());
    }

    @Test
    void aRejectedTransferLeavesTheWorkerWhereTheyWere() {
        Worker worker = coveredWorker();
        long unit = unit("武昌区总工会", 10);
        long transfer = ask(operatorOf(unit), worker, unit);

        Answer rejected = post(worker.operator(), "/api/v1/member-transfers/" + transfer + "/reject", "{\"note\":\"职工仍在本单位\"}");

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.field("status")).isEqualTo("REJECTED");
        assertThat(unitOf(worker)).isEqualTo(worker.unitId());
        assertProblem(post("demo-admin", "/api/v1/member-transfers/" + transfer + "/approve", ""), 409);
        assertThat(unitOf(worker)).isEqualTo(worker.unitId());
    }

    // ---- the list, a page at a time ------------------------------------------------------------------

    /**
     * The transfers come a page at a time ({@code limit}, {@code offset}), newest first: the pages are disjoint and
     * together are the whole list in its order, and the summary counts every row on every page, for each side and status.
     */
    @Test
    void theTransfersComeInDisjointPagesThatTogetherAreTheWholeListWhichTheSummaryCounts() {
        long oldUnit = unit("江岸区总工会", 50);
        long newUnit = unit("武昌区总工会", 10);
        String asker = operatorOf(newUnit);
        List<Long> asked = new ArrayList<>();
        for (int i = 0; i <= 2 * PAGE; i++) asked.add(ask(asker, registered(oldUnit), newUnit));
        String oldSide = operatorOf(oldUnit);
        assertThat(post(oldSide, "/api/v1/member-transfers/" + asked.getFirst() + "/approve", "").status()).isEqualTo(200);

        for (String side : List.of(asker, oldSide)) {
            List<JsonNode> all = pages(side, "/api/v1/member-transfers");
            assertThat(all).extracting(t -> t.path("id").asLong()).as(side + ": newest first").containsExactlyElementsOf(asked.reversed());
            ListPages.assertCounts(get(side, "/api/v1/member-transfers/summary"), all);
        }
        List<JsonNode> requested = pages(asker, "/api/v1/member-transfers?status=REQUESTED");
        assertThat(requested).extracting(t -> t.path("id").asLong()).containsExactlyElementsOf(asked.reversed().subList(0, 2 * PAGE));
        ListPages.assertCounts(get(asker, "/api/v1/member-transfers/summary?status=REQUESTED"), requested);
        ListPages.assertCounts(get(asker, "/api/v1/member-transfers/summary?status=APPROVED"),
                pages(asker, "/api/v1/member-transfers?status=APPROVED"));

        List<JsonNode> city = pages("demo-wuhan", "/api/v1/member-transfers");
        assertThat(city).extracting(t -> t.path("id").asLong()).isSortedAccordingTo(Comparator.reverseOrder())
                .containsSubsequence(asked.reversed());
        ListPages.assertCounts(get("demo-wuhan", "/api/v1/member-transfers/summary"), city);
    }

    /**
     * Nobody sees, listed or counted, the transfers of another part of the tree: not another city's office, not another
     * unit's operator, and not the old unit's county office, which neither asked nor decides them (a decider holds both
     * units); the new unit's county office sees and counts them.
     */
    @Test
    void anOfficeSeesNeitherTheTransfersItNeitherAskedNorDecidesNorTheirCount() {
        long oldUnit = unit("江岸区总工会", 50);
        long newUnit = unit("武昌区总工会", 10);
        List<Long> asked = new ArrayList<>();
        for (int i = 0; i < 2; i++) asked.add(ask(operatorOf(newUnit), registered(oldUnit), newUnit));

        for (String outsider : List.of("demo-jingmen", operatorOf(unit("洪山区总工会", 10)), staffOf("江岸区总工会"))) {
            List<JsonNode> theirs = pages(outsider, "/api/v1/member-transfers");
            assertThat(theirs).extracting(t -> t.path("id").asLong()).as(outsider).doesNotContainAnyElementsOf(asked);
            ListPages.assertCounts(get(outsider, "/api/v1/member-transfers/summary"), theirs);
        }
        String newCounty = staffOf("武昌区总工会");
        List<JsonNode> theirs = pages(newCounty, "/api/v1/member-transfers");
        assertThat(theirs).extracting(t -> t.path("id").asLong()).containsAll(asked);
        ListPages.assertCounts(get(newCounty, "/api/v1/member-transfers/summary"), theirs);
        assertThat(get("demo-admin", "/api/v1/member-transfers/summary").json().path("count").asLong())
                .as("the province sees every one").isGreaterThan(get("demo-jingmen", "/api/v1/member-transfers/summary").json().path("count").asLong());
    }

    @Test
    void aNegativeOffsetIsRefusedNamingIt() {
        Answer negative = get("demo-wuhan", "/api/v1/member-transfers?offset=-1");
        assertProblem(negative, 400);
        assertThat(fields(negative)).containsExactly("offset");
        Answer badStatus = get("demo-wuhan", "/api/v1/member-transfers/summary?status=MOVED");
        assertProblem(badStatus, 400);
        assertThat(fields(badStatus)).containsExactly("status");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** The page size the list tests read with: small, so that a few rows of a test's own make several pages. */
    private static final int PAGE = 3;

    /** Every row of a list as the user reads it {@link #PAGE} at a time ({@link ListPages#every}). */
    private List<JsonNode> pages(String user, String path) {
        return ListPages.every(p -> get(user, p), path, PAGE);
    }

    /** A new union staff account of the named office (password = user name; a demo-mode fixture, without the second factor). */
    private String staffOf(String office) {
        long node = organisationIdsByName().get(office);
        String username = "transfer-staff-" + SEQUENCE.incrementAndGet() + "-" + node;
        accounts.create(new Accounts.NewAccount(username, username, "调动测试工作人员", Role.UNION_STAFF, node, null, null,
                organisations.node(node).path(), true));
        return username;
    }

    private long ask(String user, Worker worker, long unit) {
        Answer asked = post(user, "/api/v1/member-transfers", JSON.writeValueAsString(Map.of(
                "idNumber", worker.idNumber(), "name", worker.name(), "toUnitId", unit)));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        return asked.json().path("id").asLong();
    }

    private void assertRevealsNothing(String answer, Worker worker) {
        assertThat(answer).doesNotContain(worker.unitName(), "\"fromUnitId\":" + worker.unitId(), "HOSPITAL", "住院",
                "\"memberId\":" + worker.id());
    }

    private long unitOf(Worker worker) {
        return jdbc.sql("select unit_id from membership.member where id = ?").param(worker.id()).query(Long.class).single();
    }

    private long enrolmentCount(Worker worker) {
        return jdbc.sql("select count(*) from membership.enrolment where member_id = ?").param(worker.id()).query(Long.class).single();
    }

    private long unit(String county, int headcount) {
        String first17 = "91420100" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        Answer answer = post("demo-admin", "/api/v1/units", JSON.writeValueAsString(Map.of("name", "调动测试单位" + SEQUENCE.incrementAndGet(),
                "creditCode", first17 + CreditCode.checkCharacter(first17), "ownership", "PRIVATE", "headcount", headcount,
                "organisationId", organisationIdsByName().get(county))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    /** A new operator account for the unit (password = user name). */
    private String operatorOf(long unitId) {
        Unit unit = organisations.unit(unitId).orElseThrow();
        String username = "transfer-op-" + unitId;
        if (!accounts.exists(username)) {
            accounts.create(new Accounts.NewAccount(username, username, "调动测试经办人", Role.UNIT_OPERATOR, unit.organisationId(), unitId,
                    null, unit.path(), false));
        }
        return username;
    }
}
