package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 领取免费意外保障 in the member app on a 390 px phone: a rider verified at the counter sees the tile on home, reads
 * the cover and its conditions, picks the kind of work, ticks the consent and claims; home then offers it no more.
 * Screenshot m-gift-390.png.
 */
class MemberGiftBrowserTest extends BrowserTest {

    @Autowired
    SimulatedSmsCentre centre;

    @Test
    void aVerifiedRiderClaimsTheGiftCoverAfterTheConsentScreen() throws IOException {
        String idNumber = newIdNumber(LocalDate.of(1997, 6, 6), 'M');
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "骑手赵师傅",
                "idNumber", idNumber, "employmentForm", "NEW_FORM", "unitId", newUnit("江岸区总工会"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        Answer verified = post("demo-admin", "/api/v1/members/" + member + "/real-name-verification", JSON.writeValueAsString(
                Map.of("documentType", "RESIDENT_ID_CARD", "documentNumberLast4", idNumber.substring(14))));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        String phone = "1394" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));

        signInToMemberApp(centre, phone, "骑手赵师傅", idNumber);

        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-gift"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gift-explanation")));
        assertThat(browser.findElement(By.id("gift-explanation")).getText()).contains("新就业形态劳动者专项意外伤害互助保障", "不用缴费");
        assertThat(browser.findElements(By.cssSelector("#gift-conditions li"))).hasSize(3);
        assertThat(browser.findElement(By.id("gift-claim")).isEnabled()).as("not before the tick").isFalse();
        browser.findElement(By.cssSelector("input[name='workKind'][value='DELIVERY_RIDER']")).click();
        browser.findElement(By.id("gift-consent")).click();
        session.phoneAndDesktopScreenshots("m-gift");
        session.assertAccessible("领取免费意外保障");
        browser.findElement(By.id("gift-claim")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gift-outcome")));
        assertThat(browser.findElement(By.id("gift-outcome")).getText()).startsWith("领取成功，保障期 ");
        assertThat(jdbc.sql("select work_kind from membership.gift_claim where member_id = ?").param(member)
                .query(String.class).single()).isEqualTo("DELIVERY_RIDER");
        browser.findElement(By.id("back")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("open-cover")));
        assertThat(browser.findElements(By.id("open-gift"))).as("claimed: no more offer").isEmpty();
    }
}
