package org.huzhu.hospitals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huzhu.support.ApiTest;
import org.huzhu.support.PrintedQr;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 合作医院 over HTTP: union staff keep the partner hospitals of their own part of the tree and open their desks'
 * accounts; a desk sees its own hospital only; the 申领提示牌 is an A4 PDF whose QR code opens the member app's
 * claim filing with the hospital filled in; a claim filed from it names the hospital.
 */
class HospitalApiTest extends ApiTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void unionStaffKeepTheHospitalsOfTheirOwnPartOfTheTree() {
        Map<String, Long> offices = organisationIdsByName();
        String code = "T" + ThreadLocalRandom.current().nextInt(1_000_000);
        Answer created = post("demo-wuhan", "/api/v1/hospitals", JSON.writeValueAsString(Map.of("code", code.toLowerCase(),
                "name", "江岸区测试医院" + code, "grade", "GRADE_2A", "address", "武汉市江岸区", "officeId", offices.get("江岸区总工会"))));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.field("code")).as("codes are upper case").isEqualTo(code);
        assertThat(created.field("gradeName")).isEqualTo("二级甲等");
        assertThat(created.field("officeName")).isEqualTo("江岸区总工会");
        assertThat(created.field("claimUrl")).endsWith("/m/#claim?hospital=" + code);
        assertThat(codes(get("demo-wuhan", "/api/v1/hospitals"))).contains(code, "WHSDYYY").doesNotContain("JMSDERMYY");
        assertThat(codes(get("demo-jingmen", "/api/v1/hospitals"))).contains("JMSDERMYY").doesNotContain(code, "WHSDYYY");
        assertThat(get("demo-jingmen", "/api/v1/hospitals/" + id).status()).isEqualTo(404);

        Answer twice = post("demo-admin", "/api/v1/hospitals", JSON.writeValueAsString(Map.of("code", code, "name", "另一家医院" + code,
                "grade", "GRADE_1", "officeId", offices.get("江岸区总工会"))));
        assertThat(twice.status()).isEqualTo(409);
        Answer incomplete = post("demo-wuhan", "/api/v1/hospitals", "{}");
        assertProblem(incomplete, 400);
        assertThat(fields(incomplete)).contains("code", "name", "grade", "officeId");
        Answer elsewhere = post("demo-wuhan", "/api/v1/hospitals", JSON.writeValueAsString(Map.of("code", code + "X",
                "name", "荆门的医院" + code, "grade", "GRADE_1", "officeId", offices.get("东宝区总工会"))));
        assertThat(elsewhere.status()).as("an office outside the caller's part of the tree").isEqualTo(404);

        Answer ended = put("demo-wuhan", "/api/v1/hospitals/" + id, JSON.writeValueAsString(Map.of("name", "江岸区测试医院" + code,
                "grade", "GRADE_2A", "address", "武汉市江岸区", "officeId", offices.get("江岸区总工会"), "active", false)));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().path("active").asBoolean()).isFalse();
        assertThat(get("demo-member", "/api/v1/m/hospitals/" + code).status()).as("a former partner no longer prefills").isEqualTo(404);
        assertThat(get("demo-member", "/api/v1/m/hospitals/WHSDYYY").json().path("name").asString()).isEqualTo("武汉市第一医院");
    }

    @Test
    void unionStaffOpenADeskAccountBoundToAHospitalAndTheDeskSeesOnlyIt() {
        long wuhanFirst = hospitalId("demo-wuhan", "WHSDYYY");
        String username = "desk-" + UUID.randomUUID().toString().substring(0, 8);

        Answer created = post("demo-wuhan", "/api/v1/accounts", JSON.writeValueAsString(Map.of("username", username,
                "displayName", "出院结算处", "role", "HOSPITAL", "hospitalId", wuhanFirst)));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode account = created.json().path("account");
        assertThat(account.path("hospitalId").asLong()).isEqualTo(wuhanFirst);
        assertThat(account.path("roleName").asString()).isEqualTo("合作医院");
        assertThat(account.path("twoFactorRequired").asBoolean()).isFalse();
        assertThat(account.path("scopePath").asString()).isEqualTo(get("demo-wuhan", "/api/v1/me").field("scopePath"));
        Answer combined = post("demo-wuhan", "/api/v1/accounts", JSON.writeValueAsString(Map.of("username", username + "x",
                "displayName", "出院结算处", "roles", List.of("HOSPITAL", "UNION_STAFF"), "hospitalId", wuhanFirst)));
        assertThat(fields(combined)).containsExactly("roles");
        Answer unbound = post("demo-wuhan", "/api/v1/accounts", JSON.writeValueAsString(Map.of("username", username + "y",
                "displayName", "出院结算处", "role", "HOSPITAL")));
        assertThat(fields(unbound)).containsExactly("hospitalId");
        Answer otherCity = post("demo-wuhan", "/api/v1/accounts", JSON.writeValueAsString(Map.of("username", username + "z",
                "displayName", "出院结算处", "role", "HOSPITAL", "hospitalId", hospitalId("demo-jingmen", "JMSDERMYY"))));
        assertThat(otherCity.status()).isEqualTo(404);

        JsonNode me = get("demo-hospital", "/api/v1/me").json();
        assertThat(me.path("roleName").asString()).isEqualTo("合作医院");
        assertThat(me.path("hospitalId").asLong()).isEqualTo(wuhanFirst);
        assertThat(texts(me.path("rights"))).containsExactly("SIGNED_IN", "HOSPITAL_READ", "ELIGIBILITY_QUERY");
        assertThat(codes(get("demo-hospital", "/api/v1/hospitals"))).containsExactly("WHSDYYY");
        assertThat(get("demo-hospital", "/api/v1/hospitals/" + hospitalId("demo-jingmen", "JMSDERMYY")).status()).isEqualTo(404);
        assertThat(put("demo-hospital", "/api/v1/hospitals/" + wuhanFirst, "{}").status()).isEqualTo(403);
    }

    @Test
    void thePosterIsAnA4PdfWithTheHospitalTheStepsAndAQrCodeOfTheClaimFiling() throws Exception {
        long wuhanFirst = hospitalId("demo-wuhan", "WHSDYYY");

        Download poster = download("demo-wuhan", "/api/v1/hospitals/" + wuhanFirst + "/poster.pdf");

        assertThat(poster.status()).isEqualTo(200);
        assertThat(poster.contentType()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(poster.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(page.getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("武汉市第一医院", "出院时可申领职工互助保障", "扫描下方二维码", "出院小结", "武汉市总工会", "WHSDYYY");
            String url = PrintedQr.onPage(document, 0);
            assertThat(url).isEqualTo(uri("/m/#claim?hospital=WHSDYYY").toString());
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            javax.imageio.ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 72), "png",
                    java.nio.file.Path.of("target", "screenshots", "poster.png").toFile());
        }
        assertThat(download("demo-hospital", "/api/v1/hospitals/" + wuhanFirst + "/poster.pdf").status()).as("its own desk").isEqualTo(200);
        assertThat(download("demo-jingmen", "/api/v1/hospitals/" + wuhanFirst + "/poster.pdf").status()).isEqualTo(404);
        assertThat(download("demo-hospital2", "/api/v1/hospitals/" + wuhanFirst + "/poster.pdf").status()).isEqualTo(404);
        assertThat(download("demo-reviewer", "/api/v1/hospitals/" + wuhanFirst + "/poster.pdf").status()).isEqualTo(403);
    }

    @Test
    void aClaimFiledFromThePosterNamesTheHospitalAndAnUnknownHospitalIsRefused() {
        Answer filed = fileInApp("WHSDYYY");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long id = filed.json().path("id").asLong();
        try {
            Answer hospital = get("demo-admin", "/api/v1/claims/" + id + "/hospital");
            assertThat(hospital.field("code")).isEqualTo("WHSDYYY");
            assertThat(hospital.field("name")).isEqualTo("武汉市第一医院");
            assertThat(get("demo-jingmen", "/api/v1/claims/" + id + "/hospital").status()).as("out of scope").isEqualTo(404);
        } finally {
            post("demo-member", "/api/v1/m/claims/" + id + "/withdraw", "");
        }
        Answer unknown = fileInApp("NO-SUCH-HOSPITAL");
        assertProblem(unknown, 400);
        assertThat(fields(unknown)).containsExactly("hospital");
        long other = get("demo-admin", "/api/v1/claims?limit=5").json().findValues("id").stream().mapToLong(JsonNode::asLong)
                .filter(c -> c != id).findFirst().orElseThrow();
        assertThat(get("demo-admin", "/api/v1/claims/" + other + "/hospital").json().path("code").isNull()).as("a claim from no hospital")
                .isTrue();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private Answer fileInApp(String hospital) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("whatHappened", "ACCIDENT");
        claim.put("incidentDate", today().minusDays(3).toString());
        claim.put("hospital", hospital);
        String boundary = "----hospital" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"claim\"\r\nContent-Type: application/json\r\n\r\n"
                + JSON.writeValueAsString(claim) + "\r\n--" + boundary + "--\r\n";
        return send("demo-member", HttpRequest.newBuilder(uri("/api/v1/m/claims"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private long hospitalId(String user, String code) {
        for (JsonNode h : get(user, "/api/v1/hospitals").json()) if (h.path("code").asString().equals(code)) return h.path("id").asLong();
        throw new AssertionError(user + " sees no hospital " + code);
    }

    private static List<String> codes(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().findValues("code").stream().map(JsonNode::asString).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private record Download(int status, String contentType, byte[] body) {
    }

    private Download download(String user, String path) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }
}
