package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * 我的账户 and 系统管理 → 用户 in Chromium: a one-time password opens nothing but its change, a
 * reviewer enrols two-factor login with the QR code's secret and then logs in with a code, and a
 * union staff member creates a unit operator's account and sees its one-time password once.
 */
class AccountsBrowserTest extends BrowserTest {

    @Test
    void aNewAccountMustChangeItsOneTimePasswordBeforeTheConsoleOpens() throws Exception {
        Account staff = account("UNION_STAFF");

        logInWith(staff.username(), staff.password());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-due")));
        assertThat(session.navSections()).containsExactly("account");
        assertThat(browser.findElement(By.id("account-due")).getText()).contains("请先修改初始密码");
        browser.manage().window().setSize(new Dimension(1366, 768));
        session.screenshot("account-must-change.png");

        changePassword(staff.password(), "1234567890");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-error-for='password']:not(:empty)")));
        assertThat(error.getText()).contains("常见");

        String password = "Gonghui-" + System.nanoTime();
        changePassword(staff.password(), password);
        wait.until(d -> session.navSections().contains("org"));
        assertThat(session.navSections()).contains("accounts", "account");
        assertThat(get("demo-admin", "/api/v1/accounts/" + staff.id()).json().path("mustChangePassword").asBoolean()).isFalse();
    }

    @Test
    void aReviewerEnrolsTwoFactorLoginAndThenLogsInWithACode() throws Exception {
        Account reviewer = account("REVIEWER");
        String password = "Shenhe-Mima-" + System.nanoTime();
        send(null, basic(reviewer.username(), reviewer.password(), "/api/v1/me/password",
                JSON.writeValueAsString(Map.of("oldPassword", reviewer.password(), "password", password))));

        logInWith(reviewer.username(), password);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-due"), "请先设置两步验证"));
        assertThat(session.navSections()).containsExactly("account");
        browser.findElement(By.id("two-factor-start")).click();
        WebElement qr = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("two-factor-qr")));
        assertThat(qr.getDomAttribute("src")).startsWith("data:image/png;base64,");
        assertThat((Boolean) browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", qr)).isTrue();
        browser.manage().window().setSize(new Dimension(1366, 900));
        session.fullPageScreenshot("account-two-factor.png");
        session.phone();
        session.fullPageScreenshot("account-two-factor-phone.png");
        session.desktop();

        String secret = browser.findElement(By.id("two-factor-secret")).getText();
        long step = testClock.instant().getEpochSecond() / 30;
        browser.findElement(By.id("two-factor-code")).sendKeys(new DefaultCodeGenerator().generate(secret, step));
        browser.findElement(By.id("two-factor-confirm")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
        assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        browser.findElement(By.id("recovery-done")).click();
        wait.until(d -> session.navSections().contains("review"));

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        logInWith(reviewer.username(), password);
        wait.until(ExpectedConditions.urlContains("/login-code.html"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("code-submit")));
        browser.findElement(By.id("code")).sendKeys(new DefaultCodeGenerator().generate(secret, step));
        browser.findElement(By.id("code-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-problem"), "已使用过"));
        session.screenshot("login-code-replayed.png");

        long next = Math.max(testClock.instant().getEpochSecond() / 30, step + 1);
        WebElement code = browser.findElement(By.id("code"));
        code.clear();
        code.sendKeys(new DefaultCodeGenerator().generate(secret, next));
        browser.findElement(By.id("code-submit")).click();
        wait.until(d -> !session.navSections().isEmpty() && session.navSections().contains("review"));
    }

    @Test
    void aUnionStaffMemberCreatesAUnitOperatorAccountAndSeesItsOneTimePasswordOnce() throws IOException {
        session.logIn("demo-wuhan");
        browser.get(session.url("/#accounts"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#accounts-table tbody tr")));
        String username = "jingban-" + ThreadLocalRandom.current().nextInt(1_000_000);

        browser.findElement(By.id("account-username")).sendKeys(username);
        browser.findElement(By.id("account-name")).sendKeys("王经办");
        new Select(browser.findElement(By.id("account-role"))).selectByValue("UNIT_OPERATOR");
        assertThat(browser.findElement(By.id("account-node")).isDisplayed()).isFalse();
        Select unit = new Select(browser.findElement(By.id("account-unit")));
        unit.selectByIndex(1);
        long unitId = Long.parseLong(unit.getFirstSelectedOption().getDomAttribute("value"));
        browser.findElement(By.id("account-create")).click();

        WebElement issued = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-password")));
        String initial = browser.findElement(By.id("issued-initial")).getText();
        assertThat(browser.findElement(By.id("issued-username")).getText()).isEqualTo(username);
        assertThat(initial).hasSizeGreaterThanOrEqualTo(10);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#accounts-table tr[data-username='" + username + "']")));
        assertThat(issued.getText()).contains("只显示这一次");
        assertThat(jdbc.sql("select unit_id from identity.account where username = ?").param(username).query(Long.class).single())
                .isEqualTo(unitId);
        browser.manage().window().setSize(new Dimension(1366, 768));
        session.fullPageScreenshot("accounts.png");
        session.phone();
        session.fullPageScreenshot("accounts-phone.png");
        session.desktop();

        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#accounts-table tr[data-username='" + username + "']")));
        assertThat(browser.findElements(By.id("issued-password"))).as("the one-time password is shown once").isEmpty();
    }

    @Test
    void anAdministratorCombinesUnionStaffAndReviewerWithCheckboxesAndTheListShowsBoth() {
        session.logIn("demo-admin");
        browser.get(session.url("/#accounts"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#accounts-table tbody tr")));
        String username = "jianren-" + ThreadLocalRandom.current().nextInt(1_000_000);

        browser.findElement(By.id("account-username")).sendKeys(username);
        browser.findElement(By.id("account-name")).sendKeys("李兼任");
        new Select(browser.findElement(By.id("account-role"))).selectByValue("UNION_STAFF");
        assertThat(browser.findElements(By.cssSelector("#account-extra-roles input")).stream().map(e -> e.getDomAttribute("value")).toList())
                .containsExactly("REVIEWER", "FINANCE");
        browser.findElement(By.cssSelector("label:has(#account-extra-REVIEWER)")).click();
        new Select(browser.findElement(By.id("account-node"))).selectByIndex(1);
        browser.findElement(By.id("account-create")).click();

        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#accounts-table tr[data-username='" + username + "']")));
        assertThat(row.getText()).contains("工会工作人员、审核员");
        assertThat(jdbc.sql("select role || ' ' || array_to_string(extra_roles, ',') from identity.account where username = ?")
                .param(username).query(String.class).single()).isEqualTo("UNION_STAFF REVIEWER");

        new Select(browser.findElement(By.id("account-role"))).selectByValue("MEMBER");
        assertThat(browser.findElement(By.id("account-extra-roles")).isDisplayed()).as("a member holds no further role").isFalse();
    }

    @Test
    void theLoginPageListsEveryDemoAccountInDemoMode() {
        browser.get(session.url("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-hint")));
        List<String> listed = browser.findElements(By.cssSelector("#demo-accounts code")).stream().map(WebElement::getText).toList();
        assertThat(listed).contains("demo-admin", "demo-admin2", "demo-reviewer", "demo-reviewer2", "demo-finance",
                "demo-finance-checker", "demo-wuhan", "demo-jingmen", "demo-unit", "demo-member", "demo-hospital", "demo-hospital2");
    }

    // ---- helpers ----------------------------------------------------------------------------

    private record Account(long id, String username, String password) {
    }

    private Account account(String role) {
        String name = role.toLowerCase().replace('_', '-') + "-" + ThreadLocalRandom.current().nextInt(1_000_000_000);
        Answer created = post("demo-admin", "/api/v1/accounts", JSON.writeValueAsString(Map.of("username", name,
                "displayName", "浏览器测试", "role", role, "orgNodeId", organisationIdsByName().get("武汉市总工会"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Account(created.json().path("account").path("id").asLong(), name, created.field("initialPassword"));
    }

    private void logInWith(String user, String password) {
        browser.get(session.url("/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-submit")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
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

    private java.net.http.HttpRequest.Builder basic(String user, String password, String path, String json) {
        return java.net.http.HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json));
    }
}
