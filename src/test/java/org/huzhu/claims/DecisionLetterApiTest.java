package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Decision letters (决定书) read back with PDFBox's text extraction: each decision's items, amounts and plain reasons,
 * the total and the appeal route; never a diagnosis, a reviewer's own words, the full ID number or the bank card; who
 * may download them (the worker, the unit's operator, staff in scope; others 404), and each download in the operation log.
 */
class DecisionLetterApiTest extends AppealTest {

    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Test
    void aRejectionLetterGivesThePlainReasonAndTheAppealRouteButNoDiagnosisNorFullNumbers() {
        Worker w = worker(1);
        long claim = rejected(w, reviewer("武昌区总工会"));   // the reviewer wrote "阑尾炎K35.800票据与病历不符"

        Download letter = download(w.account(), "/api/v1/m/claims/" + claim + "/letters/1");

        assertThat(letter.status()).isEqualTo(200);
        assertThat(letter.contentType()).isEqualTo("application/pdf");
        assertThat(letter.disposition()).startsWith("attachment").contains(".pdf");
        String text = text(letter.body());
        String masked = get("demo-admin", "/api/v1/members/" + w.member()).json().path("maskedIdNumber").asString();
        assertThat(text).contains("互助金申领决定书", ClaimReference.of(claim) + "-1", w.name(), masked, "武昌区总工会（职工互助保障）",
                "决定日期：" + CHINESE.format(today()), "审核结论：不予给付互助金", "住院医疗互助保障：不予给付0.00元",
                "原因：经审核不符合互助金给付条件", "互助金合计：0.00元",
                "自决定之日起60日内（" + CHINESE.format(today().plusDays(60)) + "前）通过“掌上办”或到武昌区总工会提出申诉",
                "申诉由武汉市总工会未参与原决定的审核人员复核", "可交职工所在单位留存");
        assertThat(text).doesNotContain("K35", "阑尾炎", "病历", w.idNumber(), w.card(), w.card().substring(w.card().length() - 4));
        assertThat(get(w.account(), "/api/v1/m/claims/" + claim + "/letters/2").status()).as("no appeal decided yet").isEqualTo(404);
        assertThat(get(w.account(), "/api/v1/m/claims/" + claim + "/letters/3").status()).isEqualTo(404);
    }

    @Test
    void aCutIsExplainedByItsCodedReasonAndTheAppealDecisionGetsALetterOfItsOwn() {
        Worker w = worker(1);
        long claim = cut(w, reviewer("武昌区总工会"));   // the reviewer's note "阑尾炎两张票据重复" stays off the letter
        String first = text(download(w.account(), "/api/v1/claims/" + claim + "/letters/1").body());
        assertThat(first).contains("审核结论：核准给付互助金（部分项目核减）", "住院医疗互助保障：核减给付300.00元",
                "原因：重复票据或重复计费（按规则测算480.00元）", "互助金合计：300.00元", "60日内").doesNotContain("阑尾炎");

        assertThat(lodgeInApp(w, claim, "两张票据是两次不同的检查").status()).isEqualTo(200);
        assertThat(decide(reviewer("武汉市总工会"), claim,
                "{\"outcome\":\"CHANGED\",\"reason\":\"阑尾炎术前术后各检查一次\",\"items\":[{\"item\":\"HOSPITAL\",\"amount\":\"480.00\"}]}")
                .status()).isEqualTo(200);

        assertThat(text(download(w.account(), "/api/v1/claims/" + claim + "/letters/1").body()))
                .as("the first letter records the first decision, whatever the appeal changed").contains("核减给付300.00元");
        String second = text(download(w.account(), "/api/v1/m/claims/" + claim + "/letters/2").body());
        assertThat(second).contains("申诉复核决定书", ClaimReference.of(claim) + "-2", "武汉市总工会（职工互助保障）",
                "审核结论：改变原决定，调增给付互助金", "住院医疗互助保障：给付480.00元", "互助金合计：480.00元",
                "（职工本人提出）", "原决定：核准给付并核减部分项目，合计300.00元", "较原核定增加180.00元", "本决定为申诉复核决定")
                .doesNotContain("阑尾炎", "检查", w.idNumber(), w.card());
    }

    @Test
    void anAutomaticApprovalLetterSaysSoAndNeedsNoAppealRoute() {
        Worker w = worker(1);
        long claim = filed(w, "1000.00", true);
        for (String kind : new String[] {"ID_CARD", "BANK_CARD", "RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY"}) {
            assertThat(upload("demo-admin", "/api/v1/claims/" + claim + "/documents?kind=" + kind, "file", kind + ".pdf", PDF).status())
                    .isEqualTo(201);
        }
        assertThat(post("demo-admin", "/api/v1/claims/" + claim + "/submit", "").json().path("status").asString()).isEqualTo("PAYMENT_PENDING");

        String text = text(download("demo-admin", "/api/v1/claims/" + claim + "/letters/1").body());

        assertThat(text).contains("审核方式：系统按互助保障规则自动审核", "审核结论：核准给付互助金", "住院医疗互助保障：给付480.00元",
                "互助金合计：480.00元", "支付至职工登记的收款银行账户").doesNotContain("申诉");
        assertThat(claim(claim).path("letters")).extracting(l -> l.path("title").asString()).containsExactly("互助金申领决定书");
        assertThat(claim(claim).path("appealableUntil").isNull()).isTrue();
    }

    @Test
    void theWorkerTheUnitAndStaffInScopeDownloadTheLetterAndEachDownloadIsLogged() {
        Worker w = worker(1);
        unitOperator(w);
        long claim = rejected(w, reviewer("武昌区总工会"));
        String path = "/api/v1/claims/" + claim + "/letters/1";

        for (String user : new String[] {w.account(), "appeal-unit-" + w.unit(), "demo-wuhan", "demo-finance", "demo-reviewer"}) {
            Download letter = download(user, path);
            assertThat(letter.status()).as(user).isEqualTo(200);
            assertThat(text(letter.body())).as(user).contains("互助金申领决定书");
            awaitLogged(user, path);
        }
        assertThat(download("demo-jingmen", path).status()).isEqualTo(404);
        assertThat(download("demo-unit", path).status()).as("another unit's operator").isEqualTo(404);
        long draft = filed(w, "1000.00", false);
        assertThat(download(w.account(), "/api/v1/claims/" + draft + "/letters/1").status()).as("no decision yet").isEqualTo(404);
    }

    /** The operation log names the download (it is written once the answer has gone out: waited for, at most 10 s). */
    private void awaitLogged(String user, String path) {
        long until = System.nanoTime() + 10_000_000_000L;
        while (jdbc.sql("select count(*) from audit.operation_log where account = ? and path = ? and revealed::text like '%下载决定书%'")
                .params(user, path).query(Integer.class).single() == 0) {
            assertThat(System.nanoTime()).as("operation log row of " + user + " " + path).isLessThan(until);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The letter's text as PDFBox extracts it, without white space (wrapped lines joined, the gaps between figures closed). */
    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[\\s\\u3000]+", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
