package org.huzhu.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 13, part 2: the province's division file loaded with one action; units imported in bulk from Excel or CSV. */
class DivisionAndUnitImportTest extends ApiTest {

    private static final String HEADER = "单位名称,统一社会信用代码,所属工会,所有制,职工人数,联系人,联系电话,状态\n";

    @Test
    void hubeisDivisionFileAddsOnlyTheMissingOfficesAndLoadingAgainAddsNothing() {
        Map<String, Long> before = organisationIdsByName();
        long province = before.get("湖北省总工会");

        Answer first = post("demo-admin", "/api/v1/organisations/" + province + "/divisions", "");
        Answer second = post("demo-admin", "/api/v1/organisations/" + province + "/divisions", "");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        Map<String, JsonNode> byCode = new java.util.HashMap<>();
        for (JsonNode n : get("demo-admin", "/api/v1/organisations").json()) {
            if (!"CLOSED".equals(n.path("status").asString())) byCode.put(n.path("divisionCode").asString(), n);
        }
        // 13 prefecture-level divisions, 4 directly administered units, 99 counties and districts
        long fromFile = byCode.keySet().stream().filter(c -> DivisionFile.of("420000").orElseThrow().divisions().stream()
                .anyMatch(d -> d.code().equals(c))).count();
        assertThat(fromFile).isEqualTo(116);
        assertThat(byCode.get("420100").path("name").asString()).isEqualTo("武汉市总工会");
        assertThat(byCode.get("420100").path("id").asLong()).as("the demo's 武汉 kept").isEqualTo(before.get("武汉市总工会"));
        assertThat(byCode.get("422800").path("name").asString()).as("the demo's name kept").isEqualTo("恩施州总工会");
        assertThat(byCode.get("420103").path("name").asString()).isEqualTo("江汉区总工会");
        assertThat(byCode.get("420103").path("parentId").asLong()).isEqualTo(before.get("武汉市总工会"));
        for (String code : List.of("429004", "429005", "429006", "429021")) {
            assertThat(byCode.get(code).path("parentId").asLong()).as(code).isEqualTo(province);
        }
        assertThat(byCode.get("429021").path("name").asString()).isEqualTo("神农架林区总工会");
        assertThat(first.json().path("created").asInt()).isGreaterThan(90);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("created").asInt()).isZero();
    }

    @Test
    void theSameUnitFileUploadedTwiceRegistersOnceAndAChangedRowIsUpdatedWithHistory() throws IOException {
        String a = OrganisationAdministrationTest.creditCode();
        String b = OrganisationAdministrationTest.creditCode();
        List<String[]> rows = List.of(
                new String[]{"导入测试甲公司", a, "420102", "民营企业", "120", "王五", "13800001111", "正常"},
                new String[]{"导入测试乙医院", b, "武汉市总工会", "机关事业单位", "300", "", "", ""});

        Answer first = upload("demo-wuhan", "/api/v1/units/imports", "file", "units.xlsx", xlsx(rows));
        Answer again = upload("demo-wuhan", "/api/v1/units/imports", "file", "units.xlsx", xlsx(rows));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("created").asInt()).isEqualTo(2);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("created").asInt()).isZero();
        assertThat(again.json().path("updated").asInt()).isZero();
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(2);

        String changed = HEADER + "导入测试甲公司," + a + ",江岸区总工会,民营企业,150,王五,13800001111,正常\n";
        Answer update = upload("demo-wuhan", "/api/v1/units/imports", "file", "units.csv", changed.getBytes(Charset.forName("GBK")));

        assertThat(update.status()).as(update.body()).isEqualTo(200);
        assertThat(update.json().path("updated").asInt()).isEqualTo(1);
        long id = jdbc.sql("select id from organisation.unit where credit_code = ?").param(a).query(Long.class).single();
        JsonNode history = get("demo-wuhan", "/api/v1/units/" + id + "/history").json();
        assertThat(history).anySatisfy(e -> {
            assertThat(e.path("action").asString()).isEqualTo("IMPORTED");
            assertThat(e.path("field").asString()).isEqualTo("headcount");
            assertThat(e.path("before").asString()).isEqualTo("120");
            assertThat(e.path("after").asString()).isEqualTo("150");
        });
        assertThat(get("demo-wuhan", "/api/v1/units/" + id).json().path("contactPhone").asString()).isEqualTo("138****1111");
    }

    @Test
    void aFileWithBrokenRowsNamesEachRowAndFieldAndWritesNothing() {
        String good = OrganisationAdministrationTest.creditCode();
        String csv = HEADER
                + "导入好行公司," + good + ",420102,民营企业,10,,,\n"
                + ",91420100ABCDEFGHIJ,420102,民营企业,10,,,\n"
                + "导入坏电话公司," + OrganisationAdministrationTest.creditCode() + ",420802,家族企业,0,赵六,12345,作废\n"
                + "导入重复公司," + good + ",420102,民营企业,10,,,\n";

        Answer answer = upload("demo-wuhan", "/api/v1/units/imports", "file", "units.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertProblem(answer, 400);
        assertThat(fields(answer)).contains("rows[3].name", "rows[3].creditCode", "rows[4].organisation", "rows[4].ownership",
                "rows[4].headcount", "rows[4].contactPhone", "rows[4].status", "rows[5].creditCode");
        assertThat(answer.json().path("errors").get(0).path("message").asString()).startsWith("第3行 单位名称");
        assertThat(jdbc.sql("select count(*) from organisation.unit where credit_code = ?").param(good).query(Long.class).single()).isZero();
    }

    @Test
    void anEmptyFileAPictureAnOldExcelFileAndUtf16AreRefusedAsUnreadable() {
        Map<String, byte[]> files = Map.of(
                "empty.xlsx", new byte[0],
                "photo.xlsx", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
                "old.xls", new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                "utf16.csv", HEADER.getBytes(StandardCharsets.UTF_16),
                "broken.xlsx", new byte[]{'P', 'K', 3, 4, 1, 2, 3});
        files.forEach((name, content) -> {
            Answer answer = upload("demo-admin", "/api/v1/units/imports", "file", name, content);
            assertProblem(answer, 422);
            assertThat(fields(answer)).as(name).containsExactly("file");
        });
    }

    @Test
    void theTemplateIsAWorkbookWithTheColumns() {
        Answer answer = get("demo-wuhan", "/api/v1/units/import-template.xlsx");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).contains("spreadsheetml");
    }

    private static byte[] xlsx(List<String[]> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("单位");
        String[] header = HEADER.strip().split(",");
        for (int c = 0; c < header.length; c++) ws.value(0, c, header[c]);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < header.length; c++) {
                String v = rows.get(r)[c];
                if (v.isEmpty()) continue;
                if (c == 4) ws.value(r + 1, c, Integer.parseInt(v));
                else ws.value(r + 1, c, v);
            }
        }
        wb.finish();
        return out.toByteArray();
    }
}
