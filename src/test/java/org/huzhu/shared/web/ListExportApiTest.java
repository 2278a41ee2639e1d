package org.huzhu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 导出Excel of the console's lists, read back with fastexcel-reader: the rows of the list for the same filters and
 * scope, masked personal data unless an administrator asks for it in clear (then logged), formula-looking cells
 * neutralised, an empty list a header-only workbook.
 */
class ListExportApiTest extends ApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theMembersExportHoldsTheListsRowsForTheSameFiltersMaskedAndNeutralised() throws Exception {
        Workers w = workers();
        String filter = "?name=" + enc(w.token);
        JsonNode list = get("demo-admin", "/api/v1/members" + filter + "&limit=500").json();
        List<List<String>> sheet = sheet(download("demo-admin", "/api/v1/members.xlsx" + filter));

        assertThat(sheet.getFirst()).containsExactly("编号", "姓名", "性别", "出生日期", "身份证号码", "手机号码", "就业形态", "实名认证",
                "收款银行", "收款账号", "单位", "离职日期", "身故日期", "状态");
        List<List<String>> rows = sheet.subList(1, sheet.size());
        assertThat(rows).hasSize(3).hasSameSizeAs(list);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode m = list.get(i);
            List<String> row = rows.get(i);
            assertThat(row.get(0)).isEqualTo(m.path("id").asString());
            assertThat(row.get(1)).isEqualTo(SpreadsheetExport.neutralised(m.path("name").asString()));
            assertThat(row.get(3)).isEqualTo(m.path("birthDate").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(row.get(4)).isEqualTo(m.path("maskedIdNumber").asString()).startsWith("****************");
            assertThat(row.get(5)).isEqualTo(m.path("maskedPhone").asString());
            assertThat(row.get(9)).isEqualTo(m.path("maskedBankAccount").asString(""));
            assertThat(row.get(13)).isEqualTo(m.path("statusName").asString()).isEqualTo("在职");
        }
        assertThat(rows).extracting(r -> r.get(1)).containsExactly(w.token + "甲", "'=" + w.token + "丙", w.token + "乙");
        assertThat(rows.getFirst().get(2)).isEqualTo("男");
        assertThat(rows.getFirst().get(6)).isEqualTo("常规就业");
        assertThat(rows.getFirst().get(5)).isEqualTo("138****" + w.phoneA.substring(7));
        assertThat(rows.getFirst().get(9)).endsWith(w.cardA.substring(w.cardA.length() - 4)).doesNotContain(w.cardA);
        assertThat(rows.getFirst().get(10)).startsWith("测试单位");
        assertThat(String.join("", rows.stream().flatMap(List::stream).toList())).doesNotContain(w.idA, w.phoneA, w.cardA);
    }

    @Test
    void aCityAccountExportsOnlyTheRowsOfItsCity() throws Exception {
        Workers w = workers();
        String filter = "?name=" + enc(w.token);
        List<List<String>> sheet = sheet(download("demo-wuhan", "/api/v1/members.xlsx" + filter));
        JsonNode list = get("demo-wuhan", "/api/v1/members" + filter).json();
        assertThat(sheet.subList(1, sheet.size())).extracting(r -> r.get(0))
                .containsExactly(list.get(0).path("id").asString(), list.get(1).path("id").asString())
                .doesNotContain(String.valueOf(w.jingmen));
    }

    @Test
    void personalDataComesInClearOnlyForTheRightAndTheExportIsLogged() throws Exception {
        Workers w = workers();
        String path = "/api/v1/members.xlsx?name=" + enc(w.token) + "&unmasked=true";
        long before = unmaskedExportsLogged("demo-admin", "职工");

        List<List<String>> clear = sheet(download("demo-admin", path));
        assertThat(clear.get(1).get(4)).isEqualTo(w.idA);
        assertThat(clear.get(1).get(5)).isEqualTo(w.phoneA);
        assertThat(clear.get(1).get(9)).isEqualTo(w.cardA);
        assertThat(unmaskedExportsLogged("demo-admin", "职工")).isEqualTo(before + 1);
        String logged = jdbc.sql("select revealed::text from audit.operation_log where account = 'demo-admin' and revealed::text like ?"
                + " order by id desc limit 1").param("%导出未脱敏Excel：职工%").query(String.class).single();
        assertThat(logged).contains("姓名=" + w.token, "共3行").doesNotContain(w.idA);

        for (String user : List.of("demo-wuhan", "demo-finance", "demo-unit")) {
            assertThat(status(user, path)).as(user).isEqualTo(403);
        }
        assertThat(unmaskedExportsLogged("demo-wuhan", "职工")).isZero();
    }

    @Test
    void anEmptyListGivesAHeaderOnlyWorkbook() throws Exception {
        List<List<String>> sheet = sheet(download("demo-admin", "/api/v1/members.xlsx?name=" + enc("没有这个人" + UUID())));
        assertThat(sheet).hasSize(1);
        assertThat(sheet.getFirst()).contains("姓名", "身份证号码");
    }

    @Test
    void everyOtherListExportsTheListsRowsForTheSameFilters() throws Exception {
        newUnit("江岸区总工会");
        long jiangan = organisationIdsByName().get("江岸区总工会");
        List<List<String>> units = sameRows("demo-wuhan", "/api/v1/units", "?name=" + enc("测试单位") + "&organisationId=" + jiangan,
                "id", 0, "limit=1000");
        assertThat(units.getFirst()).containsExactly("编号", "单位名称", "统一社会信用代码", "所有制", "职工人数", "所属工会", "联系人", "联系电话", "状态");
        assertThat(units.get(1).get(5)).isEqualTo("江岸区总工会");

        JsonNode someBill = get("demo-admin", "/api/v1/bills?limit=1").json().get(0);
        List<List<String>> bills = sameRows("demo-admin", "/api/v1/bills", "?unitId=" + someBill.path("unitId").asLong(), "reference", 0,
                "limit=500");
        assertThat(bills.get(1).get(2)).isEqualTo(someBill.path("statusName").asString());
        assertThat(bills.get(1).get(3)).matches("\\d+\\.\\d{2}");

        sameRows("demo-admin", "/api/v1/claims", "?status=PAID", "reference", 0, "limit=500");
        sameRows("demo-member", "/api/v1/claims", "", "reference", 0, "limit=500");
        List<List<String>> payouts = sameRows("demo-finance", "/api/v1/payouts", "", "reference", 0, "limit=500");
        if (payouts.size() > 1) assertThat(payouts.get(1).get(5)).contains("*");
        sameRows("demo-finance", "/api/v1/bank-statement-lines", "?from=2000-01-01", "id", 0, "limit=1000");

        assertThat(status("demo-finance", "/api/v1/payouts.xlsx?unmasked=true")).isEqualTo(403);
        assertThat(status("demo-finance", "/api/v1/bank-statement-lines.xlsx?unmasked=true")).isEqualTo(403);
        assertThat(status("demo-admin", "/api/v1/payouts.xlsx?unmasked=true")).isEqualTo(200);
    }

    @Test
    void theCoverListsExportEveryRowOfTheListWithoutPaging() throws Exception {
        for (String kind : List.of("expiring", "lapsed")) {
            JsonNode page = get("demo-wuhan", "/api/v1/cover/" + kind + "?days=366&limit=500").json();
            List<List<String>> sheet = sheet(download("demo-wuhan", "/api/v1/cover/" + kind + ".xlsx?days=366"));
            assertThat(sheet.size() - 1).as(kind).isEqualTo(page.path("total").asInt());
            List<String> names = new ArrayList<>();
            page.path("rows").forEach(r -> names.add(SpreadsheetExport.neutralised(r.path("name").asString())));
            assertThat(column(sheet, 1).subList(0, Math.min(names.size(), sheet.size() - 1))).as(kind).containsExactlyElementsOf(names);
            List<String> ids = new ArrayList<>();
            page.path("rows").forEach(r -> ids.add(r.path("idMasked").asString()));
            assertThat(column(sheet, 2).subList(0, Math.min(ids.size(), sheet.size() - 1))).as(kind).containsExactlyElementsOf(ids);
        }
        assertThat(status("demo-wuhan", "/api/v1/cover/expiring.xlsx?orgId=" + organisationIdsByName().get("东宝区总工会"))).isEqualTo(404);
    }

    @Test
    void theEnrolmentsOfAYearExportOneRowPerEnrolmentWithItsItemsCoverSharesAndStatusInScope() throws Exception {
        Workers w = workers();
        long unit = jdbc.sql("select unit_id from membership.member where name = ?").param(w.token + "甲").query(Long.class).single();
        long member = jdbc.sql("select id from membership.member where name = ?").param(w.token + "甲").query(Long.class).single();
        long id = enrolItems(unit, member, today().minusDays(10), "HOSPITAL:1", "ACCIDENT:1");
        JsonNode e = null;
        for (JsonNode each : get("demo-admin", "/api/v1/members/" + member + "/enrolments").json()) if (each.path("id").asLong() == id) e = each;
        assertThat(e).isNotNull();
        List<String> froms = new ArrayList<>();
        List<String> tos = new ArrayList<>();
        e.path("coverages").forEach(c -> { froms.add(c.path("from").asString()); tos.add(c.path("to").asString()); });
        int year = LocalDate.parse(froms.getFirst()).getYear();

        List<List<String>> sheet = sheet(download("demo-admin", "/api/v1/enrolments.xlsx?unitId=" + unit + "&year=" + year));

        assertThat(sheet.getFirst()).containsExactly("参保编号", "职工编号", "姓名", "身份证号码", "单位", "保障项目", "保障起", "保障止",
                "缴费日期", "保费(元)", "单位缴(元)", "工会补贴(元)", "个人缴(元)", "赠送(元)", "状态");
        assertThat(sheet).hasSize(2);
        List<String> row = sheet.get(1);
        assertThat(row.get(0)).isEqualTo(String.valueOf(id));
        assertThat(row.get(1)).isEqualTo(String.valueOf(member));
        assertThat(row.get(2)).isEqualTo(w.token + "甲");
        assertThat(row.get(3)).startsWith("****").doesNotContain(w.idA);
        assertThat(row.get(5)).contains("住院医疗互助保障", "意外伤害互助保障");
        assertThat(row.get(6)).isEqualTo(froms.stream().sorted().findFirst().orElseThrow());
        assertThat(row.get(7)).isEqualTo(tos.stream().sorted().reduce((a, b) -> b).orElseThrow());
        assertThat(row.get(9)).isEqualTo(e.path("premium").asString());
        assertThat(new java.math.BigDecimal(row.get(10)).add(new java.math.BigDecimal(row.get(11))).add(new java.math.BigDecimal(row.get(12))))
                .isEqualByComparingTo(row.get(9));
        assertThat(row.get(14)).isEqualTo("已缴费");

        assertThat(sheet(download("demo-admin", "/api/v1/enrolments.xlsx?unitId=" + unit + "&year=" + (year + 2)))).hasSize(1);
        assertThat(sheet(download("demo-admin", "/api/v1/enrolments.xlsx?unitId=" + unit + "&year=" + year + "&item=CRITICAL_ILLNESS")))
                .hasSize(1);
        assertThat(sheet(download("demo-admin", "/api/v1/enrolments.xlsx?unitId=" + unit + "&year=" + year + "&status=CANCELLED")))
                .hasSize(1);
        List<List<String>> clear = sheet(download("demo-admin", "/api/v1/enrolments.xlsx?unitId=" + unit + "&year=" + year + "&unmasked=true"));
        assertThat(clear.get(1).get(3)).isEqualTo(w.idA);
        assertThat(status("demo-jingmen", "/api/v1/enrolments.xlsx?unitId=" + unit)).isEqualTo(404);
        assertThat(status("demo-admin", "/api/v1/enrolments.xlsx?status=PAID")).isEqualTo(400);
    }

    @Test
    void theClaimsOfAnotherCityStayOutOfACityAccountsExport() throws Exception {
        long jingmenWorker = insuredWorker("东宝区总工会", 'M', 200, "HOSPITAL:1");
        long claim = fileClaim(jingmenWorker, appendicitisClaim("1000.00", true));
        String reference = get("demo-admin", "/api/v1/claims/" + claim).json().path("reference").asString();
        assertThat(column(sheet(download("demo-admin", "/api/v1/claims.xlsx?memberId=" + jingmenWorker)), 0)).containsExactly(reference);
        assertThat(sheet(download("demo-wuhan", "/api/v1/claims.xlsx?memberId=" + jingmenWorker))).hasSize(1);
    }

    /**
     * The export of {@code list} with {@code filters} holds, in column {@code column}, the list's {@code field} of each row in
     * the list's order (the list asked with {@code paging}, which must hold them all); the sheet is returned.
     */
    private List<List<String>> sameRows(String user, String list, String filters, String field, int column, String paging)
            throws Exception {
        JsonNode rows = get(user, list + (filters.isEmpty() ? "?" : filters + "&") + paging).json();
        List<String> expected = new ArrayList<>();
        rows.forEach(r -> expected.add(SpreadsheetExport.neutralised(r.path(field).asString())));
        List<List<String>> sheet = sheet(download(user, list + ".xlsx" + filters));
        assertThat(column(sheet, column)).as(user + " " + list + filters).containsExactlyElementsOf(expected);
        return sheet;
    }

    private static List<String> column(List<List<String>> sheet, int column) {
        return sheet.subList(1, sheet.size()).stream().map(r -> r.get(column)).toList();
    }

    /** Three workers whose names hold one fresh token: 甲 and =…丙 in 江岸区 (Wuhan), 乙 in 东宝区 (Jingmen). */
    private Workers workers() {
        String token = "导出" + UUID();
        String idA = newIdNumber(LocalDate.of(1980, 5, 4), 'M');
        String phoneA = "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        long a = register("江岸区总工会", token + "甲", idA, phoneA);
        String cardA = newCardNumber();
        setBankAccount(a, "中国工商银行", cardA);
        register("江岸区总工会", "=" + token + "丙", newIdNumber(LocalDate.of(1982, 7, 8), 'F'), null);
        long jingmen = register("东宝区总工会", token + "乙", newIdNumber(LocalDate.of(1990, 1, 2), 'F'), null);
        return new Workers(token, idA, phoneA, cardA, jingmen);
    }

    private record Workers(String token, String idA, String phoneA, String cardA, long jingmen) {
    }

    private long register(String county, String name, String idNumber, String phone) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "idNumber", idNumber, "employmentForm", "REGULAR",
                "unitId", newUnit(county)));
        if (phone != null) body.put("phone", phone);
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(body));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().path("id").asLong();
    }

    private long unmaskedExportsLogged(String account, String list) {
        return jdbc.sql("select count(*) from audit.operation_log where account = ? and revealed::text like ?")
                .params(account, "%导出未脱敏Excel：" + list + "%").query(Long.class).single();
    }

    private static String UUID() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000));
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> request(String user, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private int status(String user, String path) throws Exception {
        return request(user, path).statusCode();
    }

    byte[] download(String user, String path) throws Exception {
        HttpResponse<byte[]> response = request(user, path);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo(SpreadsheetExport.CONTENT_TYPE);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        return response.body();
    }

    static List<List<String>> sheet(byte[] workbook) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
            for (Row row : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) cells.add(row.getCellText(c));
                rows.add(cells);
            }
        }
        return rows;
    }
}
