package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.identity.Accounts;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.scope.Role;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Diagnoses and medical documents are sensitive personal data (PIPL): the worker reads their own,
 * reviewers and union staff read those of claims in their scope; the worker's unit operator and
 * finance see that a document was handed in (kind, name, size, time), never what it says.
 */
class MedicalDataAccessTest extends ApiTest {

    private static final String DIAGNOSIS = "C50.900";
    private static final byte[] DISCHARGE_SUMMARY = "%PDF-1.7\n% 出院记录：乳腺恶性肿瘤\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    private Accounts accounts;
    @Autowired
    private Organisations organisations;

    private String operator;
    private String worker;
    private long claim;
    private long document;

    @BeforeEach
    void aClaimWithADiagnosisAndADischargeSummary() {
        long member = insuredWorker("江岸区总工会", 'F', 200, "HOSPITAL:1");
        Unit unit = organisations.unit(jdbc.sql("select unit_id from membership.member where id = ?").param(member)
                .query(Long.class).single()).orElseThrow();
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L));
        operator = "med-unit-" + suffix;
        worker = "med-worker-" + suffix;
        accounts.create(new Accounts.NewAccount(operator, operator, "测试经办人", Role.UNIT_OPERATOR, unit.organisationId(), unit.id(),
                null, unit.path(), false));
        accounts.create(new Accounts.NewAccount(worker, worker, "测试职工", Role.MEMBER, null, unit.id(), member, unit.path(), false));

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", member);
        body.put("kind", "ILLNESS");
        body.put("incidentDate", today.minusDays(30).toString());
        body.put("diagnoses", List.of(DIAGNOSIS));
        body.put("hospitalStay", Map.of("admission", today.minusDays(30).toString(), "discharge", today.minusDays(20).toString()));
        Answer filed = post(operator, "/api/v1/claims", JSON.writeValueAsString(body));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        claim = filed.json().path("id").asLong();
        Answer attached = upload(operator, "/api/v1/claims/" + claim + "/documents?kind=DISCHARGE_SUMMARY", "file", "出院记录.pdf",
                DISCHARGE_SUMMARY);
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        document = attached.json().path("id").asLong();
    }

    @Test
    void aUnitOperatorCannotReadADiagnosisOrDocument() {
        assertSeesThatTheDocumentExistsButNotWhatItSays(operator);
    }

    @Test
    void financeCannotReadADiagnosisOrDocument() {
        assertSeesThatTheDocumentExistsButNotWhatItSays("demo-finance");
        Answer payouts = get("demo-finance", "/api/v1/payouts?limit=50");
        assertThat(payouts.status()).as(payouts.body()).isEqualTo(200);
        assertThat(payouts.body()).doesNotContain(DIAGNOSIS).doesNotContain("diagnos");
    }

    @Test
    void theWorkerReadsTheirOwnDocument() {
        assertReadsDiagnosisAndDocument(worker);
    }

    @Test
    void aReviewerReadsTheDocument() {
        assertReadsDiagnosisAndDocument("demo-reviewer");
        assertReadsDiagnosisAndDocument("demo-wuhan");
    }

    private void assertSeesThatTheDocumentExistsButNotWhatItSays(String user) {
        Answer view = get(user, "/api/v1/claims/" + claim);
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(view.body()).doesNotContain(DIAGNOSIS);
        assertThat(view.json().path("medicalDataHidden").asBoolean()).isTrue();
        JsonNode listed = view.json().path("documents").get(0);
        assertThat(listed.path("kind").asString()).isEqualTo("DISCHARGE_SUMMARY");
        assertThat(listed.path("fileName").asString()).isEqualTo("出院记录.pdf");
        assertThat(listed.path("size").asLong()).isEqualTo(DISCHARGE_SUMMARY.length);
        assertThat(listed.path("uploadedAt").isMissingNode()).isFalse();

        Answer documents = get(user, "/api/v1/claims/" + claim + "/documents");
        assertThat(documents.status()).as(documents.body()).isEqualTo(200);
        assertThat(documents.json().get(0).path("fileName").asString()).isEqualTo("出院记录.pdf");
        assertProblem(get(user, "/api/v1/claims/" + claim + "/documents/" + document), 403);
    }

    private void assertReadsDiagnosisAndDocument(String user) {
        Answer view = get(user, "/api/v1/claims/" + claim);
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(view.json().path("diagnoses").get(0).asString()).isEqualTo(DIAGNOSIS);
        assertThat(view.json().path("medicalDataHidden").asBoolean()).isFalse();
        Answer content = get(user, "/api/v1/claims/" + claim + "/documents/" + document);
        assertThat(content.status()).as(content.body()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(new String(DISCHARGE_SUMMARY, StandardCharsets.UTF_8));
    }
}
