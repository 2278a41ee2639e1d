package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.shared.IdNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The console in a real headless Chromium (Debian's, with its own chromedriver; nothing is
 * downloaded): logging in, the organisation tree and unit search, a roster upload followed to
 * its result, what a worker may see, and field errors shown next to their fields. What the
 * page shows is checked against what the API answers the same user.
 */
class ConsoleBrowserTest extends BrowserTest {

    @Test
    void wrongPasswordShowsTheChineseErrorOnTheLoginPage() {
        browser.get(url("/login"));
        WebElement error = browser.findElement(By.id("login-error"));
        assertThat(error.isDisplayed()).isFalse();

        browser.findElement(By.id("username")).sendKeys("demo-admin");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("login-submit")).click();

        wait.until(ExpectedConditions.urlContains("/login?error"));
        error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(error.getText()).isEqualTo("用户名或密码错误");
        browser.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void theConsoleTakesTheBusinessDateFromTheServerNotFromTheBrowser() {
        // Three days ahead of any browser clock on Earth: only the server can have told the page this date.
        testClock.advance(java.time.Duration.ofDays(3));
        LocalDate serverToday = today();
        String browserToday = (String) browser.executeScript(
                "const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;");
        assertThat(browserToday).isNotEqualTo(serverToday.toString());

        logIn("demo-admin");
        browser.get(url("/#enrol"));
        WebElement paidOn = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("enrol-paid-on")));

        assertThat(paidOn.getDomAttribute("max")).isEqualTo(serverToday.toString());
        assertThat(get("demo-admin", "/api/v1/me").field("today")).isEqualTo(serverToday.toString());
    }

    @Test
    void administratorSeesTheOrganisationTreeAndSearchesUnits() throws IOException {
        logIn("demo-admin");
        JsonNode me = get("demo-admin", "/api/v1/me").json();
        assertThat(text("user-name")).isEqualTo(me.path("displayName").asString());
        assertThat(text("user-role")).isEqualTo(me.path("roleName").asString());

        WebElement tree = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("org-tree")));
        WebElement province = tree.findElement(By.xpath("./li[.//span[@class='node-name' and text()='湖北省总工会']]"));
        List<String> cities = province.findElements(By.cssSelector(":scope > ul > li.level-CITY > .node .node-name"))
                .stream().map(WebElement::getText).toList();
        assertThat(cities).contains("武汉市总工会");
        List<String> wuhanCounties = province.findElements(By.xpath(
                "./ul/li[.//span[text()='武汉市总工会']]/ul/li[contains(@class,'level-COUNTY')]//span[@class='node-name']"))
                .stream().map(WebElement::getText).toList();
        assertThat(wuhanCounties).as("other tests and the division file may add counties").contains("江岸区总工会", "武昌区总工会", "洪山区总工会");

        List<String> allUnits = waitForUnitNames();
        WebElement name = browser.findElement(By.id("unit-search-name"));
        name.sendKeys("江岸");
        browser.findElement(By.id("unit-search")).click();
        wait.until(d -> unitNames().stream().allMatch(n -> n.contains("江岸")) && unitNames().size() < allUnits.size());

        List<String> expected = new ArrayList<>();
        get("demo-admin", "/api/v1/units?name=" + java.net.URLEncoder.encode("江岸", StandardCharsets.UTF_8))
                .json().forEach(u -> expected.add(u.path("name").asString()));
        assertThat(expected).isNotEmpty();
        assertThat(unitNames()).containsExactlyInAnyOrderElementsOf(expected);

        name.clear();
        browser.findElement(By.id("unit-search")).click();
        wait.until(d -> unitNames().size() == allUnits.size());
        assertThat(browser.findElement(By.cssSelector("#units-table thead")).isDisplayed()).isTrue();
        screenshot("console.png");

        session.phone();
        wait.until(d -> !browser.findElement(By.cssSelector("#units-table thead")).isDisplayed());
        WebElement nav = browser.findElement(By.id("nav"));
        assertThat(nav.getRect().getWidth()).as("navigation runs across the top on a phone").isGreaterThan(nav.getRect().getHeight());
        screenshot("console-phone.png");
        session.desktop();
    }

    @Test
    void unitOperatorUploadsARosterAndFollowsTheImportToItsResult() throws IOException {
        logIn("demo-unit");
        long unitId = get("demo-unit", "/api/v1/me").json().path("unitId").asLong();
        browser.findElement(By.id("nav-import")).click();
        WebElement unit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-unit")));
        assertThat(unit.getDomProperty("value")).isEqualTo(String.valueOf(unitId));

        LocalDate paidOn = today.minusDays(1);
        List<String> valid = List.of(anIdNumber(), anIdNumber(), anIdNumber());
        String bad = badCheckCharacter(anIdNumber());
        String csv = "姓名,身份证号码,手机号码,就业形态,保障方案,份数,缴费日期\n"
                + "浏览器甲," + valid.get(0) + ",13900000001,REGULAR,BASIC,1," + paidOn + "\n"
                + "浏览器乙," + valid.get(1) + ",13900000002,REGULAR,HOSPITAL+ACCIDENT,2," + paidOn + "\n"
                + "浏览器丙," + valid.get(2) + ",,NEW_FORM,BASIC,1," + paidOn + "\n"
                + "浏览器丁," + bad + ",13900000004,REGULAR,BASIC,1," + paidOn + "\n";
        Path file = Files.createTempFile(Files.createDirectories(Browser.TMP), "roster-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        browser.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("import-submit")).click();

        WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#import-status:not([data-status=RUNNING])")));
        assertThat(status.getDomAttribute("data-status")).isEqualTo("DONE");
        assertThat(text("import-accepted")).isEqualTo("3");
        assertThat(text("import-rejected-count")).isEqualTo("1");
        assertThat(text("import-rows")).isEqualTo("4");
        assertThat(text("import-processed")).contains("4 / 4");
        assertThat(browser.findElement(By.cssSelector("#import-status [role=progressbar]")).getDomAttribute("aria-valuenow"))
                .isEqualTo("100");

        List<List<String>> shownErrors = browser.findElements(By.cssSelector("#import-errors tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
        assertThat(shownErrors).hasSize(1);
        assertThat(shownErrors.getFirst().get(0)).as("row of the bad line, counting the header as row 1").isEqualTo("5");
        assertThat(shownErrors.getFirst().get(1)).as("the worker's name beside the row").isEqualTo("浏览器丁");
        assertThat(shownErrors.getFirst().get(2)).isEqualTo("身份证号码");

        JsonNode view = get("demo-unit", "/api/v1/roster-imports/" + status.getDomAttribute("data-id")).json();
        JsonNode apiError = view.path("errors").get(0);
        assertThat(shownErrors.getFirst().get(3)).isEqualTo(apiError.path("message").asString()).isNotBlank();
        assertThat(view.path("accepted").asInt()).isEqualTo(3);
        for (String idNumber : valid) {
            assertThat(get("demo-unit", "/api/v1/members?idNumber=" + idNumber).json()).as(idNumber).hasSize(1);
        }
    }

    @Test
    void workerSeesOnlyTheirOwnRecordAndNoLedger() {
        logIn("demo-member");
        JsonNode self = get("demo-member", "/api/v1/members").json();
        assertThat(self).hasSize(1);
        long memberId = self.get(0).path("id").asLong();
        int enrolments = get("demo-member", "/api/v1/members/" + memberId + "/enrolments").json().size();

        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-name")));
        assertThat(name.getText()).isEqualTo(self.get(0).path("name").asString());
        assertThat(browser.findElement(By.id("section-members")).getText())
                .contains(self.get(0).path("maskedIdNumber").asString());
        wait.until(d -> d.findElements(By.cssSelector("#member-enrolments .enrolment")).size() == enrolments);
        assertThat(navSections()).containsExactly("members", "apply", "claims", "inbox", "account");
        assertThat(browser.findElements(By.id("member-search"))).isEmpty();
        assertThat(browser.findElements(By.id("member-form"))).isEmpty();
        assertThat(browser.findElements(By.id("verify-member"))).isEmpty();

        browser.get(url("/#ledger"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-name")));
        assertThat(browser.findElements(By.id("section-ledger"))).isEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("试算平衡");

        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-logout")));
        browser.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void aBadIdNumberIsShownNextToItsField() {
        logIn("demo-unit");
        browser.findElement(By.id("nav-members")).click();
        WebElement idInput = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-id-input")));
        String bad = badCheckCharacter(anIdNumber());
        browser.findElement(By.id("member-name-input")).sendKeys("校验测试");
        idInput.sendKeys(bad);
        browser.findElement(By.id("member-phone-input")).sendKeys("13912345678");
        browser.findElement(By.id("member-submit")).click();

        WebElement idError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#member-form [data-error-for=idNumber]")));
        Answer api = post("demo-unit", "/api/v1/members",
                "{\"name\":\"校验测试\",\"idNumber\":\"" + bad + "\",\"phone\":\"13912345678\",\"employmentForm\":\"REGULAR\"}");
        assertThat(api.status()).isEqualTo(400);
        String expected = null;
        for (JsonNode e : api.json().path("errors")) {
            if (e.path("field").asString().equals("idNumber")) expected = e.path("message").asString();
        }
        assertThat(expected).isNotBlank();
        assertThat(idError.getText()).isEqualTo(expected);
        WebElement idField = idInput.findElement(By.xpath("./ancestor::div[contains(@class,'field')][1]"));
        assertThat(idField.findElement(By.cssSelector(".field-error")).getText()).isEqualTo(expected);
        assertThat(idInput.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector("#member-form [data-error-for=phone]")).getText()).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#member-form [data-error-for=name]")).getText()).isEmpty();
    }

    @ParameterizedTest(name = "{0} sees {1}")
    @CsvSource({
            "demo-admin,    org members enrol import transfers refunds renewal expiring apply claims review hospitals workload audits payouts bills ledger statistics targets reports templates campaigns deliveries inbox orgadmin accounts oplog loginlog account",
            "demo-reviewer, org members claims review workload audits statistics templates deliveries inbox account",
            "demo-finance,  org members claims audits payouts bills ledger statistics reports inbox account",
            "demo-wuhan,    org members enrol import transfers refunds renewal expiring apply claims hospitals workload bills statistics targets reports templates campaigns deliveries inbox orgadmin accounts oplog loginlog account",
            "demo-unit,     org members enrol import transfers refunds renewal expiring apply claims bills statistics reports inbox account",
            "demo-member,   members apply claims inbox account",
    })
    void navigationOffersOnlyTheSectionsTheRoleMayUse(String user, String sections) {
        logIn(user);
        assertThat(navSections()).containsExactly(sections.trim().split("\\s+"));
    }

    // ---------- helpers ----------

    private String url(String path) {
        return session.url(path);
    }

    private void logIn(String user) {
        session.logIn(user);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private List<String> navSections() {
        return session.navSections();
    }

    /** Read in one script call, so that a table redrawn meanwhile cannot leave stale elements. */
    @SuppressWarnings("unchecked")
    private List<String> unitNames() {
        return (List<String>) browser.executeScript(
                "return [...document.querySelectorAll('#units-table tbody tr td:first-child')].map(td => td.textContent.trim())");
    }

    private List<String> waitForUnitNames() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#units-table tbody tr")));
        return unitNames();
    }

    private void screenshot(String name) throws IOException {
        session.screenshot(name);
    }

    /** A valid, most likely unused 18-digit ID number of someone born 1975–1995 in 江岸区. */
    private static String anIdNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1975, 1, 1).plusDays(random.nextInt(20 * 365));
        String first17 = "420102" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1, 1000));
        return first17 + IdNumber.checkCharacter(first17);
    }

    /** The same number with a wrong check character. */
    private static String badCheckCharacter(String idNumber) {
        char right = idNumber.charAt(17);
        char wrong = right == '0' ? '1' : '0';
        return idNumber.substring(0, 17) + wrong;
    }
}
