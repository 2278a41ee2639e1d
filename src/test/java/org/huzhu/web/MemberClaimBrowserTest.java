package org.huzhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.recognition.specimen.PngRenderer;
import org.huzhu.recognition.specimen.ReceiptFaker;
import org.huzhu.recognition.specimen.ReceiptTruth;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 申领互助金 in the member app on a 390 px phone: a worker says what happened, finds the diagnosis by typing words,
 * takes a photo of the receipt, confirms what was read, submits and follows the progress; and a draft is withdrawn
 * after a confirmation. Screenshots m-claim-*.png.
 */
class MemberClaimBrowserTest extends BrowserTest {

    @Autowired
    SimulatedSmsCentre centre;

    @Test
    void aWorkerFilesWithAPhotoConfirmsWhatWasReadSubmitsAndFollowsTheProgress() throws IOException {
        signIn();
        ReceiptTruth truth = ReceiptFaker.inpatientReceipt();
        Path photo = Files.createTempFile("receipt", ".png");
        Files.write(photo, PngRenderer.png(PngRenderer.render(truth)));

        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-claim"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("happened-HOSPITAL_STAY"))).click();
        setDate(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incident-date"))), today.minusDays(20));
        browser.findElement(By.id("diagnosis-words")).sendKeys("阑尾炎");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#diagnosis-suggestions .suggestion"))).click();
        assertThat(browser.findElement(By.id("diagnosis-chosen")).getText()).startsWith("已选择：").contains("阑尾炎");
        assertThat(browser.findElement(By.id("diagnosis-words")).getAttribute("value")).as("a name, never a code").doesNotContainPattern("[A-Z]\\d");
        browser.findElement(By.id("step-two-next")).click();
        WebElement camera = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("claim-photos")));
        assertThat(camera.getAttribute("capture")).isEqualTo("environment");
        assertThat(camera.getAttribute("accept")).isEqualTo("image/*");
        camera.sendKeys(photo.toString());
        wait.until(ExpectedConditions.attributeToBe(By.id("claim-photos-previews"), "data-count", "1"));
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#claim-photos-previews .photo-kind")))
                .getFirstSelectedOption().getText()).as("a photo is a receipt unless the worker says otherwise").isEqualTo("医疗收费票据");
        session.phoneAndDesktopScreenshots("m-claim-photos");
        session.assertAccessible("申领互助金：拍照上传");
        browser.findElement(By.id("claim-upload")).click();

        WebDriverWait reading = session.waitUpTo(Duration.ofSeconds(90));
        reading.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-read")));
        assertThat(browser.findElement(By.name("number-0")).getAttribute("value")).isEqualTo(truth.invoiceNumber());
        assertThat(browser.findElement(By.id("claim-missing")).getText()).doesNotContain("身份证", "银行卡").contains("出院小结");
        assertThat(browser.findElement(By.id("claim-promise")).getText()).contains("7个工作日");
        setDate(browser.findElement(By.name("admission")), today.minusDays(20));
        setDate(browser.findElement(By.name("discharge")), today.minusDays(12));
        for (var figure : Map.of("selfPaid", "3000.00", "selfFunded", "0.00", "fundPaid", "2000.00", "total", "5000.00").entrySet()) {
            WebElement input = browser.findElement(By.name(figure.getKey()));
            input.clear();
            input.sendKeys(figure.getValue());
        }
        browser.findElement(By.id("claim-confirm")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-estimate"), "1680.00 元"));
        session.phoneAndDesktopScreenshots("m-claim-confirmed");
        session.assertAccessible("申领：核对识别结果");

        browser.findElement(By.id("claim-submit")).click();
        // the discharge summary is still missing: sent back for it (待补件), never refused, with a date to send it by
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-status"), "待补件"));
        assertThat(browser.findElement(By.id("claim-missing")).getText()).contains("出院小结");
        assertThat(browser.findElement(By.id("claim-asked-by")).getText()).contains("前补充").contains("不是拒付");
        assertThat(browser.findElement(By.id("claim-estimate")).getText()).as("not yet approved: still an estimate").startsWith("预估可领");
        assertThat(browser.findElements(By.id("claim-decisions"))).as("no item results before a decision").isEmpty();
        String timeline = browser.findElement(By.id("claim-timeline")).getText();
        assertThat(timeline).contains("填写申请", "修改了申请", "提交申请", "请补充材料：医保结算单、出院小结").doesNotContain("县", "工作日", "审核层级");
        assertThat(browser.findElements(By.id("claim-withdraw"))).as("only a draft is withdrawn").isEmpty();
        session.phoneAndDesktopScreenshots("m-claim-progress");
        session.assertAccessible("申领：办理进度");
        browser.findElement(By.id("back")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-claims"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("screen"), "待补件"));
    }

    @Test
    void aDraftIsWithdrawnAfterAConfirmation() throws IOException {
        signIn();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-claim"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("happened-ACCIDENT"))).click();
        setDate(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("incident-date"))), today.minusDays(3));
        browser.findElement(By.id("step-two-next")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("claim-upload"))).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.id("claim-withdraw"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("withdraw-confirm")));
        assertThat(browser.findElement(By.id("withdraw-confirm")).getText()).contains("确定撤回");
        session.phoneAndDesktopScreenshots("m-claim-withdraw");
        session.assertAccessible("申领：撤回确认");
        browser.findElement(By.id("withdraw-yes")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-status"), "已撤回"));
        assertThat(browser.findElement(By.id("claim-timeline")).getText()).contains("您已撤回申请");
        assertThat(browser.findElements(By.id("claim-actions"))).isEmpty();
        assertThat(browser.findElements(By.id("claim-promise"))).isEmpty();
    }

    /** A worker enrolled 200 days ago in HOSPITAL and ACCIDENT with a payout card, signed in on a phone. */
    private void signIn() {
        long unit = newUnit("江岸区总工会");
        String idNumber = newIdNumber(LocalDate.of(1980, 2, 2), 'M');
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "申领王师傅",
                "idNumber", idNumber, "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        enrolItems(unit, member, today().minusDays(200), "HOSPITAL:1", "ACCIDENT:1");
        setBankAccount(member, "中国工商银行", newCardNumber());
        String phone = "1395" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        signInToMemberApp(centre, phone, "申领王师傅", idNumber);
    }

    private void setDate(WebElement input, LocalDate date) {
        browser.executeScript("arguments[0].value = arguments[1]", input, date.toString());
    }
}
