package org.huzhu.memberapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huzhu.recognition.specimen.PdfRenderer;
import org.huzhu.recognition.specimen.PngRenderer;
import org.huzhu.recognition.specimen.ReceiptFaker;
import org.huzhu.recognition.specimen.ReceiptTruth;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 申领互助金 in the member app (issue 15, items 8 and 9): a worker files with photos, each read in the background and
 * confirmed or corrected; the ID card and bank card on file are not asked for; a breast-cancer stay offers the other
 * items she holds (一并申领); a claim missing materials is never rejected by the system; a withdrawn draft frees its
 * receipts; nobody sees another's claim, and staff cannot use the worker's API.
 */
class ClaimAppTest extends MemberAppTest {

    @Test
    void aPhotoOfAReceiptIsReadAndTheWorkerConfirmsOrCorrectsWhatWasRead() {
        AppClient app = insured('M', "HOSPITAL:1");
        ReceiptTruth truth = ReceiptFaker.inpatientReceipt();

        AppClient.Reply filed = file(app, "住院", "K35.8", AppClient.Part.file("photos", "receipt.png",
                PngRenderer.png(PngRenderer.render(truth))));

        assertThat(filed.status()).as(filed.answer().body()).isEqualTo(201);
        JsonNode draft = filed.answer().json();
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("whatHappened").asString()).isEqualTo("住院");
        assertThat(draft.path("photos").get(0).path("reading").asString()).isEqualTo("PENDING");
        assertThat(texts(draft.path("missingMaterials"))).as("the ID card and bank card on file are not asked for")
                .doesNotContain("身份证", "银行卡").contains("医保结算单", "出院小结");
        assertThat(draft.path("promise").asString()).isEqualTo("材料齐全后7个工作日内支付");
        long id = draft.path("id").asLong();

        JsonNode read = await(app, id, c -> !c.path("photos").get(0).path("reading").asString().equals("PENDING"));
        JsonNode photo = read.path("photos").get(0);
        assertThat(photo.path("reading").asString()).as(photo.toString()).isEqualTo("READ");
        assertThat(photo.path("fields").path("invoiceNumber").asString()).isEqualTo(truth.invoiceNumber());

        String corrected = "1234.56";
        AppClient.Reply confirmed = app.put("/api/v1/m/claims/" + id + "/receipts", json(Map.of(
                "receipts", List.of(Map.of("invoiceCode", truth.invoiceCode(), "invoiceNumber", truth.invoiceNumber(), "amount", corrected)),
                "hospitalStay", Map.of("admission", today().minusDays(20).toString(), "discharge", today().minusDays(12).toString()),
                "expenses", Map.of("total", "5000.00", "fundPaid", "2000.00", "selfPaid", "3000.00", "selfFunded", "0.00"))));

        assertThat(confirmed.status()).as(confirmed.answer().body()).isEqualTo(200);
        JsonNode after = confirmed.answer().json();
        assertThat(after.path("receipts").get(0).path("amount").asString()).isEqualTo(corrected);
        assertThat(after.path("expenses").path("selfPaid").asString()).isEqualTo("3000.00");
        assertThat(after.path("estimate").asString()).as("HOSPITAL: 60% of (3000 − 200)").isEqualTo("1680.00");
        assertThat(texts(after.path("timeline").findValues("text"))).contains("填写申请", "修改了申请");
        AppClient.Reply wrong = app.put("/api/v1/m/claims/" + id + "/receipts", json(Map.of(
                "receipts", List.of(Map.of("invoiceCode", "123", "invoiceNumber", truth.invoiceNumber(), "amount", corrected)))));
        assertProblem(wrong.answer(), 400);
        assertThat(fields(wrong.answer())).containsExactly("receipts[0].invoiceCode");
    }

    @Test
    void aBreastCancerStayOffersTheOtherItemsSheHoldsAndOneTapClaimsThemToo() {
        AppClient app = insured('F', "HOSPITAL:1", "CRITICAL_ILLNESS:1", "FEMALE_SPECIAL:1");

        JsonNode draft = file(app, "住院", "C50.9").answer().json();

        assertThat(texts(draft.path("items").findValues("item"))).containsExactly("HOSPITAL");
        JsonNode prompts = draft.path("prompts");
        assertThat(texts(prompts.findValues("item"))).containsExactlyInAnyOrder("CRITICAL_ILLNESS", "FEMALE_SPECIAL");
        JsonNode critical = prompt(prompts, "CRITICAL_ILLNESS");
        assertThat(critical.path("text").asString()).startsWith("您还参加了重大疾病互助保障").contains("可一并申领，需补充：").contains("病理报告");

        AppClient.Reply added = app.post("/api/v1/m/claims/" + draft.path("id").asLong() + "/items", "{\"item\": \"CRITICAL_ILLNESS\"}");

        assertThat(added.status()).as(added.answer().body()).isEqualTo(200);
        JsonNode after = added.answer().json();
        assertThat(texts(after.path("items").findValues("item"))).containsExactly("HOSPITAL", "CRITICAL_ILLNESS");
        assertThat(texts(after.path("prompts").findValues("item"))).containsExactly("FEMALE_SPECIAL");
        assertThat(texts(after.path("missingMaterials"))).contains("病理报告");
        assertThat(after.path("estimate").asString()).as("the critical-illness lump sum").isEqualTo("10000.00");
        assertThat(app.post("/api/v1/m/claims/" + draft.path("id").asLong() + "/items", "{\"item\": \"CRITICAL_ILLNESS\"}").status())
                .isEqualTo(409);
    }

    @Test
    void aClaimMissingMaterialsIsNeverRejectedAutomaticallyAndStaysOpenForMorePhotos() {
        AppClient app = insured('M', "HOSPITAL:1");
        long id = file(app, "住院", "K35.8").answer().json().path("id").asLong();

        AppClient.Reply submitted = app.post("/api/v1/m/claims/" + id + "/submit", "");

        assertThat(submitted.status()).as(submitted.answer().body()).isEqualTo(200);
        JsonNode open = submitted.answer().json();
        assertThat(open.path("status").asString()).as("no expenses, no stay: sent back for them, never rejected").isEqualTo("MATERIALS_REQUESTED");
        assertThat(open.path("decided").asBoolean()).as("waiting for a material is not a decision").isFalse();
        assertThat(open.path("waitingForMaterials").asBoolean()).isTrue();
        assertThat(open.path("canAddPhotos").asBoolean()).isTrue();
        assertThat(texts(open.path("timeline").findValues("text"))).anyMatch(t -> t.startsWith("请补充材料：") && t.contains("医疗收费票据"));
        assertThat(open.path("askedBy").asString()).isEqualTo(java.time.LocalDate.now(testClock).plusDays(60).toString());
        assertThat(jdbc.sql("select count(*) from notifications.message m join claims.claim c on c.member_id = m.member_id"
                + " where c.id = ? and m.template_code = 'CLAIM_MATERIALS_NEEDED'").param(id).query(Long.class).single()).isPositive();

        AppClient.Reply more = app.postParts("/api/v1/m/claims/" + id + "/photos", List.of(
                AppClient.Part.file("photos", "summary.pdf", PdfRenderer.render(ReceiptFaker.inpatientReceipt())),
                AppClient.Part.text("kinds", "DISCHARGE_SUMMARY")));

        assertThat(more.status()).as(more.answer().body()).isEqualTo(200);
        JsonNode still = more.answer().json();
        assertThat(still.path("status").asString()).as("still waiting for the rest").isEqualTo("MATERIALS_REQUESTED");
        assertThat(texts(still.path("missingMaterials"))).doesNotContain("出院小结");
        assertThat(texts(still.path("missingKinds"))).as("what a further photo is taken as").contains("RECEIPT").doesNotContain("DISCHARGE_SUMMARY");
        List<String> photoKinds = texts(app.get("/api/v1/m/photo-kinds").answer().json().findValues("kind"));
        assertThat(photoKinds).as("the ID card and bank card are on file").contains("RECEIPT", "DISCHARGE_SUMMARY", "PATHOLOGY_REPORT")
                .doesNotContain("ID_CARD", "BANK_CARD");
        assertThat(texts(still.path("timeline").findValues("text")).stream().filter(t -> t.startsWith("请补充材料："))).hasSize(1);
    }

    @Test
    void aWithdrawnDraftFreesItsReceiptForAnotherClaim() {
        AppClient first = insured('M', "HOSPITAL:1");
        byte[] receipt = PdfRenderer.render(ReceiptFaker.inpatientReceipt());
        long id = file(first, "住院", "K35.8", AppClient.Part.file("photos", "receipt.pdf", receipt)).answer().json().path("id").asLong();
        await(first, id, c -> c.path("receipts").size() == 1);

        AppClient.Reply withdrawn = first.post("/api/v1/m/claims/" + id + "/withdraw", "");

        assertThat(withdrawn.status()).as(withdrawn.answer().body()).isEqualTo(200);
        assertThat(withdrawn.answer().field("status")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.answer().field("statusName")).isEqualTo("已撤回");
        assertThat(texts(withdrawn.answer().json().path("timeline").findValues("text"))).contains("您已撤回申请");
        assertThat(withdrawn.answer().json().path("receipts").size()).isZero();
        assertProblem(first.post("/api/v1/m/claims/" + id + "/withdraw", "").answer(), 409);
        assertProblem(first.post("/api/v1/m/claims/" + id + "/submit", "").answer(), 409);

        AppClient second = insured('F', "HOSPITAL:1");
        long other = file(second, "住院", "K35.8", AppClient.Part.file("photos", "same.pdf", receipt)).answer().json().path("id").asLong();
        JsonNode read = await(second, other, c -> !c.path("photos").get(0).path("reading").asString().equals("PENDING"));

        assertThat(read.path("photos").get(0).path("message").asString()).isEqualTo("已识别，请核对");
        assertThat(read.path("receipts").size()).as("the receipt backs the new claim").isEqualTo(1);
    }

    @Test
    void aWorkerSeesOnlyTheirOwnClaimsAndStaffCannotUseTheWorkersApi() {
        AppClient owner = insured('M', "HOSPITAL:1");
        long id = file(owner, "意外", null).answer().json().path("id").asLong();
        AppClient other = insured('F', "HOSPITAL:1");

        assertThat(other.get("/api/v1/m/claims/" + id).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/m/claims/" + id + "/withdraw", "").status()).isEqualTo(404);
        assertThat(other.put("/api/v1/m/claims/" + id, "{\"incidentDate\": \"" + today() + "\"}").status()).isEqualTo(404);
        assertThat(texts(other.get("/api/v1/m/claims").answer().json().findValues("id"))).doesNotContain(Long.toString(id));
        assertThat(texts(owner.get("/api/v1/m/claims").answer().json().findValues("id"))).containsExactly(Long.toString(id));
        assertThat(get("demo-admin", "/api/v1/m/claims").status()).isEqualTo(403);
        assertThat(get("demo-admin", "/api/v1/m/claims/" + id).status()).isEqualTo(403);
    }

    @Test
    void diagnosesAreFoundByPlainChineseWords() {
        AppClient app = insured('M', "HOSPITAL:1");
        for (String words : List.of("乳腺癌", "心肌梗死", "骨折", "阑尾炎", "肺炎", "脑梗")) {
            JsonNode found = app.get("/api/v1/m/diagnoses?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8)).answer().json();
            assertThat(found.size()).as(words).isPositive();
            assertThat(found.get(0).path("name").asString()).as(words).matches("(?s).*\\p{IsHan}.*");
        }
        JsonNode breast = app.get("/api/v1/m/diagnoses?q=" + URLEncoder.encode("乳腺癌", StandardCharsets.UTF_8)).answer().json();
        assertThat(breast.get(0).path("code").asString()).startsWith("C50");
    }

    // ---- fixtures -------------------------------------------------------------------------------

    /** A worker enrolled 200 days ago in the items, with a payout card on file, signed in to the app. */
    @Test
    void aDecidedClaimShowsEachItemsResultWithItsReasonInPlainWords() {
        AppClient app = insuredSince('M', 10, "HOSPITAL:1");   // cover began after the incident (20 days ago)
        long id = file(app, "住院", "K35.8").answer().json().path("id").asLong();
        AppClient.Reply confirmed = app.put("/api/v1/m/claims/" + id + "/receipts", json(Map.of(
                "hospitalStay", Map.of("admission", today().minusDays(20).toString(), "discharge", today().minusDays(12).toString()),
                "expenses", Map.of("total", "5000.00", "fundPaid", "2000.00", "selfPaid", "3000.00", "selfFunded", "0.00"))));
        assertThat(confirmed.status()).as(confirmed.answer().body()).isEqualTo(200);
        assertThat(confirmed.answer().json().path("decided").asBoolean()).as("a draft is not decided").isFalse();
        assertThat(confirmed.answer().json().path("amountWords").asString()).isEqualTo("预估可领");

        JsonNode decided = app.post("/api/v1/m/claims/" + id + "/submit", "").answer().json();

        assertThat(decided.path("status").asString()).as(decided.toString()).isEqualTo("REJECTED");
        assertThat(decided.path("decided").asBoolean()).isTrue();
        assertThat(decided.path("amountWords").asString()).isEqualTo("互助金");
        JsonNode item = decided.path("items").get(0);
        assertThat(item.path("itemName").asString()).isEqualTo("住院医疗互助保障");
        assertThat(texts(item.path("reasons"))).containsExactly("事故或发病日期不在保障期内");
    }

    private AppClient.Reply file(AppClient app, String whatHappened, String diagnosis, AppClient.Part... photos) {
        Map<String, Object> claim = new java.util.LinkedHashMap<>(Map.of("whatHappened", whatHappened,
                "incidentDate", today().minusDays(20).toString()));
        if (diagnosis != null) claim.put("diagnosis", diagnosis);
        List<AppClient.Part> parts = new ArrayList<>(List.of(AppClient.Part.json("claim", json(claim))));
        parts.addAll(List.of(photos));
        AppClient.Reply filed = app.postParts("/api/v1/m/claims", parts);
        assertThat(filed.status()).as(filed.answer().body()).isEqualTo(201);
        return filed;
    }

    private static JsonNode prompt(JsonNode prompts, String item) {
        for (JsonNode p : prompts) if (p.path("item").asString().equals(item)) return p;
        throw new AssertionError("no prompt for " + item + ": " + prompts);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asString).toList();
    }
}
