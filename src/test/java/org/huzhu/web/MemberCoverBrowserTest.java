package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 我的保障 in the member app on a 390 px phone: a worker with one item in force and one awaiting payment signs
 * in, opens 我的保障 from home and sees one card per item in plain words, with the certificate's download.
 * Screenshot m-cover-390.png.
 */
class MemberCoverBrowserTest extends BrowserTest {

    @Autowired
    SimulatedSmsCentre centre;

    @Test
    void aWorkerSeesEachItemTheyHoldOnItsOwnCard() throws IOException {
        String idNumber = newIdNumber(LocalDate.of(1984, 2, 20), 'F');
        long unit = newUnit("江岸区总工会");
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "李秀兰",
                "idNumber", idNumber, "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        enrolItems(unit, member, today.minusDays(5), "HOSPITAL:2");
        Answer awaiting = post("demo-admin", "/api/v1/enrolments", JSON.writeValueAsString(Map.of("unitId", unit, "memberId", member,
                "items", List.of(Map.of("item", "ACCIDENT", "shares", 1)))));
        assertThat(awaiting.status()).as(awaiting.body()).isEqualTo(201);
        String phone = "1393" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));

        signInToMemberApp(centre, phone, "李秀兰", idNumber);

        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-cover"))).click();
        List<WebElement> cards = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#covers .cover"), 2));
        assertThat(cards.get(0).getText()).as("the item awaiting payment first")
                .contains("意外", "待生效", "缴费到账后开始");
        assertThat(cards.get(1).getText()).contains("住院医疗互助保障", "保障中", "2 份",
                "观察期", today.plusDays(1).getYear() + "年");
        assertThat(browser.findElement(By.id("certificate")).getDomAttribute("href")).isEqualTo("/api/v1/m/cover-certificate");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(idNumber);
        assertThat(cards.get(1).findElement(By.tagName("h2")).getCssValue("font-size")).isEqualTo("20px");
        session.phoneAndDesktopScreenshots("m-cover");
        session.assertAccessible("我的保障");

        browser.findElement(By.id("back")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("open-cover")));
    }
}
