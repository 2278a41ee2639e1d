package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huzhu.recognition.specimen.MedicalRecordFaker;
import org.huzhu.recognition.specimen.MedicalRecordRenderer;
import org.huzhu.recognition.specimen.MedicalRecordTruth;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A discharge summary attached to a claim is read in the background like a receipt (issue 18 item 4): its kind, stay and
 * diagnoses, and the ICD-10 code its main diagnosis suggests, which a reviewer adopts (the claim's diagnosis set, judged
 * again, written to the operation log) or not; a stay that differs from the claim's is a warning, never a change.
 */
public class ClaimDiagnosisReadingTest extends ApiTest {

    @Test
    void aReviewerAdoptsTheCodeADischargeSummarySuggestsAndTheClaimIsJudgedAgain() {
        long member = insuredWorker("武昌区总工会", 'M', 200, "HOSPITAL:1");
        Map<String, Object> body = appendicitisClaim("8000.00", false);
        body.put("diagnoses", List.of("K37"));
        long claim = fileClaim(member, body);
        MedicalRecordTruth summary = summary(List.of("急性阑尾炎", "高血压病3级"), today().minusDays(31), today().minusDays(20));
        upload(claim, "DISCHARGE_SUMMARY", MedicalRecordRenderer.pdf(summary));
        attachMissingMaterials(claim);
        assertThat(post("demo-admin", "/api/v1/claims/" + claim + "/submit", "").status()).isEqualTo(200);

        JsonNode read = awaitJson("demo-admin", "/api/v1/claims/" + claim, c -> "READ".equals(reading(c).path("status").asString()));

        assertThat(read.path("status").asString()).isEqualTo("UNDER_REVIEW");
        JsonNode reading = reading(read);
        assertThat(reading.path("documentType").asString()).isEqualTo("DISCHARGE_SUMMARY");
        assertThat(reading.path("documentTypeName").asString()).isEqualTo("出院小结");
        assertThat(reading.path("source").asString()).isEqualTo("PDF_TEXT");
        assertThat(reading.path("fields").path("diagnosis").asString()).isEqualTo("急性阑尾炎");
        assertThat(reading.path("fields").path("diagnoses").asString()).isEqualTo("急性阑尾炎\n高血压病3级");
        assertThat(reading.path("fields").path("admissionDate").asString()).isEqualTo(today().minusDays(31).toString());
        JsonNode suggestion = reading.path("diagnosisSuggestion");
        assertThat(suggestion.path("code").asString()).isEqualTo("K35");
        assertThat(suggestion.path("name").asString()).isEqualTo("急性阑尾炎");
        assertThat(suggestion.path("how").asString()).isEqualTo("EXACT");
        assertThat(suggestion.path("decision").isNull()).isTrue();
        assertThat(texts(reading.path("warnings"))).as("typed 30 to 20 days ago, the summary says from 31")
                .containsExactly("出院小结的住院日期（" + today().minusDays(31) + " 至 " + today().minusDays(20) + "）与申请中的住院日期（"
                        + today().minusDays(30) + " 至 " + today().minusDays(20) + "）不一致");
        assertThat(read.path("hospitalStay").path("admission").asString()).as("never changed by the reading")
                .isEqualTo(today().minusDays(30).toString());
        assertThat(texts(read.path("diagnoses"))).containsExactly("K37");

        Answer adopted = post("demo-admin", "/api/v1/claims/" + claim + "/documents/" + documentId(read) + "/diagnosis-suggestion",
                "{\"accept\": true}");

        assertThat(adopted.status()).as(adopted.body()).isEqualTo(200);
        JsonNode after = adopted.json();
        assertThat(texts(after.path("diagnoses"))).containsExactly("K35", "K37");
        assertThat(reading(after).path("diagnosisSuggestion").path("decision").asString()).isEqualTo("ACCEPTED");
        assertThat(reading(after).path("diagnosisSuggestion").path("decidedBy").asString()).isEqualTo("demo-admin");
        assertThat(after.path("timeline").findValues("reason")).extracting(JsonNode::asString)
                .anyMatch(r -> r.startsWith("采用材料识别的诊断，重新测算合计"));
        assertThat(logged("/api/v1/claims/" + claim + "/documents/" + documentId(read) + "/diagnosis-suggestion")).isEqualTo(1);
        assertThat(post("demo-admin", "/api/v1/claims/" + claim + "/documents/" + documentId(read) + "/diagnosis-suggestion",
                "{\"accept\": false}").status()).as("decided once").isEqualTo(409);
    }

    @Test
    void notAdoptingKeepsTheDiagnosesAndAReadStayFillsADraftWithoutOne() {
        long member = insuredWorker("洪山区总工会", 'F', 200, "HOSPITAL:1");
        Map<String, Object> body = appendicitisClaim("8000.00", false);
        body.remove("hospitalStay");
        long claim = fileClaim(member, body);
        LocalDate admission = today().minusDays(12);
        upload(claim, "DISCHARGE_SUMMARY", MedicalRecordRenderer.pdf(summary(List.of("社区获得性肺炎"), admission, admission.plusDays(6))));

        JsonNode read = awaitJson("demo-admin", "/api/v1/claims/" + claim, c -> "READ".equals(reading(c).path("status").asString()));

        assertThat(read.path("hospitalStay").path("admission").asString()).isEqualTo(admission.toString());
        assertThat(read.path("hospitalStay").path("discharge").asString()).isEqualTo(admission.plusDays(6).toString());
        assertThat(reading(read).path("diagnosisSuggestion").path("code").asString()).isEqualTo("J18");
        assertThat(reading(read).path("diagnosisSuggestion").path("how").asString()).isEqualTo("SYNONYM");
        assertThat(texts(reading(read).path("warnings"))).isEmpty();

        Answer kept = post("demo-admin", "/api/v1/claims/" + claim + "/documents/" + documentId(read) + "/diagnosis-suggestion",
                "{\"accept\": false}");

        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(texts(kept.json().path("diagnoses"))).containsExactly("K35.800");
        assertThat(reading(kept.json()).path("diagnosisSuggestion").path("decision").asString()).isEqualTo("REJECTED");
        Answer blank = post("demo-admin", "/api/v1/claims/" + claim + "/documents/" + documentId(read) + "/diagnosis-suggestion", "{}");
        assertProblem(blank, 400);
        assertThat(fields(blank)).containsExactly("accept");
    }

    /** A discharge summary in the first layout with these diagnoses and this stay. */
    public static MedicalRecordTruth summary(List<String> diagnoses, LocalDate admission, LocalDate discharge) {
        MedicalRecordTruth t = MedicalRecordFaker.record(11, 0);
        return new MedicalRecordTruth(t.kind(), 0, 0, true, t.hospital(), t.department(), t.patient(), t.sex(), t.age(),
                t.recordNumber(), admission, discharge, null, null, diagnoses.subList(0, 1), diagnoses, t.doctor());
    }

    /** Operation-log rows of this path that record a change of the diagnosis (written as the request ends). */
    private long logged(String path) {
        long rows = 0;
        for (int i = 0; i < 50 && rows == 0; i++) {
            rows = jdbc.sql("select count(*) from audit.operation_log where path = ? and changes::text like '%诊断%'")
                    .param(path).query(Long.class).single();
            if (rows == 0) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return rows;
    }

    private void upload(long claim, String kind, byte[] content) {
        Answer answer = upload("demo-admin", "/api/v1/claims/" + claim + "/documents?kind=" + kind, "file", "出院小结.pdf", content);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private static JsonNode reading(JsonNode claim) {
        for (JsonNode d : claim.path("documents")) if ("DISCHARGE_SUMMARY".equals(d.path("kind").asString()) && d.path("fileName")
                .asString().equals("出院小结.pdf")) return d.path("reading");
        return claim.path("missing");
    }

    private static long documentId(JsonNode claim) {
        for (JsonNode d : claim.path("documents")) if (d.path("fileName").asString().equals("出院小结.pdf")) return d.path("id").asLong();
        throw new AssertionError("no discharge summary: " + claim);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
