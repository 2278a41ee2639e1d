package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.shared.Masks;
import org.huzhu.support.TextedCodes;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A worker keeps their own account in order on a 390 × 844 phone: verifies their real name against the simulated
 * identity service, enters a bank card (the bank named from its first digits, the four elements checked) and moves
 * the app to a new phone number with a code texted there. Each screen passes axe-core's WCAG 2.1 AA rules.
 * Screenshots m-real-name-390.png, m-bank-card-390.png, m-phone-390.png.
 */
class MemberAccountBrowserTest extends BrowserTest {

    @Autowired
    SimulatedSmsCentre centre;

    @Test
    void aWorkerVerifiesTheirNameEntersABankCardAndChangesTheirPhone() throws IOException {
        String idNumber = newIdNumber(LocalDate.of(1988, 3, 8), 'F');
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "网约车李师傅",
                "idNumber", idNumber, "employmentForm", "NEW_FORM", "unitId", newUnit("江岸区总工会"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        String phone = newPhone();
        signInToMemberApp(centre, phone, "网约车李师傅", idNumber);

        browser.findElement(By.id("open-real-name")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("real-name-id")));
        assertThat(browser.findElement(By.id("real-name-id")).getText())
                .isEqualTo(get("demo-admin", "/api/v1/members/" + member).field("maskedIdNumber")).doesNotContain(idNumber.substring(6, 14));
        assertThat(browser.findElement(By.id("real-name-verify")).isEnabled()).as("not before the consent").isFalse();
        browser.findElement(By.id("real-name-consent")).click();
        session.assertAccessible("实名认证");
        session.phoneAndDesktopScreenshots("m-real-name");
        browser.findElement(By.id("real-name-verify")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("real-name-outcome")));
        assertThat(browser.findElement(By.id("real-name-outcome")).getText()).isEqualTo("实名认证已完成");
        assertThat(get("demo-admin", "/api/v1/members/" + member).json().path("realNameVerified").asBoolean()).isTrue();

        browser.findElement(By.id("back")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-bank-card"))).click();
        String card = newCardNumber();
        wait.until(ExpectedConditions.elementToBeClickable(By.name("cardNumber"))).sendKeys(card);
        wait.until(ExpectedConditions.textToBe(By.id("bank-card-bank"), "开户银行：中国工商银行"));
        browser.findElement(By.id("bank-card-consent")).click();
        session.assertAccessible("我的银行卡");
        session.phoneAndDesktopScreenshots("m-bank-card");
        browser.findElement(By.id("bank-card-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bank-card-outcome")));
        assertThat(browser.findElement(By.id("bank-card-outcome")).getText()).startsWith("银行卡已更换");
        assertThat(browser.findElement(By.id("bank-card-current")).getText()).isEqualTo("当前收款卡：中国工商银行 " + Masks.accountNumber(card));

        browser.findElement(By.id("back")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-phone"))).click();
        String newPhone = newPhone();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("phone-send")));
        browser.findElement(By.cssSelector("form input[name='phone']")).sendKeys(newPhone);
        browser.findElement(By.id("phone-send")).click();
        browser.findElement(By.cssSelector("form input[name='code']")).sendKeys(TextedCodes.codeTextedTo(centre, newPhone, 1));
        session.assertAccessible("更换手机号码");
        session.phoneAndDesktopScreenshots("m-phone");
        browser.findElement(By.id("phone-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phone-outcome")));
        assertThat(browser.findElement(By.id("phone-outcome")).getText()).contains("更换");
        assertThat(get("demo-admin", "/api/v1/members/" + member).field("maskedPhone")).isEqualTo(Masks.phone(newPhone));

        browser.findElement(By.id("back")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
        testClock.advance(Duration.ofSeconds(61));   // one code a minute to a number: the change's code went a moment ago
        signInToMemberApp(centre, newPhone, "网约车李师傅", idNumber);
        assertThat(browser.findElements(By.id("open-real-name"))).as("verified once, for good").isEmpty();
    }

    private static String newPhone() {
        return "1396" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }
}
