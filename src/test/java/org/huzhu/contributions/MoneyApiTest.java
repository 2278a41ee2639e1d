package org.huzhu.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.huzhu.shared.CreditCode;
import org.huzhu.shared.IdNumber;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * Base of the money API tests: fresh units and members (ID numbers of area 3301xx, used by no
 * other test), enrolments awaiting payment or declared paid, bills, payments, statements and the
 * ledger's balances read through the trial balance.
 */
abstract class MoneyApiTest extends ApiTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(400));

    Map<String, Long> orgIds;
    LocalDate today;

    @BeforeEach
    void readTree() {
        orgIds = organisationIdsByName();
        today = today();
    }

    long createUnit(String county, String ownership) {
        return createUnit(county, ownership, 50);
    }

    long createUnit(String county, String ownership, int headcount) {
        StringBuilder code = new StringBuilder(ownership.equals("GOVERNMENT") ? "11" : "91").append("330100")
                .append(String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));
        code.append(CreditCode.checkCharacter(code));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "缴费测试单位" + SEQUENCE.incrementAndGet());
        body.put("creditCode", code.toString());
        body.put("ownership", ownership);
        body.put("headcount", headcount);
        body.put("organisationId", orgIds.get(county));
        Answer answer = post("demo-admin", "/api/v1/units", JSON.writeValueAsString(body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    long register(char sex, LocalDate birth, long unit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", sex == 'F' ? "缴费女工" : "缴费职工");
        body.put("idNumber", idNumber(birth, sex));
        body.put("employmentForm", "REGULAR");
        body.put("unitId", unit);
        Answer answer = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    long member(long unit) {
        return register('M', LocalDate.of(1980 + ThreadLocalRandom.current().nextInt(20), 3, 4), unit);
    }

    /**
     * Enrols in items written ITEM:shares; paidOn null leaves it awaiting payment. Expects 201. A paidOn more than 7 days
     * back waits for finance: demo-finance confirms it, and the enrolment is answered as it then stands.
     */
    JsonNode enrol(long unit, long member, LocalDate paidOn, String... items) {
        Answer answer = post("demo-admin", "/api/v1/enrolments", enrolmentJson(unit, member, paidOn, items));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        if (paidOn == null || !"AWAITING_PAYMENT".equals(answer.field("status"))) return answer.json();
        confirmDeclaration(answer.json().path("billId").asLong());
        return enrolment(answer.json().path("id").asLong());
    }

    static String enrolmentJson(long unit, long member, LocalDate paidOn, String... items) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String item : items) {
            String[] parts = item.split(":");
            lines.add(Map.of("item", parts[0], "shares", Integer.parseInt(parts[1])));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", unit);
        body.put("memberId", member);
        body.put("items", lines);
        if (paidOn != null) body.put("paidOn", paidOn.toString());
        return JSON.writeValueAsString(body);
    }

    JsonNode bill(long id) {
        Answer answer = get("demo-finance", "/api/v1/bills/" + id);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    JsonNode enrolment(long id) {
        Answer answer = get("demo-admin", "/api/v1/enrolments/" + id);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    Answer pay(String user, long billId, String amount, LocalDate paidOn, String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("paidOn", paidOn == null ? null : paidOn.toString());
        body.put("reference", reference);
        return post(user, "/api/v1/bills/" + billId + "/payments", JSON.writeValueAsString(body));
    }

    JsonNode payOk(long billId, String amount, LocalDate paidOn) {
        Answer answer = pay("demo-finance", billId, amount, paidOn, reference());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    Answer importStatement(String fileName, byte[] content) {
        return upload("demo-finance", "/api/v1/bank-statements", "file", fileName, content);
    }

    JsonNode importOk(String fileName, byte[] content) {
        Answer answer = importStatement(fileName, content);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    /** Net debit balance of an account (debits − credits) over every posting so far. */
    BigDecimal net(String code) {
        for (JsonNode a : get("demo-finance", "/api/v1/ledger/trial-balance").json().path("accounts")) {
            if (a.path("code").asString().equals(code)) {
                return new BigDecimal(a.path("debit").asString()).subtract(new BigDecimal(a.path("credit").asString()));
            }
        }
        throw new AssertionError("no account " + code);
    }

    void assertBalanced() {
        assertThat(get("demo-finance", "/api/v1/ledger/trial-balance").json().path("balanced").asBoolean()).isTrue();
    }

    static String reference() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    static List<String> dates(JsonNode coverages, String field) {
        List<String> out = new ArrayList<>();
        coverages.forEach(c -> out.add(c.path(field).isNull() ? null : c.path(field).asString()));
        return out;
    }

    /** A fresh valid ID number: area 3301xx (Hangzhou, unused elsewhere), the birth date given. */
    static String idNumber(LocalDate birth, char sex) {
        int n = SEQUENCE.incrementAndGet();
        String first17 = "3301" + String.format("%02d", n / 500 % 100) + birth.toString().replace("-", "")
                + String.format("%03d", (n % 500) * 2 + (sex == 'M' ? 1 : 0));
        return first17 + IdNumber.checkCharacter(first17);
    }
}
