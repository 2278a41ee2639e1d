package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.shared.CreditCode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 16 items 3 and 4 in the console: the roster import report in the operator's words (rows already enrolled
 * by name, errors by row and name), and the member page's 人员变动 card (离职, 信息更正 proposed by one person and
 * approved by another, 身故登记 and 继承人收款), at 1366 px and on a 390 px phone.
 */
class RosterAndLifeEventsBrowserTest extends BrowserTest {

    @Test
    void theRosterReportNamesTheRowsAlreadyEnrolledAndTheRowsInError() throws IOException {
        long county = organisationIdsByName().get("江岸区总工会");
        String credit = "91420102" + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
        long unit = post("demo-admin", "/api/v1/units", JSON.writeValueAsString(Map.of("name", "花名册报告单位" + credit.substring(8),
                "creditCode", credit + CreditCode.checkCharacter(credit), "ownership", "PRIVATE", "headcount", 2, "organisationId", county)))
                .json().path("id").asLong();
        String csv = "姓名,身份证号码,手机号码,就业形态,保障方案,份数,缴费日期\r\n"
                + "周报告," + newIdNumber(LocalDate.of(1984, 4, 4), 'M') + ",13900001111,常规就业,基本保障,1,\r\n"
                + "吴报告," + newIdNumber(LocalDate.of(1986, 6, 6), 'F') + ",13900002222,新就业形态,住院医疗+女职工特殊疾病（升级版）,1,\r\n"
                + "郑报告,420106199001011234,13900003333,常规就业,意外伤害,1,\r\n"
                + "王报告," + newIdNumber(LocalDate.of(1988, 8, 8), 'M') + ",13900004444,常规就业,住院医疗+牙科保障,1,\r\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        awaitImport(upload("demo-admin", "/api/v1/units/" + unit + "/roster-imports", "file", "花名册.csv", file).json().path("id").asLong());
        long again = upload("demo-admin", "/api/v1/units/" + unit + "/roster-imports", "file", "花名册（修改后）.csv", file).json().path("id").asLong();
        awaitImport(again);

        session.logIn("demo-admin");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(session.url("/#import?unit=" + unit + "&id=" + again));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-status[data-status='DONE']")));
        assertThat(browser.findElement(By.id("import-already")).getText()).contains("周报告", "吴报告", "已参保，未重复办理");
        assertThat(browser.findElement(By.id("import-errors")).getText()).contains("郑报告", "身份证号码", "王报告", "保障方案", "牙科保障");
        assertThat(browser.findElement(By.id("import-summary")).getText()).contains("2 人已参保，未重复办理");
        session.phoneAndDesktopScreenshots("roster-report");
    }

    @Test
    void staffRecordALeaverACorrectionForASecondPersonAndADeathWithTheHeirsPayee() throws IOException {
        long leaver = insuredWorker("江岸区总工会", 'M', 40, "HOSPITAL:1");
        long member = insuredWorker("江岸区总工会", 'F', 40, "HOSPITAL:1", "ACCIDENT:1");

        session.logIn("demo-wuhan");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(session.url("/#members?id=" + leaver));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("life-leave"))).click();
        browser.findElement(By.id("leave-reason")).sendKeys("劳动合同到期");
        browser.findElement(By.id("leave-form-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("life-status"), "已离职"));
        assertThat(browser.findElement(By.id("life-events")).getText()).contains("已离职", "劳动合同到期");

        browser.get(session.url("/#members?id=" + member));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("life-correct"))).click();
        browser.findElement(By.id("correction-name")).sendKeys("更正后姓名");
        browser.findElement(By.id("correction-reason")).sendKeys("登记时姓名录错");
        browser.findElement(By.id("correction-evidence")).sendKeys("身份证复印件");
        browser.findElement(By.id("correction-form-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("correction-pending")));
        assertThat(browser.findElement(By.id("correction-pending")).getText()).contains("须由提出人以外");

        session.logIn("demo-admin");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(session.url("/#members?id=" + member));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#correction-pending button.btn-primary")));
        browser.executeScript("document.getElementById('life-card').scrollIntoView()");
        session.phoneAndDesktopScreenshots("life-correction-pending");
        session.desktop();
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.findElement(By.cssSelector("#correction-pending button.btn-primary")).click();
        wait.until(ExpectedConditions.textToBe(By.id("member-name"), "更正后姓名"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#correction-history tr[data-status='APPROVED']")));

        wait.until(ExpectedConditions.elementToBeClickable(By.id("life-death"))).click();
        browser.executeScript("document.getElementById('death-date').value = arguments[0]", today.minusDays(3).toString());
        browser.findElement(By.id("death-document")).sendKeys("死亡医学证明 H4201001");
        browser.findElement(By.id("death-form-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("life-status"), "已身故"));
        // the button can lie under the sticky header after the death form closes: brought to the middle first
        WebElement heir = wait.until(ExpectedConditions.elementToBeClickable(By.id("life-heir")));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", heir);
        heir.click();
        browser.findElement(By.id("heir-name")).sendKeys("更正后姓名之女");
        browser.findElement(By.id("heir-relation")).sendKeys("子女");
        browser.findElement(By.id("heir-bank")).sendKeys("中国农业银行");
        browser.findElement(By.id("heir-account")).sendKeys(newCardNumber());
        browser.findElement(By.id("heir-document")).sendKeys("（2026）鄂武汉江岸证字第 88 号");
        browser.findElement(By.id("heir-form-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("heir-pending")));
        assertThat(browser.findElements(By.cssSelector("#heir-pending button"))).as("the proposer does not approve").isEmpty();
        browser.executeScript("document.getElementById('life-card').scrollIntoView()");
        session.phoneAndDesktopScreenshots("life-deceased");
        assertThat(get("demo-admin", "/api/v1/members/" + member).json().path("status").asString()).isEqualTo("DECEASED");
    }

    private void awaitImport(long id) {
        awaitJson("demo-admin", "/api/v1/roster-imports/" + id, j -> !"RUNNING".equals(j.path("status").asString()));
    }
}
