package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The console's notification screens in a real Chromium: the administrator edits a template with
 * variable chips and a live preview whose 短信条数 follows the text past 70 characters, sees a bad
 * body refused at its field, and saves a new version; city union staff read the delivery statistics
 * and a member's 通知记录 and record the member's written consent to publicity; a worker reads 我的消息
 * and the bell's count drops. Each screen is photographed at 1366 px and on a 390 px phone.
 */
class NotificationsBrowserTest extends BrowserTest {

    @Test
    void theAdministratorEditsATemplateWatchesItsSegmentsGrowAndSavesANewVersion() throws IOException {
        String code = "BROWSER_" + ThreadLocalRandom.current().nextInt(1_000_000);
        Answer created = post("demo-admin", "/api/v1/notification-templates/" + code + "/versions", JSON.writeValueAsString(Map.of(
                "name", "浏览器测试宣传", "purpose", "PUBLICITY", "body", "{name}您好，新一年职工互助保障开始办理。", "note", "新增")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        session.logIn("demo-admin");
        desktop();
        browser.findElement(By.id("nav-templates")).click();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#templates-table tr[data-code='" + code + "']")));
        assertThat(row.getText()).contains("浏览器测试宣传", code, "宣传", "短信 · 站内", "v1");
        row.findElement(By.cssSelector("button")).click();
        WebElement body = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("template-body")));
        wait.until(ExpectedConditions.textToBe(By.id("preview-segments"), "1"));
        String shortSms = text("preview-sms");
        assertThat(shortSms).startsWith("【职工互助】林阳秀您好").endsWith("回复TD退订");
        assertThat(text("preview-length")).isEqualTo(String.valueOf(shortSms.length()));

        browser.executeScript("const t = arguments[0]; t.setSelectionRange(t.value.length, t.value.length);", body);
        body.sendKeys("详情请致电");
        browser.findElement(By.cssSelector("#template-variables [data-variable='hotline']")).click();
        body.sendKeys("，或登录掌上办查看参保办法、所需材料和常见问题，欢迎全体职工踊跃参加。");
        String longBody = body.getDomProperty("value");
        assertThat(longBody).contains("详情请致电{hotline}，或登录");
        wait.until(ExpectedConditions.textToBe(By.id("preview-segments"), "2"));
        JsonNode expected = post("demo-admin", "/api/v1/notification-templates/preview",
                JSON.writeValueAsString(Map.of("body", longBody, "purpose", "PUBLICITY"))).json();
        assertThat(expected.path("length").asInt()).isGreaterThan(70);
        assertThat(text("preview-length")).isEqualTo(expected.path("length").asString());
        assertThat(text("preview-sms")).isEqualTo(expected.path("sms").asString()).contains("12351");
        screenshot("templates-editor.png");

        body.sendKeys("【活动】");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-problems"), "签名由系统自动添加"));
        browser.findElement(By.id("template-save")).click();
        WebElement bodyError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#template-form [data-error-for='body']")));
        assertThat(bodyError.getText()).contains("签名由系统自动添加");
        assertThat(body.getDomAttribute("aria-invalid")).isEqualTo("true");

        browser.executeScript("const t = arguments[0]; t.value = t.value.replace('【活动】', ''); t.dispatchEvent(new Event('input'));", body);
        wait.until(ExpectedConditions.textToBe(By.id("preview-problems"), ""));
        browser.findElement(By.id("template-note")).sendKeys("加上咨询电话与掌上办");
        browser.findElement(By.id("template-save")).click();
        WebElement second = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#template-versions li[data-version='2']")));
        assertThat(second.getText()).contains("demo-admin", "加上咨询电话与掌上办");
        assertThat(browser.findElements(By.cssSelector("#template-versions li"))).hasSize(2);
        JsonNode versions = get("demo-admin", "/api/v1/notification-templates/" + code).json();
        assertThat(versions.get(0).path("version").asInt()).isEqualTo(2);
        assertThat(versions.get(0).path("body").asString()).isEqualTo(longBody);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#templates-table tr[data-code='" + code + "']"), "v2"));
        screenshot("templates.png");
        phoneShot("templates-list-phone.png", "templates-table");
        phoneShot("templates-editor-phone.png", "template-card");
        phoneShot("templates-preview-phone.png", "template-preview");
        phoneShot("templates-versions-phone.png", "template-versions");
    }

    @Test
    void reviewersReadTemplatesWithoutAnEditor() {
        session.logIn("demo-reviewer");
        browser.findElement(By.id("nav-templates")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#templates-table tr[data-code='CLAIM_RECEIVED'] button"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("preview-segments"), "1"));
        assertThat(text("template-body-text")).isEqualTo(get("demo-reviewer", "/api/v1/notification-templates/CLAIM_RECEIVED")
                .json().get(0).path("body").asString());
        assertThat(browser.findElements(By.id("template-form"))).isEmpty();
        assertThat(browser.findElements(By.id("template-save"))).isEmpty();
    }

    @Test
    void cityStaffSeeDeliveryStatisticsAndAMembersMessagesAndRecordConsent() throws IOException {
        Answer registered = post("demo-wuhan", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "通知浏览器",
                "idNumber", newIdNumber(LocalDate.of(1988, 6, 1), 'F'), "employmentForm", "REGULAR",
                "unitId", newUnit("江岸区总工会"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        String path = jdbc.sql("select org_path from membership.member where id = ?").param(member).query(String.class).single();
        long delivered = message(member, path, "SMS", "DELIVERED", null);
        long failed = message(member, path, "SMS", "FAILED", "空号或停机");
        message(member, path, "INBOX", "DELIVERED", null);

        session.logIn("demo-wuhan");
        desktop();
        browser.findElement(By.id("nav-deliveries")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deliveries-days")));
        JsonNode statistics = get("demo-wuhan", "/api/v1/notifications/statistics").json();
        assertThat(browser.findElement(By.id("deliveries-from")).getDomProperty("value")).isEqualTo(statistics.path("from").asString());
        assertThat(browser.findElement(By.id("deliveries-to")).getDomProperty("value")).isEqualTo(today.toString());
        long sms = 0;
        long inbox = 0;
        for (JsonNode r : statistics.path("rows")) {
            if (r.path("channel").asString().equals("SMS")) sms += r.path("messages").asLong();
            else inbox += r.path("messages").asLong();
        }
        assertThat(sms).isGreaterThanOrEqualTo(2);
        assertThat(text("deliveries-total-sms")).isEqualTo(String.valueOf(sms));
        assertThat(text("deliveries-total-inbox")).isEqualTo(String.valueOf(inbox));
        assertThat(browser.findElement(By.id("deliveries-offices")).getText()).contains("江岸区总工会");
        assertThat(browser.findElement(By.id("deliveries-days")).getText()).contains(today.toString());
        screenshot("deliveries.png");
        phoneShot("deliveries-phone.png", "section-deliveries");
        phoneShot("deliveries-days-phone.png", "deliveries-days");
        desktop();

        browser.executeScript("document.getElementById('deliveries-from').value = arguments[0];"
                + "document.getElementById('deliveries-to').value = arguments[1];", today.toString(), today.minusDays(1).toString());
        // the phone screenshots left the page scrolled: bring the button out from under the sticky header
        var search = browser.findElement(By.id("deliveries-search"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", search);
        search.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-error-for='from']"), "开始日期不能晚于结束日期"));

        browser.get(session.url("/#members?id=" + member));
        wait.until(d -> d.findElements(By.cssSelector("#member-messages tbody tr")).size() == 3);
        WebElement failedRow = browser.findElement(By.cssSelector("#member-messages tr[data-id='" + failed + "']"));
        assertThat(failedRow.getText()).contains("短信", "申领已受理", "发送失败", "空号或停机", "139****0077");
        assertThat(browser.findElement(By.cssSelector("#member-messages tr[data-id='" + delivered + "']")).getText()).contains("已送达");
        assertThat(text("member-consent-state")).isEqualTo("不接收宣传推广信息");
        browser.findElement(By.id("member-consent-change")).click();
        WebElement save = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("member-consent-save")));
        assertThat(save.isEnabled()).as("written consent must be confirmed first").isFalse();
        browser.findElement(By.id("member-consent-confirm")).click();
        save.click();
        wait.until(ExpectedConditions.textToBe(By.id("member-consent-state"), "接收宣传推广信息"));
        JsonNode preferences = get("demo-wuhan", "/api/v1/members/" + member + "/notification-preferences").json();
        assertThat(preferences.path("publicity").asBoolean()).isTrue();
        assertThat(preferences.path("source").asString()).isEqualTo("STAFF");
        screenshot("member-messages.png");
        phoneShot("member-messages-phone.png", "member-messages-card");
        phoneShot("member-consent-phone.png", "member-consent-card");
    }

    @Test
    void aWorkerReadsMyMessagesAndTheBellCountDrops() throws IOException {
        long member = get("demo-member", "/api/v1/members").json().get(0).path("id").asLong();
        String path = jdbc.sql("select org_path from membership.member where id = ?").param(member).query(String.class).single();
        message(member, path, "INBOX", "DELIVERED", null);
        long newest = message(member, path, "INBOX", "DELIVERED", null);
        long unread = get("demo-member", "/api/v1/inbox/unread").json().path("unread").asLong();
        assertThat(unread).isGreaterThanOrEqualTo(2);

        session.logIn("demo-member");
        desktop();
        wait.until(ExpectedConditions.textToBe(By.id("inbox-unread"), shown(unread)));
        assertThat(browser.findElement(By.id("nav-inbox")).getText()).isEqualTo("我的消息");
        browser.findElement(By.id("inbox-bell")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#section-inbox h1"), "我的消息"));
        WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox-list li[data-id='" + newest + "']")));
        assertThat(item.getDomAttribute("class")).contains("unread");
        screenshot("inbox.png");
        phoneShot("inbox-phone.png", "section-inbox");
        desktop();

        item.findElement(By.cssSelector("button")).click();
        wait.until(d -> !d.findElement(By.cssSelector("#inbox-list li[data-id='" + newest + "']")).getDomAttribute("class").contains("unread"));
        wait.until(ExpectedConditions.textToBe(By.id("inbox-unread"), shown(unread - 1)));
        assertThat(get("demo-member", "/api/v1/inbox/unread").json().path("unread").asLong()).isEqualTo(unread - 1);

        browser.findElement(By.id("inbox-read-all")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("inbox-unread")));
        assertThat(browser.findElements(By.cssSelector("#inbox-list li.unread"))).isEmpty();
        assertThat(get("demo-member", "/api/v1/inbox/unread").json().path("unread").asLong()).isZero();
    }

    // ---------- helpers ----------

    /** A message to the member as the notifications module writes it (申领已受理, now by the application's clock). */
    private long message(long member, String scopePath, String channel, String status, String failureReason) {
        Instant now = testClock.instant();
        boolean sms = channel.equals("SMS");
        return jdbc.sql("""
                insert into notifications.message (dedup_key, channel, template_code, template_version, purpose, member_id, scope_path,
                    phone_masked, title, body, segments, status, not_before, expires_at, created_at, sent_at, done_at,
                    failure_code, failure_reason)
                values (:key, :channel, 'CLAIM_RECEIVED', 1, 'TRANSACTIONAL', :member, :scope, :masked, '申领已受理', :body, :segments,
                    :status, :now, :expires, :now, :sent, :done, :code, :reason)
                returning id""")
                .param("key", "browser-test|" + UUID.randomUUID()).param("channel", channel).param("member", member)
                .param("scope", scopePath).param("masked", sms ? "139****0077" : null)
                .param("body", (sms ? "【职工互助】" : "") + "您好，您的互助金申领（CLM-2026-000123）已受理，材料齐全后7个工作日内办结。")
                .param("segments", sms ? 1 : 0).param("status", status).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plusSeconds(86_400))).param("sent", sms ? Timestamp.from(now) : null)
                .param("done", Timestamp.from(now)).param("code", failureReason == null ? null : "UNDELIVERABLE")
                .param("reason", failureReason)
                .query(Long.class).single();
    }

    /** The bell's figure: the count, capped. */
    private static String shown(long unread) {
        return unread > 99 ? "99+" : String.valueOf(unread);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Back to 1366 px, at the top of the page (a phone screenshot leaves it scrolled, with controls under the sticky header). */
    private void desktop() {
        session.desktop();
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.executeScript("window.scrollTo(0, 0)");
    }

    /** On a 390 px phone, what one sees with the element at the top, below the sticky header and navigation. */
    private void phoneShot(String name, String elementId) throws IOException {
        session.phone();
        browser.executeScript("document.getElementById(arguments[0]).scrollIntoView({ block: 'start' }); window.scrollBy(0, -120);", elementId);
        session.screenshot("notifications-" + name);
    }

    private void screenshot(String name) throws IOException {
        session.fullPageScreenshot("notifications-" + name);
    }
}
