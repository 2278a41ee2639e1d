package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.claims.ClaimDiagnosisReadingTest;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.recognition.specimen.MedicalRecordRenderer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The diagnosis read from a discharge summary on the console's claim page (its kind, stay, diagnoses, the suggested code,
 * 采用 / 不采用 and the warning when its stay differs from the claim's) and in the member app while filing (采用此诊断).
 */
class DiagnosisSuggestionBrowserTest extends BrowserTest {

    @Autowired
    SimulatedSmsCentre centre;

    @Test
    void aReviewerSeesTheReadDiagnosisAndAdoptsTheSuggestedCode() throws IOException {
        long member = insuredWorker("武昌区总工会", 'M', 200, "HOSPITAL:1");
        Map<String, Object> body = appendicitisClaim("8000.00", false);
        body.put("diagnoses", List.of("K37"));
        long claim = fileClaim(member, body);
        long document = upload(claim, List.of("急性阑尾炎", "高血压病3级"), today.minusDays(31), today.minusDays(20));
        attachMissingMaterials(claim);
        assertThat(post("demo-admin", "/api/v1/claims/" + claim + "/submit", "").status()).isEqualTo(200);
        awaitRead(claim);

        session.logIn("demo-admin");
        browser.get(session.url("/#review?id=" + claim));
        By read = By.id("diagnosis-" + document);
        wait.until(ExpectedConditions.visibilityOfElementLocated(read));
        String shown = browser.findElement(read).getText();
        assertThat(shown).contains("急性阑尾炎", "高血压病3级", "K35", "建议编码");
        String cell = browser.findElement(By.cssSelector("#claim-documents tr[data-kind=DISCHARGE_SUMMARY] td.reading")).getText();
        assertThat(cell).contains("出院小结", "与申请中的住院日期");
        session.phoneAndDesktopScreenshots("claim-diagnosis-suggestion");
        session.assertAccessible("理赔：出院小结识别与建议编码", List.of("#claim-documents"));

        browser.findElement(By.id("adopt-" + document)).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(read, "已采用"));
        assertThat(browser.findElements(By.id("adopt-" + document))).isEmpty();
        JsonNode after = get("demo-admin", "/api/v1/claims/" + claim).json();
        assertThat(after.path("diagnoses").get(0).asString()).isEqualTo("K35");
        session.phoneAndDesktopScreenshots("claim-diagnosis-adopted");
    }

    @Test
    void aWorkerAdoptsTheDiagnosisReadFromTheDischargeSummaryInTheApp() throws IOException {
        long unit = newUnit("江岸区总工会");
        String idNumber = newIdNumber(LocalDate.of(1981, 6, 6), 'F');
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "申领刘女士",
                "idNumber", idNumber, "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        enrolItems(unit, member, today.minusDays(200), "HOSPITAL:1");
        setBankAccount(member, "中国工商银行", newCardNumber());
        Map<String, Object> body = appendicitisClaim("8000.00", false);
        body.remove("hospitalStay");
        long claim = fileClaim(member, body);
        long document = upload(claim, List.of("乳腺癌"), today.minusDays(20), today.minusDays(12));
        awaitRead(claim);
        signInToMemberApp(centre, "1396" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)), "申领刘女士", idNumber);

        browser.get(session.url("/m/#claim/" + claim));
        By suggestion = By.id("suggestion-" + document);
        session.waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(suggestion));
        assertThat(browser.findElement(suggestion).getText()).contains("识别到的诊断：乳腺癌", "乳房恶性肿瘤").doesNotContain("C50");
        session.phoneAndDesktopScreenshots("m-claim-diagnosis-suggestion");
        session.assertAccessible("申领：识别到的诊断");

        browser.findElement(By.id("adopt-" + document)).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(suggestion, "已采用此诊断"));
        assertThat(get("demo-admin", "/api/v1/claims/" + claim).json().path("diagnoses").get(0).asString()).isEqualTo("C50");
    }

    private long upload(long claim, List<String> diagnoses, LocalDate admission, LocalDate discharge) {
        byte[] pdf = MedicalRecordRenderer.pdf(ClaimDiagnosisReadingTest.summary(diagnoses, admission, discharge));
        Answer answer = upload("demo-admin", "/api/v1/claims/" + claim + "/documents?kind=DISCHARGE_SUMMARY", "file", "出院小结.pdf", pdf);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    private void awaitRead(long claim) {
        awaitJson("demo-admin", "/api/v1/claims/" + claim, c -> {
            for (JsonNode d : c.path("documents")) {
                if ("出院小结.pdf".equals(d.path("fileName").asString())) return "READ".equals(d.path("reading").path("status").asString());
            }
            return false;
        });
    }
}
