package org.huzhu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.huzhu.identity.Accounts;
import org.huzhu.organisation.Level;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.scope.Role;
import tools.jackson.databind.JsonNode;

/**
 * Fixtures of the tests of claims in review (their holders, the workload, notes, post-payment checks), for an
 * {@link ApiTest}: fresh union offices of their own (so that what they count is theirs alone), reviewers and union
 * staff placed on them through the identity front door (demo-mode accounts, exempt from the second factor), insured
 * workers of units under them, and claims brought into review or approved automatically through the API.
 */
public final class ClaimOffices {

    public static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    public static final List<String> COMPLETE = List.of("ID_CARD", "BANK_CARD", "RECEIPT", "SETTLEMENT", "DISCHARGE_SUMMARY");
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

    private final ApiTest test;
    private final Organisations organisations;
    private final Accounts accounts;

    public ClaimOffices(ApiTest test, Organisations organisations, Accounts accounts) {
        this.test = test;
        this.organisations = organisations;
        this.accounts = accounts;
    }

    /** A new county office under 武汉市总工会: inside demo-wuhan's scope, outside demo-jingmen's. */
    public OrgNode newCounty() {
        return newCountyUnder(organisations.node(test.organisationIdsByName().get("武汉市总工会")));
    }

    public OrgNode newCountyUnder(OrgNode city) {
        return organisations.createNode("分派测试区" + SEQUENCE.incrementAndGet() + "总工会", Level.COUNTY, city, null);
    }

    /** A new city office under the province, with nobody on it. */
    public OrgNode newCity() {
        return organisations.createNode("分派测试市" + SEQUENCE.incrementAndGet() + "总工会", Level.CITY,
                organisations.node(test.organisationIdsByName().get("湖北省总工会")), null);
    }

    /** A reviewer on the office; usernames grow with each call, so an earlier reviewer sorts first. */
    public String reviewerAt(OrgNode office, String displayName) {
        return staffAt(office, displayName, Role.REVIEWER, "office-reviewer-");
    }

    public String unionStaffAt(OrgNode office, String displayName) {
        return staffAt(office, displayName, Role.UNION_STAFF, "office-staff-");
    }

    private String staffAt(OrgNode office, String displayName, Role role, String prefix) {
        String username = prefix + String.format("%08d", SEQUENCE.incrementAndGet());
        accounts.create(new Accounts.NewAccount(username, username, displayName, role, office.id(), null, null, office.path(), true));
        return username;
    }

    /** A worker of a new unit under the county, enrolled 200 days ago (by the test clock) in the items, with a bank account. */
    public long worker(OrgNode county, String... items) {
        return test.insuredWorker(county.name(), 'M', 200, items);
    }

    /**
     * A hospital stay 30 to 20 days ago with {@code selfPaid} after 1,000.00 from the fund, on a paper receipt (so never
     * approved automatically), filed by demo-admin with every material and submitted; expects it in review.
     */
    public long reviewClaim(long member, String selfPaid) {
        JsonNode submitted = fileAndSubmit(member, hospitalClaim(selfPaid, false, test.today().minusDays(30), test.today().minusDays(20)));
        assertThat(submitted.path("status").asString()).as(submitted.toString()).isEqualTo("UNDER_REVIEW");
        assertThat(submitted.path("materialsCompleteOn").asString()).isEqualTo(test.today().toString());
        return submitted.path("id").asLong();
    }

    /** Files the claim for the member as demo-admin, attaches every material and submits it; answers the submitted claim. */
    public JsonNode fileAndSubmit(long member, Map<String, Object> body) {
        long claim = test.fileClaim(member, body);
        for (String kind : COMPLETE) {
            ApiTest.Answer answer = test.upload("demo-admin", "/api/v1/claims/" + claim + "/documents?kind=" + kind, "file", kind + ".pdf", PDF);
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        }
        ApiTest.Answer submitted = test.post("demo-admin", "/api/v1/claims/" + claim + "/submit", "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return submitted.json();
    }

    /** A hospital stay from {@code admission} to {@code discharge}; the receipt is electronic or paper. */
    public static Map<String, Object> hospitalClaim(String selfPaid, boolean electronic, LocalDate admission, LocalDate discharge) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "ILLNESS");
        body.put("incidentDate", admission.toString());
        body.put("diagnoses", List.of("K35.800"));
        body.put("hospitalStay", Map.of("admission", admission.toString(), "discharge", discharge.toString()));
        String total = new java.math.BigDecimal(selfPaid).add(new java.math.BigDecimal("1000.00")).toPlainString();
        body.put("expenses", Map.of("total", total, "fundPaid", "1000.00", "selfPaid", selfPaid, "selfFunded", "0.00"));
        body.put("receipts", List.of(Map.of("invoiceCode", "42010129", "invoiceNumber", ReceiptNumbers.next(),
                "electronic", electronic, "amount", total)));
        return body;
    }

    /** An accident's hospital stay (no waiting period), on an electronic receipt. */
    public static Map<String, Object> accidentClaim(String selfPaid, LocalDate admission, LocalDate discharge) {
        Map<String, Object> body = hospitalClaim(selfPaid, true, admission, discharge);
        body.put("kind", "ACCIDENT");
        body.put("diagnoses", List.of("S82.600"));
        return body;
    }

    /**
     * A claim of a worker covered for 9 days, drawn for a post-payment check by its risk score whatever the share: a first
     * small accident claim approved automatically, then one at 2,800.00 (early incident 25 + near the limit 20 + paid in
     * the same period 10 = 55). Answers the second, approved automatically and drawn.
     */
    public long riskyAutomaticApproval(OrgNode county) {
        long member = test.insuredWorker(county.name(), 'M', 10, "HOSPITAL:1");
        LocalDate today = test.today();
        assertThat(fileAndSubmit(member, accidentClaim("1200.00", today.minusDays(6), today.minusDays(4))).path("status").asString())
                .isEqualTo("PAYMENT_PENDING");
        JsonNode risky = fileAndSubmit(member, accidentClaim("4866.67", today.minusDays(3), today.minusDays(1)));
        assertThat(risky.path("status").asString()).isEqualTo("PAYMENT_PENDING");
        return risky.path("id").asLong();
    }

    public JsonNode assignment(String user, long claim) {
        ApiTest.Answer answer = test.get(user, "/api/v1/claims/" + claim + "/assignment");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    public String assignee(long claim) {
        JsonNode a = assignment("demo-admin", claim);
        return a.path("assignee").isNull() ? null : a.path("assignee").asString();
    }

    /** The reasons of the claim's timeline, in order. */
    public List<String> timeline(long claim) {
        List<String> reasons = new ArrayList<>();
        test.get("demo-admin", "/api/v1/claims/" + claim).json().path("timeline").forEach(e -> reasons.add(e.path("reason").asString()));
        return reasons;
    }

    /** The ids a list answer holds. */
    public List<Long> ids(ApiTest.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        answer.json().forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }

    /** Moves the test clock to 10:00 China time on the day. */
    public void clockTo(LocalDate day) {
        test.testClock.moveTo(ZonedDateTime.of(day, LocalTime.of(10, 0), TestClock.CHINA).toInstant());
    }
}
