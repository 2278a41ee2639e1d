package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * 缴费真实性 in a real headless Chromium: the enrolment form's payment date starts empty; an administrator finds a
 * back-dated declaration (made by 武汉 staff) and a declared payment the bank has not shown on the bills page (loading
 * more of each list until they show), confirms the declaration, and opens the bills: the receiving account, the transfer
 * reference, the workers by name, the unconfirmed warning and the document downloads. Finance's two lists show a page at
 * a time under their whole count and sum. Screenshots payment-truth-*.png at 390 and 1366 px, and the payment notice
 * rendered to payment-notice.png.
 */
class PaymentTruthBrowserTest extends BrowserTest {

    @Test
    void financeConfirmsABackDatedDeclarationAndTheBillsSayWhereToPayAndWhatTheBankHasShown() throws Exception {
        long unit = newUnit("江岸区总工会");
        long late = enrolled(unit, "到账待查", null);
        testClock.advance(Duration.ofDays(21));   // three weeks on, the bank has not shown the money declared then
        LocalDate today = today();
        long held = enrolled(unit, "补报缴费", today.minusDays(12));
        long heldBill = get("demo-admin", "/api/v1/enrolments/" + held).json().path("billId").asLong();
        long lateBill = get("demo-admin", "/api/v1/enrolments/" + late).json().path("billId").asLong();

        session.logIn("demo-admin");
        browser.get(session.url("/#enrol"));
        WebElement paidOn = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("enrol-paid-on")));
        assertThat(paidOn.getDomProperty("value")).as("no default payment date").isEmpty();

        long declaration = get("demo-finance", "/api/v1/payment-declarations?billId=" + heldBill).json().get(0).path("id").asLong();

        browser.get(session.url("/#bills"));
        pages.showRowOf("pending-declarations", "HZB-" + heldBill);
        String row = browser.findElement(By.id("pending-declarations")).getText();
        assertThat(row).contains("HZB-" + heldBill, "早 12 天", "demo-wuhan");
        pages.showRowOf("unconfirmed-payments", "HZB-" + lateBill);
        session.phoneAndDesktopScreenshots("payment-truth-finance");

        WebElement pending = browser.findElement(By.cssSelector("#pending-declarations tr[data-id='" + declaration + "'] button[data-confirm]"));
        pending.click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.stalenessOf(pending));
        JsonNode left = get("demo-admin", "/api/v1/payment-declarations/summary").json();
        wait.until(ExpectedConditions.textToBe(By.id("pending-declarations-total"), heading("待确认的补报缴费", left)));
        assertThat(pages.rows("pending-declarations")).as("the list again from its first page").isEqualTo(Math.min(PAGE, left.path("count").asInt()));
        JsonNode inForce = get("demo-admin", "/api/v1/enrolments/" + held).json();
        assertThat(inForce.path("status").asString()).isEqualTo("IN_FORCE");
        assertThat(inForce.path("coverages").get(0).path("from").asString()).isEqualTo(today.minusDays(11).toString());

        browser.get(session.url("/#bills?id=" + lateBill));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bill-unconfirmed")));
        assertThat(browser.findElement(By.id("bill-confirmation")).getText()).isEqualTo("未确认到账");
        assertThat(browser.findElement(By.id("receiving-number")).getText()).isEqualTo("3202000109200088888");
        assertThat(browser.findElement(By.id("receiving-name")).getText()).isEqualTo("湖北省总工会职工互助保障资金专户");
        assertThat(browser.findElement(By.id("transfer-reference")).getText()).isEqualTo("HZB-" + lateBill);
        assertThat(browser.findElement(By.id("bill-lines")).getText()).contains("到账待查").doesNotContain("职工 #");
        assertThat(browser.findElement(By.id("download-notice")).getDomAttribute("href")).isEqualTo("/api/v1/bills/" + lateBill + "/payment-notice.pdf");
        assertThat(browser.findElement(By.id("download-receipt")).getDomAttribute("href")).isEqualTo("/api/v1/bills/" + lateBill + "/receipt.pdf");
        assertThat(browser.findElement(By.id("download-insured-list")).getDomAttribute("href")).isEqualTo("/api/v1/units/" + unit + "/insured-list.pdf");
        session.phoneAndDesktopScreenshots("payment-truth-bill");

        browser.get(session.url("/#bills?id=" + heldBill));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bill-declarations"), "财务已确认"));
        assertThat(browser.findElement(By.id("bill-confirmation")).getText()).isEqualTo("待银行流水确认");
        session.assertAccessible("bill with receiving account", List.of("#bill-truth"));

        renderNotice(lateBill);
    }

    /**
     * Each of finance's lists shows a page of 50 under a heading that counts and adds up the whole list, says how many it
     * shows, and 加载更多 appends the next page: the rows the API lists after the first 50. More than a page of each is made
     * here, whatever the tests before left. Screenshots payment-truth-pages-*.png (the page's top) and
     * payment-truth-more-*.png (the first list's foot), at 390 and 1366 px.
     */
    @Test
    void financeSeesEachListsTrueCountAndSumAndLoadsTheNextPage() throws Exception {
        long unit = newUnit("江岸区总工会");
        for (int i = 0; i <= PAGE; i++) {
            enrolled(unit, "分页到账", null);
            enrolled(unit, "分页补报", today.minusDays(8 + i % 20));
        }
        testClock.advance(Duration.ofDays(21));   // the money declared today: not shown by the bank three weeks on

        session.logIn("demo-finance");
        browser.get(session.url("/#bills"));
        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("pending-declarations", "/api/v1/payment-declarations");
        lists.put("unconfirmed-payments", "/api/v1/unconfirmed-payments");
        for (var list : lists.entrySet()) {
            String id = list.getKey();
            JsonNode summary = get("demo-finance", list.getValue() + "/summary").json();
            String title = id.equals("pending-declarations") ? "待确认的补报缴费" : "未到账确认";
            pages.assertFirstPage(id, heading(title, summary), ids(list.getValue() + "?limit=" + PAGE, id));
        }
        session.phoneAndDesktopScreenshots("payment-truth-pages");
        pages.footScreenshots("pending-declarations-more", "payment-truth-more");

        for (var list : lists.entrySet()) {
            String id = list.getKey();
            int total = get("demo-finance", list.getValue() + "/summary").json().path("count").asInt();
            pages.assertNextPage(id, total, ids(list.getValue() + "?limit=" + PAGE + "&offset=" + PAGE, id));
        }
        session.assertAccessible("finance's lists, two pages each", List.of("#payment-truth"));
    }

    private static final int PAGE = PagedLists.PAGE;

    /**
     * A list's heading: its title, and the whole list's count and sums as its summary gives them, grouped by thousands;
     * 未到账确认's the declared amounts and what the bank has not shown of them.
     */
    private static String heading(String title, JsonNode summary) {
        String sums = summary.has("outstanding")
                ? "申报合计 " + yuan(summary.path("amount")) + "，未到账 " + yuan(summary.path("outstanding"))
                : "合计 " + yuan(summary.path("amount"));
        return PagedLists.heading(title, summary, sums);
    }

    private static String yuan(JsonNode amount) {
        return "¥" + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(new BigDecimal(amount.asString()));
    }

    /** The ids of the rows the API lists at {@code path} for demo-finance, as the console's rows carry them. */
    private List<Long> ids(String path, String list) {
        String key = list.equals("pending-declarations") ? "id" : "paymentId";
        List<Long> ids = new java.util.ArrayList<>();
        get("demo-finance", path).json().forEach(row -> ids.add(row.path(key).asLong()));
        return ids;
    }

    /** A worker of the unit enrolled by 武汉 staff in HOSPITAL, declared paid on {@code paidOn} (today when null). */
    private long enrolled(long unit, String name, LocalDate paidOn) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", name);
        person.put("idNumber", newIdNumber(LocalDate.of(1983, 3, 3), 'M'));
        person.put("employmentForm", "REGULAR");
        person.put("unitId", unit);
        Answer registered = post("demo-wuhan", "/api/v1/members", JSON.writeValueAsString(person));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Answer enrolled = post("demo-wuhan", "/api/v1/enrolments", JSON.writeValueAsString(Map.of("unitId", unit,
                "memberId", registered.json().path("id").asLong(), "items", List.of(Map.of("item", "HOSPITAL", "shares", 1)),
                "paidOn", (paidOn == null ? today() : paidOn).toString())));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        return enrolled.json().path("id").asLong();
    }

    /** The bill's payment notice as finance downloads it, its first page rendered to payment-notice.png to be looked at. */
    private void renderNotice(long billId) throws IOException, InterruptedException {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/bills/" + billId + "/payment-notice.pdf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-finance:demo-finance".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
            Files.createDirectories(Browser.SCREENSHOTS);
            ImageIO.write(page, "png", Browser.SCREENSHOTS.resolve("payment-notice.png").toFile());
        }
    }
}
