package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.identity.FirstRun;
import org.huzhu.shared.CreditCode;
import org.huzhu.shared.IdNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A union office goes live, in Chromium, on a fresh production database (no demo data): the first
 * run creates the province and its administrator, who logs in with the one-time password, must
 * change it and enrol two-factor login, loads Hubei's division file, creates a unit under a county
 * and a city staff account; the city staff logs in and creates the unit's operator, who imports a
 * roster; the administrator finds all of it in the operation log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "huzhu.demo.enabled=false",
        "huzhu.crypto.generate-missing=true",
        "huzhu.web.secure-cookies=false",
        "huzhu.database.embedded.data-dir=target/test-data/postgres-journey"})
@ActiveProfiles("test")
class GoingLiveJourneyTest {

    @LocalServerPort
    private int port;
    @Autowired
    private FirstRun firstRun;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private Clock clock;

    private Browser session;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        session = Browser.open(path -> URI.create("http://127.0.0.1:" + port + path));
        browser = session.driver;
        wait = session.wait;
    }

    @AfterEach
    void closeBrowser() throws IOException {
        session.closeCheckingScripts();
    }

    @Test
    void aUnionOfficeGoesLiveFromAnEmptyDatabase() throws IOException {
        // ./huzhu init
        FirstRun.Result init = firstRun.initialise("湖北省总工会", "420000", "admin");
        assertThat(init.lines().get(0)).isEqualTo("用户名：admin");
        String oneTime = init.lines().get(1).substring("初始密码：".length());

        // the administrator: one-time password, a new one, then two-factor login before anything else
        logIn("admin", oneTime);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-due"), "请先修改初始密码"));
        assertThat(session.navSections()).containsExactly("account");
        String adminPassword = "Shengzong-" + System.nanoTime();
        changePassword(oneTime, adminPassword);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-due"), "请先设置两步验证"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("two-factor-start"))).click();
        String secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("two-factor-secret"))).getText();
        long enrolledStep = step();
        browser.findElement(By.id("two-factor-code")).sendKeys(code(secret, enrolledStep));
        browser.findElement(By.id("two-factor-confirm")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
        browser.findElement(By.id("recovery-done")).click();
        wait.until(d -> session.navSections().contains("orgadmin"));

        // Hubei's cities and counties from the shipped division file, in one action
        browser.get(session.url("/#orgadmin"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("load-divisions"))).click();
        WebElement tree = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//ul[@id='orgadmin-tree']//button[text()='江岸区总工会']")));
        assertThat(browser.findElement(By.id("orgadmin-tree")).getText()).contains("武汉市总工会", "仙桃市总工会", "神农架林区总工会");
        long counties = jdbc.sql("select count(*) from organisation.org_node where level = 'COUNTY'").query(Long.class).single();
        assertThat(counties).isGreaterThan(90);

        // a unit under 江岸区, from the unit file
        tree.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("node-title"), "江岸区总工会"));
        String credit = creditCode();
        Path units = file("units-", ".csv", "单位名称,统一社会信用代码,所属工会,所有制,职工人数,联系人,联系电话,状态\n"
                + "江岸上线测试物流公司," + credit + ",420102,民营企业,2,钱七,13700001234,正常\n");
        browser.findElement(By.id("unit-import-file")).sendKeys(units.toAbsolutePath().toString());
        browser.findElement(By.id("unit-import-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("unit-import-result"), "新登记 1"));
        long unitId = jdbc.sql("select id from organisation.unit where credit_code = ?").param(credit).query(Long.class).single();

        // the city's staff account
        String cityStaff = "wuhan-staff";
        String cityInitial = createAccount(cityStaff, "武汉市总工会工作人员", "UNION_STAFF", "武汉市总工会", null);
        logOut();

        // the city staff: a new password, then the unit operator's account
        logIn(cityStaff, cityInitial);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-due"), "请先修改初始密码"));
        String cityPassword = "Wuhan-Gonghui-" + System.nanoTime();
        changePassword(cityInitial, cityPassword);
        wait.until(d -> session.navSections().contains("accounts"));
        String operator = "jiangan-operator";
        String operatorInitial = createAccount(operator, "物流公司经办人", "UNIT_OPERATOR", null, unitId);
        logOut();

        // the unit operator: a new password, then a roster
        logIn(operator, operatorInitial);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-due"), "请先修改初始密码"));
        changePassword(operatorInitial, "Jingban-Mima-" + System.nanoTime());
        wait.until(d -> session.navSections().contains("import"));
        browser.get(session.url("/#import"));
        String roster = "姓名,身份证号码,手机号码,就业形态,保障方案,份数,缴费日期\n"
                + "赵上线," + idNumber(LocalDate.of(1986, 4, 2), 1) + ",13800001111,常规就业,BASIC,1,\n"
                + "钱上线," + idNumber(LocalDate.of(1990, 9, 9), 2) + ",13800002222,常规就业,BASIC,1,\n";
        Path rosterFile = file("roster-", ".csv", roster);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-file"))).sendKeys(rosterFile.toAbsolutePath().toString());
        browser.findElement(By.id("import-submit")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("import-status"), "data-status", "DONE"));
        assertThat(jdbc.sql("select count(*) from membership.member where unit_id = ?").param(unitId).query(Long.class).single())
                .isEqualTo(2L);
        logOut();

        // the administrator, with a code this time, finds every step in the operation log
        logIn("admin", adminPassword);
        wait.until(ExpectedConditions.urlContains("/login-code.html"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("code-submit")));
        browser.findElement(By.id("code")).sendKeys(code(secret, Math.max(step(), enrolledStep + 1)));
        browser.findElement(By.id("code-submit")).click();
        wait.until(d -> session.navSections().contains("oplog"));
        assertThat(operationLog("admin")).anyMatch(l -> l.contains("行政区划"))
                .anyMatch(l -> l.contains("批量导入单位"))
                .anyMatch(l -> l.contains(cityStaff));
        assertThat(operationLog(cityStaff)).anyMatch(l -> l.contains(operator));
        assertThat(operationLog(operator)).anyMatch(l -> l.contains("花名册"));
        session.fullPageScreenshot("going-live-oplog.png");
        session.phone();
        session.fullPageScreenshot("going-live-oplog-phone.png");
        session.desktop();
    }

    // ------------------------------------------------------------------ steps

    private void logIn(String user, String password) {
        browser.get(session.url("/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-submit")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    private void logOut() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    private void changePassword(String old, String password) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("password-submit")));
        for (String[] f : new String[][] {{"password-old", old}, {"password-new", password}, {"password-confirm", password}}) {
            WebElement input = browser.findElement(By.id(f[0]));
            input.clear();
            input.sendKeys(f[1]);
        }
        browser.findElement(By.id("password-submit")).click();
    }

    /** Creates an account in 系统管理 → 用户 and returns the one-time password the page shows once. */
    private String createAccount(String username, String name, String role, String node, Long unit) {
        browser.get(session.url("/#accounts"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("account-create")));
        browser.findElement(By.id("account-username")).sendKeys(username);
        browser.findElement(By.id("account-name")).sendKeys(name);
        new Select(browser.findElement(By.id("account-role"))).selectByValue(role);
        if (node != null) new Select(browser.findElement(By.id("account-node"))).selectByVisibleText(node);
        if (unit != null) new Select(browser.findElement(By.id("account-unit"))).selectByValue(String.valueOf(unit));
        browser.findElement(By.id("account-create")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-password")));
        assertThat(browser.findElement(By.id("issued-username")).getText()).isEqualTo(username);
        return browser.findElement(By.id("issued-initial")).getText();
    }

    /** The rows the operation log shows for one person, as text. */
    private List<String> operationLog(String person) {
        browser.get(session.url("/#oplog"));
        WebElement filter = wait.until(ExpectedConditions.elementToBeClickable(By.id("oplog-person")));
        filter.clear();
        filter.sendKeys(person);
        browser.findElement(By.id("oplog-search")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#oplog-table tbody tr")));
        wait.until(d -> browser.findElements(By.cssSelector("#oplog-table tbody tr")).stream()
                .allMatch(r -> r.getText().contains(person)));
        return browser.findElements(By.cssSelector("#oplog-table tbody tr")).stream().map(WebElement::getText).toList();
    }

    private long step() {
        return clock.instant().getEpochSecond() / 30;
    }

    private static String code(String secret, long step) {
        try {
            return new DefaultCodeGenerator().generate(secret, step);
        } catch (dev.samstevens.totp.exceptions.CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String creditCode() {
        StringBuilder code = new StringBuilder("91420102").append(String.format("%09d", System.nanoTime() % 1_000_000_000L));
        return code.append(CreditCode.checkCharacter(code)).toString();
    }

    private static String idNumber(LocalDate birth, int sequence) {
        String first17 = "420102" + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static Path file(String prefix, String suffix, String content) throws IOException {
        Path file = Files.createTempFile(Files.createDirectories(Browser.TMP), prefix, suffix);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
