package org.huzhu.memberapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.huzhu.claims.ClaimDiagnosisReadingTest;
import org.huzhu.recognition.specimen.MedicalRecordRenderer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** While filing, the worker sees the diagnosis read from a photo of the discharge summary and adopts it (采用此诊断). */
class DiagnosisAdoptionAppTest extends MemberAppTest {

    @Test
    void theWorkerAdoptsTheDiagnosisReadFromTheDischargeSummaryWhileFiling() {
        AppClient app = insured('F', "HOSPITAL:1");
        byte[] pdf = MedicalRecordRenderer.pdf(ClaimDiagnosisReadingTest.summary(List.of("乳腺癌"), today().minusDays(20), today().minusDays(12)));
        AppClient.Reply filed = app.postParts("/api/v1/m/claims", List.of(
                AppClient.Part.json("claim", json(Map.of("whatHappened", "住院", "incidentDate", today().minusDays(20).toString(),
                        "diagnosis", "K35.8"))),
                AppClient.Part.file("photos", "summary.pdf", pdf), AppClient.Part.text("kinds", "DISCHARGE_SUMMARY")));
        assertThat(filed.status()).as(filed.answer().body()).isEqualTo(201);
        long id = filed.answer().json().path("id").asLong();

        JsonNode read = await(app, id, c -> c.path("photos").get(0).path("suggestion").isObject());
        JsonNode photo = read.path("photos").get(0);
        assertThat(photo.path("suggestion").path("diagnosis").asString()).isEqualTo("乳腺癌");
        assertThat(photo.path("suggestion").path("name").asString()).isEqualTo("乳房恶性肿瘤");
        assertThat(photo.path("suggestion").path("decision").isNull()).isTrue();

        AppClient.Reply adopted = app.post("/api/v1/m/claims/" + id + "/photos/" + photo.path("id").asLong() + "/diagnosis",
                json(Map.of("accept", true)));

        assertThat(adopted.status()).as(adopted.answer().body()).isEqualTo(200);
        JsonNode after = adopted.answer().json();
        assertThat(after.path("diagnoses").get(0).path("code").asString()).isEqualTo("C50");
        assertThat(after.path("photos").get(0).path("suggestion").path("decision").asString()).isEqualTo("ACCEPTED");
        assertThat(app.post("/api/v1/m/claims/" + id + "/photos/" + photo.path("id").asLong() + "/diagnosis",
                json(Map.of("accept", false))).status()).isEqualTo(409);
    }
}
