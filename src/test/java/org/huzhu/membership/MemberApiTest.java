package org.huzhu.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.huzhu.shared.BankAccount;
import org.huzhu.shared.CreditCode;
import org.huzhu.shared.IdNumber;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Contract §3: registering members (sex and birth date from the ID number, the number stored
 * encrypted and shown masked), seeing them within scope, real-name verification with its gift
 * cover, and the payout bank account.
 */
class MemberApiTest extends ApiTest {

    /** A counter check in person: what staff saw (an ID card ending 001X). */
    static final String COUNTER_CHECK = "{\"documentType\": \"RESIDENT_ID_CARD\", \"documentNumberLast4\": \"001X\"}";

    /** Area codes of this class (Beijing 1101xx): never used by the demo data or other test classes. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(400));

    @org.springframework.beans.factory.annotation.Autowired
    private org.huzhu.shared.crypto.PersonalDataCipher personalData;

    @org.springframework.beans.factory.annotation.Autowired
    private GiftCovers gifts;
    private Map<String, Long> orgIds;

    @BeforeEach
    void readTree() {
        orgIds = new HashMap<>();
        for (JsonNode node : get("demo-admin", "/api/v1/organisations").json()) {
            orgIds.put(node.path("name").asString(), node.path("id").asLong());
        }
    }

    // ---- registration ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0} born {1}")
    @CsvSource({"M, 1985-03-02, REGULAR", "F, 1999-12-31, NEW_FORM", "F, 1960-02-29, REGULAR"})
    void registersAMemberWithSexAndBirthDateFromTheIdNumber(char sex, LocalDate birth, String form) {
        String id = idNumber(birth, sex);

        Answer answer = post("demo-admin", "/api/v1/members", memberJson("张三", id, "13800000000", form, null));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode member = answer.json();
        assertThat(member.path("id").asLong()).isPositive();
        assertThat(member.path("name").asString()).isEqualTo("张三");
        assertThat(member.path("gender").asString()).isEqualTo(String.valueOf(sex));
        assertThat(member.path("birthDate").asString()).isEqualTo(birth.toString());
        assertThat(member.path("maskedIdNumber").asString())
                .isEqualTo("*".repeat(16) + id.substring(16))
                .matches("\\*{16}\\d[\\dX]");
        assertThat(member.path("employmentForm").asString()).isEqualTo(form);
        assertFullNumberAbsent(answer.body(), id);

        Answer fetched = get("demo-admin", "/api/v1/members/" + member.path("id").asLong());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().path("maskedIdNumber").asString()).isEqualTo(member.path("maskedIdNumber").asString());
        assertFullNumberAbsent(fetched.body(), id);
    }

    @Test
    void employmentFormDefaultsToRegularAndAcceptsTheChineseName() {
        Answer noForm = post("demo-admin", "/api/v1/members", memberJson("李四", idNumber(LocalDate.of(1990, 5, 6), 'M'), null, null, null));
        Answer chinese = post("demo-admin", "/api/v1/members", memberJson("王五", idNumber(LocalDate.of(1991, 5, 6), 'M'), null, "新就业形态", null));

        assertThat(noForm.status()).isEqualTo(201);
        assertThat(noForm.field("employmentForm")).isEqualTo("REGULAR");
        assertThat(chinese.status()).isEqualTo(201);
        assertThat(chinese.field("employmentForm")).isEqualTo("NEW_FORM");
    }

    @Test
    void upgradesAFifteenDigitNumber() {
        LocalDate birth = LocalDate.of(1975, 8, 9);
        String eighteen = idNumber(birth, 'M');
        String fifteen = eighteen.substring(0, 6) + eighteen.substring(8, 17);

        Answer answer = post("demo-admin", "/api/v1/members", memberJson("赵六", fifteen, null, "REGULAR", null));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.field("birthDate")).isEqualTo("1975-08-09");
        assertThat(answer.field("gender")).isEqualTo("M");
        assertThat(answer.field("maskedIdNumber")).isEqualTo("*".repeat(16) + eighteen.substring(16));
        assertFullNumberAbsent(answer.body(), eighteen);
        assertThat(answer.body()).doesNotContain(fifteen);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "bad check character, CHECK",
            "impossible birth date 19900230, FEB30",
            "birth date in the future, FUTURE",
            "17 digits, SHORT",
            "19 digits, LONG",
            "letters inside, LETTERS",
            "unknown province 99, PROVINCE",
            "empty, EMPTY"})
    void rejectsABadIdNumber(String label, String kind) {
        String good = idNumber(LocalDate.of(1988, 7, 1), 'F');
        String bad = switch (kind) {
            case "CHECK" -> good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
            case "FEB30" -> withCheck(good.substring(0, 6) + "19900230" + good.substring(14, 17));
            case "FUTURE" -> withCheck(good.substring(0, 6) + today().plusDays(2).toString().replace("-", "")
                    + good.substring(14, 17));
            case "SHORT" -> good.substring(0, 17);
            case "LONG" -> good + "1";
            case "LETTERS" -> good.substring(0, 10) + "AB" + good.substring(12);
            case "PROVINCE" -> withCheck("99" + good.substring(2, 17));
            case "EMPTY" -> "";
            default -> throw new IllegalArgumentException(kind);
        };

        Answer answer = post("demo-admin", "/api/v1/members", memberJson("钱七", bad, null, "REGULAR", null));

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactly("idNumber");
        if (!bad.isEmpty()) assertThat(answer.body()).doesNotContain(bad);
    }

    @Test
    void rejectsADuplicateIdNumberWithAConflict() {
        String id = idNumber(LocalDate.of(1982, 1, 15), 'F');
        assertThat(post("demo-admin", "/api/v1/members", memberJson("孙八", id, null, "REGULAR", null)).status()).isEqualTo(201);

        Answer again = post("demo-admin", "/api/v1/members", memberJson("孙八", id, null, "REGULAR", null));
        Answer lowerCaseX = post("demo-admin", "/api/v1/members", memberJson("孙八", " " + id.toLowerCase() + " ", null, "REGULAR", null));

        assertProblem(again, 409);
        assertThat(fields(again)).containsExactly("idNumber");
        assertProblem(lowerCaseX, 409);
        assertThat(memberRowsWithMask(id)).isEqualTo(1);
    }

    @ParameterizedTest(name = "first registered as {0} digits")
    @ValueSource(ints = {18, 15})
    void theFifteenAndEighteenDigitFormsOfOneNumberAreTheSamePerson(int firstLength) {
        String eighteen = idNumber(LocalDate.of(1968, 4, 20), 'M');
        String fifteen = eighteen.substring(0, 6) + eighteen.substring(8, 17);
        String first = firstLength == 18 ? eighteen : fifteen;
        String second = firstLength == 18 ? fifteen : eighteen;
        assertThat(post("demo-admin", "/api/v1/members", memberJson("周九", first, null, "REGULAR", null)).status()).isEqualTo(201);

        Answer duplicate = post("demo-admin", "/api/v1/members", memberJson("周九", second, null, "REGULAR", null));

        assertProblem(duplicate, 409);
        assertThat(fields(duplicate)).containsExactly("idNumber");
        assertThat(memberRowsWithMask(eighteen)).isEqualTo(1);
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        Answer answer = post("demo-admin", "/api/v1/members", memberJson(" ", "123", "12345", "FREELANCE", null));

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactlyInAnyOrder("name", "idNumber", "phone", "employmentForm");
    }

    @Test
    void rejectsMalformedJsonWithAChineseProblem() {
        Answer answer = post("demo-admin", "/api/v1/members", "{\"name\": \"张三\", \"idNumber\": ");

        assertProblem(answer, 400);
        assertThat(answer.body()).doesNotContain("Exception", "jackson", "at [Source");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            employmentForm | {"name":"张三","idNumber":"ID","employmentForm":5}
            employmentForm | {"name":"张三","idNumber":"ID","employmentForm":["REGULAR"]}
            name           | {"name":{"given":"三","family":"张"},"idNumber":"ID","employmentForm":"REGULAR"}
            unitId         | {"name":"张三","idNumber":"ID","employmentForm":"REGULAR","unitId":"first"}
            """)
    void rejectsWrongTypesNamingTheField(String field, String template) {
        String json = template.replace("ID", idNumber(LocalDate.of(1993, 3, 3), 'M'));

        Answer answer = post("demo-admin", "/api/v1/members", json);

        assertProblem(answer, 400);
        assertThat(fields(answer)).contains(field);
    }

    @Test
    void rejectsAMissingBody() {
        Answer answer = send("demo-admin", java.net.http.HttpRequest.newBuilder(uri("/api/v1/members"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertProblem(answer, 400);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"demo-reviewer", "demo-finance", "demo-member"})
    void onlyStaffAndUnitOperatorsRegisterMembers(String user) {
        String id = idNumber(LocalDate.of(1980, 10, 10), 'M');

        Answer answer = post(user, "/api/v1/members", memberJson("吴十", id, null, "REGULAR", null));

        assertProblem(answer, 403);
        assertThat(memberRowsWithMask(id)).isZero();
    }

    // ---- data scope -----------------------------------------------------------------------

    @Test
    void aJingmenUserCannotSeeAWuhanMember() {
        long wuhanUnit = createUnit("江岸区总工会", "PRIVATE");
        String id = idNumber(LocalDate.of(1987, 6, 5), 'F');
        long memberId = register("demo-admin", "郑武汉", id, "REGULAR", wuhanUnit);

        assertThat(get("demo-admin", "/api/v1/members/" + memberId).status()).isEqualTo(200);
        assertThat(get("demo-wuhan", "/api/v1/members/" + memberId).status()).isEqualTo(200);
        Answer fromJingmen = get("demo-jingmen", "/api/v1/members/" + memberId);
        assertProblem(fromJingmen, 404);
        assertThat(fromJingmen.field("detail")).isEqualTo(get("demo-jingmen", "/api/v1/members/987654321").field("detail"));
        assertThat(fromJingmen.body()).doesNotContain("郑武汉");
        assertProblem(get("demo-jingmen", "/api/v1/members/" + memberId + "/enrolments"), 404);

        String byId = "/api/v1/members?idNumber=" + id;
        assertThat(get("demo-admin", byId).json().size()).isEqualTo(1);
        assertThat(get("demo-jingmen", byId).json().size()).isZero();
        String byName = "/api/v1/members?name=" + URLEncoder.encode("郑武汉", StandardCharsets.UTF_8);
        assertThat(ids(get("demo-jingmen", byName))).doesNotContain(memberId);
        assertThat(ids(get("demo-wuhan", byName))).contains(memberId);
    }

    @Test
    void aJingmenUserCannotRegisterIntoAWuhanUnit() {
        long wuhanUnit = createUnit("武昌区总工会", "STATE_OWNED");
        String id = idNumber(LocalDate.of(1979, 9, 9), 'M');

        Answer answer = post("demo-jingmen", "/api/v1/members", memberJson("冯某", id, null, "REGULAR", wuhanUnit));

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactly("unitId");
        assertThat(memberRowsWithMask(id)).isZero();
    }

    @Test
    void aWorkerSeesOnlyThemselves() {
        JsonNode me = get("demo-member", "/api/v1/me").json();
        long self = me.path("memberId").asLong();
        long colleague = register("demo-unit", "陈同事", idNumber(LocalDate.of(1992, 2, 2), 'F'), "REGULAR", null);

        Answer own = get("demo-member", "/api/v1/members/" + self);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("id").asLong()).isEqualTo(self);
        assertThat(get("demo-member", "/api/v1/members/" + self + "/enrolments").status()).isEqualTo(200);

        assertProblem(get("demo-member", "/api/v1/members/" + colleague), 404);
        assertProblem(get("demo-member", "/api/v1/members/" + colleague + "/enrolments"), 404);
        assertThat(get("demo-unit", "/api/v1/members/" + colleague).status()).isEqualTo(200);
        assertThat(ids(get("demo-member", "/api/v1/members"))).containsExactly(self);
    }

    @Test
    void aUnitOperatorRegistersIntoTheirOwnUnit() {
        long unitId = get("demo-unit", "/api/v1/me").json().path("unitId").asLong();

        Answer answer = post("demo-unit", "/api/v1/members", memberJson("林经办", idNumber(LocalDate.of(1994, 4, 4), 'M'),
                null, "REGULAR", null));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("unitId").asLong()).isEqualTo(unitId);
    }

    // ---- personal data --------------------------------------------------------------------

    @Test
    void storesTheIdNumberEncryptedAndMasked() {
        String id = idNumber(LocalDate.of(1983, 11, 30), 'M');
        long memberId = register("demo-admin", "加密测试", id, "REGULAR", null);

        Map<String, Object> row = jdbc.sql("select id_cipher, id_masked, id_hash from membership.member where id = ?")
                .param(memberId).query().singleRow();
        byte[] cipher = (byte[]) row.get("id_cipher");
        byte[] hash = (byte[]) row.get("id_hash");
        String masked = (String) row.get("id_masked");

        assertThat(masked).isEqualTo("*".repeat(16) + id.substring(16));
        assertThat(cipher.length).isGreaterThan(id.length());
        for (byte[] stored : List.of(cipher, hash)) {
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(id, id.substring(6, 14));
            assertThat(HexFormat.of().formatHex(stored)).doesNotContain(HexFormat.of().formatHex(id.getBytes(StandardCharsets.US_ASCII)));
        }
        // no other column of the row holds the number in clear either
        String wholeRow = jdbc.sql("select m::text from membership.member m where id = ?").param(memberId).query(String.class).single();
        assertThat(wholeRow).doesNotContain(id).doesNotContain(HexFormat.of().formatHex(id.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void memberPhonesAreEncryptedAtRest() {
        String id = idNumber(LocalDate.of(1984, 6, 1), 'F');
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Answer registered = post("demo-admin", "/api/v1/members", memberJson("电话测试", id, phone, "REGULAR", null));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long memberId = registered.json().path("id").asLong();

        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        assertThat(registered.field("maskedPhone")).isEqualTo(masked);
        assertThat(get("demo-admin", "/api/v1/members/" + memberId).field("maskedPhone")).isEqualTo(masked);
        String wholeRow = jdbc.sql("select m::text from membership.member m where id = ?").param(memberId).query(String.class).single();
        assertThat(wholeRow).doesNotContain(phone).doesNotContain(HexFormat.of().formatHex(phone.getBytes(StandardCharsets.US_ASCII)))
                .contains(masked);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theLogNeverContainsTheFullIdNumber(CapturedOutput output) {
        String good = idNumber(LocalDate.of(1986, 12, 24), 'F');
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        String badDate = withCheck(good.substring(0, 6) + "19860231" + good.substring(14, 17));

        assertThat(post("demo-admin", "/api/v1/members", memberJson("日志测试", badCheck, null, "REGULAR", null)).status()).isEqualTo(400);
        assertThat(post("demo-admin", "/api/v1/members", memberJson("日志测试", badDate, null, "REGULAR", null)).status()).isEqualTo(400);
        assertThat(post("demo-admin", "/api/v1/members", memberJson("日志测试", good, null, "REGULAR", null)).status()).isEqualTo(201);
        assertThat(post("demo-admin", "/api/v1/members", memberJson("日志测试", good, null, "REGULAR", null)).status()).isEqualTo(409);
        assertThat(post("demo-admin", "/api/v1/members", "{\"name\":\"日志测试\",\"idNumber\":\"" + good + "\",\"unitId\":\"x\"}").status())
                .isEqualTo(400);
        assertThat(get("demo-admin", "/api/v1/members?idNumber=" + good).status()).isEqualTo(200);

        assertThat(output.getAll()).doesNotContain(good, badCheck, badDate, good.substring(6, 17));
    }

    // ---- real-name verification and gift cover -------------------------------------------

    @Test
    void aVerifiedNewFormWorkerClaimsTheGiftCoverOnceAndItIsBookedToTheGiftBudget() {
        long unit = createUnit("掇刀区总工会", "PRIVATE");
        long memberId = register("demo-admin", "骑手小王", idNumber(LocalDate.of(1996, 1, 20), 'M'), "NEW_FORM", unit);
        BigDecimal giftBefore = accountDebit("5001");
        BigDecimal incomeBefore = accountCredit("4001");
        LocalDate today = today();

        Answer verified = post("demo-jingmen", "/api/v1/members/" + memberId + "/real-name-verification", COUNTER_CHECK);

        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().path("realNameVerified").asBoolean()).isTrue();
        assertThat(get("demo-jingmen", "/api/v1/members/" + memberId + "/enrolments").json().size())
                .as("verification grants nothing; the worker claims").isZero();
        gifts.claim(memberId, GiftCovers.WorkKind.DELIVERY_RIDER);
        JsonNode enrolments = get("demo-jingmen", "/api/v1/members/" + memberId + "/enrolments").json();
        assertThat(enrolments.size()).isEqualTo(1);
        JsonNode gift = enrolments.get(0);
        assertThat(gift.path("premium").asString()).isEqualTo("0.00");
        assertThat(gift.path("gift").asString()).isEqualTo("25.00");
        assertThat(gift.path("coverages").size()).isEqualTo(1);
        JsonNode coverage = gift.path("coverages").get(0);
        assertThat(coverage.path("item").asString()).isEqualTo("GIG_ACCIDENT");
        assertThat(coverage.path("shares").asInt()).isEqualTo(1);
        assertThat(coverage.path("premium").asString()).isEqualTo("0.00");
        assertThat(coverage.path("from").asString()).isEqualTo(today.plusDays(1).toString());
        assertThat(coverage.path("to").asString()).isEqualTo(today.plusDays(1).plusYears(1).minusDays(1).toString());
        assertThat(gift.path("funding").path("unit").asString()).isEqualTo("0.00");
        assertThat(gift.path("funding").path("union").asString()).isEqualTo("0.00");
        assertThat(gift.path("funding").path("member").asString()).isEqualTo("0.00");
        assertThat(accountDebit("5001").subtract(giftBefore)).isEqualByComparingTo("25.00");
        assertThat(accountCredit("4001").subtract(incomeBefore)).isEqualByComparingTo("25.00");

        Answer again = post("demo-admin", "/api/v1/members/" + memberId + "/real-name-verification", COUNTER_CHECK);

        assertThat(again.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gifts.claim(memberId, GiftCovers.WorkKind.COURIER))
                .isInstanceOf(org.huzhu.shared.web.ConflictException.class);
        assertThat(get("demo-admin", "/api/v1/members/" + memberId + "/enrolments").json().size()).isEqualTo(1);
        assertThat(accountDebit("5001").subtract(giftBefore)).isEqualByComparingTo("25.00");
        assertThat(trialBalance().path("balanced").asBoolean()).isTrue();
    }

    @Test
    void aRegularWorkerGetsNoGiftCover() {
        long memberId = register("demo-admin", "职员小李", idNumber(LocalDate.of(1990, 9, 1), 'F'), "REGULAR",
                createUnit("利川市总工会", "GOVERNMENT"));
        BigDecimal giftBefore = accountDebit("5001");

        Answer verified = post("demo-admin", "/api/v1/members/" + memberId + "/real-name-verification", COUNTER_CHECK);

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().path("realNameVerified").asBoolean()).isTrue();
        assertThat(get("demo-admin", "/api/v1/members/" + memberId + "/enrolments").json().size()).isZero();
        assertThat(accountDebit("5001")).isEqualByComparingTo(giftBefore);
    }

    @Test
    void aWorkerCannotVerifyThemselvesAndStaffCannotVerifyOutsideTheirScope() {
        long self = get("demo-member", "/api/v1/me").json().path("memberId").asLong();
        long wuhanMember = register("demo-admin", "范某", idNumber(LocalDate.of(1991, 8, 8), 'M'), "NEW_FORM",
                createUnit("洪山区总工会", "PRIVATE"));

        assertProblem(post("demo-member", "/api/v1/members/" + self + "/real-name-verification", COUNTER_CHECK), 403);
        assertProblem(post("demo-jingmen", "/api/v1/members/" + wuhanMember + "/real-name-verification", COUNTER_CHECK), 404);
        assertThat(get("demo-admin", "/api/v1/members/" + wuhanMember + "/enrolments").json().size()).isZero();
    }

    // ---- bank account ---------------------------------------------------------------------

    @Test
    void rejectsAUnionPayCardWithABadLuhnDigit() {
        long memberId = register("demo-admin", "银行卡测试", idNumber(LocalDate.of(1984, 4, 14), 'M'), "REGULAR", null);
        String good = unionPayCard();
        String bad = good.substring(0, good.length() - 1) + ((good.charAt(good.length() - 1) - '0' + 1) % 10);

        Answer answer = put("demo-admin", "/api/v1/members/" + memberId + "/bank-account",
                "{\"bankName\":\"中国工商银行武汉分行\",\"accountNumber\":\"" + bad + "\",\"reason\":\"职工申请\"}");

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactly("accountNumber");
        assertThat(answer.body()).doesNotContain(bad);
        assertThat(get("demo-admin", "/api/v1/members/" + memberId).json().path("maskedBankAccount").isNull()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"12345", "6222abcd12345678", ""})
    void rejectsAMalformedAccountNumber(String number) {
        long memberId = register("demo-admin", "银行卡测试", idNumber(LocalDate.of(1984, 5, 14), 'F'), "REGULAR", null);

        Answer answer = put("demo-admin", "/api/v1/members/" + memberId + "/bank-account",
                "{\"bankName\":\"中国银行\",\"accountNumber\":\"" + number + "\",\"reason\":\"职工申请\"}");

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactly("accountNumber");
    }

    @Test
    void storesAGoodCardAndAnswersItMasked() {
        long memberId = register("demo-admin", "银行卡测试", idNumber(LocalDate.of(1984, 6, 14), 'M'), "REGULAR", null);
        String card = unionPayCard();

        setBankAccount(memberId, "中国工商银行武汉分行", card.substring(0, 4) + " " + card.substring(4));
        Answer answer = get("demo-admin", "/api/v1/members/" + memberId);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.field("bankName")).isEqualTo("中国工商银行武汉分行");
        assertThat(answer.field("maskedBankAccount")).isEqualTo(card.substring(0, 4) + " **** **** " + card.substring(card.length() - 4));
        assertThat(answer.body()).doesNotContain(card, card.substring(4, card.length() - 4));
        byte[] cipher = jdbc.sql("select bank_account_cipher from membership.member where id = ?").param(memberId)
                .query(byte[].class).single();
        assertThat(new String(cipher, StandardCharsets.ISO_8859_1)).doesNotContain(card);
    }

    @Test
    void aJingmenUserCannotChangeTheBankAccountOfAWuhanMember() {
        long wuhanMember = register("demo-admin", "卡主", idNumber(LocalDate.of(1989, 3, 13), 'M'), "REGULAR",
                createUnit("江岸区总工会", "OTHER"));

        Answer answer = put("demo-jingmen", "/api/v1/members/" + wuhanMember + "/bank-account",
                "{\"bankName\":\"中国银行\",\"accountNumber\":\"" + unionPayCard() + "\"}");

        assertProblem(answer, 404);
        assertThat(get("demo-admin", "/api/v1/members/" + wuhanMember).json().path("maskedBankAccount").isNull()).isTrue();
    }

    // ---- helpers --------------------------------------------------------------------------

    /** A fresh valid ID number: area 1101xx (unused elsewhere), the birth date given, a fresh sequence. */
    static String idNumber(LocalDate birth, char sex) {
        int n = SEQUENCE.incrementAndGet();
        String area = "1101" + String.format("%02d", n / 500 % 100);
        int sequence = (n % 500) * 2 + (sex == 'M' ? 1 : 0);
        return withCheck(area + birth.toString().replace("-", "") + String.format("%03d", sequence));
    }

    private static String withCheck(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static String unionPayCard() {
        StringBuilder b = new StringBuilder("622202");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (b.length() < 18) b.append(random.nextInt(10));
        for (int d = 0; d < 10; d++) {
            if (BankAccount.luhnValid(b.toString() + d)) return b.toString() + d;
        }
        throw new IllegalStateException();
    }

    private long register(String user, String name, String id, String form, Long unitId) {
        Answer answer = post(user, "/api/v1/members", memberJson(name, id, null, form, unitId));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    private long createUnit(String county, String ownership) {
        StringBuilder code = new StringBuilder("91420100").append(String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));
        code.append(CreditCode.checkCharacter(code));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", county.replace("总工会", "") + "会员测试单位" + SEQUENCE.incrementAndGet());
        body.put("creditCode", code.toString());
        body.put("ownership", ownership);
        body.put("headcount", 50);
        body.put("organisationId", orgIds.get(county));
        Answer answer = post("demo-admin", "/api/v1/units", JSON.writeValueAsString(body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    private static String memberJson(String name, String idNumber, String phone, String form, Long unitId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("idNumber", idNumber);
        if (phone != null) body.put("phone", phone);
        if (form != null) body.put("employmentForm", form);
        if (unitId != null) body.put("unitId", unitId);
        return JSON.writeValueAsString(body);
    }

    private long memberRowsWithMask(String eighteen) {
        IdNumber id = IdNumber.parse(eighteen, today());
        return jdbc.sql("select count(*) from membership.member where id_hash = ?").param(MemberFacts.idHash(personalData, id))
                .query(Long.class).single();
    }

    private JsonNode trialBalance() {
        Answer answer = get("demo-finance", "/api/v1/ledger/trial-balance");
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private BigDecimal accountDebit(String code) {
        return new BigDecimal(account(code).path("debit").asString());
    }

    private BigDecimal accountCredit(String code) {
        return new BigDecimal(account(code).path("credit").asString());
    }

    private JsonNode account(String code) {
        for (JsonNode a : trialBalance().path("accounts")) {
            if (a.path("code").asString().equals(code)) return a;
        }
        throw new AssertionError("no account " + code + " in the trial balance");
    }

    private static List<Long> ids(Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        answer.json().forEach(m -> ids.add(m.path("id").asLong()));
        return ids;
    }

    private static void assertFullNumberAbsent(String body, String id) {
        assertThat(body).doesNotContain(id).doesNotContain(id.substring(4, 14));
    }
}
