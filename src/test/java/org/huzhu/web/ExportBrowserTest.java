package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * 导出Excel on the console's lists: the administrator searches the members, the export link carries the search (and a
 * second link the unmasked export), and the workbook the link downloads in the signed-in browser is an XLSX attachment;
 * finance sees the payouts' export without the unmasked one. At 1366 px and on a 390 px phone.
 */
class ExportBrowserTest extends BrowserTest {

    @Test
    void theMembersListExportsWhatItsSearchShows() throws IOException {
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "导出浏览器职工",
                "idNumber", newIdNumber(LocalDate.of(1988, 3, 3), 'F'), "employmentForm", "REGULAR", "unitId", newUnit("江岸区总工会"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        session.logIn("demo-admin");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.findElement(By.id("nav-members")).click();
        var unfiltered = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#section-members table")));
        browser.findElement(By.id("member-search-name")).sendKeys("导出浏览器");
        browser.findElement(By.id("member-search")).click();
        wait.until(ExpectedConditions.stalenessOf(unfiltered));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#section-members table"), "导出浏览器职工"));

        var export = browser.findElement(By.id("members-export"));
        assertThat(export.getText()).isEqualTo("导出Excel");
        String href = export.getDomAttribute("href");
        assertThat(href).startsWith("/api/v1/members.xlsx?").contains("name=").doesNotContain("limit").doesNotContain("unmasked");
        assertThat(browser.findElement(By.id("members-export-unmasked")).getDomAttribute("href")).contains("unmasked=true");
        Object download = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0]).then(async r => done([r.status, r.headers.get('content-type'), r.headers.get('content-disposition'),"
                + " new TextDecoder().decode((await r.arrayBuffer()).slice(0, 2))].join('|')));", href);
        assertThat(String.valueOf(download)).startsWith("200|application/vnd.openxmlformats-officedocument.spreadsheetml.sheet|attachment")
                .endsWith("|PK");
        export.click();   // the browser's own download: no page change, no script error
        assertThat(browser.findElements(By.cssSelector("#section-members table"))).isNotEmpty();
        session.phoneAndDesktopScreenshots("export-members");
        session.desktop();

        session.logIn("demo-finance");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.findElement(By.id("nav-payouts")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payouts-export")));
        assertThat(browser.findElement(By.id("payouts-export")).getDomAttribute("href")).startsWith("/api/v1/payouts.xlsx");
        assertThat(browser.findElements(By.id("payouts-export-unmasked"))).isEmpty();
        session.phoneAndDesktopScreenshots("export-payouts");
        session.desktop();
    }
}
