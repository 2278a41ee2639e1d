package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.recognition.specimen.PdfRenderer;
import org.huzhu.recognition.specimen.ReceiptFaker;
import org.huzhu.recognition.specimen.ReceiptTruth;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * A reviewer works a claim as issue 19 asks: the receipt shown inline beside what was read from it, the cross-check
 * warnings to tick before approving, the hint's item added, and the claim sent back for a clearer receipt with coded
 * reasons — looked at in Chromium at 1366 px and 390 px.
 */
class ClaimEvidenceBrowserTest extends BrowserTest {

    @Test
    void aReviewerSeesTheReceiptInlineMustAcknowledgeTheWarningsAddsTheHintsItemAndSendsTheClaimBack() throws IOException {
        ReceiptTruth truth;
        do {
            truth = ReceiptFaker.receipt(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        } while (!truth.inpatient());
        long member = insuredWorker("武昌区总工会", 'F', 200, "HOSPITAL:1", "CRITICAL_ILLNESS:1");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "ILLNESS");
        body.put("incidentDate", today.minusDays(30).toString());
        body.put("diagnoses", List.of("C50.901"));
        body.put("items", List.of("HOSPITAL"));
        body.put("hospitalStay", Map.of("admission", today.minusDays(30).toString(), "discharge", today.minusDays(20).toString()));
        body.put("expenses", Map.of("total", "9000.00", "fundPaid", "1000.00", "selfPaid", "8000.00", "selfFunded", "0.00"));
        long claim = fileClaim(member, body);
        Answer receipt = upload("demo-admin", "/api/v1/claims/" + claim + "/documents?kind=RECEIPT", "file", "receipt.pdf", PdfRenderer.render(truth));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
        long document = receipt.json().path("id").asLong();
        awaitJson("demo-admin", "/api/v1/claims/" + claim, j -> j.path("documents").get(0).path("reading").path("status").asString().equals("READ"));
        attachMissingMaterials(claim);
        Answer submitted = post("demo-admin", "/api/v1/claims/" + claim + "/submit", "");
        assertThat(submitted.json().path("status").asString()).as(submitted.body()).isEqualTo("UNDER_REVIEW");

        session.logIn("demo-reviewer");
        browser.get(session.url("/#review?id=" + claim));
        WebElement checks = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-checks")));
        assertThat(checks.getText()).contains("付款人与申请人不一致").contains(truth.payerName()).contains("票据金额与填报费用不一致");

        browser.findElement(By.id("view-" + document)).click();
        WebElement page = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#viewer-" + document + " img.doc-page")));
        wait.until(d -> ((Number) browser.executeScript("return arguments[0].naturalWidth", page)).intValue() > 0);
        assertThat(browser.findElement(By.id("viewer-" + document)).getText()).contains(truth.invoiceNumber());
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", browser.findElement(By.id("viewer-" + document)));
        session.phoneAndDesktopScreenshots("claim-evidence");
        session.desktop();   // a reviewer works at a desk

        browser.findElement(By.id("claim-approve")).click();
        WebElement ackError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approve-ack-error")));
        assertThat(ackError.getText()).startsWith("核准前请逐条确认以下提示");

        WebElement addItem = browser.findElement(By.id("add-item-CRITICAL_ILLNESS"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", addItem);
        addItem.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-notice"), "已增补"));
        assertThat(browser.findElement(By.id("claim-notice")).getText()).contains("病理报告");
        assertThat(browser.findElement(By.id("waivers")).getText()).contains("病理报告");
        assertThat(browser.findElement(By.cssSelector("#claim-timeline li:last-child")).getText()).contains("增补申领项目").contains("demo-reviewer");

        WebElement illegible = browser.findElement(By.cssSelector("#send-back-form input[value=ILLEGIBLE]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", illegible);
        illegible.click();
        browser.findElement(By.id("send-back-note")).sendKeys("病理报告请补交原件照片");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.findElement(By.id("send-back-card")));
        session.fullPageScreenshot("claim-send-back-1366.png");
        WebElement sendBack = browser.findElement(By.id("claim-send-back"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", sendBack);
        sendBack.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-notice"), "已退回补件"));

        assertThat(browser.findElement(By.id("claim-status")).getText()).isEqualTo("待补件");
        assertThat(browser.findElement(By.id("material-requests")).getText()).contains("病理报告").contains("病理报告请补交原件照片");
        JsonNode after = get("demo-reviewer", "/api/v1/claims/" + claim).json();
        assertThat(after.path("status").asString()).isEqualTo("MATERIALS_REQUESTED");
        assertThat(after.path("evidence").path("materialRequests").get(0).path("requirements"))
                .extracting(r -> r.path("code").asString()).contains("PATHOLOGY_REPORT");
        session.phoneAndDesktopScreenshots("claim-sent-back");
    }
}
