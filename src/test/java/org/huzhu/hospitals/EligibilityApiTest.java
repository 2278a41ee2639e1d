package org.huzhu.hospitals;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest.EligibilityRequestPurpose;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The discharge desk's FHIR R4 eligibility API, called as a hospital's system would: requests built and answers read
 * with HAPI FHIR's own model and parser. Yes and no per item with what to claim and nothing else; unknown person,
 * mismatched name and no cover read alike; refusals are OperationOutcomes naming the element; the desk asks only
 * for its own hospital and within its allowance; every answer is in the operation log with the number masked.
 */
class EligibilityApiTest extends ApiTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String DESK = "demo-hospital";
    private static final String WUHAN_FIRST = "WHSDYYY";

    @Autowired
    DeskRateLimits limits;

    @AfterEach
    void settingsBack() {
        limits.reset();
    }

    @Test
    void aWorkerInCoverGetsYesForEachItemWithWhatToClaimAndNothingElse() {
        Worker w = worker("黄桂英", 'F', 200, "HOSPITAL:2", "CRITICAL_ILLNESS:1", "ACCIDENT:1");

        Reply reply = ask(DESK, request(w.idNumber(), w.name(), today(), WUHAN_FIRST));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/fhir+json");
        CoverageEligibilityResponse answer = FHIR.newJsonParser().parseResource(CoverageEligibilityResponse.class, reply.body());
        assertThat(answer.getOutcome()).isEqualTo(RemittanceOutcome.COMPLETE);
        assertThat(answer.getDisposition()).startsWith("该患者有职工互助保障").contains("住院医疗互助保障");
        assertThat(answer.getInsurance()).hasSize(1);
        var insurance = answer.getInsuranceFirstRep();
        assertThat(insurance.getInforce()).isTrue();
        assertThat(insurance.getItem()).extracting(i -> i.getCategory().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("HOSPITAL", "CRITICAL_ILLNESS", "ACCIDENT");
        for (var item : insurance.getItem()) {
            assertThat(item.getExcluded()).as(item.getName()).isFalse();
            assertThat(item.getName()).matches("\\p{IsHan}+.*");
            assertThat(item.getCategory().getCodingFirstRep().getSystem()).isEqualTo("urn:huzhu:catalogue-item");
        }
        assertThat(item(answer, "HOSPITAL").getDescription()).startsWith("可申领。所需材料：")
                .contains("身份证", "银行卡", "医疗收费票据", "医保结算单", "出院小结");
        assertThat(item(answer, "CRITICAL_ILLNESS").getDescription()).contains("出院小结或诊断证明书", "确诊恶性肿瘤或原位癌的，另需病理报告");
        assertThat(item(answer, "ACCIDENT").getDescription()).contains("意外事故证明", "出院小结");
        assertThat(answer.getPatient().getDisplay()).isEqualTo("*".repeat(16) + w.idNumber().substring(16));
        assertThat(reply.body()).as("no amounts, shares, plans, periods or personal data")
                .doesNotContainPattern("\\d+\\.\\d{2}").doesNotContainPattern("\\d份").doesNotContain("\"benefit\"", "\"plan", "STD", w.idNumber(), w.name(),
                        today().minusDays(199).toString());
    }

    @Test
    void insideTheIllnessWaitingPeriodAnItemIsExcludedButAnAccidentItemIsNot() {
        Worker w = worker("林阳秀", 'F', 10, "HOSPITAL:1", "ACCIDENT:1");

        CoverageEligibilityResponse answer = answer(ask(DESK, request(w.idNumber(), w.name(), today(), WUHAN_FIRST)));

        assertThat(item(answer, "HOSPITAL").getExcluded()).isTrue();
        assertThat(item(answer, "HOSPITAL").getDescription()).contains("观察期内");
        assertThat(item(answer, "ACCIDENT").getExcluded()).isFalse();
        assertThat(answer.getDisposition()).contains("可申领：意外伤害互助保障", "观察期内：住院医疗互助保障");
    }

    @Test
    void anUnknownPersonAMismatchedNameAndNoCoverAllReadTheSame() {
        Worker covered = worker("欧阳明华", 'M', 200, "HOSPITAL:1");
        Worker uncovered = worker("王建国", 'M', -1);
        String stranger = newIdNumber(LocalDate.of(1975, 5, 5), 'M');

        List<String> answers = List.of(
                ask(DESK, request(stranger, "陌生人", today(), WUHAN_FIRST)).body(),
                ask(DESK, request(covered.idNumber(), "欧阳明", today(), WUHAN_FIRST)).body(),
                ask(DESK, request(uncovered.idNumber(), uncovered.name(), today(), WUHAN_FIRST)).body(),
                ask(DESK, request(covered.idNumber(), covered.name(), today().minusDays(250), WUHAN_FIRST)).body());

        for (String body : answers) {
            CoverageEligibilityResponse answer = FHIR.newJsonParser().parseResource(CoverageEligibilityResponse.class, body);
            assertThat(answer.getOutcome()).isEqualTo(RemittanceOutcome.COMPLETE);
            assertThat(answer.getDisposition()).isEqualTo("未查询到该患者在服务日期有效的职工互助保障");
            assertThat(answer.getInsuranceFirstRep().getInforce()).isFalse();
            assertThat(answer.getInsuranceFirstRep().getItem()).isEmpty();
        }
        assertThat(answers.subList(0, 3).stream().map(EligibilityApiTest::withoutWhatDiffers).distinct()).as("one shape for every no")
                .hasSize(1);
        assertThat(answer(ask(DESK, request(covered.idNumber(), " 欧阳 明华 ", today(), WUHAN_FIRST))).getInsuranceFirstRep().getInforce())
                .as("spaces in the name are not a mismatch").isTrue();
    }

    @Test
    void aDeskAsksOnlyForItsOwnHospital() {
        Worker w = worker("张丽", 'F', 200, "HOSPITAL:1");

        Reply other = ask(DESK, request(w.idNumber(), w.name(), today(), "JMSDERMYY"));

        assertOutcome(other, 403, OperationOutcome.IssueType.FORBIDDEN, "CoverageEligibilityRequest.provider");
        assertThat(ask("demo-hospital2", request(w.idNumber(), w.name(), today(), "JMSDERMYY")).status())
                .as("荆门's desk for its own hospital, about a worker of 武汉").isEqualTo(200);
        assertThat(ask("demo-wuhan", request(w.idNumber(), w.name(), today(), WUHAN_FIRST)).status()).as("union staff").isEqualTo(403);
        assertThat(ask(null, request(w.idNumber(), w.name(), today(), WUHAN_FIRST)).status()).as("no login: 401, no login page").isEqualTo(401);
    }

    @Test
    void badRequestsAreOperationOutcomesInChineseNamingTheElement() {
        String good = request(newIdNumber(LocalDate.of(1980, 1, 1), 'M'), "李四", today(), WUHAN_FIRST);

        assertOutcome(ask(DESK, "{\"resourceType\": \"CoverageEligibilityRequest\", "), 400, OperationOutcome.IssueType.STRUCTURE, null);
        assertOutcome(ask(DESK, "{\"resourceType\":\"Patient\",\"id\":\"p\"}"), 400, OperationOutcome.IssueType.INVALID, "resourceType");
        assertOutcome(ask(DESK, good.replace("urn:oid:2.16.156.10011.1.3", "urn:example:mrn")), 400, OperationOutcome.IssueType.REQUIRED,
                "Patient.identifier");
        assertThat(diagnostics(ask(DESK, good.replace("urn:oid:2.16.156.10011.1.3", "urn:oid:2.16.156.10011.1.1"))))
                .contains("文档流水号", "urn:oid:2.16.156.10011.1.3");
        assertOutcome(ask(DESK, good.replace("\"system\":\"urn:oid", "\"sytem\":\"urn:oid")), 400, OperationOutcome.IssueType.INVALID,
                "CoverageEligibilityRequest.contained[0].identifier[0].sytem");
        assertOutcome(ask(DESK, good.replace(today().toString(), "2026-13-45")), 400, OperationOutcome.IssueType.INVALID,
                "CoverageEligibilityRequest.servicedDate");
        assertOutcome(ask(DESK, request("420102198001011235", "李四", today(), WUHAN_FIRST)), 400, OperationOutcome.IssueType.INVALID,
                "Patient.identifier.value");
        assertOutcome(ask(DESK, good.replace("\"#patient\"", "\"Patient/1\"")), 400, OperationOutcome.IssueType.INVALID,
                "CoverageEligibilityRequest.patient");
        assertOutcome(ask(DESK, good.replace("\"purpose\":[\"validation\",\"benefits\"]", "\"purpose\":[\"discovery\"]")), 400,
                OperationOutcome.IssueType.INVALID, "CoverageEligibilityRequest.purpose");
        Reply plain = send(DESK, good, "text/plain");
        assertOutcome(plain, 415, OperationOutcome.IssueType.NOTSUPPORTED, null);
        assertThat(send(DESK, good, "application/json").status()).as("plain JSON is FHIR JSON too").isEqualTo(200);
    }

    @Test
    void pastItsAllowanceADeskIsAnswered429WithRetryAfter() {
        String query = request(newIdNumber(LocalDate.of(1980, 1, 1), 'F'), "赵敏", today(), WUHAN_FIRST);
        limits.limit(2, 500);

        assertThat(ask(DESK, query).status()).isEqualTo(200);
        assertThat(ask(DESK, query).status()).isEqualTo(200);
        Reply refused = ask(DESK, query);

        assertOutcome(refused, 429, OperationOutcome.IssueType.THROTTLED, null);
        assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, 60L);
        assertThat(diagnostics(refused)).contains("每分钟最多2次");
        assertThat(ask("demo-hospital2", query.replace(WUHAN_FIRST, "JMSDERMYY")).status()).as("another desk keeps its own").isEqualTo(200);

        limits.limit(100, 1);
        assertThat(ask(DESK, query).status()).isEqualTo(200);
        Reply day = ask(DESK, query);
        assertThat(day.status()).isEqualTo(429);
        assertThat(diagnostics(day)).contains("今日查询次数已达上限");
        assertThat(Long.parseLong(day.retryAfter())).isGreaterThan(60);
    }

    @Test
    void everyAnswerIsInTheOperationLogWithTheHospitalTheMaskedNumberAndYesOrNo() {
        Worker w = worker("陈志强", 'M', 200, "HOSPITAL:1");
        long before = jdbc.sql("select coalesce(max(id), 0) from audit.operation_log").query(Long.class).single();

        assertThat(ask(DESK, request(w.idNumber(), w.name(), today(), WUHAN_FIRST)).status()).isEqualTo(200);
        assertThat(ask(DESK, request(w.idNumber(), "陈志", today(), WUHAN_FIRST)).status()).isEqualTo(200);

        List<Map<String, Object>> rows = awaitRows(before, 2);
        String yes = rows.get(0).get("revealed").toString();
        String no = rows.get(1).get("revealed").toString();
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("action")).isEqualTo("出院参保查询");
            assertThat(r.get("role")).isEqualTo("HOSPITAL");
            assertThat(r.get("status")).isEqualTo(200);
            assertThat(r.toString()).doesNotContain(w.idNumber());
        });
        String masked = "*".repeat(16) + w.idNumber().substring(16);
        assertThat(yes).contains("有保障", "合作医院", WUHAN_FIRST, masked);
        assertThat(no).contains("未查到", WUHAN_FIRST, masked);
    }

    // ---- requests and answers ---------------------------------------------------------------------

    private record Worker(String name, String idNumber) {
    }

    /** A worker of a new 江岸区 unit enrolled {@code daysAgo} in the items (none when no items). */
    private Worker worker(String name, char sex, int daysAgo, String... items) {
        long unit = newUnit("江岸区总工会");
        String idNumber = newIdNumber(LocalDate.of(1979, 3, 15), sex);
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", name, "idNumber", idNumber,
                "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        if (items.length > 0) enrolItems(unit, registered.json().path("id").asLong(), today().minusDays(daysAgo), items);
        return new Worker(name, idNumber);
    }

    /** A CoverageEligibilityRequest as a hospital system builds it with HAPI, in FHIR JSON. */
    static String request(String idNumber, String name, LocalDate discharge, String hospitalCode) {
        CoverageEligibilityRequest request = new CoverageEligibilityRequest();
        Patient patient = new Patient();
        patient.setId("patient");
        patient.addIdentifier().setSystem("urn:oid:2.16.156.10011.1.3").setValue(idNumber);
        patient.addName().setText(name);
        request.addContained(patient);
        request.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
        request.addPurpose(EligibilityRequestPurpose.VALIDATION).addPurpose(EligibilityRequestPurpose.BENEFITS);
        request.setPatient(new Reference("#patient"));
        request.setServiced(new DateType(discharge.toString()));
        request.setCreated(new java.util.Date());
        request.setProvider(new Reference().setIdentifier(new Identifier().setSystem("urn:huzhu:partner-hospital").setValue(hospitalCode)));
        request.setInsurer(new Reference().setDisplay("职工互助保障"));
        return FHIR.newJsonParser().encodeResourceToString(request);
    }

    record Reply(int status, String contentType, String body, String retryAfter) {
    }

    private Reply ask(String user, String json) {
        return send(user, json, "application/fhir+json");
    }

    private Reply send(String user, String json, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/fhir/r4/CoverageEligibilityRequest"))
                .header("Content-Type", contentType).header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CoverageEligibilityResponse answer(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return FHIR.newJsonParser().parseResource(CoverageEligibilityResponse.class, reply.body());
    }

    private static CoverageEligibilityResponse.ItemsComponent item(CoverageEligibilityResponse answer, String code) {
        return answer.getInsuranceFirstRep().getItem().stream().filter(i -> code.equals(i.getCategory().getCodingFirstRep().getCode()))
                .findFirst().orElseThrow(() -> new AssertionError("no item " + code));
    }

    private static void assertOutcome(Reply reply, int status, OperationOutcome.IssueType type, String expression) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/fhir+json");
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, reply.body());
        var issue = outcome.getIssueFirstRep();
        assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(issue.getCode()).as(reply.body()).isEqualTo(type);
        assertThat(issue.getDiagnostics()).matches("(?s).*\\p{IsHan}.*");
        if (expression != null) assertThat(issue.getExpression()).as(reply.body()).extracting(Object::toString).containsExactly(expression);
    }

    private static String diagnostics(Reply reply) {
        return FHIR.newJsonParser().parseResource(OperationOutcome.class, reply.body()).getIssueFirstRep().getDiagnostics();
    }

    /** The answer with what must differ between two people (the answer's id and time, the masked number) left out. */
    private static String withoutWhatDiffers(String body) {
        return body.replaceAll("\"id\":\"[^\"]+\"", "").replaceAll("\"created\":\"[^\"]+\"", "")
                .replaceAll("\"patient\":\\{[^}]*}", "");
    }

    /** The desk's operation log rows after row {@code after}, oldest first, once there are {@code count} (a minute at most). */
    private List<Map<String, Object>> awaitRows(long after, int count) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            List<Map<String, Object>> rows = jdbc.sql("""
                    select action, role, status, revealed::text as revealed, changes::text as changes, path from audit.operation_log
                     where account = ? and id > ? and path = '/fhir/r4/CoverageEligibilityRequest' order by id""")
                    .params(DESK, after).query().listOfRows();
            if (rows.size() >= count || System.nanoTime() > deadline) {
                assertThat(rows).hasSizeGreaterThanOrEqualTo(count);
                return rows.subList(rows.size() - count, rows.size());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
