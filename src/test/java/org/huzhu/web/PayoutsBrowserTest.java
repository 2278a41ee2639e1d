package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.huzhu.payouts.PayoutStatus;
import org.huzhu.payouts.Payouts;
import org.huzhu.support.ApiTest;
import org.huzhu.support.PayoutRound;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The payouts screens (互助金支付) in a real headless Chromium, on the batches the demo data leaves
 * prepared by demo-finance: the maker sees the batch but cannot release it; demo-finance-checker
 * releases it, and once the simulated bank has answered the batch page shows each payout's result.
 */
class PayoutsBrowserTest extends ApiTest {

    @Autowired
    private Payouts payouts;

    @Test
    void theMakerSeesTheBatchTheCheckerReleasesItAndThePageShowsTheBanksAnswer() throws IOException {
        JsonNode prepared = null;
        for (JsonNode b : get("demo-finance", "/api/v1/payout-batches?status=PREPARED&limit=500").json()) {
            if (b.path("preparedBy").asString().equals("demo-finance")) prepared = b;
        }
        assertThat(prepared).as("a batch the demo data left prepared by demo-finance").isNotNull();
        long batch = prepared.path("id").asLong();
        String reference = get("demo-finance", "/api/v1/payout-batches/" + batch).json().path("payouts").get(0).path("reference").asString();

        Browser maker = Browser.open(this::uri);
        try {
            maker.logIn("demo-finance");
            maker.driver.findElement(By.id("nav-payouts")).click();
            WebElement row = maker.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#batches-table tr[data-id='" + batch + "']")));
            assertThat(row.getText()).contains(prepared.path("cityName").asString()).contains("待复核放行").contains("demo-finance");
            row.findElement(By.cssSelector("button.linklike")).click();
            WebElement box = maker.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("batch-release-box")));
            assertThat(box.getText()).contains("须由另一名财务复核放行");
            assertThat(maker.driver.findElement(By.id("batch-release")).isEnabled()).isFalse();
            assertThat(maker.driver.findElement(By.id("batch-payouts")).getText()).contains(reference).contains("****");
            maker.screenshot("payouts-maker-batch.png");
        } finally {
            maker.closeCheckingScripts();
        }

        Browser checker = Browser.open(this::uri);
        try {
            checker.logIn("demo-finance-checker");
            checker.driver.get(checker.url("/#payouts?batch=" + batch));
            WebElement release = checker.wait.until(ExpectedConditions.elementToBeClickable(By.id("batch-release")));
            release.click();
            checker.wait.until(ExpectedConditions.not(ExpectedConditions.attributeToBe(By.id("batch-status"), "data-status", "PREPARED")));
            PayoutRound.awaitFinal(payouts, reference);
            checker.driver.navigate().refresh();
            WebElement status = checker.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("batch-status")));
            assertThat(status.getDomAttribute("data-status")).isIn("SENT", "COMPLETED");
            PayoutStatus result = payouts.payout(reference, PayoutRound.MAKER).status();
            assertThat(checker.driver.findElement(By.cssSelector("#batch-payouts tr[data-reference='" + reference + "']"))
                    .getDomAttribute("data-status")).isEqualTo(result.name());
            assertThat(checker.driver.findElement(By.id("batch-timeline")).getText()).contains("批次已复核放行").contains("demo-finance-checker");
            checker.fullPageScreenshot("payouts-checker-released.png");
        } finally {
            checker.closeCheckingScripts();
        }
    }
}
