package org.huzhu.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.huzhu.organisation.Level;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.CreditCode;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Contract §4: enrolling a member — coverage periods, premium, who pays what under each unit's
 * funding policy while union budgets last — and every catalogue and scope rule named by field.
 */
class EnrolmentApiTest extends ApiTest {

    /** Area codes of this class (Beijing 1102xx): never used by the demo data or other test classes. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(400));

    @Autowired
    private Organisations organisations;

    private Map<String, Long> orgIds;
    private LocalDate today;

    @BeforeEach
    void readTree() {
        orgIds = organisationIdsByName();
        today = today();
    }

    // ---- what a claim reads of its member ---------------------------------------------------

    @Autowired
    private Members members;
    @Autowired
    private Enrolments enrolments;

    /** Members.claimant reads in one statement what the claims module read in three: it must answer the same. */
    @Test
    void aClaimantIsTheMemberWithEveryCoverageInForceOfEveryEnrolmentAndThePayee() {
        long unit = createUnit("武昌区总工会", "OTHER");
        long member = register('F', LocalDate.of(1985, 3, 2), unit);
        CurrentUser admin = new CurrentUser(0, "test", Role.ADMIN, "/", null, null, null);
        Members.Claimant before = members.claimant(member, admin);
        assertThat(before.coverages()).isEmpty();
        assertThat(before.payee()).isEmpty();

        assertThat(declaredEnrolment(itemsJson(unit, member, today.minusYears(1).toString(),
                item("HOSPITAL", "STD", 2))).status()).isEqualTo(201);
        assertThat(post("demo-admin", "/api/v1/enrolments", itemsJson(unit, member, today.toString(),
                item("HOSPITAL", "STD", 1), item("FEMALE_SPECIAL", "UPG", 1))).status()).isEqualTo(201);
        String card = luhn("62220210011155555");
        members.changeBankAccount(member, new Members.BankAccountChange("中国工商银行武汉分行", card),
                new CurrentUser(0, "worker", Role.MEMBER, "/", null, null, member));

        Members.Claimant claimant = members.claimant(member, admin);

        assertThat(claimant.member()).isEqualTo(members.visibleMember(member, admin));
        assertThat(claimant.coverages()).hasSize(3).containsExactlyInAnyOrderElementsOf(enrolments.coveragesOf(member));
        // in the order the enrolments were made (the order the claim's items are judged and numbered in)
        assertThat(claimant.coverages()).extracting(c -> c.item() + "/" + c.shares() + "/" + c.from())
                .containsExactly("HOSPITAL/2/" + today.minusYears(1).plusDays(1), "HOSPITAL/1/" + today.plusDays(1),
                        "FEMALE_SPECIAL/1/" + today.plusDays(1));
        assertThat(claimant.payee()).isEqualTo(members.payee(member));
        assertThat(claimant.payee().orElseThrow().account().number()).isEqualTo(card);
        CurrentUser jingmen = new CurrentUser(0, "test", Role.UNION_STAFF, "/" + orgIds.get("湖北省总工会") + "/"
                + orgIds.get("荆门市总工会") + "/", null, null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> members.claimant(member, jingmen))
                .isInstanceOf(org.huzhu.shared.web.NotFoundException.class);
    }

    private static String luhn(String first) {
        int sum = 0;
        for (int i = 0; i < first.length(); i++) {
            int d = first.charAt(first.length() - 1 - i) - '0';
            if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return first + (10 - sum % 10) % 10;
    }

    // ---- what an enrolment holds ----------------------------------------------------------

    @Test
    void enrolsItemsWithCoveragePeriodsPremiumAndFunding() {
        long unit = createUnit("武昌区总工会", "OTHER");
        long member = register('F', LocalDate.of(1985, 3, 2), unit);

        Answer answer = declaredEnrolment(itemsJson(unit, member, "2026-01-09",
                item("HOSPITAL", "STD", 2), item("FEMALE_SPECIAL", "UPG", 1), item("SHORT_ACCIDENT", "M3", 1)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode e = answer.json();
        assertThat(e.path("id").asLong()).isPositive();
        // 2 × 100.00 + 1 × 40.00 + 1 × 12.00
        assertThat(e.path("premium").asString()).isEqualTo("252.00");
        assertThat(coverages(e)).containsExactly(
                "HOSPITAL/STD/2/2026-01-10/2027-01-09/200.00",
                "FEMALE_SPECIAL/UPG/1/2026-01-10/2027-01-09/40.00",
                "SHORT_ACCIDENT/M3/1/2026-01-10/2026-04-09/12.00");
        JsonNode funding = e.path("funding");
        assertThat(funding.path("unit").asString()).isEqualTo("252.00");
        assertThat(funding.path("union").asString()).isEqualTo("0.00");
        assertThat(funding.path("member").asString()).isEqualTo("0.00");
        assertFundingSumsToPremium(e);

        Answer fetched = get("demo-admin", "/api/v1/enrolments/" + e.path("id").asLong());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(coverages(fetched.json())).isEqualTo(coverages(e));
        JsonNode held = get("demo-admin", "/api/v1/members/" + member + "/enrolments").json();
        assertThat(held.size()).isEqualTo(1);
        assertThat(held.get(0).path("premium").asString()).isEqualTo("252.00");
    }

    @ParameterizedTest(name = "paid {0} → {1} … {2}")
    @CsvSource({
            "2026-01-09, 2026-01-10, 2027-01-09",
            "2026-02-28, 2026-03-01, 2027-02-28",
            "2025-12-31, 2026-01-01, 2026-12-31",
            "2025-02-27, 2025-02-28, 2026-02-27"})
    void coverStartsTheDayAfterPaymentAndLastsOneYear(LocalDate paidOn, LocalDate from, LocalDate to) {
        long unit = createUnit("武昌区总工会", "OTHER");
        long member = register('M', LocalDate.of(1980, 6, 1), unit);

        Answer answer = declaredEnrolment(itemsJson(unit, member, paidOn.toString(), item("ACCIDENT", null, 1)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode coverage = answer.json().path("coverages").get(0);
        assertThat(coverage.path("plan").asString()).isEqualTo("STD");
        assertThat(coverage.path("from").asString()).isEqualTo(from.toString());
        assertThat(coverage.path("to").asString()).isEqualTo(to.toString());
    }

    @ParameterizedTest(name = "{0}: {1} with {2} coverages")
    @CsvSource({"F, 430.00, 4", "M, 380.00, 3"})
    void theBasicBundleWithTwoSharesCoversThreeItemsForMenAndFourForWomen(char sex, String premium, int items) {
        long unit = createUnit("武昌区总工会", "OTHER");
        long member = register(sex, LocalDate.of(1990, 1, 1), unit);

        Answer answer = post("demo-admin", "/api/v1/enrolments", bundleJson(unit, member, today.toString(), "BASIC", 2));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("premium").asString()).isEqualTo(premium);
        String from = today.plusDays(1).toString();
        String to = today.plusDays(1).plusYears(1).minusDays(1).toString();
        List<String> expected = new ArrayList<>(List.of(
                "HOSPITAL/STD/2/" + from + "/" + to + "/200.00",
                "CRITICAL_ILLNESS/A/2/" + from + "/" + to + "/120.00",
                "ACCIDENT/STD/2/" + from + "/" + to + "/60.00"));
        if (sex == 'F') expected.add("FEMALE_SPECIAL/STD/2/" + from + "/" + to + "/50.00");
        assertThat(coverages(answer.json())).hasSize(items).containsExactlyInAnyOrderElementsOf(expected);
        assertFundingSumsToPremium(answer.json());
    }

    // ---- funding --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: unit {1}, union {2}")
    @CsvSource({
            "GOVERNMENT,  80.00, 20.00",
            "STATE_OWNED, 80.00, 20.00",
            "PRIVATE,     50.00, 50.00",
            "OTHER,      100.00,  0.00"})
    void theUnitsOwnershipChoosesWhoPays(String ownership, String unitPays, String unionPays) {
        // 恩施市 has no budget of its own: subsidies come from 恩施州's yearly budget
        long unit = createUnit("恩施市总工会", ownership);
        long member = register('M', LocalDate.of(1988, 8, 8), unit);

        Answer answer = post("demo-admin", "/api/v1/enrolments", itemsJson(unit, member, today.toString(),
                item("HOSPITAL", "STD", 1)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("premium").asString()).isEqualTo("100.00");
        JsonNode funding = answer.json().path("funding");
        assertThat(funding.path("unit").asString()).isEqualTo(unitPays);
        assertThat(funding.path("union").asString()).isEqualTo(unionPays);
        assertThat(funding.path("member").asString()).isEqualTo("0.00");
        assertRecordedAsApplied(answer.json());
    }

    @Test
    void aPrivateUnitsUnionHalfIsPaidOnlyWhileTheCountyBudgetLasts() {
        long county = freshCounty();
        Answer budget = setBudget(county, "60.00");
        assertThat(budget.status()).as(budget.body()).isEqualTo(200);
        assertThat(budget.field("left")).isEqualTo("60.00");
        long unit = createUnit(county, "PRIVATE");

        List<JsonNode> enrolled = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long member = register('M', LocalDate.of(1981 + i, 2, 3), unit);
            Answer answer = post("demo-admin", "/api/v1/enrolments", itemsJson(unit, member, today.toString(),
                    item("HOSPITAL", "STD", 1)));
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            enrolled.add(answer.json());
        }

        // 50% of 100.00 while 60.00 lasts: 50.00, then the 10.00 left, then nothing
        assertThat(enrolled).extracting(e -> e.path("funding").path("union").asString())
                .containsExactly("50.00", "10.00", "0.00");
        assertThat(enrolled).extracting(e -> e.path("funding").path("unit").asString())
                .containsExactly("50.00", "90.00", "100.00");
        enrolled.forEach(this::assertRecordedAsApplied);
        assertThat(enrolled).extracting(e -> jdbc.sql("select subsidy_org_id from membership.enrolment where id = ?")
                .param(e.path("id").asLong()).query(Long.class).optional().orElse(null))
                .containsExactly(county, county, null);
        JsonNode after = budgetOf(county);
        assertThat(after.path("used").asString()).isEqualTo("60.00");
        assertThat(after.path("left").asString()).isEqualTo("0.00");

        // a raised budget lasts again
        assertThat(setBudget(county, "100.00").status()).isEqualTo(200);
        long member = register('F', LocalDate.of(1985, 5, 5), unit);
        Answer afterRaise = post("demo-admin", "/api/v1/enrolments", itemsJson(unit, member, today.toString(),
                item("HOSPITAL", "STD", 1)));
        assertThat(afterRaise.json().path("funding").path("union").asString()).isEqualTo("40.00");
        assertThat(budgetOf(county).path("left").asString()).isEqualTo("0.00");
    }

    @Test
    void aBudgetCannotBeCutBelowWhatWasAlreadyGranted() {
        long county = freshCounty();
        assertThat(setBudget(county, "50.00").status()).isEqualTo(200);
        long unit = createUnit(county, "PRIVATE");
        long member = register('M', LocalDate.of(1977, 7, 7), unit);
        assertThat(post("demo-admin", "/api/v1/enrolments", itemsJson(unit, member, today.toString(),
                item("HOSPITAL", "STD", 1))).json().path("funding").path("union").asString()).isEqualTo("50.00");

        Answer cut = setBudget(county, "20.00");

        assertThat(cut.status()).as(cut.body()).isIn(400, 409);
        assertThat(cut.contentType()).startsWith("application/problem+json");
        assertThat(fields(cut)).containsExactly("amount");
        assertThat(budgetOf(county).path("amount").asString()).isEqualTo("50.00");
    }

    // ---- rules of the catalogue and of form, each named by field ---------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            shares above the maximum      | M | items[0].shares | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"TODAY","items":[{"item":"HOSPITAL","plan":"STD","shares":5}]}
            no shares                     | M | items[0].shares | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"TODAY","items":[{"item":"HOSPITAL","shares":0}]}
            shares missing                | M | items[0].shares | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"TODAY","items":[{"item":"HOSPITAL"}]}
            female item for a man         | M | items[0].item   | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"TODAY","items":[{"item":"FEMALE_SPECIAL","plan":"STD","shares":1}]}
            STD and UPG together          | F | items[1].item   | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"TODAY","items":[{"item":"FEMALE_SPECIAL","plan":"STD","shares":1},{"item":"FEMALE_SPECIAL","plan":"UPG","shares":1}]}
            unknown item                  | M | items[0].item   | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"TODAY","items":[{"item":"DENTAL","shares":1}]}
            unknown plan                  | M | items[0].plan   | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"TODAY","items":[{"item":"HOSPITAL","plan":"GOLD","shares":1}]}
            gift cover bought             | M | items[0].item   | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"TODAY","items":[{"item":"GIG_ACCIDENT","shares":1}]}
            items and bundle              | M | bundle          | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"TODAY","items":[{"item":"HOSPITAL","shares":1}],"bundle":"BASIC","shares":1}
            neither items nor bundle      | M | items           | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"TODAY"}
            empty items                   | M | items           | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"TODAY","items":[]}
            unknown bundle                | M | bundle          | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"TODAY","bundle":"PREMIUM","shares":1}
            bundle without shares         | M | shares          | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"TODAY","bundle":"BASIC"}
            bundle shares above maximum   | M | shares          | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"TODAY","bundle":"BASIC","shares":5}
            paidOn in the future          | M | paidOn          | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"TOMORROW","items":[{"item":"HOSPITAL","shares":1}]}
            paidOn month 13               | M | paidOn          | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"2026-13-01","items":[{"item":"HOSPITAL","shares":1}]}
            paidOn not a date             | M | paidOn          | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"09/01/2026","items":[{"item":"HOSPITAL","shares":1}]}
            shares not a number           | M | items[0].shares | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"TODAY","items":[{"item":"HOSPITAL","shares":"x"}]}
            unitId missing                | M | unitId          | {"memberId":MEMBER,"paidOn":"TODAY","items":[{"item":"HOSPITAL","shares":1}]}
            unitId unknown                | M | unitId          | {"unitId":987654321,"memberId":MEMBER,"paidOn":"TODAY","items":[{"item":"HOSPITAL","shares":1}]}
            unitId not a number           | M | unitId          | {"unitId":"one","memberId":MEMBER,"paidOn":"TODAY","items":[{"item":"HOSPITAL","shares":1}]}
            memberId missing              | M | memberId        | {"unitId":UNIT,"paidOn":"TODAY","items":[{"item":"HOSPITAL","shares":1}]}
            memberId unknown              | M | memberId        | {"unitId":UNIT,"memberId":987654321,"paidOn":"TODAY","items":[{"item":"HOSPITAL","shares":1}]}
            items not a list              | M | items           | {"unitId":UNIT,"memberId":MEMBER,"paidOn":"TODAY","items":"HOSPITAL"}
            """)
    void rejectsAnEnrolmentThatBreaksARuleNamingTheField(String rule, char sex, String field, String template) {
        long unit = createUnit("武昌区总工会", "OTHER");
        long member = register(sex, LocalDate.of(1990, 10, 10), unit);
        String json = template.replace("UNIT", String.valueOf(unit)).replace("MEMBER", String.valueOf(member))
                .replace("TODAY", today.toString()).replace("TOMORROW", today.plusDays(1).toString());

        Answer answer = post("demo-admin", "/api/v1/enrolments", json);

        assertProblem(answer, 400);
        assertThat(fields(answer)).contains(field);
        assertThat(enrolmentsOf(member)).isZero();
    }

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource({
            "15 (16th birthday the day after cover starts), 16, 1, 400",
            "16 (16th birthday on the first day of cover),  16, 0, 201",
            "65 (66th birthday the day after cover starts), 66, 1, 201",
            "66 (66th birthday on the first day of cover),  66, 0, 400"})
    void ageAtCoverageStartMustBeSixteenToSixtyFive(String age, int yearsBeforeCover, int daysLater, int status) {
        LocalDate from = today.plusDays(1);
        LocalDate birth = from.minusYears(yearsBeforeCover).plusDays(daysLater);
        long unit = createUnit("武昌区总工会", "OTHER");
        long member = register('M', birth, unit);

        Answer answer = post("demo-admin", "/api/v1/enrolments", itemsJson(unit, member, today.toString(),
                item("ACCIDENT", "STD", 1)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        if (status == 400) {
            assertProblem(answer, 400);
            assertThat(fields(answer)).containsExactly("memberId");
        }
    }

    @Test
    void namesEveryProblemOfOneRequestAtOnce() {
        long unit = createUnit("武昌区总工会", "OTHER");
        long member = register('M', LocalDate.of(1990, 1, 1), unit);

        Answer answer = post("demo-admin", "/api/v1/enrolments", itemsJson(unit, member, today.toString(),
                item("HOSPITAL", "STD", 9), item("FEMALE_SPECIAL", "STD", 1), item("DENTAL", null, 1)));

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactlyInAnyOrder("items[0].shares", "items[1].item", "items[2].item");
    }

    @Test
    void rejectsMalformedJsonAndAMissingBody() {
        assertProblem(post("demo-admin", "/api/v1/enrolments", "{\"unitId\": 1, \"items\": [ "), 400);
        assertProblem(send("demo-admin", java.net.http.HttpRequest.newBuilder(uri("/api/v1/enrolments"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.noBody())), 400);
    }

    // ---- scope and roles ------------------------------------------------------------------

    @Test
    void aJingmenUserCannotEnrolIntoAWuhanUnit() {
        long wuhanUnit = createUnit("江岸区总工会", "OTHER");
        long jingmenMember = registerAs("demo-jingmen", 'M', LocalDate.of(1986, 6, 6), null);

        Answer answer = post("demo-jingmen", "/api/v1/enrolments", itemsJson(wuhanUnit, jingmenMember, today.toString(),
                item("HOSPITAL", "STD", 1)));

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactly("unitId");
        assertThat(answer.body()).doesNotContain("江岸");
        assertThat(enrolmentsOf(jingmenMember)).isZero();
    }

    @Test
    void aJingmenUserCannotEnrolAWuhanMember() {
        long wuhanMember = register('F', LocalDate.of(1986, 6, 6), createUnit("江岸区总工会", "OTHER"));
        long jingmenUnit = createUnit("东宝区总工会", "OTHER");

        Answer answer = post("demo-jingmen", "/api/v1/enrolments", itemsJson(jingmenUnit, wuhanMember, today.toString(),
                item("HOSPITAL", "STD", 1)));

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactly("memberId");
        assertThat(enrolmentsOf(wuhanMember)).isZero();
    }

    @Test
    void aUnitOperatorEnrolsOnlyIntoTheirOwnUnit() {
        long ownUnit = get("demo-unit", "/api/v1/me").json().path("unitId").asLong();
        long member = registerAs("demo-unit", 'M', LocalDate.of(1995, 5, 5), null);
        long otherUnit = createUnit("江岸区总工会", "OTHER");

        Answer elsewhere = post("demo-unit", "/api/v1/enrolments", itemsJson(otherUnit, member, today.toString(),
                item("ACCIDENT", "STD", 1)));
        Answer own = post("demo-unit", "/api/v1/enrolments", itemsJson(ownUnit, member, today.toString(),
                item("ACCIDENT", "STD", 1)));

        assertProblem(elsewhere, 400);
        assertThat(fields(elsewhere)).containsExactly("unitId");
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().path("unitId").asLong()).isEqualTo(ownUnit);
    }

    @Test
    void reviewersFinanceAndWorkersCannotEnrol() {
        long unit = createUnit("武昌区总工会", "OTHER");
        long member = register('M', LocalDate.of(1990, 3, 3), unit);
        String json = itemsJson(unit, member, today.toString(), item("HOSPITAL", "STD", 1));

        for (String user : List.of("demo-reviewer", "demo-finance", "demo-member")) {
            assertProblem(post(user, "/api/v1/enrolments", json), 403);
        }
        assertThat(enrolmentsOf(member)).isZero();
    }

    @Test
    void anEnrolmentOfAnotherSubtreeIsNotFound() {
        long unit = createUnit("洪山区总工会", "OTHER");
        long member = register('M', LocalDate.of(1990, 4, 4), unit);
        long id = post("demo-admin", "/api/v1/enrolments", itemsJson(unit, member, today.toString(),
                item("HOSPITAL", "STD", 1))).json().path("id").asLong();

        assertThat(get("demo-wuhan", "/api/v1/enrolments/" + id).status()).isEqualTo(200);
        assertProblem(get("demo-jingmen", "/api/v1/enrolments/" + id), 404);
        assertProblem(get("demo-member", "/api/v1/enrolments/" + id), 404);
        assertProblem(get("demo-unit", "/api/v1/enrolments/" + id), 404);
    }

    // ---- no double enrolment --------------------------------------------------------------

    @Test
    void theSameEnrolmentPostedTwiceIsAConflictAndBookedOnce() {
        long unit = createUnit("武昌区总工会", "OTHER");
        long member = register('F', LocalDate.of(1990, 2, 2), unit);
        String json = bundleJson(unit, member, today.toString(), "BASIC", 1);
        BigDecimal incomeBefore = accountTotals("4001", "credit");

        Answer first = post("demo-admin", "/api/v1/enrolments", json);
        Answer second = post("demo-admin", "/api/v1/enrolments", json);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertProblem(second, 409);
        assertThat(fields(second)).isNotEmpty();
        assertThat(enrolmentsOf(member)).isEqualTo(1);
        assertThat(accountTotals("4001", "credit").subtract(incomeBefore)).isEqualByComparingTo("215.00");
    }

    @Test
    void overlappingCoverOfTheSameItemIsAConflictButAnotherItemIsFine() {
        long unit = createUnit("武昌区总工会", "OTHER");
        long member = register('F', LocalDate.of(1990, 2, 2), unit);
        Answer first = post("demo-admin", "/api/v1/enrolments", itemsJson(unit, member, today.minusDays(30).toString(),
                item("FEMALE_SPECIAL", "STD", 1)));
        assertThat(first.status()).isEqualTo(201);
        confirmDeclaration(first.json().path("billId").asLong());   // dated 30 days back: in force once finance confirms

        Answer upgrade = post("demo-admin", "/api/v1/enrolments", itemsJson(unit, member, today.toString(),
                item("FEMALE_SPECIAL", "UPG", 1)));
        Answer other = post("demo-admin", "/api/v1/enrolments", itemsJson(unit, member, today.toString(),
                item("HOSPITAL", "STD", 1)));

        assertProblem(upgrade, 409);
        assertThat(fields(upgrade)).containsExactly("items[0].item");
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        assertThat(enrolmentsOf(member)).isEqualTo(2);
    }

    @ParameterizedTest(name = "round {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void twoConcurrentIdenticalEnrolmentsBookExactlyOne(int round) throws Exception {
        long unit = createUnit("武昌区总工会", "OTHER");
        long member = register('M', LocalDate.of(1983, 3, round), unit);
        String json = bundleJson(unit, member, today.toString(), "BASIC", 1);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post("demo-admin", "/api/v1/enrolments", json);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Answer> a : answers) statuses.add(a.get(60, TimeUnit.SECONDS).status());

            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(enrolmentsOf(member)).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from ledger.journal j join membership.enrolment e on j.id = e.journal_id
                 where e.member_id = ?""").param(member).query(Long.class).single()).isEqualTo(1);
    }

    // ---- the books ------------------------------------------------------------------------

    @Test
    void theTrialBalanceStaysBalancedAndBilledContributionsMatchIncome() {
        long unit = createUnit("恩施市总工会", "GOVERNMENT");
        long member = register('F', LocalDate.of(1979, 9, 9), unit);
        BigDecimal incomeBefore = accountTotals("4001", "credit");
        BigDecimal subsidyBefore = accountTotals("1122.02", "debit");
        assertThat(post("demo-admin", "/api/v1/enrolments", bundleJson(unit, member, today.toString(), "BASIC", 1)).status())
                .isEqualTo(201);

        Answer answer = get("demo-finance", "/api/v1/ledger/trial-balance");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode tb = answer.json();
        assertThat(tb.path("balanced").asBoolean()).isTrue();
        assertThat(new BigDecimal(tb.path("debits").asString())).isEqualByComparingTo(new BigDecimal(tb.path("credits").asString()));
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        BigDecimal billed = BigDecimal.ZERO;
        for (JsonNode account : tb.path("accounts")) {
            assertThat(account.path("debit").asString()).matches("\\d+\\.\\d\\d");
            assertThat(account.path("credit").asString()).matches("\\d+\\.\\d\\d");
            debits = debits.add(new BigDecimal(account.path("debit").asString()));
            credits = credits.add(new BigDecimal(account.path("credit").asString()));
            String code = account.path("code").asString();
            if (code.startsWith("1122.") || code.equals("5001")) billed = billed.add(new BigDecimal(account.path("debit").asString()));
        }
        assertThat(debits).isEqualByComparingTo(new BigDecimal(tb.path("debits").asString()));
        assertThat(credits).isEqualByComparingTo(new BigDecimal(tb.path("credits").asString()));
        assertThat(billed).as("receivables billed + gift expense = contribution income")
                .isEqualByComparingTo(accountTotals("4001", "credit"));
        assertThat(accountTotals("4001", "credit").subtract(incomeBefore)).isEqualByComparingTo("215.00");
        assertThat(accountTotals("1122.02", "debit").subtract(subsidyBefore)).isEqualByComparingTo("20.00");
    }

    // ---- helpers --------------------------------------------------------------------------

    private void assertFundingSumsToPremium(JsonNode enrolment) {
        JsonNode f = enrolment.path("funding");
        BigDecimal sum = new BigDecimal(f.path("unit").asString()).add(new BigDecimal(f.path("union").asString()))
                .add(new BigDecimal(f.path("member").asString()));
        assertThat(sum).isEqualByComparingTo(new BigDecimal(enrolment.path("premium").asString()));
        BigDecimal coverages = BigDecimal.ZERO;
        for (JsonNode c : enrolment.path("coverages")) coverages = coverages.add(new BigDecimal(c.path("premium").asString()));
        assertThat(coverages).isEqualByComparingTo(new BigDecimal(enrolment.path("premium").asString()));
    }

    /** The split stored with the enrolment and booked to the ledger is the one answered. */
    private void assertRecordedAsApplied(JsonNode enrolment) {
        assertFundingSumsToPremium(enrolment);
        long id = enrolment.path("id").asLong();
        Map<String, Object> row = jdbc.sql("select unit_pays, union_pays, member_pays, premium, journal_id from membership.enrolment where id = ?")
                .param(id).query().singleRow();
        JsonNode f = enrolment.path("funding");
        assertThat((BigDecimal) row.get("unit_pays")).isEqualByComparingTo(f.path("unit").asString());
        assertThat((BigDecimal) row.get("union_pays")).isEqualByComparingTo(f.path("union").asString());
        assertThat((BigDecimal) row.get("member_pays")).isEqualByComparingTo(f.path("member").asString());
        long journal = ((Number) row.get("journal_id")).longValue();
        assertThat(posted(journal, "1122.01", "debit")).isEqualByComparingTo(f.path("unit").asString());
        assertThat(posted(journal, "1122.02", "debit")).isEqualByComparingTo(f.path("union").asString());
        assertThat(posted(journal, "1122.03", "debit")).isEqualByComparingTo(f.path("member").asString());
        assertThat(posted(journal, "4001", "credit")).isEqualByComparingTo(enrolment.path("premium").asString());
    }

    private BigDecimal posted(long journal, String account, String side) {
        return jdbc.sql("select coalesce(sum(" + side + "), 0) from ledger.posting where journal_id = ? and account_code = ?")
                .params(journal, account).query(BigDecimal.class).single();
    }

    private BigDecimal accountTotals(String code, String side) {
        for (JsonNode a : get("demo-finance", "/api/v1/ledger/trial-balance").json().path("accounts")) {
            if (a.path("code").asString().equals(code)) return new BigDecimal(a.path(side).asString());
        }
        throw new AssertionError("no account " + code);
    }

    private long enrolmentsOf(long member) {
        return jdbc.sql("select count(*) from membership.enrolment where member_id = ?").param(member).query(Long.class).single();
    }

    /** A county of its own under 恩施州, so that its subsidy budget is this test's alone. */
    private long freshCounty() {
        OrgNode enshi = organisations.node(orgIds.get("恩施州总工会"));
        return organisations.createNode("预算测试县总工会" + SEQUENCE.incrementAndGet(), Level.COUNTY, enshi, null).id();
    }

    private Answer setBudget(long county, String amount) {
        return put("demo-admin", "/api/v1/subsidy-budgets",
                "{\"organisationId\":" + county + ",\"year\":" + today.getYear() + ",\"amount\":\"" + amount + "\"}");
    }

    private JsonNode budgetOf(long county) {
        for (JsonNode b : get("demo-admin", "/api/v1/subsidy-budgets").json()) {
            if (b.path("organisationId").asLong() == county && b.path("year").asInt() == today.getYear()) return b;
        }
        throw new AssertionError("no budget for " + county);
    }

    private long register(char sex, LocalDate birth, Long unitId) {
        return registerAs("demo-admin", sex, birth, unitId);
    }

    private long registerAs(String user, char sex, LocalDate birth, Long unitId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", sex == 'F' ? "参保女工" : "参保职工");
        body.put("idNumber", idNumber(birth, sex));
        body.put("employmentForm", "REGULAR");
        if (unitId != null) body.put("unitId", unitId);
        Answer answer = post(user, "/api/v1/members", JSON.writeValueAsString(body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    private long createUnit(String county, String ownership) {
        return createUnit(orgIds.get(county), ownership);
    }

    private long createUnit(long countyId, String ownership) {
        StringBuilder code = new StringBuilder(ownership.equals("GOVERNMENT") ? "11" : "91").append("420100")
                .append(String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));
        code.append(CreditCode.checkCharacter(code));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "参保测试单位" + SEQUENCE.incrementAndGet());
        body.put("creditCode", code.toString());
        body.put("ownership", ownership);
        body.put("headcount", 50);
        body.put("organisationId", countyId);
        Answer answer = post("demo-admin", "/api/v1/units", JSON.writeValueAsString(body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    /** A fresh valid ID number: area 1102xx (unused elsewhere), the birth date given, a fresh sequence. */
    private static String idNumber(LocalDate birth, char sex) {
        int n = SEQUENCE.incrementAndGet();
        String first17 = "1102" + String.format("%02d", n / 500 % 100) + birth.toString().replace("-", "")
                + String.format("%03d", (n % 500) * 2 + (sex == 'M' ? 1 : 0));
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static Map<String, Object> item(String item, String plan, int shares) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("item", item);
        if (plan != null) line.put("plan", plan);
        line.put("shares", shares);
        return line;
    }

    /**
     * Posts an enrolment declared paid; one dated more than 7 days back waits for finance (docs/contributions.md, “Payment
     * truth”): demo-finance confirms it, and the answer is the enrolment as it then stands (201 as posted).
     */
    private Answer declaredEnrolment(String json) {
        Answer answer = post("demo-admin", "/api/v1/enrolments", json);
        if (answer.status() != 201 || !"AWAITING_PAYMENT".equals(answer.field("status"))) return answer;
        confirmDeclaration(answer.json().path("billId").asLong());
        Answer now = get("demo-admin", "/api/v1/enrolments/" + answer.json().path("id").asLong());
        return new Answer(answer.status(), now.contentType(), now.body());
    }

    @SafeVarargs
    private static String itemsJson(long unit, long member, String paidOn, Map<String, Object>... items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", unit);
        body.put("memberId", member);
        body.put("items", List.of(items));
        body.put("paidOn", paidOn);
        return JSON.writeValueAsString(body);
    }

    private static String bundleJson(long unit, long member, String paidOn, String bundle, int shares) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", unit);
        body.put("memberId", member);
        body.put("bundle", bundle);
        body.put("shares", shares);
        body.put("paidOn", paidOn);
        return JSON.writeValueAsString(body);
    }

    private static List<String> coverages(JsonNode enrolment) {
        List<String> list = new ArrayList<>();
        for (JsonNode c : enrolment.path("coverages")) {
            list.add(c.path("item").asString() + "/" + c.path("plan").asString() + "/" + c.path("shares").asInt() + "/"
                    + c.path("from").asString() + "/" + c.path("to").asString() + "/" + c.path("premium").asString());
        }
        return list;
    }
}
