package org.huzhu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huzhu.identity.Accounts;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.support.ApiTest;
import org.huzhu.support.ClaimOffices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Monthly and yearly reports: generated from the dashboard's figures, kept, downloaded in scope and logged. */
class ReportApiTest extends ApiTest {

    private static final java.net.http.HttpClient HTTP_CLIENT = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    @Autowired
    Organisations organisations;
    @Autowired
    Accounts accounts;
    @Autowired
    Rollups rollups;

    @Test
    void aYearlyReportHoldsTheDashboardsFiguresAsXlsxAndPdfKeptAndDownloadedInScope() throws Exception {
        OrgNode county = new ClaimOffices(this, organisations, accounts).newCounty();
        long unit = newUnit(county.name());
        for (int i = 0; i < 3; i++) {
            Answer member = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", "报表测试职工",
                    "idNumber", newIdNumber(java.time.LocalDate.of(1990, 1, 2), 'F'), "employmentForm", "REGULAR", "unitId", unit)));
            enrolItems(unit, member.json().path("id").asLong(), today().minusDays(3), "HOSPITAL:1");
        }
        rollups.refresh();
        String year = Integer.toString(today().minusDays(2).getYear());
        long personTimes = get("demo-wuhan", "/api/v1/reporting/dashboard?office=" + county.id() + "&from=" + year + "-01&to=" + year + "-12")
                .json().path("enrolment").path("personTimes").asLong();
        assertThat(personTimes).isEqualTo(3);

        Answer created = post("demo-wuhan", "/api/v1/reporting/reports",
                JSON.writeValueAsString(Map.of("office", county.id(), "kind", "YEARLY", "period", year)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode report = created.json();
        assertThat(report.path("office").path("name").asString()).isEqualTo(county.name());
        assertThat(report.path("createdBy").asString()).isEqualTo("demo-wuhan");
        long id = report.path("id").asLong();
        assertThat(get("demo-wuhan", "/api/v1/reporting/reports?office=" + county.id()).json())
                .extracting(r -> r.path("id").asLong()).containsExactly(id);

        byte[] xlsx = download("demo-wuhan", report.path("files").path("xlsx").asString(), 200);
        String sheet = unzipped(xlsx);
        assertThat(sheet).contains(county.name(), "参保人次", "年度");
        byte[] pdf = download("demo-wuhan", report.path("files").path("pdf").asString(), 200);
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replace(" ", "");
            assertThat(text).as("the figures in a ruled table: label and value on one line").contains(county.name(), "参保人次" + personTimes);
        }
        assertThat(revealedDownloads(id)).isEqualTo(2);

        download("demo-jingmen", report.path("files").path("pdf").asString(), 404);
        assertThat(get("demo-jingmen", "/api/v1/reporting/reports").json()).extracting(r -> r.path("id").asLong()).doesNotContain(id);
        // the file is the one kept: a refresh with other figures does not change it
        assertThat(download("demo-wuhan", report.path("files").path("pdf").asString(), 200)).isEqualTo(pdf);
    }

    @Test
    void aReportNamesWhatIsWrongWithItsKindAndPeriod() {
        Answer kind = post("demo-admin", "/api/v1/reporting/reports", "{\"kind\":\"WEEKLY\",\"period\":\"2026\"}");
        assertProblem(kind, 400);
        assertThat(fields(kind)).containsExactly("kind");
        Answer period = post("demo-admin", "/api/v1/reporting/reports", "{\"kind\":\"MONTHLY\",\"period\":\"2026\"}");
        assertProblem(period, 400);
        assertThat(fields(period)).containsExactly("period");
        assertProblem(post("demo-jingmen", "/api/v1/reporting/reports", JSON.writeValueAsString(Map.of("office",
                organisationIdsByName().get("江岸区总工会"), "kind", "MONTHLY", "period", "2026-10"))), 404);
    }

    private byte[] download(String user, String path, int status) throws IOException, InterruptedException {
        String token = java.util.Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + token)
                .GET().build();
        HttpResponse<byte[]> answer = HTTP_CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).as(path + " as " + user).isEqualTo(status);
        return answer.body();
    }

    private static String unzipped(byte[] xlsx) throws IOException {
        StringBuilder text = new StringBuilder();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                    var entry = entries.nextElement();
                    if (entry.getName().endsWith(".xml")) text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        // fastexcel writes every character beyond ASCII as a numeric entity
        return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(text)
                .replaceAll(m -> Character.toString(Integer.parseInt(m.group(1), 16)));
    }

    /** Downloads of the report written in the operation log (written after the answer: waited for). */
    private long revealedDownloads(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            long rows = jdbc.sql("select count(*) from audit.operation_log where revealed::text like ? and revealed::text like '%reporting.report%'")
                    .param("%\"" + id + "\"%").query(Long.class).single();
            if (rows >= 2 || System.nanoTime() > deadline) return rows;
            Thread.sleep(100);
        }
    }
}
