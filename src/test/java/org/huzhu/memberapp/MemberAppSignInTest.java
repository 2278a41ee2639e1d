package org.huzhu.memberapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.membership.PhoneBindings;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.shared.Masks;
import org.huzhu.support.ApiTest;
import org.huzhu.support.TextedCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signing in to the member app over HTTP as a phone's browser does, with the codes read from the simulated
 * SMS centre: binding on the first sign-in, the phone alone afterwards, every refusal, and the app session
 * kept out of the staff console.
 */
class MemberAppSignInTest extends ApiTest {

    @Autowired
    SimulatedSmsCentre centre;

    /** A registered worker: id, name and ID number. */
    record Worker(long id, String name, String idNumber) {
    }

    @Test
    void theFirstSignInBindsByNameAndIdNumberAndLaterOnesNeedOnlyThePhone() {
        Worker worker = registeredWorker("掌上办甲");
        String phone = newPhone();
        AppClient app = handset();

        AppClient.Reply sent = app.post("/api/v1/m/sign-in/code", json(Map.of("phone", phone)));
        assertThat(sent.status()).as(sent.answer().body()).isEqualTo(200);
        assertThat(sent.answer().json().path("resendInSeconds").asLong()).isEqualTo(60);
        AppClient.Reply again = app.post("/api/v1/m/sign-in/code", json(Map.of("phone", phone)));
        assertProblem(again.answer(), 429);
        assertThat(Long.parseLong(again.retryAfter())).isBetween(1L, 60L);

        AppClient.Reply needsBinding = app.post("/api/v1/m/sign-in", json(Map.of("phone", phone, "code", codeTextedTo(phone, 1))));
        assertThat(needsBinding.answer().json().path("signedIn").asBoolean()).isFalse();
        assertThat(needsBinding.answer().field("next")).isEqualTo("BIND");
        assertThat(app.get("/api/v1/me").status()).as("not signed in yet").isEqualTo(401);

        AppClient.Reply bound = app.post("/api/v1/m/sign-in", json(Map.of("phone", phone, "name", worker.name(), "idNumber", worker.idNumber())));
        assertThat(bound.status()).as(bound.answer().body()).isEqualTo(200);
        assertThat(bound.answer().field("name")).isEqualTo(worker.name());
        assertThat(bound.answer().field("maskedIdNumber")).doesNotContain(worker.idNumber().substring(6, 14));
        assertThat(app.get("/api/v1/me").answer().json().path("memberId").asLong()).isEqualTo(worker.id());
        assertThat(app.get("/api/v1/me").answer().field("role")).isEqualTo("MEMBER");
        assertThat(get("demo-admin", "/api/v1/members/" + worker.id()).field("maskedPhone")).isEqualTo(Masks.phone(phone));
        List<String> changes = jdbc.sql("select changes::text from audit.operation_log where path = '/api/v1/m/sign-in' and changes::text like '%appPhone%' and changes::text like ?")
                .param("%" + Masks.phone(phone) + "%").query(String.class).list();
        assertThat(changes).as("the binding is in the operation log, masked").hasSize(1);
        assertThat(changes.getFirst()).doesNotContain(phone);

        assertThat(app.post("/api/v1/m/sign-out", "{}").status()).isEqualTo(200);
        assertThat(app.get("/api/v1/me").status()).isEqualTo(401);

        testClock.advance(Duration.ofSeconds(61));
        AppClient phoneAlone = handset();
        AppClient.Reply sentToBound = phoneAlone.post("/api/v1/m/sign-in/code", json(Map.of("phone", phone)));
        assertThat(sentToBound.answer().json().propertyNames()).as("the same answer whether the number is bound or not")
                .containsExactlyInAnyOrderElementsOf(sent.answer().json().propertyNames());
        AppClient.Reply signedIn = phoneAlone.post("/api/v1/m/sign-in", json(Map.of("phone", phone, "code", codeTextedTo(phone, 2))));
        assertThat(signedIn.answer().json().path("signedIn").asBoolean()).as(signedIn.answer().body()).isTrue();
        assertThat(phoneAlone.get("/api/v1/me").answer().json().path("memberId").asLong()).isEqualTo(worker.id());
        assertThat(phoneAlone.get("/api/v1/inbox").status()).isEqualTo(200);
    }

    @Test
    void aWrongCodeAnExpiredOneAndTooManyTriesAreRefusedOnTheCodeField() {
        String phone = newPhone();
        AppClient app = handset();
        app.post("/api/v1/m/sign-in/code", json(Map.of("phone", phone)));
        String code = codeTextedTo(phone, 1);

        assertCodeRefused(app.post("/api/v1/m/sign-in", json(Map.of("phone", phone, "code", otherThan(code)))), "验证码不正确，请重新输入");
        testClock.advance(Duration.ofMinutes(6));
        assertCodeRefused(app.post("/api/v1/m/sign-in", json(Map.of("phone", phone, "code", code))), "验证码已失效，请重新获取");

        app.post("/api/v1/m/sign-in/code", json(Map.of("phone", phone)));
        String fresh = codeTextedTo(phone, 2);
        for (int i = 0; i < 4; i++) app.post("/api/v1/m/sign-in", json(Map.of("phone", phone, "code", otherThan(fresh))));
        assertCodeRefused(app.post("/api/v1/m/sign-in", json(Map.of("phone", phone, "code", otherThan(fresh)))), "验证码输错次数过多，请重新获取");
        assertCodeRefused(app.post("/api/v1/m/sign-in", json(Map.of("phone", phone, "code", fresh))), "验证码输错次数过多，请重新获取");
        assertThat(app.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void aNumberBoundToAnotherMemberIsRefusedWithoutSayingWhose() {
        Worker holder = registeredWorker("绑定者");
        Worker other = registeredWorker("另一人");
        String phone = newPhone();
        bindAndSignIn(handset(), phone, holder, 1);

        testClock.advance(Duration.ofSeconds(61));
        AppClient app = handset();
        app.post("/api/v1/m/sign-in/code", json(Map.of("phone", phone)));
        AppClient.Reply refused = app.post("/api/v1/m/sign-in", json(Map.of("phone", phone, "code", codeTextedTo(phone, 2),
                "name", other.name(), "idNumber", other.idNumber())));
        assertProblem(refused.answer(), 409);
        assertThat(refused.answer().field("detail")).isEqualTo(PhoneBindings.BOUND_ELSEWHERE);
        assertThat(fields(refused.answer())).containsExactly("phone");
        String holderView = get("demo-admin", "/api/v1/members/" + holder.id()).body();
        assertThat(refused.answer().body()).doesNotContain(holder.name(), String.valueOf(holder.id()),
                JSON.readTree(holderView).path("maskedIdNumber").asString());
        assertThat(app.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void aNameAndIdNumberThatMatchNoMemberAreRefusedPlainlyAndMayBeCorrectedWithoutANewCode() {
        Worker worker = registeredWorker("更正者");
        String phone = newPhone();
        AppClient app = handset();
        app.post("/api/v1/m/sign-in/code", json(Map.of("phone", phone)));
        app.post("/api/v1/m/sign-in", json(Map.of("phone", phone, "code", codeTextedTo(phone, 1))));

        AppClient.Reply unknown = app.post("/api/v1/m/sign-in", json(Map.of("phone", phone, "name", "查无此人",
                "idNumber", newIdNumber(LocalDate.of(1990, 1, 1), 'M'))));
        assertProblem(unknown.answer(), 400);
        assertThat(unknown.answer().field("detail")).isEqualTo("未找到您的参保登记，请联系所在单位或工会");
        AppClient.Reply wrongName = app.post("/api/v1/m/sign-in", json(Map.of("phone", phone, "name", "别人",
                "idNumber", worker.idNumber())));
        assertThat(wrongName.answer().field("detail")).as("a registered ID number under another name says no more")
                .isEqualTo(unknown.answer().field("detail"));

        AppClient.Reply corrected = app.post("/api/v1/m/sign-in", json(Map.of("phone", phone, "name", worker.name(),
                "idNumber", worker.idNumber())));
        assertThat(corrected.answer().json().path("signedIn").asBoolean()).as(corrected.answer().body()).isTrue();
    }

    @Test
    void aStaffAccountsPhoneSignsInToNoStaffAccount() {
        String phone = newPhone();
        long wuhan = organisationIdsByName().get("武汉市总工会");
        Answer staff = post("demo-admin", "/api/v1/accounts", json(Map.of("username", "staff-phone-" + phone, "displayName", "有手机的工作人员",
                "phone", phone, "role", "UNION_STAFF", "orgNodeId", wuhan)));
        assertThat(staff.status()).as(staff.body()).isEqualTo(201);

        AppClient app = handset();
        app.post("/api/v1/m/sign-in/code", json(Map.of("phone", phone)));
        AppClient.Reply answer = app.post("/api/v1/m/sign-in", json(Map.of("phone", phone, "code", codeTextedTo(phone, 1))));
        assertThat(answer.answer().field("next")).as("only members sign in here").isEqualTo("BIND");
        assertThat(app.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void anAppSessionOpensNoConsolePageAndSetsNoPassword() {
        AppClient app = handset();
        bindAndSignIn(app, newPhone(), registeredWorker("只用手机"), 1);

        for (String page : List.of("/", "/console.html")) {
            AppClient.Reply console = app.get(page);
            assertThat(console.status()).as(page).isEqualTo(302);
            assertThat(console.location()).as(page).endsWith("/m/");
        }
        assertThat(app.get("/m/").status()).isEqualTo(200);
        assertProblem(app.post("/api/v1/me/password", json(Map.of("oldPassword", "x", "newPassword", "y"))).answer(), 403);
        assertThat(get("demo-member", "/").status()).as("the demo worker's password login keeps its console").isEqualTo(200);
    }

    // ------------------------------------------------------------------ helpers

    private void bindAndSignIn(AppClient app, String phone, Worker worker, int nthText) {
        app.post("/api/v1/m/sign-in/code", json(Map.of("phone", phone)));
        AppClient.Reply bound = app.post("/api/v1/m/sign-in", json(Map.of("phone", phone, "code", codeTextedTo(phone, nthText),
                "name", worker.name(), "idNumber", worker.idNumber())));
        assertThat(bound.answer().json().path("signedIn").asBoolean()).as(bound.answer().body()).isTrue();
    }

    private Worker registeredWorker(String name) {
        String idNumber = newIdNumber(LocalDate.of(1988, 4, 2), 'F');
        Answer registered = post("demo-admin", "/api/v1/members", json(Map.of("name", name, "idNumber", idNumber,
                "employmentForm", "REGULAR", "unitId", newUnit("江岸区总工会"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new Worker(registered.json().path("id").asLong(), name, idNumber);
    }

    private String codeTextedTo(String phone, int nth) {
        return TextedCodes.codeTextedTo(centre, phone, nth);
    }

    static String newPhone() {
        return "1391" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private static void assertCodeRefused(AppClient.Reply reply, String message) {
        assertProblem(reply.answer(), 400);
        assertThat(reply.answer().field("detail")).isEqualTo(message);
        assertThat(fields(reply.answer())).containsExactly("code");
    }

    private static String json(Map<String, ?> body) {
        return JSON.writeValueAsString(body);
    }

    /** A phone of this class's own address: its refused codes and bindings lock no one else out (20 failures lock an address). */
    private AppClient handset() {
        try {
            return new AppClient(this::uri, java.net.InetAddress.getByName("127.0.0.7"));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
