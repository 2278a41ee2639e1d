package org.huzhu.memberapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.support.ApiTest;
import org.huzhu.support.PrintedQr;
import org.huzhu.support.TextedCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * 我的保障 and the electronic cover certificate, as a worker signed in to the app gets them: the PDF's text and
 * QR code read back, the QR's token checked publicly (masked data only), unknown tokens, and one worker's
 * certificate never another's.
 */
class CoverCertificateTest extends ApiTest {

    @Autowired
    SimulatedSmsCentre centre;

    record Worker(long id, String name, String idNumber, String phone, AppClient app) {
    }

    @Test
    void theWorkerDownloadsACertificateWhoseQrCodeVerifiesPubliclyWithMaskedDataOnly() throws Exception {
        Worker worker = signedInWorker("欧阳明华", "HOSPITAL:2");

        JsonNode cover = worker.app().get("/api/v1/m/cover").answer().json();
        assertThat(cover.path("maskedName").asString()).isEqualTo("欧**华");
        JsonNode item = cover.path("items").get(0);
        assertThat(item.path("itemName").asString()).isEqualTo("住院医疗互助保障");
        assertThat(item.path("shares").asInt()).isEqualTo(2);
        assertThat(item.path("status").asString()).isEqualTo("IN_FORCE");
        assertThat(item.path("paidBy").asString()).isNotBlank();
        assertThat(item.path("waitingEnds").asString()).as("30 days of waiting from the first day of cover")
                .isEqualTo(LocalDate.parse(item.path("from").asString()).plusDays(29).toString());

        AppClient.Download pdf = worker.app().download("/api/v1/m/cover-certificate");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        String token;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("参保凭证", "欧**华", "住院医疗互助保障", item.path("from").asString(), "保障中", "凭证编号")
                    .doesNotContain("欧阳明华", worker.idNumber());
            String url = PrintedQr.onPage(document, 0);
            assertThat(url).matches("http://[^/]+/verify/[A-Za-z0-9_-]{43}");
            token = url.substring(url.lastIndexOf('/') + 1);
        }

        Answer verified = get(null, "/api/v1/cover-certificates/" + token);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().path("maskedName").asString()).isEqualTo("欧**华");
        assertThat(verified.json().path("validNow").asBoolean()).isTrue();
        assertThat(verified.json().path("items").get(0).path("itemName").asString()).isEqualTo("住院医疗互助保障");
        assertThat(verified.body()).doesNotContain("欧阳明华", worker.idNumber(), worker.idNumber().substring(0, 6),
                worker.phone(), worker.phone().substring(7), "memberId");
        assertThat(get(null, "/verify/" + token).status()).as("the page behind the QR code opens without signing in").isEqualTo(200);

        testClock.advance(Duration.ofDays(400));
        assertThat(get(null, "/api/v1/cover-certificates/" + token).json().path("validNow").asBoolean())
                .as("a certificate whose cover has ended says so").isFalse();
    }

    @Test
    void anUnknownTokenIsNotFound() {
        assertProblem(get(null, "/api/v1/cover-certificates/" + "A".repeat(43)), 404);
        assertProblem(get(null, "/api/v1/cover-certificates/short"), 404);
    }

    @Test
    void aWorkerGetsOnlyTheirOwnCoverAndCertificateAndStaffHaveNone() throws Exception {
        Worker first = signedInWorker("司马春", "HOSPITAL:1");
        Worker second = signedInWorker("诸葛秋月", "HOSPITAL:3");

        AppClient.Download pdf = second.app().download("/api/v1/m/cover-certificate?memberId=" + first.id());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("诸**月", "3份").doesNotContain("司*春");
        }
        assertThat(second.app().get("/api/v1/m/cover").answer().json().path("maskedName").asString()).isEqualTo("诸**月");
        assertThat(get("demo-admin", "/api/v1/m/cover-certificate").status()).as("staff hold no cover of their own").isEqualTo(403);
    }

    // ------------------------------------------------------------------ helpers

    /** A worker of a new unit, enrolled ten days ago in the given items, signed in to the app by phone. */
    private Worker signedInWorker(String name, String... items) {
        long unit = newUnit("江岸区总工会");
        String idNumber = newIdNumber(LocalDate.of(1986, 7, 9), 'F');
        String phone = MemberAppSignInTest.newPhone();
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", name, "idNumber", idNumber,
                "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        enrolItems(unit, member, today().minusDays(10), items);
        AppClient app = new AppClient(this::uri);
        app.post("/api/v1/m/sign-in/code", JSON.writeValueAsString(Map.of("phone", phone)));
        AppClient.Reply signedIn = app.post("/api/v1/m/sign-in", JSON.writeValueAsString(Map.of("phone", phone,
                "code", TextedCodes.codeTextedTo(centre, phone, 1), "name", name, "idNumber", idNumber)));
        assertThat(signedIn.answer().json().path("signedIn").asBoolean()).as(signedIn.answer().body()).isTrue();
        return new Worker(member, name, idNumber, phone, app);
    }
}
