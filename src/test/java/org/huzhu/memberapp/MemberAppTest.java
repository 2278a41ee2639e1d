package org.huzhu.memberapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.support.ApiTest;
import org.huzhu.support.TextedCodes;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Tests of the member app's screens for a signed-in worker: the worker registered by staff, then bound and signed in by phone. */
abstract class MemberAppTest extends ApiTest {

    @Autowired
    SimulatedSmsCentre centre;

    record Worker(long id, String name, String idNumber, String phone, AppClient app) {
    }

    /** A worker registered by staff (no phone yet) who binds {@code phone} in the app and is signed in. */
    Worker signedIn(String name, String idNumber, String employmentForm, String phone) {
        Answer registered = post("demo-admin", "/api/v1/members", json(Map.of("name", name, "idNumber", idNumber,
                "employmentForm", employmentForm, "unitId", newUnit("江岸区总工会"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        AppClient app = new AppClient(this::uri);
        app.post("/api/v1/m/sign-in/code", json(Map.of("phone", phone)));
        AppClient.Reply bound = app.post("/api/v1/m/sign-in", json(Map.of("phone", phone,
                "code", TextedCodes.codeTextedTo(centre, phone, 1), "name", name, "idNumber", idNumber)));
        assertThat(bound.answer().json().path("signedIn").asBoolean()).as(bound.answer().body()).isTrue();
        return new Worker(registered.json().path("id").asLong(), name, idNumber, phone, app);
    }

    AppClient insured(char sex, String... items) {
        return insuredSince(sex, 200, items);
    }

    /** A worker enrolled {@code daysAgo} in the items, with a payout card, signed in to the app. */
    AppClient insuredSince(char sex, int daysAgo, String... items) {
        long unit = newUnit("江岸区总工会");
        String name = sex == 'F' ? "申领女工" : "申领职工";
        String idNumber = newIdNumber(java.time.LocalDate.of(1982, 4, 9), sex);
        Answer registered = post("demo-admin", "/api/v1/members", json(Map.of("name", name, "idNumber", idNumber,
                "employmentForm", "REGULAR", "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long member = registered.json().path("id").asLong();
        enrolItems(unit, member, today().minusDays(daysAgo), items);
        setBankAccount(member, "中国工商银行", newCardNumber());
        String phone = "139" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
        AppClient app = new AppClient(this::uri);
        app.post("/api/v1/m/sign-in/code", json(Map.of("phone", phone)));
        AppClient.Reply bound = app.post("/api/v1/m/sign-in", json(Map.of("phone", phone,
                "code", TextedCodes.codeTextedTo(centre, phone, 1), "name", name, "idNumber", idNumber)));
        assertThat(bound.answer().json().path("signedIn").asBoolean()).as(bound.answer().body()).isTrue();
        return app;
    }

    /** The claim once it satisfies the condition, read again until a deadline. */
    static JsonNode await(AppClient app, long id, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode claim = app.get("/api/v1/m/claims/" + id).answer().json();
        while (!condition.test(claim) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            claim = app.get("/api/v1/m/claims/" + id).answer().json();
        }
        assertThat(condition.test(claim)).as("claim within 90 s: " + claim).isTrue();
        return claim;
    }

    static String json(Map<String, ?> body) {
        return JSON.writeValueAsString(body);
    }
}
