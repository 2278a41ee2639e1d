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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hospital desk (工会+医院) in Chromium: union staff register a partner hospital in 合作医院 and find its poster;
 * the discharge desk of 武汉市第一医院 sees only 出院参保查询 and gets yes or no per item with what to claim; a worker
 * who scans the poster's QR code signs in and files with the hospital filled in, and the claim page names it.
 * Screenshots hospitals-*, desk-* and m-claim-hospital-* at 390 and 1366 px.
 */
class HospitalDeskBrowserTest extends BrowserTest {

    @Autowired
    SimulatedSmsCentre centre;

    @Test
    void unionStaffRegisterAPartnerHospitalAndFindItsPoster() throws IOException {
        session.logIn("demo-wuhan");
        browser.get(session.url("/#hospitals"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hospitals-table tr[data-code='WHSDYYY']")));
        assertThat(browser.findElements(By.cssSelector("#hospitals-table tr[data-code='JMSDERMYY']"))).as("荆门's is not 武汉's").isEmpty();
        String code = "HB" + ThreadLocalRandom.current().nextInt(1_000_000);

        browser.findElement(By.id("hospital-code")).sendKeys(code);
        browser.findElement(By.id("hospital-name")).sendKeys("武昌区测试医院" + code);
        new Select(browser.findElement(By.id("hospital-grade"))).selectByValue("GRADE_3B");
        new Select(browser.findElement(By.id("hospital-office"))).selectByVisibleText("武昌区总工会");
        browser.findElement(By.id("hospital-address")).sendKeys("武汉市武昌区解放路");
        browser.findElement(By.id("hospital-create")).click();

        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hospitals-table tr[data-code='" + code + "']")));
        assertThat(row.getText()).contains("武昌区测试医院" + code, "三级乙等", "武昌区总工会", "合作中");
        assertThat(row.findElement(By.cssSelector("a[data-poster]")).getDomAttribute("href")).matches("/api/v1/hospitals/\\d+/poster.pdf");
        session.assertAccessible("合作医院");
        browser.findElement(By.cssSelector("button[data-toggle='" + code + "']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#hospitals-table tr[data-code='" + code + "']"), "已停止合作"));
        browser.findElement(By.cssSelector("button[data-edit='WHSDYYY']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hospital-edit-form")));
        session.phone();
        session.phoneAndDesktopScreenshots("hospitals");
    }

    @Test
    void unionStaffOpenADeskAccountWithTheHospitalPicker() throws IOException {
        session.logIn("demo-wuhan");
        browser.get(session.url("/#accounts"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#accounts-table tr[data-username='demo-hospital']")));
        assertThat(browser.findElement(By.cssSelector("#accounts-table tr[data-username='demo-hospital']")).getText())
                .contains("合作医院", "武汉市第一医院");
        String username = "desk-" + ThreadLocalRandom.current().nextInt(1_000_000);

        browser.findElement(By.id("account-username")).sendKeys(username);
        browser.findElement(By.id("account-name")).sendKeys("出院结算处王护士");
        new Select(browser.findElement(By.id("account-role"))).selectByValue("HOSPITAL");
        assertThat(browser.findElement(By.id("account-node")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("account-extra-roles")).isDisplayed()).as("a desk holds no further role").isFalse();
        Select hospital = new Select(browser.findElement(By.id("account-hospital")));
        assertThat(hospital.getOptions().stream().map(WebElement::getText)).contains("武汉市第一医院").doesNotContain("荆门市第二人民医院");
        hospital.selectByVisibleText("武汉市第一医院");
        browser.findElement(By.id("account-create")).click();

        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#accounts-table tr[data-username='" + username + "']")));
        assertThat(row.getText()).contains("合作医院", "武汉市第一医院", "未启用");
        assertThat(browser.findElement(By.id("issued-initial")).getText()).hasSizeGreaterThanOrEqualTo(10);
        session.phone();
        session.phoneAndDesktopScreenshots("accounts-hospital-desk");
    }

    @Test
    void theDischargeDeskAsksAboutAPatientAndSeesEachItemAndWhatToClaim() throws IOException {
        String idNumber = worker("刘秀英", 'F', "HOSPITAL:1", "FEMALE_SPECIAL:1", "ACCIDENT:1");

        session.logIn("demo-hospital");
        assertThat(session.navSections()).containsExactly("desk", "inbox", "account");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("desk-form")));
        assertThat(browser.findElement(By.id("desk-hospital")).getText()).startsWith("武汉市第一医院");
        assertThat(browser.findElement(By.id("desk-date")).getDomProperty("value")).as("today, China time").isEqualTo(today.toString());
        assertThat(browser.findElement(By.id("desk-poster")).getDomAttribute("href")).endsWith("/poster.pdf");
        assertThat(browser.findElement(By.id("desk-claim-url")).getText()).endsWith("/m/#claim?hospital=WHSDYYY");

        ask(idNumber, "刘秀英");
        wait.until(ExpectedConditions.textToBe(By.id("desk-answer"), "✓ 有保障，可申领"));
        List<String> items = browser.findElements(By.cssSelector("#desk-items li")).stream().map(e -> e.getDomAttribute("data-item")).toList();
        assertThat(items).containsExactlyInAnyOrder("HOSPITAL", "FEMALE_SPECIAL", "ACCIDENT");
        String hospitalItem = browser.findElement(By.cssSelector("#desk-items li[data-item='HOSPITAL']")).getText();
        assertThat(hospitalItem).contains("住院医疗互助保障", "可申领", "医疗收费票据", "出院小结").doesNotContainPattern("\\d+\\.\\d{2}");
        session.assertAccessible("出院参保查询");
        session.phone();
        session.phoneAndDesktopScreenshots("desk-yes");
        session.desktop();

        ask(idNumber, "刘秀");
        wait.until(ExpectedConditions.textToBe(By.id("desk-answer"), "✗ 未查到可申领的保障"));
        assertThat(browser.findElement(By.id("desk-disposition")).getText()).isEqualTo("未查询到该患者在服务日期有效的职工互助保障");
        assertThat(browser.findElements(By.id("desk-items"))).isEmpty();

        ask(idNumber.substring(0, 17) + (idNumber.endsWith("1") ? "2" : "1"), "刘秀英");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-error-for='idNumber']:not(:empty)")));
        assertThat(error.getText()).contains("身份证号码");
        session.phone();
        session.phoneAndDesktopScreenshots("desk-error");
    }

    @Test
    void aWorkerWhoScansThePosterFilesWithTheHospitalFilledInAndTheClaimPageNamesIt() throws IOException {
        String idNumber = worker("扫码李师傅", 'M', "HOSPITAL:1", "ACCIDENT:1");
        String phone = "1396" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));

        signInToMemberAppAt(centre, "/m/#claim?hospital=WHSDYYY", phone, "扫码李师傅", idNumber);

        WebElement from = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-hospital")));
        assertThat(from.getText()).contains("已为您填好医院", "武汉市第一医院");
        session.phoneAndDesktopScreenshots("m-claim-hospital");
        session.assertAccessible("申领互助金：扫码来自合作医院");
        browser.findElement(By.id("happened-ACCIDENT")).click();
        WebElement date = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incident-date")));
        browser.executeScript("arguments[0].value = arguments[1]", date, today.minusDays(5).toString());
        assertThat(browser.findElement(By.id("claim-hospital")).getText()).contains("武汉市第一医院");
        browser.findElement(By.id("step-two-next")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("claim-upload"))).click();
        wait.until(ExpectedConditions.urlMatches("#claim/\\d+$"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*#claim/", ""));
        assertThat(get("demo-admin", "/api/v1/claims/" + id + "/hospital").field("name")).isEqualTo("武汉市第一医院");

        session.desktop();
        browser.manage().deleteAllCookies();
        session.logIn("demo-admin");
        browser.get(session.url("/#claims?id=" + id));
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-hospital-name")));
        assertThat(name.getText()).isEqualTo("武汉市第一医院");
        session.fullPageScreenshot("claim-from-hospital-1366.png");
    }

    /** A worker of a new 江岸区 unit enrolled 200 days ago in the items; returns the ID number. */
    private String worker(String name, char sex, String... items) {
        long unit = newUnit("江岸区总工会");
        String idNumber = newIdNumber(LocalDate.of(1978, 8, 8), sex);
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", name, "idNumber", idNumber,
                "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        enrolItems(unit, registered.json().path("id").asLong(), today().minusDays(200), items);
        return idNumber;
    }

    private void ask(String idNumber, String name) {
        for (String[] f : new String[][] {{"desk-id", idNumber}, {"desk-name", name}}) {
            WebElement input = browser.findElement(By.id(f[0]));
            input.clear();
            input.sendKeys(f[1]);
        }
        browser.findElement(By.id("desk-submit")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("desk-submit")));
    }
}
