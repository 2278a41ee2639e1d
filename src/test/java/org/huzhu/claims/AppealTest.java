package org.huzhu.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.huzhu.identity.Accounts;
import org.huzhu.organisation.Organisations;
import org.huzhu.payouts.Payouts;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.scope.Role;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Fixtures of the appeal and decision-letter tests: workers with a member-app account (and, where asked, a unit with
 * an operator), claims brought to a rejection or a cut through the API, reviewers placed at union offices, lodging an
 * appeal in the member app or the console (multipart, with documents), and downloading bytes.
 */
abstract class AppealTest extends ApiTest {

    /** ID numbers of the appeal tests use area 3203xx (Changzhou), used by no other test or the demo data. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(300));
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    Accounts accounts;
    @Autowired
    Organisations organisations;
    @Autowired
    Payouts payouts;

    Map<String, Long> orgIds;

    @BeforeEach
    void readTree() {
        orgIds = organisationIdsByName();
    }

    /** A worker, their member-app account, their unit, and the numbers the letters must never show in full. */
    record Worker(long member, long unit, String account, String name, String idNumber, String card) {
    }

    /** A worker of a fresh 武昌区 unit, enrolled 200 days ago in HOSPITAL:{@code shares}, with a payout card and an app account. */
    Worker worker(int shares) {
        long unit = newUnit("武昌区总工会");
        String idNumber = idNumber(LocalDate.of(1981, 7, 8));
        String name = "曾维" + (char) ('甲' + SEQUENCE.get() % 10);
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", name, "idNumber", idNumber,
                "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        enrolItems(unit, member, today().minusDays(200), "HOSPITAL:" + shares);
        String card = newCardNumber();
        setBankAccount(member, "中国工商银行", card);
        String account = "appeal-worker-" + member;
        accounts.create(new Accounts.NewAccount(account, account, name, Role.MEMBER, null, unit, member,
                organisations.unit(unit).orElseThrow().path(), false));
        return new Worker(member, unit, account, name, idNumber, card);
    }

    /** An operator account of the worker's unit, who is told of the appeal too. */
    long unitOperator(Worker w) {
        var unit = organisations.unit(w.unit()).orElseThrow();
        String username = "appeal-unit-" + w.unit();
        return accounts.create(new Accounts.NewAccount(username, username, "单位经办人", Role.UNIT_OPERATOR, unit.organisationId(), unit.id(),
                null, unit.path(), true));
    }

    /** An appendicitis stay 30 to 20 days ago filed by demo-admin with its materials and submitted: in review (a paper receipt). */
    long inReview(Worker w, String selfPaid) {
        long claim = filed(w, selfPaid, false);
        attachMissingMaterials(claim);
        Answer submitted = post("demo-admin", "/api/v1/claims/" + claim + "/submit", "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().path("status").asString()).isEqualTo("UNDER_REVIEW");
        return claim;
    }

    /** An appendicitis stay filed by demo-admin as a draft ({@link #appendicitisClaim}), its receipt electronic or paper. */
    long filed(Worker w, String selfPaid, boolean electronic) {
        return fileClaim(w.member(), appendicitisClaim(selfPaid, electronic));
    }

    /** A 1,000.00 claim (480.00 computed, county level) rejected by {@code reviewer} with a reason naming the illness. */
    long rejected(Worker w, String reviewer) {
        long claim = inReview(w, "1000.00");
        Answer rejected = post(reviewer, "/api/v1/claims/" + claim + "/reject", "{\"reason\":\"阑尾炎K35.800票据与病历不符\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        return claim;
    }

    /** A 1,000.00 claim approved by {@code reviewer} at 300.00 instead of the computed 480.00 (duplicate expenses). */
    long cut(Worker w, String reviewer) {
        long claim = inReview(w, "1000.00");
        Answer approved = post(reviewer, "/api/v1/claims/" + claim + "/approve",
                "{\"items\":[{\"item\":\"HOSPITAL\",\"amount\":\"300.00\",\"reasonCode\":\"DUPLICATE_EXPENSES\",\"reason\":\"阑尾炎两张票据重复\"}]}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("PAYMENT_PENDING");
        return claim;
    }

    /** A REVIEWER account placed at the named union office. */
    String reviewer(String office) {
        long node = orgIds.get(office);
        String username = "appeal-reviewer-" + SEQUENCE.incrementAndGet() + "-" + node;
        accounts.create(new Accounts.NewAccount(username, username, "审核员", Role.REVIEWER, node, null, null,
                organisations.node(node).path(), true)); // a demo-mode fixture: exempt from the second factor
        return username;
    }

    JsonNode claim(long id) {
        Answer answer = get("demo-admin", "/api/v1/claims/" + id);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The worker lodges in the member app: the reason and one photo (a PDF) per kind. */
    Answer lodgeInApp(Worker w, long claim, String reason, String... kinds) {
        List<String[]> parts = new ArrayList<>();
        if (reason != null) parts.add(new String[] {"reason", reason});
        for (String kind : kinds) parts.add(new String[] {"kinds", kind});
        return multipart(w.account(), "/api/v1/m/claims/" + claim + "/appeal", parts, "photos", kinds.length);
    }

    /** Staff lodge for the worker in the console: the reason and one document (a PDF) per kind. */
    Answer lodgeInConsole(String user, long claim, String reason, String... kinds) {
        List<String[]> parts = new ArrayList<>();
        if (reason != null) parts.add(new String[] {"reason", reason});
        for (String kind : kinds) parts.add(new String[] {"kind", kind});
        return multipart(user, "/api/v1/claims/" + claim + "/appeal", parts, "file", kinds.length);
    }

    Answer decide(String user, long claim, String json) {
        return post(user, "/api/v1/claims/" + claim + "/appeal/decision", json);
    }

    /** A multipart request of text parts and {@code files} PDF files named {@code fileField}. */
    private Answer multipart(String user, String path, List<String[]> texts, String fileField, int files) {
        String boundary = "----appeal" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] t : texts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + t[0] + "\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + t[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < files; i++) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"appeal-" + i
                    + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(PDF);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    record Download(int status, String contentType, String disposition, byte[] body) {
    }

    Download download(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET().header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }


    static List<String> reasons(JsonNode claim) {
        List<String> out = new ArrayList<>();
        claim.path("timeline").forEach(e -> out.add(e.path("reason").asString()));
        return out;
    }

    private static String idNumber(LocalDate birth) {
        int n = SEQUENCE.incrementAndGet();
        String first17 = "3203" + String.format("%02d", n / 450 % 100) + birth.toString().replace("-", "")
                + String.format("%03d", (n % 450) * 2 + 1);
        return first17 + IdNumber.checkCharacter(first17);
    }
}
