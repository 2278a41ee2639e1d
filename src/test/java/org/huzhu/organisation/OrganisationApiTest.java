package org.huzhu.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.huzhu.shared.CreditCode;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Contract §7: the organisation tree each caller sees, and units created and found within scope. */
class OrganisationApiTest extends ApiTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));

    private Map<String, Long> orgIds;

    @BeforeEach
    void readTree() {
        orgIds = new HashMap<>();
        for (JsonNode node : get("demo-admin", "/api/v1/organisations").json()) {
            orgIds.put(node.path("name").asString(), node.path("id").asLong());
        }
    }

    // ---- the tree -------------------------------------------------------------------------

    @Test
    void adminSeesTheWholeTreeWithLevelsAndParents() {
        Answer answer = get("demo-admin", "/api/v1/organisations");

        assertThat(answer.status()).isEqualTo(200);
        Map<String, JsonNode> byName = byName(answer.json());
        JsonNode province = byName.get("湖北省总工会");
        assertThat(province).isNotNull();
        assertThat(province.path("level").asString()).isEqualTo("PROVINCE");
        assertThat(province.has("parentId")).as("parentId must be present, as null").isTrue();
        assertThat(province.get("parentId").isNull()).isTrue();

        long provinceId = province.path("id").asLong();
        for (String city : List.of("武汉市总工会", "荆门市总工会", "恩施州总工会")) {
            assertThat(byName.get(city)).as(city).isNotNull();
            assertThat(byName.get(city).path("level").asString()).isEqualTo("CITY");
            assertThat(byName.get(city).path("parentId").asLong()).isEqualTo(provinceId);
        }
        Map<String, String> countyToCity = Map.of("江岸区总工会", "武汉市总工会", "武昌区总工会", "武汉市总工会",
                "洪山区总工会", "武汉市总工会", "东宝区总工会", "荆门市总工会", "掇刀区总工会", "荆门市总工会",
                "京山市总工会", "荆门市总工会", "恩施市总工会", "恩施州总工会", "利川市总工会", "恩施州总工会",
                "巴东县总工会", "恩施州总工会");
        countyToCity.forEach((county, city) -> {
            assertThat(byName.get(county)).as(county).isNotNull();
            assertThat(byName.get(county).path("level").asString()).as(county).isEqualTo("COUNTY");
            assertThat(byName.get(county).path("parentId").asLong()).as(county)
                    .isEqualTo(byName.get(city).path("id").asLong());
        });
        long provinces = stream(answer.json()).filter(n -> n.path("level").asString().equals("PROVINCE")).count();
        assertThat(provinces).isEqualTo(1);
    }

    @Test
    void jingmenStaffSeeOnlyJingmenAndItsCounties() {
        Answer answer = get("demo-jingmen", "/api/v1/organisations");

        assertThat(answer.status()).isEqualTo(200);
        Map<String, JsonNode> byName = byName(answer.json());
        assertThat(byName).containsKeys("荆门市总工会", "东宝区总工会", "掇刀区总工会", "京山市总工会");
        assertThat(byName).doesNotContainKeys("湖北省总工会", "武汉市总工会", "恩施州总工会", "江岸区总工会", "恩施市总工会");
        // a closed subtree rooted at 荆门市: every other node's parent is visible too
        long jingmen = byName.get("荆门市总工会").path("id").asLong();
        Set<Long> visibleIds = new HashSet<>();
        answer.json().forEach(n -> visibleIds.add(n.path("id").asLong()));
        for (JsonNode node : answer.json()) {
            if (node.path("id").asLong() == jingmen) continue;
            assertThat(visibleIds).as(node.path("name").asString()).contains(node.path("parentId").asLong());
            assertThat(node.path("level").asString()).isEqualTo("COUNTY");
        }
    }

    @Test
    void unitOperatorSeesNoUnionOffices() {
        Answer answer = get("demo-unit", "/api/v1/organisations");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().isArray()).isTrue();
        assertThat(answer.json().size()).isZero();
    }

    // ---- creating units -------------------------------------------------------------------

    @Test
    void createsAUnitUnderACountyInScope() {
        String code = creditCode("420802");
        String name = uniqueName("东宝区测试物流有限公司");

        Answer answer = post("demo-jingmen", "/api/v1/units", unitJson(name, code, "PRIVATE", 120, orgIds.get("东宝区总工会")));

        assertThat(answer.status()).isEqualTo(201);
        JsonNode unit = answer.json();
        assertThat(unit.path("id").asLong()).isPositive();
        assertThat(unit.path("name").asString()).isEqualTo(name);
        assertThat(unit.path("creditCode").asString()).isEqualTo(code);
        assertThat(unit.path("ownership").asString()).isEqualTo("PRIVATE");
        assertThat(unit.path("headcount").asInt()).isEqualTo(120);
        assertThat(unit.path("organisationId").asLong()).isEqualTo(orgIds.get("东宝区总工会"));

        Answer fetched = get("demo-jingmen", "/api/v1/units/" + unit.path("id").asLong());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().path("creditCode").asString()).isEqualTo(code);
    }

    @Test
    void acceptsALowerCaseCreditCodeAndStoresItUpperCase() {
        String code = creditCode("420102");
        Answer answer = post("demo-admin", "/api/v1/units",
                unitJson(uniqueName("江岸区测试商会"), code.toLowerCase(), "OTHER", 10, orgIds.get("江岸区总工会")));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("creditCode").asString()).isEqualTo(code);
    }

    @Test
    void rejectsACreditCodeWithABadCheckCharacter() {
        String good = creditCode("420102");
        String bad = good.substring(0, 17) + otherCheckCharacter(good.charAt(17));

        Answer answer = post("demo-admin", "/api/v1/units", unitJson(uniqueName("江岸区测试公司"), bad, "PRIVATE", 50,
                orgIds.get("江岸区总工会")));

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactly("creditCode");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"91420102MA4K", "91420102MA4KXXXXXXXXXX", "9142010IMA4KABCDE1", "91ABCDEFMA4KABCDE1"})
    void rejectsMalformedCreditCodes(String code) {
        Answer answer = post("demo-admin", "/api/v1/units", unitJson(uniqueName("江岸区测试公司"), code, "PRIVATE", 50,
                orgIds.get("江岸区总工会")));

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactly("creditCode");
    }

    @Test
    void rejectsADuplicateCreditCodeWithAConflict() {
        String code = creditCode("420106");
        Answer first = post("demo-admin", "/api/v1/units", unitJson(uniqueName("武昌区测试公司"), code, "STATE_OWNED", 300,
                orgIds.get("武昌区总工会")));
        assertThat(first.status()).isEqualTo(201);

        Answer second = post("demo-admin", "/api/v1/units", unitJson(uniqueName("武昌区另一家公司"), code, "PRIVATE", 30,
                orgIds.get("洪山区总工会")));

        assertProblem(second, 409);
        assertThat(fields(second)).containsExactly("creditCode");
        long stored = jdbc.sql("select count(*) from organisation.unit where credit_code = ?").param(code)
                .query(Long.class).single();
        assertThat(stored).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"湖北省总工会", "武汉市总工会"})
    void acceptsAUnitDirectlyUnderAProvinceOrCity(String office) {
        Answer answer = post("demo-admin", "/api/v1/units", unitJson(uniqueName("测试单位"), creditCode("420100"),
                "PRIVATE", 50, orgIds.get(office)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("organisationId").asLong()).isEqualTo(orgIds.get(office));
    }

    @Test
    void refusesACountyOutsideTheCallersScopeWithoutRevealingIt() {
        Answer outside = post("demo-jingmen", "/api/v1/units", unitJson(uniqueName("江岸区测试公司"), creditCode("420102"),
                "PRIVATE", 50, orgIds.get("江岸区总工会")));
        Answer missing = post("demo-jingmen", "/api/v1/units", unitJson(uniqueName("江岸区测试公司"), creditCode("420102"),
                "PRIVATE", 50, 987_654_321L));

        assertProblem(outside, 400);
        assertThat(fields(outside)).containsExactly("organisationId");
        // the answer for a county of 武汉 is the same as for one that does not exist
        assertThat(outside.json().path("errors").get(0).path("message").asString())
                .isEqualTo(missing.json().path("errors").get(0).path("message").asString());
        assertThat(outside.body()).doesNotContain("江岸", "武汉", "COUNTY", "县（区）");
    }

    @Test
    void namesEveryMissingOrInvalidFieldAtOnce() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "  ");
        body.put("creditCode", creditCode("420102"));
        body.put("ownership", "FAMILY_BUSINESS");
        body.put("headcount", 0);
        body.put("organisationId", orgIds.get("江岸区总工会"));

        Answer answer = post("demo-admin", "/api/v1/units", JSON.writeValueAsString(body));

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactlyInAnyOrder("name", "ownership", "headcount");
    }

    @Test
    void namesEveryAbsentField() {
        Answer answer = post("demo-admin", "/api/v1/units", "{}");

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactlyInAnyOrder("name", "creditCode", "ownership", "headcount", "organisationId");
    }

    @ParameterizedTest(name = "headcount {0}")
    @ValueSource(ints = {0, -5, 1_000_001})
    void rejectsAHeadcountOutOfRange(int headcount) {
        Answer answer = post("demo-admin", "/api/v1/units", unitJson(uniqueName("江岸区测试公司"), creditCode("420102"),
                "PRIVATE", headcount, orgIds.get("江岸区总工会")));

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactly("headcount");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            headcount      | {"name":"某公司","creditCode":"x","ownership":"PRIVATE","headcount":"many","organisationId":1}
            organisationId | {"name":"某公司","creditCode":"x","ownership":"PRIVATE","headcount":1,"organisationId":"seven"}
            name           | {"name":{"text":"某公司"},"creditCode":"x","ownership":"PRIVATE","headcount":1,"organisationId":1}
            """)
    void rejectsWrongTypesNamingTheField(String field, String json) {
        Answer answer = post("demo-admin", "/api/v1/units", json);

        assertProblem(answer, 400);
        assertThat(fields(answer)).contains(field);
    }

    @Test
    void rejectsMalformedJson() {
        Answer answer = post("demo-admin", "/api/v1/units", "{\"name\": \"某公司\", ");

        assertProblem(answer, 400);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"demo-reviewer", "demo-unit", "demo-finance", "demo-member"})
    void onlyUnionStaffCreateUnits(String user) {
        String code = creditCode("420102");
        Answer answer = post(user, "/api/v1/units", unitJson(uniqueName("江岸区测试公司"), code, "PRIVATE", 50,
                orgIds.get("江岸区总工会")));

        assertProblem(answer, 403);
        assertThat(jdbc.sql("select count(*) from organisation.unit where credit_code = ?").param(code)
                .query(Long.class).single()).isZero();
    }

    // ---- finding units --------------------------------------------------------------------

    @Test
    void findsAUnitByItsChineseName() {
        String name = uniqueName("京山市测试网约车服务有限公司");
        long id = createUnit("demo-admin", name, "京山市总工会", "PRIVATE");

        Answer answer = get("demo-jingmen", "/api/v1/units?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().size()).isEqualTo(1);
        JsonNode unit = answer.json().get(0);
        assertThat(unit.path("id").asLong()).isEqualTo(id);
        assertThat(unit.path("name").asString()).isEqualTo(name);
        assertThat(unit.path("ownership").asString()).isEqualTo("PRIVATE");
        assertThat(unit.path("organisationId").asLong()).isEqualTo(orgIds.get("京山市总工会"));
        assertThat(unit.has("creditCode")).isTrue();
        assertThat(unit.has("headcount")).isTrue();
    }

    @Test
    void searchingByNameStaysInsideTheCallersScope() {
        String name = uniqueName("洪山区测试食品有限公司");
        createUnit("demo-admin", name, "洪山区总工会", "PRIVATE");
        String query = "/api/v1/units?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);

        assertThat(get("demo-wuhan", query).json().size()).isEqualTo(1);
        assertThat(get("demo-jingmen", query).json().size()).isZero();
        assertThat(get("demo-unit", query).json().size()).isZero();
    }

    @Test
    void likeWildcardsInTheNameAreTakenLiterally() {
        Answer answer = get("demo-admin", "/api/v1/units?name=" + URLEncoder.encode("%", StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().size()).isZero();
    }

    @Test
    void aUnitOfAnotherSubtreeIsNotFound() {
        long wuhanUnit = createUnit("demo-admin", uniqueName("江岸区测试供电公司"), "江岸区总工会", "STATE_OWNED");

        Answer fromJingmen = get("demo-jingmen", "/api/v1/units/" + wuhanUnit);
        Answer missing = get("demo-jingmen", "/api/v1/units/987654321");

        assertProblem(fromJingmen, 404);
        assertThat(fromJingmen.field("detail")).isEqualTo(missing.field("detail"));
        assertThat(get("demo-wuhan", "/api/v1/units/" + wuhanUnit).status()).isEqualTo(200);
        assertThat(get("demo-admin", "/api/v1/units/" + wuhanUnit).status()).isEqualTo(200);
    }

    @Test
    void aUnitOperatorSeesOnlyTheirOwnUnit() {
        long unitId = get("demo-unit", "/api/v1/me").json().path("unitId").asLong();
        long otherUnit = createUnit("demo-admin", uniqueName("江岸区测试中学"), "江岸区总工会", "GOVERNMENT");

        Answer list = get("demo-unit", "/api/v1/units");

        assertThat(list.status()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        list.json().forEach(u -> ids.add(u.path("id").asLong()));
        assertThat(ids).containsExactly(unitId);
        assertThat(get("demo-unit", "/api/v1/units/" + unitId).status()).isEqualTo(200);
        assertProblem(get("demo-unit", "/api/v1/units/" + otherUnit), 404);
    }

    @Test
    void aNonNumericUnitIdIsABadRequest() {
        assertProblem(get("demo-admin", "/api/v1/units/abc"), 400);
    }

    // ---- helpers --------------------------------------------------------------------------

    private long createUnit(String user, String name, String county, String ownership) {
        Answer answer = post(user, "/api/v1/units", unitJson(name, creditCode("420100"), ownership, 40, orgIds.get(county)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    private static String unitJson(String name, String creditCode, String ownership, int headcount, Long organisationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("creditCode", creditCode);
        body.put("ownership", ownership);
        body.put("headcount", headcount);
        body.put("organisationId", organisationId);
        return JSON.writeValueAsString(body);
    }

    /** A fresh, valid unified social credit code in the given area. */
    static String creditCode(String area) {
        StringBuilder b = new StringBuilder("91").append(area);
        String serial = String.format("%05d", SEQUENCE.incrementAndGet() % 100_000);
        b.append(serial);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 4; i++) b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return b.append(CreditCode.checkCharacter(b)).toString();
    }

    private static char otherCheckCharacter(char check) {
        return check == '0' ? '1' : '0';
    }

    private static String uniqueName(String base) {
        return base + "（测试" + SEQUENCE.incrementAndGet() + ThreadLocalRandom.current().nextInt(1000) + "）";
    }

    private static Map<String, JsonNode> byName(JsonNode array) {
        Map<String, JsonNode> byName = new HashMap<>();
        array.forEach(n -> byName.put(n.path("name").asString(), n));
        return byName;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes.stream();
    }
}
