package org.huzhu.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of tests that call the running application over real HTTP, as outside clients do, on
 * the real embedded PostgreSQL with the demo accounts. One application context is shared by
 * every subclass (same configuration), so the database is seeded once per test run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@org.springframework.context.annotation.Import(TestClock.Configuration.class)
public abstract class ApiTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /** The application's clock; a test that moves it is put back after it. */
    @Autowired
    protected TestClock testClock;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        testClock.reset();
    }

    /** The business date (China time) by the application's clock. */
    protected java.time.LocalDate today() {
        return testClock.today();
    }

    /** An answer: status, content type and body (parsed as JSON when it is JSON). */
    public record Answer(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String field(String name) {
            JsonNode node = json().path(name);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }
    }

    /** Reads {@code path} as {@code user} every 100 ms until {@code done} holds of the answer (at most a minute). */
    protected JsonNode awaitJson(String user, String path, java.util.function.Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get(user, path).json();
            if (done.test(last)) return last;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(path + " did not get there in time: " + last);
    }

    /** The organisation tree the scheme administrator sees, by office name. */
    protected java.util.Map<String, Long> organisationIdsByName() {
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        for (JsonNode node : get("demo-admin", "/api/v1/organisations").json()) {
            ids.put(node.path("name").asString(), node.path("id").asLong());
        }
        return ids;
    }

    /** The fields named in a problem's {@code errors}, in order. */
    protected static java.util.List<String> fields(Answer answer) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        answer.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    /** A problem+json answer of the given status whose detail is written in Chinese. */
    protected static void assertProblem(Answer answer, int status) {
        org.assertj.core.api.Assertions.assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        org.assertj.core.api.Assertions.assertThat(answer.contentType()).startsWith("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(answer.field("detail")).as("Chinese detail").matches("(?s).*\\p{IsHan}.*");
    }

    /** Enrols a member of a unit in items written {@code ITEM:shares}, paid on the given day (expects 201). */
    protected long enrolItems(long unit, long member, java.time.LocalDate paidOn, String... items) {
        java.util.List<java.util.Map<String, Object>> lines = new java.util.ArrayList<>();
        for (String item : items) {
            String[] parts = item.split(":");
            lines.add(java.util.Map.of("item", parts[0], "shares", Integer.parseInt(parts[1])));
        }
        Answer enrolled = post("demo-admin", "/api/v1/enrolments", JSON.writeValueAsString(java.util.Map.of("unitId", unit,
                "memberId", member, "items", lines, "paidOn", paidOn.toString())));
        org.assertj.core.api.Assertions.assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        if ("AWAITING_PAYMENT".equals(enrolled.field("status"))) confirmDeclaration(enrolled.json().path("billId").asLong());
        return enrolled.json().path("id").asLong();
    }

    /**
     * A back-dated declaration of payment waits for finance (docs/contributions.md, “Payment truth”): demo-finance, who
     * did not declare it, confirms the bill's pending declaration (expects 200), and the bill's enrolments come into force.
     */
    protected void confirmDeclaration(long billId) {
        JsonNode pending = get("demo-finance", "/api/v1/payment-declarations?billId=" + billId).json();
        org.assertj.core.api.Assertions.assertThat(pending.size()).as("pending declarations of bill " + billId).isEqualTo(1);
        Answer confirmed = post("demo-finance", "/api/v1/payment-declarations/" + pending.get(0).path("id").asLong() + "/confirmation", "");
        org.assertj.core.api.Assertions.assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    }

    private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE =
            new java.util.concurrent.atomic.AtomicInteger(java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000));

    /**
     * A fresh worker of a fresh unit in the named county, enrolled {@code enrolledDaysAgo} days ago in
     * items written {@code ITEM:shares}, with a bank account for payouts. Returns the member's id.
     */
    protected long insuredWorker(String county, char sex, int enrolledDaysAgo, String... items) {
        long unit = newUnit(county);
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(java.util.Map.of(
                "name", sex == 'F' ? "测试女工" : "测试职工", "idNumber", newIdNumber(java.time.LocalDate.of(1979, 3, 15), sex),
                "employmentForm", "REGULAR", "unitId", unit)));
        org.assertj.core.api.Assertions.assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        enrolItems(unit, member, today().minusDays(enrolledDaysAgo), items);
        setBankAccount(member, "中国工商银行", newCardNumber());
        return member;
    }

    /** Files a claim for the member as demo-admin (expects 201); returns its id. */
    protected long fileClaim(long member, java.util.Map<String, Object> body) {
        body.put("memberId", member);
        Answer answer = post("demo-admin", "/api/v1/claims", JSON.writeValueAsString(body));
        org.assertj.core.api.Assertions.assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    /** A claim's timeline as its moves ("null→DRAFT", "DRAFT→SUBMITTED", …), in order. */
    protected static java.util.List<String> transitions(JsonNode claim) {
        java.util.List<String> out = new java.util.ArrayList<>();
        claim.path("timeline").forEach(e -> out.add((e.path("from").isNull() ? "null" : e.path("from").asString()) + "→"
                + e.path("to").asString()));
        return out;
    }

    /** A PDF without text: accepted as any material, read (if a receipt) as unreadable at once. */
    protected static final byte[] BLANK_PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Hands in a document of every material the claim still lacks (its evidence's missing requirements, the first kind of
     * each), as demo-admin, so that it is judged on complete materials rather than sent back for them.
     */
    protected void attachMissingMaterials(long claim) {
        Answer read = get("demo-admin", "/api/v1/claims/" + claim);
        org.assertj.core.api.Assertions.assertThat(read.status()).as(read.body()).isEqualTo(200);
        for (tools.jackson.databind.JsonNode r : read.json().path("evidence").path("missingRequirements")) {
            String kind = r.path("code").asString().split("\\|")[0];
            Answer answer = upload("demo-admin", "/api/v1/claims/" + claim + "/documents?kind=" + kind, "file", kind + ".pdf", BLANK_PDF);
            org.assertj.core.api.Assertions.assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        }
    }

    /**
     * A claim's body (no member yet): an appendicitis stay 30 to 20 days ago, the bill {@code selfPaid} plus 1,000.00 from
     * the fund, one receipt (code 42060129, a number of its own) of the bill's total, electronic or paper.
     */
    protected java.util.Map<String, Object> appendicitisClaim(String selfPaid, boolean electronic) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("kind", "ILLNESS");
        body.put("incidentDate", today().minusDays(30).toString());
        body.put("diagnoses", java.util.List.of("K35.800"));
        body.put("hospitalStay", java.util.Map.of("admission", today().minusDays(30).toString(), "discharge", today().minusDays(20).toString()));
        String total = new java.math.BigDecimal(selfPaid).add(new java.math.BigDecimal("1000.00")).toPlainString();
        body.put("expenses", java.util.Map.of("total", total, "fundPaid", "1000.00", "selfPaid", selfPaid, "selfFunded", "0.00"));
        body.put("receipts", java.util.List.of(java.util.Map.of("invoiceCode", "42060129",
                "invoiceNumber", ReceiptNumbers.next(), "electronic", electronic, "amount", total)));
        return body;
    }

    /** A worker of a new unit in the named county office, with their own mobile number; returns the member's id. */
    protected long workerWithPhone(String county, String name, String phone) {
        long unit = newUnit(county);
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(java.util.Map.of(
                "name", name, "idNumber", newIdNumber(java.time.LocalDate.of(1985, 6, 1), 'F'), "phone", phone,
                "employmentForm", "REGULAR", "unitId", unit)));
        org.assertj.core.api.Assertions.assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().path("id").asLong();
    }

    /** Sets a member's payout account as staff must: demo-admin proposes it, demo-admin2 approves it (maker-checker). */
    protected void setBankAccount(long member, String bankName, String accountNumber) {
        setBankAccount("demo-admin", member, bankName, accountNumber);
    }

    /** {@code proposer} proposes the account (expects 202), a second administrator approves it (expects 200). */
    protected void setBankAccount(String proposer, long member, String bankName, String accountNumber) {
        Answer proposed = put(proposer, "/api/v1/members/" + member + "/bank-account", JSON.writeValueAsString(java.util.Map.of(
                "bankName", bankName, "accountNumber", accountNumber, "reason", "职工申请登记收款账户", "evidence", "银行卡复印件")));
        org.assertj.core.api.Assertions.assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        String approver = proposer.equals("demo-admin") ? "demo-admin2" : "demo-admin";
        Answer approved = post(approver, "/api/v1/members/" + member + "/bank-account-changes/" + proposed.json().path("id").asLong()
                + "/approve", "");
        org.assertj.core.api.Assertions.assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    /** A new unit (valid, unique credit code) under the named county office. */
    protected long newUnit(String county) {
        StringBuilder code = new StringBuilder("91420100").append(String.format("%09d",
                java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000_000)));
        code.append(org.huzhu.shared.CreditCode.checkCharacter(code));
        Answer answer = post("demo-admin", "/api/v1/units", JSON.writeValueAsString(java.util.Map.of(
                "name", "测试单位" + SEQUENCE.incrementAndGet(), "creditCode", code.toString(), "ownership", "OTHER",
                "headcount", 50, "organisationId", organisationIdsByName().get(county))));
        org.assertj.core.api.Assertions.assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    /** A valid, unused-looking ID number (area 4201xx) for the birth date and sex. */
    protected static String newIdNumber(java.time.LocalDate birth, char sex) {
        int n = SEQUENCE.incrementAndGet();
        int sequence = (n % 450) * 2 + (sex == 'M' ? 1 : 0);
        String first17 = "4201" + String.format("%02d", n / 450 % 100) + birth.toString().replace("-", "")
                + String.format("%03d", sequence);
        return first17 + org.huzhu.shared.IdNumber.checkCharacter(first17);
    }

    /**
     * A Luhn-valid UnionPay card number that the simulated bank pays: its rules reject cards ending
     * 0004 and return (退票) those ending 0013 (docs/payouts.md).
     */
    protected static String newCardNumber() {
        while (true) {
            String body = "622202" + String.format("%012d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
            for (int d = 0; d <= 9; d++) {
                String number = body + d;
                if (org.huzhu.shared.BankAccount.luhnValid(number) && !number.endsWith("0004") && !number.endsWith("0013")) return number;
            }
        }
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    protected Answer post(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    protected Answer put(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** Uploads bytes as multipart field {@code field} with the given file name. */
    protected Answer upload(String user, String path, String field, String fileName, byte[] content) {
        String boundary = "----huzhu" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    protected Answer send(String user, HttpRequest.Builder request) {
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
