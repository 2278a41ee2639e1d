package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.huzhu.recognition.specimen.OfdRenderer;
import org.huzhu.recognition.specimen.PdfRenderer;
import org.huzhu.recognition.specimen.ReceiptFaker;
import org.huzhu.recognition.specimen.ReceiptTruth;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Claims as an office works them (issue 19, items 1–4): sent back for materials with coded reasons instead of refused,
 * the promise paused and restarted, unanswered claims and idle drafts closed as withdrawn with their receipts freed;
 * approval only on complete materials or coded waivers and acknowledged cross-checks; the hint's item added by the
 * reviewer; drafts edited, a document removed, withdrawn; documents viewed inline.
 */
class ClaimOfficeWorkTest extends ApiTest {

    private static final AtomicLong RECEIPT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private UnansweredClaims unanswered;

    // ---- 退回补件 --------------------------------------------------------------------------------

    @Test
    void aReviewerSendsAClaimBackWithCodedReasonsTheWorkerAndTheUnitAreToldAndTheReviewResumesWithAFreshPromise() {
        long unit = newUnitWithOperator();
        long member = worker(unit, "退件职工", "HOSPITAL:1");
        long claim = fileClaim(member, appendicitisClaim("8000.00", true));
        attachMissingMaterials(claim);
        JsonNode inReview = submit(claim);
        assertThat(inReview.path("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(inReview.path("promiseDueOn").isNull()).isFalse();

        Answer sentBack = post("demo-reviewer", "/api/v1/claims/" + claim + "/send-back", JSON.writeValueAsString(Map.of(
                "reasons", List.of("ILLEGIBLE"), "materials", List.of("RECEIPT"), "note", "金额一栏看不清")));

        assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
        JsonNode c = sentBack.json();
        assertThat(c.path("status").asString()).isEqualTo("MATERIALS_REQUESTED");
        assertThat(c.path("statusName").asString()).isEqualTo("待补件");
        assertThat(c.path("materialsCompleteOn").isNull()).isTrue();
        assertThat(c.path("promiseDueOn").isNull()).as("the promise pauses").isTrue();
        JsonNode request = c.path("evidence").path("materialRequests").get(0);
        assertThat(request.path("requestedBy").asString()).isEqualTo("demo-reviewer");
        assertThat(request.path("reasons").get(0).path("name").asString()).contains("模糊");
        assertThat(request.path("requirements").get(0).path("name").asString()).isEqualTo("医疗收费票据");
        assertThat(request.path("note").asString()).isEqualTo("金额一栏看不清");
        assertThat(request.path("dueOn").asString()).isEqualTo(today().plusDays(60).toString());
        assertThat(messages("member_id", member, "CLAIM_MATERIALS_NEEDED")).anySatisfy(body ->
                assertThat(body).contains("医疗收费票据").contains("模糊").contains("金额一栏看不清"));
        assertThat(messages("account_id", operatorOf(unit), "CLAIM_MATERIALS_NEEDED_UNIT")).anySatisfy(body ->
                assertThat(body).contains(c.path("reference").asString()).contains("医疗收费票据"));

        testClock.advance(Duration.ofDays(3));
        JsonNode stillAsked = uploadAs("demo-admin", claim, "SETTLEMENT");
        assertThat(stillAsked.path("status").asString()).as("not what was asked for").isEqualTo("MATERIALS_REQUESTED");
        uploadAs("demo-admin", claim, "RECEIPT");
        JsonNode resumed = get("demo-reviewer", "/api/v1/claims/" + claim).json();

        assertThat(resumed.path("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(resumed.path("materialsCompleteOn").asString()).as("the promise restarts").isEqualTo(today().toString());
        assertThat(resumed.path("evidence").path("materialRequests").get(0).path("status").asString()).isEqualTo("ANSWERED");
        assertThat(transitions(resumed)).containsSubsequence("UNDER_REVIEW→MATERIALS_REQUESTED", "MATERIALS_REQUESTED→UNDER_REVIEW");
    }

    @Test
    void aSendBackNeedsACodedReasonTheMaterialsAndANoteForOther() {
        long claim = claimInReview(worker(newUnit("武昌区总工会"), "退件职工", "HOSPITAL:1"));
        String path = "/api/v1/claims/" + claim + "/send-back";

        assertThat(fields(post("demo-reviewer", path, "{\"materials\":[\"RECEIPT\"]}"))).containsExactly("reasons");
        assertThat(fields(post("demo-reviewer", path, "{\"reasons\":[\"NOPE\"],\"materials\":[\"RECEIPT\"]}"))).containsExactly("reasons");
        assertThat(fields(post("demo-reviewer", path, "{\"reasons\":[\"MISSING\"]}"))).containsExactly("materials");
        assertThat(fields(post("demo-reviewer", path, "{\"reasons\":[\"MISSING\"],\"materials\":[\"XRAY\"]}"))).containsExactly("materials[0]");
        assertThat(fields(post("demo-reviewer", path, "{\"reasons\":[\"OTHER\"],\"materials\":[\"RECEIPT\"]}"))).containsExactly("note");
        assertThat(post("demo-reviewer", path, "{\"reasons\":").status()).isEqualTo(400);
        assertThat(post("demo-unit", path, "{}").status()).isEqualTo(403);
        assertThat(get("demo-reviewer", "/api/v1/claims/" + claim).json().path("status").asString()).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void aRequestLeftUnansweredClosesTheClaimAsWithdrawnNotRejectedAndFreesItsReceipt() {
        long member = worker(newUnit("武昌区总工会"), "逾期职工", "HOSPITAL:1");
        Map<String, Object> body = appendicitisClaim("8000.00", true);
        long claim = fileClaim(member, body);
        JsonNode asked = submit(claim);   // nothing handed in: the system asks for everything
        assertThat(asked.path("status").asString()).isEqualTo("MATERIALS_REQUESTED");
        assertThat(asked.path("evidence").path("materialRequests").get(0).path("requestedBy").asString()).isEqualTo("系统");

        testClock.advance(Duration.ofDays(60));
        unanswered.lapse();
        assertThat(get("demo-admin", "/api/v1/claims/" + claim).json().path("status").asString()).as("due today, not yet past")
                .isEqualTo("MATERIALS_REQUESTED");

        testClock.advance(Duration.ofDays(1));
        unanswered.lapse();
        JsonNode closed = get("demo-admin", "/api/v1/claims/" + claim).json();

        assertThat(closed.path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(closed.path("timeline").get(closed.path("timeline").size() - 1).path("reason").asString()).contains("不是拒付");
        assertThat(closed.path("evidence").path("materialRequests").get(0).path("status").asString()).isEqualTo("LAPSED");
        assertThat(messages("member_id", member, "CLAIM_LAPSED")).isNotEmpty();
        Map<String, Object> again = appendicitisClaim("8000.00", true);
        again.put("receipts", body.get("receipts"));
        again.put("incidentDate", today().minusDays(30).toString());
        fileClaim(member, again);   // the same receipt backs a new claim
    }

    @Test
    void aDraftLeftUntouchedIsWithdrawnAndItsReceiptFreed() {
        long member = worker(newUnit("武昌区总工会"), "草稿职工", "HOSPITAL:1");
        long claim = fileClaim(member, appendicitisClaim("500.00", true));
        testClock.advance(Duration.ofDays(59));
        unanswered.lapse();
        assertThat(get("demo-admin", "/api/v1/claims/" + claim).json().path("status").asString()).isEqualTo("DRAFT");

        testClock.advance(Duration.ofDays(2));
        unanswered.lapse();

        assertThat(get("demo-admin", "/api/v1/claims/" + claim).json().path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(messages("member_id", member, "CLAIM_DRAFT_LAPSED")).isNotEmpty();
    }

    // ---- approval needs its evidence, the hint's item added ------------------------------------

    @Test
    void theHintsItemIsAddedByTheReviewerAndApprovalNeedsEachMissingMaterialOrACodedWaiver() {
        long member = worker(newUnit("武昌区总工会"), "重疾女工", "HOSPITAL:1", "CRITICAL_ILLNESS:1");
        Map<String, Object> body = appendicitisClaim("8000.00", true);
        body.put("diagnoses", List.of("C50.901"));
        body.put("items", List.of("HOSPITAL"));
        long claim = fileClaim(member, body);
        attachMissingMaterials(claim);
        JsonNode inReview = submit(claim);
        assertThat(inReview.path("hints")).extracting(h -> h.path("item").asString()).contains("CRITICAL_ILLNESS");

        assertThat(post("demo-reviewer", "/api/v1/claims/" + claim + "/items", "{\"item\":\"FEMALE_SPECIAL\"}").status()).isEqualTo(400);
        Answer added = post("demo-reviewer", "/api/v1/claims/" + claim + "/items", "{\"item\":\"CRITICAL_ILLNESS\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        JsonNode c = added.json();
        assertThat(c.path("items")).extracting(JsonNode::asString).containsExactly("HOSPITAL", "CRITICAL_ILLNESS");
        assertThat(c.path("benefits")).extracting(b -> b.path("item").asString()).contains("CRITICAL_ILLNESS");
        assertThat(c.path("missingMaterials")).extracting(JsonNode::asString).containsExactly("病理报告");
        assertThat(lastEntry(c).path("actor").asString()).isEqualTo("demo-reviewer");
        assertThat(lastEntry(c).path("reason").asString()).contains("增补申领项目").contains("病理报告");
        assertThat(post("demo-reviewer", "/api/v1/claims/" + claim + "/items", "{\"item\":\"CRITICAL_ILLNESS\"}").status()).isEqualTo(409);

        String reviewer = "demo-reviewer";   // the province's: any level
        Answer refused = post(reviewer, "/api/v1/claims/" + claim + "/approve", "{}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("waivers");
        assertThat(refused.field("detail")).contains("病理报告");
        Answer notMissing = post(reviewer, "/api/v1/claims/" + claim + "/approve",
                "{\"waivers\":[{\"requirement\":\"ID_CARD\",\"reasonCode\":\"ORIGINAL_SIGHTED\"}]}");
        assertThat(fields(notMissing)).containsExactly("waivers[0].requirement");
        Answer noNote = post(reviewer, "/api/v1/claims/" + claim + "/approve",
                "{\"waivers\":[{\"requirement\":\"PATHOLOGY_REPORT\",\"reasonCode\":\"OTHER\"}]}");
        assertThat(fields(noNote)).containsExactly("waivers[0].note");
        assertThat(get("demo-admin", "/api/v1/claims/" + claim).json().path("evidence").path("waivers").size()).isZero();

        Answer approved = post(reviewer, "/api/v1/claims/" + claim + "/approve",
                "{\"waivers\":[{\"requirement\":\"PATHOLOGY_REPORT\",\"reasonCode\":\"HOSPITAL_CONFIRMED\",\"note\":\"医院病理科电话确认\"}]}");

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode waived = approved.json().path("evidence").path("waivers").get(0);
        assertThat(waived.path("requirement").path("name").asString()).isEqualTo("病理报告");
        assertThat(waived.path("reasonName").asString()).contains("医院");
        assertThat(waived.path("waivedBy").asString()).isEqualTo(reviewer);
        assertThat(approved.json().path("timeline")).anySatisfy(e -> assertThat(e.path("reason").asString()).contains("豁免材料「病理报告」"));
    }

    @Test
    void everyCrossCheckWarningIsAcknowledgedByTheApprovingReviewerBeforeApproval() {
        ReceiptTruth truth = inpatientReceipt();
        long member = worker(newUnit("武昌区总工会"), "林阳秀", "HOSPITAL:1");
        Map<String, Object> body = appendicitisClaim("8000.00", true);
        body.remove("receipts");
        long claim = fileClaim(member, body);
        uploadFile(claim, "RECEIPT", "receipt.pdf", PdfRenderer.render(truth));
        awaitJson("demo-admin", "/api/v1/claims/" + claim, j -> j.path("documents").get(0).path("reading").path("status").asString().equals("READ"));
        attachMissingMaterials(claim);
        JsonNode c = submit(claim);
        assertThat(c.path("status").asString()).isEqualTo("UNDER_REVIEW");

        List<JsonNode> checks = list(c.path("evidence").path("checks"));
        assertThat(checks).extracting(k -> k.path("code").asString()).contains("PAYER", "TOTAL", "DATES");
        assertThat(checks).filteredOn(k -> k.path("code").asString().equals("PAYER")).singleElement()
                .satisfies(k -> assertThat(k.path("message").asString()).contains(truth.payerName()).contains("林阳秀"));
        assertThat(get("demo-unit", "/api/v1/claims/" + claim).status()).isEqualTo(404);   // another unit's worker

        Answer refused = post("demo-reviewer", "/api/v1/claims/" + claim + "/approve", "{}");
        assertThat(fields(refused)).containsExactly("acknowledged");
        List<String> keys = checks.stream().map(k -> k.path("key").asString()).toList();
        Answer partly = post("demo-reviewer", "/api/v1/claims/" + claim + "/approve",
                JSON.writeValueAsString(Map.of("acknowledged", keys.subList(0, 1))));
        assertThat(fields(partly)).containsExactly("acknowledged");

        Answer approved = post("demo-reviewer", "/api/v1/claims/" + claim + "/approve", JSON.writeValueAsString(Map.of("acknowledged", keys)));

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(list(approved.json().path("evidence").path("checks"))).allSatisfy(k ->
                assertThat(k.path("acknowledgedBy").asString()).isEqualTo("demo-reviewer"));
        assertThat(approved.json().path("timeline")).anySatisfy(e -> assertThat(e.path("reason").asString()).startsWith("已核对并确认提示"));
    }

    @Test
    void theAmountTypedForAReceiptAndAnOutpatientVisitBeforeTheIncidentAreWarnings() {
        ReceiptTruth truth = outpatientReceiptInsideCover();
        long member = worker(newUnit("武昌区总工会"), truth.payerName(), "HOSPITAL:1");
        Map<String, Object> body = appendicitisClaim("8000.00", true);
        body.remove("hospitalStay");
        body.put("incidentDate", java.time.LocalDate.parse(truth.visitDate()).plusDays(3).toString());
        String typed = new java.math.BigDecimal(truth.total()).add(new java.math.BigDecimal("100.00")).toPlainString();
        body.put("receipts", List.of(Map.of("invoiceCode", truth.invoiceCode(), "invoiceNumber", truth.invoiceNumber(),
                "electronic", true, "amount", typed)));
        long claim = fileClaim(member, body);
        long document = uploadFile(claim, "RECEIPT", "receipt.pdf", PdfRenderer.render(truth));
        awaitJson("demo-admin", "/api/v1/claims/" + claim, j -> j.path("documents").get(0).path("reading").path("status").asString().equals("READ"));
        attachMissingMaterials(claim);

        List<JsonNode> checks = list(submit(claim).path("evidence").path("checks"));

        assertThat(checks).filteredOn(k -> k.path("key").asString().equals("TOTAL:" + document)).singleElement()
                .satisfies(k -> assertThat(k.path("message").asString()).contains(truth.total()).contains(typed));
        assertThat(checks).filteredOn(k -> k.path("key").asString().equals("DATES:" + document)).singleElement()
                .satisfies(k -> assertThat(k.path("message").asString()).contains("就诊日期 " + truth.visitDate()));
        assertThat(checks).extracting(k -> k.path("code").asString()).doesNotContain("PAYER", "USED");
    }

    @Test
    void aReceiptAlreadyBackingAnotherClaimIsAWarning() {
        byte[] pdf = PdfRenderer.render(inpatientReceipt());
        long first = fileClaim(worker(newUnit("武昌区总工会"), "先申请", "HOSPITAL:1"), withoutReceipts(appendicitisClaim("8000.00", true)));
        uploadFile(first, "RECEIPT", "r.pdf", pdf);
        awaitJson("demo-admin", "/api/v1/claims/" + first, j -> j.path("receipts").size() == 1);
        long second = fileClaim(worker(newUnit("武昌区总工会"), "后申请", "HOSPITAL:1"), withoutReceipts(appendicitisClaim("8000.00", true)));
        uploadFile(second, "RECEIPT", "r.pdf", pdf);

        JsonNode read = awaitJson("demo-admin", "/api/v1/claims/" + second,
                j -> j.path("documents").get(0).path("reading").path("status").asString().equals("READ"));
        attachMissingMaterials(second);
        JsonNode c = submit(second);

        assertThat(read.path("status").asString()).isEqualTo("DRAFT");
        assertThat(list(c.path("evidence").path("checks"))).filteredOn(k -> k.path("code").asString().equals("USED")).singleElement()
                .satisfies(k -> assertThat(k.path("message").asString()).contains(ClaimReference.of(first)));
    }

    // ---- documents inline, drafts --------------------------------------------------------------

    @Test
    void documentsAreShownInlinePageByPageToThoseWhoMayReadThem() {
        long claim = fileClaim(worker(newUnit("武昌区总工会"), "看材料", "HOSPITAL:1"), appendicitisClaim("8000.00", true));
        long pdf = uploadFile(claim, "SETTLEMENT", "settlement.pdf", PdfRenderer.render(inpatientReceipt()));
        long ofd = uploadFile(claim, "DISCHARGE_SUMMARY", "summary.ofd", OfdRenderer.render(inpatientReceipt()));
        String base = "/api/v1/claims/" + claim + "/documents/";

        for (long document : List.of(pdf, ofd)) {
            assertThat(get("demo-reviewer", base + document + "/pages").json().path("pages").asInt()).isEqualTo(1);
            Answer page = get("demo-reviewer", base + document + "/pages/0");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).isEqualTo("image/png");
            assertThat(page.body().substring(0, 8)).contains("PNG");
            assertThat(get("demo-reviewer", base + document + "/pages/1").status()).isEqualTo(404);
        }
        assertThat(get("demo-finance", base + pdf + "/pages/0").status()).isEqualTo(403);
        assertThat(get("demo-jingmen", base + pdf + "/pages/0").status()).isEqualTo(404);   // out of scope
    }

    @Test
    void aDraftIsEditedLosesAWrongDocumentAndIsWithdrawnFreeingItsReceipt() {
        long member = worker(newUnit("武昌区总工会"), "改草稿", "HOSPITAL:1");
        Map<String, Object> body = appendicitisClaim("800.00", true);
        long claim = fileClaim(member, body);
        long wrong = uploadFile(claim, "ID_CARD", "wrong.pdf", BLANK_PDF);
        uploadFile(claim, "BANK_CARD", "card.pdf", BLANK_PDF);

        Answer edited = put("demo-admin", "/api/v1/claims/" + claim, "{\"incidentDate\":\"" + today().minusDays(25) + "\"}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("incidentDate").asString()).isEqualTo(today().minusDays(25).toString());
        Answer removed = send("demo-admin", java.net.http.HttpRequest.newBuilder(uri("/api/v1/claims/" + claim + "/documents/" + wrong)).DELETE());
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().path("documents")).extracting(d -> d.path("kind").asString()).containsExactly("BANK_CARD");
        assertThat(lastEntry(removed.json()).path("reason").asString()).contains("删除材料").contains("wrong.pdf");
        assertThat(send("demo-admin", java.net.http.HttpRequest.newBuilder(uri("/api/v1/claims/" + claim + "/documents/" + wrong)).DELETE())
                .status()).isEqualTo(404);

        Answer withdrawn = post("demo-admin", "/api/v1/claims/" + claim + "/withdraw", "");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(post("demo-admin", "/api/v1/claims/" + claim + "/withdraw", "").status()).isEqualTo(409);
        Map<String, Object> again = appendicitisClaim("800.00", true);
        again.put("receipts", body.get("receipts"));
        fileClaim(member, again);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private long claimInReview(long member) {
        long claim = fileClaim(member, appendicitisClaim("8000.00", true));
        attachMissingMaterials(claim);
        assertThat(submit(claim).path("status").asString()).isEqualTo("UNDER_REVIEW");
        return claim;
    }

    private long worker(long unit, String name, String... items) {
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", name,
                "idNumber", newIdNumber(java.time.LocalDate.of(1980, 4, 2), 'F'), "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        enrolItems(unit, member, today().minusDays(200), items);
        setBankAccount(member, "中国工商银行", newCardNumber());
        return member;
    }

    private long newUnitWithOperator() {
        long unit = newUnit("武昌区总工会");
        Answer created = post("demo-admin", "/api/v1/accounts", JSON.writeValueAsString(Map.of("username", "ow-op-" + RECEIPT.incrementAndGet(),
                "displayName", "补件经办人", "role", "UNIT_OPERATOR", "unitId", unit)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return unit;
    }

    private long operatorOf(long unit) {
        return jdbc.sql("select id from identity.account where unit_id = ? order by id limit 1").param(unit).query(Long.class).single();
    }

    private List<String> messages(String column, long id, String template) {
        return jdbc.sql("select body from notifications.message where " + column + " = ? and template_code = ? order by id")
                .params(id, template).query(String.class).list();
    }


    private static Map<String, Object> withoutReceipts(Map<String, Object> body) {
        body.remove("receipts");
        return body;
    }

    /** An outpatient receipt whose visit lies inside the cover {@link #worker} enrols (from 200 days back). */
    private ReceiptTruth outpatientReceiptInsideCover() {
        ReceiptTruth truth;
        do {
            truth = ReceiptFaker.receipt(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        } while (truth.inpatient() || !java.time.LocalDate.parse(truth.visitDate()).isAfter(today().minusDays(150))
                || !java.time.LocalDate.parse(truth.visitDate()).isBefore(today().minusDays(10)));
        return truth;
    }

    private static ReceiptTruth inpatientReceipt() {
        ReceiptTruth truth;
        do {
            truth = ReceiptFaker.receipt(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        } while (!truth.inpatient());
        return truth;
    }

    private JsonNode submit(long claim) {
        Answer answer = post("demo-admin", "/api/v1/claims/" + claim + "/submit", "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private long uploadFile(long claim, String kind, String fileName, byte[] content) {
        Answer answer = upload("demo-admin", "/api/v1/claims/" + claim + "/documents?kind=" + kind, "file", fileName, content);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    private JsonNode uploadAs(String user, long claim, String kind) {
        Answer answer = upload(user, "/api/v1/claims/" + claim + "/documents?kind=" + kind, "file", kind + ".pdf", BLANK_PDF);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return get(user, "/api/v1/claims/" + claim).json();
    }

    private static JsonNode lastEntry(JsonNode claim) {
        return claim.path("timeline").get(claim.path("timeline").size() - 1);
    }


    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
