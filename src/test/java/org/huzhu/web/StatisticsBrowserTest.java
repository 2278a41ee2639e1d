package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * 统计看板, 目标管理 and 统计报表 in a real Chromium: the charts are drawn, every table beside a chart shows the API's numbers
 * for the same office and period, the league table sorts by any column, a figure opens the list behind it, and a target
 * set by the province moves a city's share — as the province (demo-admin) and as a city (demo-wuhan), at 1366 px and on a
 * 390 px phone.
 */
class StatisticsBrowserTest extends BrowserTest {

    private static final String DASHBOARD = "/api/v1/reporting/dashboard";

    @Test
    void theProvinceSeesItsFiguresChartedWithTheirNumbersSortsTheLeagueAndDrillsDown() throws IOException {
        JsonNode board = get("demo-admin", DASHBOARD).json();
        session.logIn("demo-admin");
        browser.manage().window().setSize(new Dimension(1366, 900));
        assertThat((Boolean) browser.executeScript("return !window.echarts && !document.querySelector('script[src=\"/vendor/echarts.min.js\"]')"))
                .as("the chart library is loaded by the statistics screens only").isTrue();
        openDashboard();

        assertThat(shownPeriod()).isEqualTo(board.path("period").path("from").asString() + "/" + board.path("period").path("to").asString());
        assertThat(browser.findElement(By.id("statistics-year")).getDomProperty("value"))
                .as("the year comes from the server's answer, not the browser's clock").isEqualTo(board.path("period").path("from").asString().substring(0, 4));
        assertChartsDrawn();
        assertTablesMatch(board);

        sortsTheLeague(board, "personTimes");
        sortsTheLeague(board, "paidAmount");

        click(By.cssSelector("#statistics-enrolment [data-figure='personTimes']"));
        JsonNode list = get("demo-admin", "/api/v1/reporting/drilldown?figure=personTimes&limit=20&offset=0&office="
                + board.path("office").path("id").asLong() + "&from=" + board.path("period").path("from").asString()
                + "&to=" + board.path("period").path("to").asString()).json();
        wait.until(d -> !d.findElements(By.id("drilldown")).isEmpty() && d.findElements(By.cssSelector("#drilldown .loading")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#drilldown-total, #drilldown-empty")))
                .as("%s %s", browser.findElement(By.id("drilldown")).getText(), browser.findElements(By.cssSelector(".toasts")).stream()
                        .map(WebElement::getText).toList()).isNotEmpty();
        if (list.path("total").asLong() > 0) {
            assertThat(browser.findElement(By.id("drilldown-total")).getDomAttribute("data-total")).isEqualTo(list.path("total").asString());
            assertThat(browser.findElements(By.cssSelector("#drilldown-table tbody tr"))).hasSize(list.path("rows").size());
            assertThat(browser.findElement(By.id("drilldown-table")).getText()).doesNotContainPattern("\\d{17}[\\dX]");
        } else {
            assertThat(browser.findElement(By.id("drilldown-empty")).getText()).isEqualTo("没有符合条件的记录");
        }
        session.phoneAndDesktopScreenshots("statistics-drilldown");
        session.desktop();
        click(By.id("drilldown-close"));

        choosePeriod(board.path("period").path("from").asString().substring(0, 4) + "-01",
                board.path("period").path("from").asString().substring(0, 4) + "-06");
        JsonNode half = get("demo-admin", DASHBOARD + "?from=" + board.path("period").path("from").asString().substring(0, 4) + "-01&to="
                + board.path("period").path("from").asString().substring(0, 4) + "-06").json();
        assertThat(shownPeriod()).endsWith("-06");
        assertChartsDrawn();
        assertTablesMatch(half);

        openDashboard();
        session.phoneAndDesktopScreenshots("statistics-province");
    }

    @Test
    void aReviewerSeesTheFiguresWithoutTheMoneyAndNoReports() throws IOException {
        JsonNode board = get("demo-reviewer", DASHBOARD).json();
        assertThat(board.path("money").isNull()).isTrue();
        session.logIn("demo-reviewer");
        browser.manage().window().setSize(new Dimension(1366, 900));
        openDashboard();
        assertThat(digits(card("statistics-enrolment", "personTimes"))).isEqualTo(board.path("enrolment").path("personTimes").asString());
        assertThat(browser.findElements(By.id("statistics-money"))).as("no 资金 section").isEmpty();
        assertThat(browser.findElements(By.cssSelector("#statistics-league th[data-sort='billed'], #statistics-league th[data-sort='lossRatio']")))
                .as("no money in the league").isEmpty();
        assertThat(browser.findElements(By.cssSelector("#statistics-league th[data-sort='paidAmount']"))).hasSize(1);
        assertThat(browser.findElements(By.id("nav-reports"))).as("统计报表 carries the money").isEmpty();
        session.phoneAndDesktopScreenshots("statistics-reviewer");
    }

    @Test
    void theProvinceSetsACitysTargetAndTheCitySeesItsShareMove() throws IOException {
        long wuhan = organisationIdsByName().get("武汉市总工会");
        JsonNode before = officeRow(get("demo-admin", DASHBOARD).json(), wuhan);
        long done = before.path("personTimes").asLong();
        long target = Math.max(10, done * 2) + (before.path("target").asLong(-1) == Math.max(10, done * 2) ? 7 : 0);

        session.logIn("demo-admin");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.findElement(By.id("nav-targets")).click();
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#targets-table tr[data-office='" + wuhan + "'] input[name='PERSON_TIMES']")));
        input.clear();
        input.sendKeys(Long.toString(target));
        click(By.cssSelector("#targets-table [data-save='" + wuhan + "']"));
        wait.until(d -> targetHeld(wuhan) == target);
        session.phoneAndDesktopScreenshots("statistics-targets");
        session.desktop();
        browser.manage().window().setSize(new Dimension(1366, 900));

        JsonNode after = officeRow(get("demo-admin", DASHBOARD).json(), wuhan);
        assertThat(after.path("target").asLong()).isEqualTo(target);
        assertThat(after.path("share").asDouble()).isCloseTo((double) done / target, org.assertj.core.data.Offset.offset(0.0001));
        openDashboard();
        WebElement row = browser.findElement(By.cssSelector("#statistics-offices-table tr[data-key='" + wuhan + "']"));
        assertThat(digits(row.findElement(By.cssSelector("[data-figure='target']")).getText())).isEqualTo(Long.toString(target));
        assertThat(row.findElement(By.cssSelector("[data-figure='share']")).getText()).isEqualTo(percent(after.path("share")));

        session.logIn("demo-wuhan");
        browser.manage().window().setSize(new Dimension(1366, 900));
        JsonNode city = get("demo-wuhan", DASHBOARD).json();
        assertThat(city.path("office").path("id").asLong()).isEqualTo(wuhan);
        assertThat(city.path("enrolment").path("target").path("personTimes").asLong()).isEqualTo(target);
        openDashboard();
        assertThat(browser.findElement(By.id("statistics-heading")).getText()).startsWith("武汉市总工会");
        assertChartsDrawn();
        assertTablesMatch(city);
        assertThat(browser.findElement(By.cssSelector("#statistics-targets-table tr[data-key='PERSON_TIMES'] [data-figure='share']")).getText())
                .isEqualTo(percent(city.path("enrolment").path("target").path("personTimesShare")));
        if (city.path("league").size() > 1) sortsTheLeague(city, "units");
        session.phoneAndDesktopScreenshots("statistics-city");
    }

    @Test
    void anOfficeGeneratesAMonthlyReportAndFindsItsDownloads() throws IOException {
        session.logIn("demo-wuhan");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.findElement(By.id("nav-reports")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#reports-table, #reports-empty")));
        int before = browser.findElements(By.cssSelector("#reports-table tbody tr")).size();
        assertThat(browser.findElement(By.id("reports-month")).getDomProperty("value")).isEqualTo(today.toString().substring(0, 7));
        click(By.id("reports-generate"));
        wait.until(d -> d.findElements(By.cssSelector("#reports-table tbody tr")).size() == before + 1);
        WebElement made = browser.findElement(By.cssSelector("#reports-table tbody tr"));
        assertThat(made.getText()).contains("月报", today.toString().substring(0, 7));
        String xlsx = made.findElement(By.cssSelector("a[data-file='xlsx']")).getDomAttribute("href");
        assertThat(get("demo-wuhan", xlsx).status()).isEqualTo(200);
        session.phoneAndDesktopScreenshots("statistics-reports");
    }

    /** Clicks an element brought to the middle of the window first (the sticky header covers the top). */
    private void click(By by) {
        click(browser.findElement(by));
    }

    private void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void openDashboard() {
        browser.findElement(By.id("nav-statistics")).click();
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#statistics-results[data-period]")));
    }

    private String shownPeriod() {
        return browser.findElement(By.id("statistics-results")).getDomAttribute("data-period");
    }

    private void choosePeriod(String from, String to) {
        String was = shownPeriod();
        browser.executeScript("const m = document.getElementById('statistics-mode'); m.value = 'months'; m.dispatchEvent(new Event('change'));"
                + "document.getElementById('statistics-from').value = arguments[0]; document.getElementById('statistics-to').value = arguments[1];",
                from, to);
        click(By.id("statistics-show"));
        wait.until(d -> !was.equals(shownPeriod()));
        assertThat(shownPeriod()).isEqualTo(from + "/" + to);
    }

    /** Every chart box of the dashboard holds ECharts' canvas. */
    private void assertChartsDrawn() {
        wait.until(d -> {
            List<WebElement> charts = d.findElements(By.cssSelector("#statistics-results .chart"));
            return !charts.isEmpty() && charts.stream().allMatch(c -> "yes".equals(c.getDomAttribute("data-drawn"))
                    && !c.findElements(By.tagName("canvas")).isEmpty());
        });
        assertThat(browser.findElements(By.cssSelector("#statistics-results .chart"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat((Boolean) browser.executeScript("return document.querySelectorAll('script[src=\"/vendor/echarts.min.js\"]').length === 1"))
                .isTrue();
    }

    /** The numbers beside the charts and in the league are the API's for the same office and period. */
    private void assertTablesMatch(JsonNode board) {
        JsonNode enrolment = board.path("enrolment");
        for (String figure : List.of("personTimes", "units", "newEnrolments", "renewals")) {
            assertThat(digits(card("statistics-enrolment", figure))).as(figure).isEqualTo(enrolment.path(figure).asString());
        }
        assertThat(digits(card("statistics-enrolment", "newFormPersonTimes"))).isEqualTo(enrolment.path("newFormPersonTimes").asString());
        for (String figure : List.of("filed", "approved", "rejected", "paid", "overdueNow")) {
            assertThat(digits(card("statistics-claims", figure))).as(figure).isEqualTo(board.path("claims").path(figure).asString());
        }
        assertThat(digits(card("statistics-claims", "paidAmount"))).isEqualTo(board.path("claims").path("paidAmount").asString());
        assertThat(digits(card("statistics-money", "outstanding"))).isEqualTo(board.path("money").path("outstanding").asString());

        // every month of the period up to the figures' month, those without enrolments as zeros
        Map<String, JsonNode> byMonth = new java.util.HashMap<>();
        enrolment.path("byMonth").forEach(m -> byMonth.put(m.path("month").asString(), m));
        YearMonth to = YearMonth.parse(board.path("period").path("to").asString());
        YearMonth latest = byMonth.keySet().stream().map(YearMonth::parse)
                .reduce(YearMonth.parse(board.path("asOf").asString().substring(0, 7)), (a, b) -> a.isAfter(b) ? a : b);
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.parse(board.path("period").path("from").asString()); !m.isAfter(latest.isBefore(to) ? latest : to);
             m = m.plusMonths(1)) {
            months.add(m.toString());
            WebElement row = browser.findElement(By.cssSelector("#statistics-trend-table tr[data-key='" + m + "']"));
            for (String figure : List.of("personTimes", "newEnrolments", "renewals")) {
                assertThat(digits(row.findElement(By.cssSelector("[data-figure='" + figure + "']")).getText())).as(m + " " + figure)
                        .isEqualTo(byMonth.containsKey(m.toString()) ? byMonth.get(m.toString()).path(figure).asString() : "0");
            }
        }
        assertThat(browser.findElements(By.cssSelector("#statistics-trend-table tbody tr")).stream().map(r -> r.getDomAttribute("data-key")))
                .containsExactlyElementsOf(months);
        for (JsonNode o : enrolment.path("byOffice")) {
            WebElement row = browser.findElement(By.cssSelector("#statistics-offices-table tr[data-key='" + o.path("office").path("id").asLong() + "']"));
            assertThat(digits(row.findElement(By.cssSelector("[data-figure='personTimes']")).getText())).isEqualTo(o.path("personTimes").asString());
            assertThat(digits(row.findElement(By.cssSelector("[data-figure='units']")).getText())).isEqualTo(o.path("units").asString());
            assertThat(row.findElement(By.cssSelector("[data-figure='share']")).getText()).isEqualTo(percent(o.path("share")));
        }
        breakdownMatches("statistics-items-table", enrolment.path("byItem"), "enrolments");
        breakdownMatches("statistics-ownership-table", enrolment.path("byOwnership"), "personTimes");
        breakdownMatches("statistics-forms-table", enrolment.path("byForm"), "personTimes");
        for (JsonNode l : board.path("league")) {
            WebElement row = browser.findElement(By.cssSelector("#statistics-league tr[data-key='" + l.path("office").path("id").asLong() + "']"));
            assertThat(digits(row.findElement(By.cssSelector("[data-figure='paidAmount']")).getText())).isEqualTo(l.path("paidAmount").asString());
            assertThat(digits(row.findElement(By.cssSelector("[data-figure='claimsPaid']")).getText())).isEqualTo(l.path("claimsPaid").asString());
            assertThat(row.findElement(By.cssSelector("[data-figure='lossRatio']")).getText()).isEqualTo(percent(l.path("lossRatio")));
        }
    }

    private void breakdownMatches(String table, JsonNode rows, String figure) {
        for (JsonNode r : rows) {
            WebElement row = browser.findElement(By.cssSelector("#" + table + " tr[data-key='" + r.path("code").asString() + "']"));
            assertThat(row.findElement(By.cssSelector("td")).getText()).isEqualTo(r.path("name").asString());
            assertThat(digits(row.findElement(By.cssSelector("[data-figure='" + figure + "']")).getText()))
                    .as(table + " " + r.path("code").asString()).isEqualTo(r.path(figure).asString());
        }
    }

    /** Sorts 排名 by a column (descending, then ascending) and checks the order of the API's values, row by row. */
    private void sortsTheLeague(JsonNode board, String column) {
        Map<String, BigDecimal> values = new java.util.HashMap<>();
        for (JsonNode l : board.path("league")) {
            JsonNode v = l.path(column);
            values.put(l.path("office").path("id").asString(), v.isNull() || v.isMissingNode() ? null : new BigDecimal(v.asString()));
        }
        WebElement heading = browser.findElement(By.cssSelector("#statistics-league th[data-sort='" + column + "']"));
        click(heading.findElement(By.tagName("button")));
        assertThat(heading.getDomAttribute("aria-sort")).isEqualTo("descending");
        assertOrdered(values, true);
        click(heading.findElement(By.tagName("button")));
        assertThat(heading.getDomAttribute("aria-sort")).isEqualTo("ascending");
        assertOrdered(values, false);
    }

    private void assertOrdered(Map<String, BigDecimal> values, boolean descending) {
        List<BigDecimal> shown = browser.findElements(By.cssSelector("#statistics-league tbody tr")).stream()
                .map(r -> values.get(r.getDomAttribute("data-key"))).filter(java.util.Objects::nonNull).toList();
        List<BigDecimal> sorted = new ArrayList<>(shown);
        sorted.sort(descending ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
        assertThat(shown).containsExactlyElementsOf(sorted);
        assertThat(browser.findElements(By.cssSelector("#statistics-league tbody tr"))).hasSize(values.size());
    }

    private String card(String group, String figure) {
        return browser.findElement(By.cssSelector("#" + group + " [data-figure='" + figure + "'] .n")).getText();
    }

    private long targetHeld(long office) {
        JsonNode targets = get("demo-admin", "/api/v1/reporting/targets?year=" + today.getYear()).json();
        for (JsonNode b : targets.path("below")) {
            if (b.path("office").path("id").asLong() != office) continue;
            for (JsonNode t : b.path("targets")) if ("PERSON_TIMES".equals(t.path("metric").asString())) return t.path("value").asLong();
        }
        return -1;
    }

    private static JsonNode officeRow(JsonNode board, long office) {
        for (JsonNode o : board.path("enrolment").path("byOffice")) if (o.path("office").path("id").asLong() == office) return o;
        throw new AssertionError("no row for office " + office + " in " + board.path("enrolment").path("byOffice"));
    }

    /** A figure as shown, without ¥ and thousands separators: "¥29,075,000.00" → "29075000.00". */
    private static String digits(String shown) {
        return shown.replaceAll("[¥,\\s]", "");
    }

    /** A share as the console shows it: one decimal of a percentage, "—" for none. */
    private static String percent(JsonNode share) {
        if (share.isNull() || share.isMissingNode()) return "—";
        return new BigDecimal(share.asString()).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
