package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.huzhu.recognition.specimen.OfdRenderer;
import org.huzhu.recognition.specimen.PdfRenderer;
import org.huzhu.recognition.specimen.ReceiptFaker;
import org.huzhu.recognition.specimen.ReceiptTruth;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Receipts attached to a claim are read in the background (issue 4 in claims): what was read
 * pre-fills the claim's receipts and expenses, a claim submitted before its receipts were read
 * waits and is judged through RECOGNISED, and a receipt another claim holds is flagged at once.
 * The receipts are the generator's, so every expected value comes from its known truth.
 */
class ClaimReadingTest extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    private Claims claims;

    @Test
    void aReceiptPdfFillsAClaimWithoutTypedExpensesWhichIsJudgedOnceItIsRead() {
        ReceiptTruth truth = receipt();
        long claim = file(insuredWorker("武昌区总工会", 'M', 200, "HOSPITAL:1"), false);
        attach(claim, "RECEIPT", "receipt.pdf", PdfRenderer.render(truth));
        attachMissingMaterials(claim);

        JsonNode submitted = submit(claim);
        JsonNode judged = awaitClaim(claim, c -> !c.path("status").asString().equals("SUBMITTED"));

        assertThat(submitted.path("status").asString()).isIn("SUBMITTED", "RECOGNISED", "UNDER_REVIEW", "APPROVED", "PAYMENT_PENDING", "REJECTED");
        assertThat(transitions(judged)).contains("SUBMITTED→RECOGNISED");
        assertThat(judged.path("status").asString()).isNotEqualTo("RECOGNISED");
        JsonNode receipt = judged.path("receipts").get(0);
        assertThat(receipt.path("invoiceCode").asString()).isEqualTo(truth.invoiceCode());
        assertThat(receipt.path("invoiceNumber").asString()).isEqualTo(truth.invoiceNumber());
        assertThat(receipt.path("electronic").asBoolean()).isTrue();
        assertThat(new BigDecimal(receipt.path("amount").asString())).isEqualByComparingTo(truth.total());
        JsonNode expenses = judged.path("expenses");
        assertThat(expenses.path("total").asString()).isEqualTo(truth.total());
        assertThat(new BigDecimal(expenses.path("fundPaid").asString()))
                .isEqualByComparingTo(new BigDecimal(truth.fundPaid()).add(new BigDecimal(truth.otherPaid())));
        assertThat(expenses.path("selfPaid").asString()).isEqualTo(truth.selfPaid());
        assertThat(expenses.path("selfFunded").asString()).isEqualTo(truth.selfFunded());
        JsonNode reading = judged.path("documents").get(0).path("reading");
        assertThat(reading.path("status").asString()).isEqualTo("READ");
        assertThat(reading.path("source").asString()).isEqualTo("PDF_TEXT");
        assertThat(fieldsOf(reading)).isEqualTo(truth.fields());
    }

    @Test
    void anOfdReceiptPrefillsADraftAndItsHospitalStay() {
        ReceiptTruth truth = inpatientReceipt();
        long claim = file(insuredWorker("洪山区总工会", 'F', 200, "HOSPITAL:1"), true);

        attach(claim, "RECEIPT", "receipt.ofd", OfdRenderer.render(truth));
        JsonNode read = awaitClaim(claim, c -> c.path("documents").get(0).path("reading").path("status").asString().equals("READ"));

        assertThat(read.path("status").asString()).isEqualTo("DRAFT");
        assertThat(read.path("documents").get(0).path("reading").path("source").asString()).isEqualTo("OFD");
        assertThat(read.path("receipts").get(0).path("invoiceNumber").asString()).isEqualTo(truth.invoiceNumber());
        assertThat(read.path("hospitalStay").path("admission").asString()).isEqualTo(truth.admissionDate());
        assertThat(read.path("hospitalStay").path("discharge").asString()).isEqualTo(truth.dischargeDate());
        assertThat(read.path("expenses").path("total").asString()).isEqualTo(truth.total());
    }

    @Test
    void aReceiptAnotherClaimHoldsIsFlaggedOnTheDocumentAndNotAdded() {
        ReceiptTruth truth = receipt();
        byte[] pdf = PdfRenderer.render(truth);
        long first = file(insuredWorker("江岸区总工会", 'M', 200, "HOSPITAL:1"), false);
        attach(first, "RECEIPT", "receipt.pdf", pdf);
        awaitClaim(first, c -> c.path("receipts").size() == 1);

        long second = file(insuredWorker("江岸区总工会", 'F', 200, "HOSPITAL:1"), false);
        attach(second, "RECEIPT", "same-receipt.pdf", pdf);
        JsonNode flagged = awaitClaim(second, c -> c.path("documents").get(0).path("reading").path("status").asString().equals("READ"));

        JsonNode reading = flagged.path("documents").get(0).path("reading");
        assertThat(reading.path("usedByClaimId").asLong()).isEqualTo(first);
        assertThat(reading.path("message").asString()).contains("已用于理赔申请 #" + first);
        assertThat(flagged.path("receipts").size()).isZero();
        assertThat(flagged.path("expenses").isNull() || flagged.path("expenses").isMissingNode()).isTrue();
    }

    @Test
    void typedExpensesAreKeptAndTheClaimIsJudgedWithoutWaiting() {
        ReceiptTruth truth = receipt();
        long member = insuredWorker("武昌区总工会", 'M', 200, "HOSPITAL:1");
        Map<String, Object> body = hospitalClaim(member, true);
        body.put("expenses", Map.of("total", "3000.00", "fundPaid", "1000.00", "selfPaid", "2000.00", "selfFunded", "0.00"));
        long claim = post201(body);
        attach(claim, "RECEIPT", "receipt.pdf", PdfRenderer.render(truth));

        JsonNode submitted = submit(claim);
        JsonNode read = awaitClaim(claim, c -> c.path("documents").get(0).path("reading").path("status").asString().equals("READ"));

        assertThat(submitted.path("status").asString()).isNotIn("SUBMITTED", "RECOGNISED");
        assertThat(read.path("expenses").path("total").asString()).isEqualTo("3000.00");
        assertThat(read.path("expenses").path("selfPaid").asString()).isEqualTo("2000.00");
    }

    @Test
    void anUnreadableReceiptIsMarkedAndTheWaitingClaimIsSentBackForAClearerOneNeverRejected() {
        long claim = file(insuredWorker("武昌区总工会", 'M', 200, "HOSPITAL:1"), false);
        attach(claim, "RECEIPT", "broken.pdf", "%PDF-1.7\nthis is not a pdf body\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        attachMissingMaterials(claim);

        submit(claim);
        JsonNode judged = awaitClaim(claim, c -> c.path("status").asString().equals("MATERIALS_REQUESTED"));

        JsonNode reading = judged.path("documents").get(0).path("reading");
        assertThat(reading.path("status").asString()).isEqualTo("UNREADABLE");
        assertThat(reading.path("message").asString()).matches("(?s).*\\p{IsHan}.*");
        assertThat(judged.path("receipts").size()).isZero();
        JsonNode request = judged.path("evidence").path("materialRequests").get(0);
        assertThat(request.path("requirements")).extracting(r -> r.path("code").asString()).containsExactly("RECEIPT");
        assertThat(request.path("reasons")).extracting(r -> r.path("code").asString()).containsExactly("MISSING", "ILLEGIBLE");
    }

    @Test
    void receiptsAttachedTogetherAreReadTogetherAndEachAddedToTheClaim() {
        ReceiptTruth first = receipt();
        ReceiptTruth second = receipt();
        long claim = file(insuredWorker("江岸区总工会", 'M', 200, "HOSPITAL:1"), false);
        CurrentUser admin = new CurrentUser(0, "demo-admin", Role.ADMIN, "/", null, null, null);

        claims.attach(claim, List.of(new Claims.NewDocument("ID_CARD", "id.pdf", PdfRenderer.render(first)),
                new Claims.NewDocument("RECEIPT", "first.pdf", PdfRenderer.render(first)),
                new Claims.NewDocument("RECEIPT", "second.pdf", PdfRenderer.render(second))), admin);
        JsonNode read = awaitClaim(claim, c -> c.path("receipts").size() == 2);

        assertThat(read.path("documents").get(0).path("reading").isNull() || read.path("documents").get(0).path("reading").isMissingNode())
                .as("an ID card is not read").isTrue();
        assertThat(read.path("documents").get(1).path("reading").path("status").asString()).isEqualTo("READ");
        assertThat(read.path("documents").get(2).path("reading").path("status").asString()).isEqualTo("READ");
        List<String> receipts = new ArrayList<>();
        read.path("receipts").forEach(r -> receipts.add(r.path("invoiceNumber").asString()));
        assertThat(receipts).containsExactlyInAnyOrder(first.invoiceNumber(), second.invoiceNumber());
        assertThat(new BigDecimal(read.path("expenses").path("total").asString()))
                .isEqualByComparingTo(new BigDecimal(first.total()).add(new BigDecimal(second.total())));
    }

    /**
     * A view is one committed state. The reading is made to land in the middle of a view: the view is
     * held at its timeline query (a lock on claim_event) after it has read the receipts, and the
     * reader, held until then on the claim's row, records the reading and its receipt meanwhile.
     * A view built from several snapshots then shows the receipt read but not added.
     */
    @Test
    void aReadingThatLandsWhileAViewIsBuiltIsSeenWholeOrNotAtAll() throws Exception {
        CurrentUser admin = new CurrentUser(0, "demo-admin", Role.ADMIN, "/", null, null, null);
        long claim = -1;
        try (Connection rowLock = dataSource.getConnection(); Connection tableLock = dataSource.getConnection()) {
            rowLock.setAutoCommit(false);
            tableLock.setAutoCommit(false);
            for (int attempt = 0; attempt < 5 && claim < 0; attempt++) {
                long candidate = file(insuredWorker("洪山区总工会", 'M', 200, "HOSPITAL:1"), false);
                claims.attach(candidate, List.of(new Claims.NewDocument("RECEIPT", "r.pdf", PdfRenderer.render(receipt()))), admin);
                execute(rowLock, "select id from claims.claim where id = " + candidate + " for update");
                if (count(rowLock, "select count(*) from claims.document_reading where claim_id = " + candidate) == 0) claim = candidate;
                else rowLock.rollback();                          // read before the lock was taken: try another
            }
            assertThat(claim).as("a reading held back by the claim's row lock").isPositive();
            execute(tableLock, "lock table claims.claim_event in access exclusive mode");

            long viewed = claim;
            var view = java.util.concurrent.CompletableFuture.supplyAsync(() -> claims.view(viewed, admin));
            awaitTrue(() -> count(rowLock, "select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
                    + " where c.relname = 'claim_event' and not l.granted") > 0);
            rowLock.commit();                                     // the reader records now, the view waits
            awaitTrue(() -> count(tableLock, "select count(*) from claims.receipt where claim_id = " + viewed) == 1);
            tableLock.commit();

            ClaimView seen = view.get(30, java.util.concurrent.TimeUnit.SECONDS);
            var reading = seen.documents().getFirst().reading();
            boolean read = reading != null && "READ".equals(reading.status());
            assertThat(seen.receipts()).as("the receipts beside a reading that is %s", read ? "READ" : "not there yet")
                    .hasSize(read ? 1 : 0);
        }
        long done = claim;
        assertThat(awaitClaim(done, c -> c.path("receipts").size() == 1).path("documents").get(0).path("reading").path("status").asString())
                .isEqualTo("READ");
    }

    @org.springframework.beans.factory.annotation.Autowired
    private javax.sql.DataSource dataSource;

    private static void execute(Connection connection, String sql) throws java.sql.SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(Connection connection, String sql) {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("waited 30 s");
            Thread.sleep(5);
        }
    }

    // ---- fixtures ------------------------------------------------------------------------------

    /** A generated receipt with a code and number no other test uses. */
    private static ReceiptTruth receipt() {
        return ReceiptFaker.receipt(ThreadLocalRandom.current().nextLong());
    }

    private static ReceiptTruth inpatientReceipt() {
        ReceiptTruth truth;
        do {
            truth = receipt();
        } while (!truth.inpatient());
        return truth;
    }

    /** A hospital claim (appendicitis a month ago) without expenses or receipts; the stay typed in when asked. */
    private long file(long member, boolean leaveStayToTheReceipt) {
        Map<String, Object> body = hospitalClaim(member, leaveStayToTheReceipt);
        return post201(body);
    }

    private Map<String, Object> hospitalClaim(long member, boolean leaveStayToTheReceipt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", member);
        body.put("kind", "ILLNESS");
        body.put("incidentDate", today().minusDays(30).toString());
        body.put("diagnoses", List.of("K35.800"));
        if (!leaveStayToTheReceipt) {
            body.put("hospitalStay", Map.of("admission", today().minusDays(30).toString(), "discharge", today().minusDays(20).toString()));
        }
        return body;
    }

    private long post201(Map<String, Object> body) {
        Answer answer = post("demo-admin", "/api/v1/claims", JSON.writeValueAsString(body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    private void attach(long claim, String kind, String fileName, byte[] content) {
        Answer answer = upload("demo-admin", "/api/v1/claims/" + claim + "/documents?kind=" + kind, "file", fileName, content);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("reading").path("status").asString()).isEqualTo("PENDING");
    }

    private JsonNode submit(long claim) {
        Answer answer = post("demo-admin", "/api/v1/claims/" + claim + "/submit", "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The claim once {@code done} holds (readings run in the background), or a failure after 60 s. */
    private JsonNode awaitClaim(long claim, Predicate<JsonNode> done) {
        return awaitJson("demo-admin", "/api/v1/claims/" + claim, done);
    }

    private static Map<String, String> fieldsOf(JsonNode reading) {
        Map<String, String> fields = new LinkedHashMap<>();
        reading.path("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
        return fields;
    }

}
