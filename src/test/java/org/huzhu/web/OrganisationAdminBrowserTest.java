package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.shared.CreditCode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** 系统管理 → 组织机构 in Chromium: a city's staff see their tree with codes, add a county, import units and read the row errors. */
class OrganisationAdminBrowserTest extends BrowserTest {

    @Test
    void cityStaffCreateACountyImportItsUnitsAndSeeTheRowErrorsOfABrokenFile() throws IOException {
        session.logIn("demo-wuhan");
        assertThat(session.navSections()).contains("orgadmin");
        browser.findElement(By.id("nav-orgadmin")).click();
        WebElement tree = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("orgadmin-tree")));
        assertThat(tree.getText()).contains("武汉市总工会", "420100", "江岸区总工会", "420102").doesNotContain("湖北省总工会", "荆门市总工会");

        String code = "42019" + ThreadLocalRandom.current().nextInt(10);
        String county = "浏览器测试" + code + "区总工会";
        WebElement create = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("node-create")));
        create.findElement(By.name("name")).sendKeys(county);
        create.findElement(By.name("divisionCode")).sendKeys(code);
        create.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement made = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//ul[@id='orgadmin-tree']//button[text()='" + county + "']")));
        made.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("node-title"), county));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#node-history tbody tr")));
        assertThat(browser.findElement(By.id("node-history")).getText()).contains("新建", "demo-wuhan", code);

        String credit = creditCode();
        Path good = csv("单位名称,统一社会信用代码,所属工会,所有制,职工人数,联系人,联系电话,状态\n"
                + "浏览器导入物流公司," + credit + "," + code + ",民营企业,80,钱七,13700001234,正常\n");
        browser.findElement(By.id("unit-import-file")).sendKeys(good.toAbsolutePath().toString());
        browser.findElement(By.id("unit-import-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("unit-import-result"), "新登记 1"));
        WebElement units = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("node-units")));
        assertThat(units.getText()).contains("浏览器导入物流公司", "137****1234").doesNotContain("13700001234");

        Path broken = csv("单位名称,统一社会信用代码,所属工会,所有制,职工人数,联系人,联系电话,状态\n"
                + "浏览器坏行公司,91420100XXXXXXXXX1," + code + ",民营企业,0,,,\n");
        WebElement file = browser.findElement(By.id("unit-import-file"));
        file.sendKeys(broken.toAbsolutePath().toString());
        browser.findElement(By.id("unit-import-submit")).click();
        WebElement errors = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("unit-import-errors")));
        List<String> lines = errors.findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
        assertThat(lines).anyMatch(l -> l.startsWith("第2行 统一社会信用代码")).anyMatch(l -> l.startsWith("第2行 职工人数"));
        session.fullPageScreenshot("orgadmin.png");

        session.phone();
        wait.until(d -> browser.findElement(By.id("orgadmin-tree")).getRect().getWidth() < 390);
        session.fullPageScreenshot("orgadmin-phone.png");
        session.desktop();
    }

    private static String creditCode() {
        StringBuilder code = new StringBuilder("91420100").append(String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));
        return code.append(CreditCode.checkCharacter(code)).toString();
    }

    private static Path csv(String content) throws IOException {
        Path file = Files.createTempFile(Files.createDirectories(Browser.TMP), "units-", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
