package org.huzhu.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.shared.CreditCode;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 13, part 2: union offices created, renamed, moved and closed with history; units edited at any level. */
class OrganisationAdministrationTest extends ApiTest {

    // ---- moving -------------------------------------------------------------------------------

    @Test
    void aNodeMovedUnderItsOwnChildIsRefusedNamingTheFieldAndChangesNothing() {
        Map<String, Long> ids = organisationIdsByName();
        String before = path(ids.get("武汉市总工会"));

        Answer answer = post("demo-admin", "/api/v1/organisations/" + ids.get("武汉市总工会") + "/move",
                JSON.writeValueAsString(Map.of("parentId", ids.get("江岸区总工会"))));

        assertProblem(answer, 409);
        assertThat(fields(answer)).containsExactly("parentId");
        assertThat(path(ids.get("武汉市总工会"))).isEqualTo(before);
    }

    @Test
    void aCountyMovedToAnotherCityTakesItsMembersClaimsAndBillsToTheNewCitysStaff() {
        Map<String, Long> ids = organisationIdsByName();
        JsonNode county = createCounty("demo-admin", ids.get("荆门市总工会"), "4208");
        long member = insuredWorker(county.path("name").asString(), 'M', 40, "HOSPITAL:1");
        long claim = draftClaim(member);
        long bill = jdbc.sql("select id from contributions.bill where org_path like ? limit 1").param(path(county.path("id").asLong()) + "%")
                .query(Long.class).single();
        List<String> records = List.of("/api/v1/members/" + member, "/api/v1/claims/" + claim, "/api/v1/bills/" + bill);
        for (String record : records) {
            assertThat(get("demo-jingmen", record).status()).as(record).isEqualTo(200);
            assertThat(get("demo-wuhan", record).status()).as(record).isEqualTo(404);
        }

        String newCode = freeDivisionCode("4201");   // other tests open counties under 武汉 too
        Answer moved = post("demo-admin", "/api/v1/organisations/" + county.path("id").asLong() + "/move",
                JSON.writeValueAsString(Map.of("parentId", ids.get("武汉市总工会"), "divisionCode", newCode)));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("parentId").asLong()).isEqualTo(ids.get("武汉市总工会"));
        assertThat(moved.json().path("divisionCode").asString()).isEqualTo(newCode);
        for (String record : records) {
            assertThat(get("demo-wuhan", record).status()).as(record + " for the new city").isEqualTo(200);
            assertThat(get("demo-jingmen", record).status()).as(record + " for the old city").isEqualTo(404);
        }
        assertThat(history("organisations", county.path("id").asLong())).anySatisfy(e -> {
            assertThat(e.path("action").asString()).isEqualTo("MOVED");
            assertThat(e.path("field").asString()).isEqualTo("parent");
            assertThat(e.path("before").asString()).isEqualTo("荆门市总工会");
            assertThat(e.path("after").asString()).isEqualTo("武汉市总工会");
            assertThat(e.path("changedBy").asString()).isEqualTo("demo-admin");
        });
    }

    @Test
    void aCountyKeepingItsOldCitysCodeCannotMoveToAnotherCity() {
        Map<String, Long> ids = organisationIdsByName();
        JsonNode county = createCounty("demo-admin", ids.get("荆门市总工会"), "4208");

        Answer answer = post("demo-admin", "/api/v1/organisations/" + county.path("id").asLong() + "/move",
                JSON.writeValueAsString(Map.of("parentId", ids.get("武汉市总工会"))));

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactly("divisionCode");
        assertThat(parentOf(county.path("id").asLong())).isEqualTo(ids.get("荆门市总工会"));
    }

    // ---- creating, codes and scope ------------------------------------------------------------

    @Test
    void aDivisionCodeInUseByAnOpenNodeIsAConflict() {
        Map<String, Long> ids = organisationIdsByName();

        Answer answer = post("demo-admin", "/api/v1/organisations", JSON.writeValueAsString(Map.of(
                "parentId", ids.get("武汉市总工会"), "name", "又一个江岸区总工会", "divisionCode", "420102")));

        assertProblem(answer, 409);
        assertThat(fields(answer)).containsExactly("divisionCode");
        assertThat(organisationIdsByName()).doesNotContainKey("又一个江岸区总工会");
    }

    @Test
    void aCountysCodeMustStartWithItsCitysFourDigits() {
        Map<String, Long> ids = organisationIdsByName();

        Answer answer = post("demo-admin", "/api/v1/organisations", JSON.writeValueAsString(Map.of(
                "parentId", ids.get("武汉市总工会"), "name", "错码县总工会", "divisionCode", "420899")));

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactly("divisionCode");
        assertThat(answer.field("detail")).contains("4201");
    }

    @Test
    void cityStaffCreateCountiesUnderTheirCityButNoCityAndDoNotChangeTheirOwnCity() {
        Map<String, Long> ids = organisationIdsByName();

        JsonNode county = createCounty("demo-wuhan", ids.get("武汉市总工会"), "4201");
        Answer city = post("demo-wuhan", "/api/v1/organisations", JSON.writeValueAsString(Map.of(
                "parentId", ids.get("湖北省总工会"), "name", "某市总工会", "divisionCode", "429900")));
        Answer renameOwn = put("demo-wuhan", "/api/v1/organisations/" + ids.get("武汉市总工会") + "/name", "{\"name\":\"武汉总工会\"}");
        Answer renameOther = put("demo-wuhan", "/api/v1/organisations/" + ids.get("东宝区总工会") + "/name", "{\"name\":\"东宝总工会\"}");

        assertThat(county.path("level").asString()).isEqualTo("COUNTY");
        assertProblem(city, 400);
        assertThat(fields(city)).containsExactly("parentId");
        assertThat(renameOwn.status()).isEqualTo(403);
        assertThat(renameOther.status()).isEqualTo(404);
        assertThat(organisationIdsByName()).containsKeys("武汉市总工会", "东宝区总工会");
    }

    @Test
    void aRenameIsKeptInTheNodesHistory() {
        JsonNode county = createCounty("demo-wuhan", organisationIdsByName().get("武汉市总工会"), "4201");
        String newName = county.path("name").asString().replace("总工会", "") + "新区总工会";

        Answer answer = put("demo-wuhan", "/api/v1/organisations/" + county.path("id").asLong() + "/name",
                JSON.writeValueAsString(Map.of("name", newName)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("name").asString()).isEqualTo(newName);
        JsonNode rename = history("organisations", county.path("id").asLong()).get(0);
        assertThat(rename.path("action").asString()).isEqualTo("RENAMED");
        assertThat(rename.path("before").asString()).isEqualTo(county.path("name").asString());
        assertThat(rename.path("after").asString()).isEqualTo(newName);
    }

    // ---- closing -------------------------------------------------------------------------------

    @Test
    void aNodeWithActiveUnitsCannotCloseAndAClosedNodeTakesNoNewUnits() {
        JsonNode county = createCounty("demo-admin", organisationIdsByName().get("荆门市总工会"), "4208");
        long countyId = county.path("id").asLong();
        long unit = createUnit(countyId).path("id").asLong();

        Answer refused = post("demo-admin", "/api/v1/organisations/" + countyId + "/close", "");
        assertProblem(refused, 409);
        assertThat(refused.field("detail")).contains("单位");

        assertThat(patch("demo-admin", "/api/v1/units/" + unit, "{\"status\":\"CLOSED\"}").status()).isEqualTo(200);
        Answer closed = post("demo-admin", "/api/v1/organisations/" + countyId + "/close", "");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().path("status").asString()).isEqualTo("CLOSED");

        Answer newUnit = post("demo-admin", "/api/v1/units", JSON.writeValueAsString(unitBody(countyId)));
        assertProblem(newUnit, 409);
        assertThat(fields(newUnit)).containsExactly("organisationId");
        // still in the tree for history and reports
        assertThat(get("demo-admin", "/api/v1/organisations").json()).anySatisfy(n -> {
            assertThat(n.path("id").asLong()).isEqualTo(countyId);
            assertThat(n.path("status").asString()).isEqualTo("CLOSED");
        });
    }

    @Test
    void aCityWithOpenCountiesCannotClose() {
        Answer answer = post("demo-admin", "/api/v1/organisations/" + organisationIdsByName().get("恩施州总工会") + "/close", "");

        assertProblem(answer, 409);
        assertThat(answer.field("detail")).contains("下级");
    }

    // ---- units ---------------------------------------------------------------------------------

    @Test
    void unitsMayHangDirectlyUnderTheProvinceOrACity() {
        Map<String, Long> ids = organisationIdsByName();
        for (String office : List.of("湖北省总工会", "武汉市总工会")) {
            JsonNode unit = createUnit(ids.get(office));
            assertThat(unit.path("organisationId").asLong()).isEqualTo(ids.get(office));
        }
    }

    @Test
    void aUnitEditIsKeptInHistoryWithThePhoneMaskedAndAClosedUnitCannotEnrol() {
        long countyId = organisationIdsByName().get("江岸区总工会");
        long unit = createUnit(countyId).path("id").asLong();

        Answer edited = patch("demo-wuhan", "/api/v1/units/" + unit, JSON.writeValueAsString(Map.of(
                "headcount", 77, "contactName", "李四", "contactPhone", "13912345678")));

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("headcount").asInt()).isEqualTo(77);
        assertThat(edited.json().path("contactPhone").asString()).isEqualTo("139****5678");
        JsonNode history = history("units", unit);
        assertThat(history.toString()).doesNotContain("13912345678").contains("139****5678");
        assertThat(history).anySatisfy(e -> {
            assertThat(e.path("field").asString()).isEqualTo("headcount");
            assertThat(e.path("before").asString()).isEqualTo("50");
            assertThat(e.path("after").asString()).isEqualTo("77");
        });
        byte[] stored = jdbc.sql("select contact_phone_cipher from organisation.unit where id = ?").param(unit).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("13912345678");

        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "注销单位职工",
                "idNumber", newIdNumber(java.time.LocalDate.of(1980, 1, 1), 'M'), "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(patch("demo-wuhan", "/api/v1/units/" + unit, "{\"status\":\"CLOSED\"}").status()).isEqualTo(200);
        Answer enrol = post("demo-admin", "/api/v1/enrolments", JSON.writeValueAsString(Map.of("unitId", unit,
                "memberId", registered.json().path("id").asLong(), "items", List.of(Map.of("item", "HOSPITAL", "shares", 1)),
                "paidOn", today().toString())));
        assertProblem(enrol, 409);
        assertThat(fields(enrol)).containsExactly("unitId");
    }

    @Test
    void aUnitOutsideTheCallersScopeCannotBeEditedAndLooksMissing() {
        long unit = createUnit(organisationIdsByName().get("东宝区总工会")).path("id").asLong();

        Answer answer = patch("demo-wuhan", "/api/v1/units/" + unit, "{\"headcount\":5}");

        assertProblem(answer, 404);
        assertThat(jdbc.sql("select headcount from organisation.unit where id = ?").param(unit).query(Integer.class).single()).isEqualTo(50);
    }

    // ---- helpers -------------------------------------------------------------------------------

    static String creditCode() {
        StringBuilder code = new StringBuilder("91420100").append(String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));
        return code.append(CreditCode.checkCharacter(code)).toString();
    }

    private JsonNode createCounty(String user, long cityId, String cityPrefix) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = cityPrefix + (50 + ThreadLocalRandom.current().nextInt(30));
            Answer answer = post(user, "/api/v1/organisations", JSON.writeValueAsString(Map.of(
                    "parentId", cityId, "name", "测试" + code + "县总工会", "divisionCode", code)));
            if (answer.status() == 409) continue;
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            return answer.json();
        }
        throw new AssertionError("no free test division code");
    }

    /** A code under the city's prefix that no open organisation holds now. */
    private String freeDivisionCode(String cityPrefix) {
        List<String> taken = jdbc.sql("select division_code from organisation.org_node where status = 'OPEN' and division_code like ?")
                .param(cityPrefix + "%").query(String.class).list();
        for (int suffix = 50; suffix < 100; suffix++) {
            if (!taken.contains(cityPrefix + suffix)) return cityPrefix + suffix;
        }
        throw new AssertionError("no free test division code under " + cityPrefix);
    }

    private Map<String, Object> unitBody(long orgId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "测试单位" + ThreadLocalRandom.current().nextInt(1_000_000));
        body.put("creditCode", creditCode());
        body.put("ownership", "PRIVATE");
        body.put("headcount", 50);
        body.put("organisationId", orgId);
        return body;
    }

    private JsonNode createUnit(long orgId) {
        Answer answer = post("demo-admin", "/api/v1/units", JSON.writeValueAsString(unitBody(orgId)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    private long draftClaim(long member) {
        Answer answer = post("demo-admin", "/api/v1/claims", JSON.writeValueAsString(Map.of("memberId", member, "kind", "ACCIDENT",
                "incidentDate", today().minusDays(10).toString(), "diagnoses", List.of("S82.201"))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    private JsonNode history(String kind, long id) {
        Answer answer = get("demo-admin", "/api/v1/" + kind + "/" + id + "/history");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private String path(long node) {
        return jdbc.sql("select path from organisation.org_node where id = ?").param(node).query(String.class).single();
    }

    private long parentOf(long node) {
        return jdbc.sql("select parent_id from organisation.org_node where id = ?").param(node).query(Long.class).single();
    }

    private Answer patch(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }
}
