package org.huzhu.membership;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.huzhu.membership.RosterImportApiTest.Worker;
import org.huzhu.membership.RosterImportApiTest.Workers;
import org.huzhu.shared.CreditCode;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The roster in the operator's words (issue 16 item 3): plans by their catalogue names, alone or combined;
 * unknown names and other row errors name the worker; the downloadable templates (CSV and XLSX) import
 * as they are; the XLSX offers drop-down lists; a file uploaded again reports the rows enrolled before as
 * 已参保，未重复办理 with the workers' names, not as failures.
 */
class RosterInOperatorsWordsApiTest extends ApiTest {

    private static final HttpClient RAW_HTTP = HttpClient.newHttpClient();

    @Test
    void acceptsPlansByTheirChineseNamesAloneAndCombined() {
        String paid = today().minusDays(3).toString();
        Worker basic = Workers.man(paid, "基本保障", "1");
        Worker upgraded = Workers.woman(paid, "住院医疗+女职工特殊疾病升级版", "1");
        Worker twoItems = Workers.man(paid, "住院医疗、意外伤害", "2");
        Worker bracketed = Workers.woman(paid, "重大疾病（A款），短期意外伤害（3个月）", "1");
        Worker byCode = Workers.man(paid, "HOSPITAL＋ACCIDENT", "1");
        long unit = smallUnit(5);

        JsonNode result = runImport(unit, List.of(basic, upgraded, twoItems, bracketed, byCode));

        assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("DONE");
        assertThat(result.get("errorCount").asInt()).as(result.get("errors").toString()).isZero();
        assertThat(items(basic)).containsExactlyInAnyOrder("HOSPITAL:STD×1", "CRITICAL_ILLNESS:A×1", "ACCIDENT:STD×1");
        assertThat(items(upgraded)).containsExactlyInAnyOrder("HOSPITAL:STD×1", "FEMALE_SPECIAL:UPG×1");
        assertThat(items(twoItems)).containsExactlyInAnyOrder("HOSPITAL:STD×2", "ACCIDENT:STD×2");
        assertThat(items(bracketed)).containsExactlyInAnyOrder("CRITICAL_ILLNESS:A×1", "SHORT_ACCIDENT:M3×1");
        assertThat(items(byCode)).containsExactlyInAnyOrder("HOSPITAL:STD×1", "ACCIDENT:STD×1");
    }

    @Test
    void anUnknownPlanNameIsARowErrorThatNamesTheWorkerAndTheChoices() {
        String paid = today().minusDays(3).toString();
        Worker good = Workers.man(paid, "意外伤害", "1");
        Worker unknown = Workers.woman(paid, "住院医疗+牙科保障", "1");
        long unit = smallUnit(1);

        JsonNode result = runImport(unit, List.of(good, unknown));

        assertThat(result.get("status").asString()).isEqualTo("DONE");
        assertThat(result.get("accepted").asInt()).isEqualTo(1);
        assertThat(result.get("rejected").asInt()).isEqualTo(1);
        JsonNode error = result.get("errors").get(0);
        assertThat(error.get("row").asInt()).isEqualTo(3);
        assertThat(error.get("name").asString()).isEqualTo(unknown.name());
        assertThat(error.get("field").asString()).isEqualTo("保障方案");
        assertThat(error.get("message").asString()).contains("牙科保障", "不存在", "基本保障", "住院医疗");
    }

    @Test
    void theDownloadedTemplatesImportWithoutErrorsAndAgainAsAlreadyEnrolled() throws IOException {
        byte[] csvTemplate = download("/api/v1/roster-imports/template.csv");
        byte[] xlsxTemplate = download("/api/v1/roster-imports/template.xlsx");
        long unit = smallUnit(2);

        JsonNode fromCsv = awaitFinished(startImport(unit, "花名册模板.csv", csvTemplate));
        assertThat(fromCsv.get("status").asString()).as(fromCsv.toString()).isEqualTo("DONE");
        assertThat(fromCsv.get("errorCount").asInt()).as(fromCsv.get("errors").toString()).isZero();
        assertThat(fromCsv.get("accepted").asInt()).isEqualTo(2);

        JsonNode fromXlsx = awaitFinished(startImport(unit, "花名册模板.xlsx", xlsxTemplate));
        assertThat(fromXlsx.get("status").asString()).as(fromXlsx.toString()).isEqualTo("DONE");
        assertThat(fromXlsx.get("errorCount").asInt()).as(fromXlsx.get("errors").toString()).isZero();
        assertThat(fromXlsx.get("accepted").asInt()).isZero();
        assertThat(fromXlsx.get("alreadyEnrolled").asInt()).isEqualTo(2);
        assertThat(fromXlsx.get("alreadyEnrolledRows")).extracting(r -> r.get("name").asString() + "/" + r.get("message").asString())
                .containsExactly("张三/已参保，未重复办理", "李四/已参保，未重复办理");
    }

    @Test
    void theXlsxTemplateOffersTheCataloguePlansAndTheFormsAsDropDownLists() throws IOException {
        byte[] xlsx = download("/api/v1/roster-imports/template.xlsx");
        Path file = Files.createTempFile("template", ".xlsx");
        try {
            Files.write(file, xlsx);
            String sheet;
            try (ZipFile zip = new ZipFile(file.toFile())) {
                sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), UTF_8);
            }
            List<String> validations = new ArrayList<>();
            for (String part : unescaped(sheet).split("<dataValidation ")) if (part.contains("type=\"list\"")) validations.add(part);
            assertThat(validations).as(sheet).hasSize(2);
            assertThat(validations).anySatisfy(v -> assertThat(v).contains("sqref=\"E2:E").contains("'选项'!$A$2:$A$"));
            assertThat(validations).anySatisfy(v -> assertThat(v).contains("sqref=\"D2:D").contains("'选项'!$B$2:$B$3"));

            try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
                Sheet choices = workbook.getSheets().filter(s -> s.getName().equals("选项")).findFirst().orElseThrow();
                List<String> plans = new ArrayList<>();
                List<String> forms = new ArrayList<>();
                for (Row row : choices.read()) {
                    if (row.getRowNum() == 1) continue;
                    row.getCellAsString(0).ifPresent(plans::add);
                    row.getCellAsString(1).ifPresent(forms::add);
                }
                assertThat(plans).contains("基本保障", "住院医疗", "重大疾病", "女职工特殊疾病", "女职工特殊疾病（升级版）", "意外伤害",
                        "短期意外伤害（3个月）").doesNotContain("新就业形态劳动者专项意外伤害");
                assertThat(forms).containsExactly("常规就业", "新就业形态");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void uploadingACorrectedFileAgainReportsTheEnrolledRowsByNameNotAsFailures() {
        String paid = today().minusDays(2).toString();
        Worker first = Workers.man(paid, "基本保障", "1");
        Worker second = Workers.woman(paid, "基本保障", "1");
        Worker wrong = Workers.man(paid, "住院医疗", "1").withId("420106199001011234");
        long unit = smallUnit(2);
        JsonNode before = runImport(unit, List.of(first, second, wrong));
        assertThat(before.get("accepted").asInt()).isEqualTo(2);
        assertThat(before.get("errors").get(0).get("name").asString()).isEqualTo(wrong.name());

        Worker corrected = Workers.man(paid, "住院医疗", "1").withName(wrong.name());
        JsonNode again = runImport(unit, List.of(first, second, corrected));

        assertThat(again.get("status").asString()).isEqualTo("DONE");
        assertThat(again.get("accepted").asInt()).isEqualTo(1);
        assertThat(again.get("rejected").asInt()).isZero();
        assertThat(again.get("errorCount").asInt()).isZero();
        assertThat(again.get("alreadyEnrolled").asInt()).isEqualTo(2);
        assertThat(again.get("alreadyEnrolledRows")).extracting(r -> r.get("row").asInt() + " " + r.get("name").asString() + " "
                + r.get("message").asString()).containsExactly("2 " + first.name() + " 已参保，未重复办理", "3 " + second.name() + " 已参保，未重复办理");
    }

    // ------------------------------------------------------------------ fixtures

    private List<String> items(Worker worker) {
        JsonNode found = get("demo-admin", "/api/v1/members?idNumber=" + worker.idNumber()).json();
        assertThat(found).as(worker.name()).hasSize(1);
        JsonNode enrolments = get("demo-admin", "/api/v1/members/" + found.get(0).get("id").asLong() + "/enrolments").json();
        assertThat(enrolments).hasSize(1);
        List<String> out = new ArrayList<>();
        enrolments.get(0).get("coverages").forEach(c -> out.add(c.get("item").asString() + ":" + c.get("plan").asString() + "×"
                + c.get("shares").asInt()));
        return out;
    }

    /** A new unit of {@code headcount} workers under 江岸区总工会: units of 30 or fewer enrol everyone. */
    private long smallUnit(int headcount) {
        long county = organisationIdsByName().get("江岸区总工会");
        String first17 = "91420102" + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
        Answer answer = post("demo-admin", "/api/v1/units", JSON.writeValueAsString(Map.of("name", "花名册名称测试单位" + first17.substring(8),
                "creditCode", first17 + CreditCode.checkCharacter(first17), "ownership", "PRIVATE", "headcount", headcount,
                "organisationId", county)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asLong();
    }

    private JsonNode runImport(long unit, List<Worker> rows) {
        return awaitFinished(startImport(unit, "roster.csv", RosterImportApiTest.csv(RosterImportApiTest.CHINESE_HEADERS, rows, UTF_8)));
    }

    private long startImport(long unit, String fileName, byte[] content) {
        Answer answer = upload("demo-admin", "/api/v1/units/" + unit + "/roster-imports", "file", fileName, content);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().get("id").asLong();
    }

    private JsonNode awaitFinished(long importId) {
        return awaitJson("demo-admin", "/api/v1/roster-imports/" + importId, j -> !j.get("status").asString().equals("RUNNING"));
    }

    private byte[] download(String path) {
        try {
            HttpResponse<byte[]> response = RAW_HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-unit:demo-unit".getBytes(UTF_8)))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** XML numeric character references ({@code &#x9009;}) as the characters they stand for. */
    private static String unescaped(String xml) {
        return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml)
                .replaceAll(m -> Character.toString(Integer.parseInt(m.group(1), 16)));
    }
}
