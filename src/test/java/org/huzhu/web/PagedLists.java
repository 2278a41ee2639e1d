package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The console's work lists shown a page at a time (lib.js pagedList) as the browser tests read them: a list's heading
 * as its summary words it, its first page and the next one against the API's, 加载更多 clicked until a row of the
 * test's shows, and screenshots of a list's foot. A list is named by its table's id; its heading is {@code id-total},
 * its 已显示 N 笔 {@code id-shown}, its 加载更多 {@code id-more}, each row's {@code data-id} the row's id.
 */
final class PagedLists {

    /** The rows the console shows at a time. */
    static final int PAGE = 50;

    private final Browser session;

    PagedLists(Browser session) {
        this.session = session;
    }

    /** A list's heading: its title and the whole list's count grouped by thousands, then its sums, where it has them. */
    static String heading(String title, JsonNode summary, String sums) {
        return heading(title, BILLS, summary, sums);
    }

    /** The same for a list counted in another measure word ({@link #CLAIMS}). */
    static String heading(String title, String unit, JsonNode summary, String sums) {
        return title + "（共 " + String.format(Locale.ROOT, "%,d", summary.path("count").asLong()) + " " + unit
                + (sums == null ? "" : "，" + sums) + "）";
    }

    /** The measure words lists count in: bills and requests, and claims and appeals (as the claims list counts). */
    static final String BILLS = "笔", CLAIMS = "件";

    /** The list shows its first page: the heading as given, the rows the API lists first, 已显示 50 笔. */
    void assertFirstPage(String list, String heading, List<Long> first) {
        assertFirstPage(list, BILLS, heading, first);
    }

    /** The same for a list counted in another measure word. */
    void assertFirstPage(String list, String unit, String heading, List<Long> first) {
        session.wait.until(ExpectedConditions.textToBe(By.id(list + "-total"), heading));
        assertThat(shownIds(list)).as(list + ", the first page").containsExactlyElementsOf(first);
        assertThat(session.driver.findElement(By.id(list + "-shown")).getText()).isEqualTo("已显示 " + PAGE + " " + unit);
    }

    /**
     * 加载更多 appends the next page: the rows the API lists after the first {@link #PAGE} of the {@code total}, 已显示 says
     * how many are shown, and 加载更多 stays only while there are more.
     */
    void assertNextPage(String list, int total, List<Long> next) {
        assertNextPage(list, BILLS, total, next);
    }

    /** The same for a list counted in another measure word. */
    void assertNextPage(String list, String unit, int total, List<Long> next) {
        session.driver.findElement(By.id(list + "-more")).click();
        int shown = Math.min(2 * PAGE, total);
        session.wait.until(ExpectedConditions.numberOfElementsToBe(rowsOf(list), shown));
        assertThat(shownIds(list).subList(PAGE, shown)).as(list + ", the next page").containsExactlyElementsOf(next);
        assertThat(session.driver.findElement(By.id(list + "-shown")).getText()).isEqualTo("已显示 " + shown + " " + unit);
        assertThat(session.driver.findElements(By.id(list + "-more"))).as("more after the second page").hasSize(total > shown ? 1 : 0);
    }

    /** Clicks the list's 加载更多 until its table shows the text: a row of the test's may lie past the first page. */
    void showRowOf(String list, String text) {
        session.wait.until(ExpectedConditions.presenceOfElementLocated(By.id(list + "-total")));
        while (!session.driver.findElement(By.id(list + "-list")).getText().contains(text)) {
            int shown = rows(list);
            session.driver.findElement(By.id(list + "-more")).click();
            session.wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(rowsOf(list), shown));
        }
    }

    int rows(String list) {
        return session.driver.findElements(rowsOf(list)).size();
    }

    /** The ids of the rows the list's table shows, in order. */
    List<Long> shownIds(String list) {
        return session.driver.findElements(rowsOf(list)).stream()
                .map(tr -> Long.valueOf(tr.getDomAttribute("data-id"))).toList();
    }

    private static By rowsOf(String list) {
        return By.cssSelector("#" + list + "-list tbody tr");
    }

    /** What the window shows around the element, at 390 and at 1366 px: {@code name}-390.png and {@code name}-1366.png. */
    void footScreenshots(String element, String name) throws IOException {
        for (int width : new int[] {390, 1366}) {
            if (width == 390) session.phone();
            else {
                session.desktop();
                session.driver.manage().window().setSize(new Dimension(1366, 900));
            }
            session.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", session.driver.findElement(By.id(element)));
            session.screenshot(name + "-" + width + ".png");
        }
    }
}
