package org.huzhu.memberapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.huzhu.membership.GiftCovers;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.organisation.Level;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.support.ApiTest;
import org.huzhu.support.TextedCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * 领取免费意外保障 in the member app: only a verified new-form worker may claim the gift cover, once a year, after
 * agreeing to the consent screen and saying which kind of work they do, within the yearly places of the offices above
 * them. Real-name verification alone grants nothing.
 */
class GiftCoverAppTest extends ApiTest {

    private static final String CLAIM = "{\"consent\": true, \"workKind\": \"COURIER\"}";

    @Autowired
    SimulatedSmsCentre centre;

    @Autowired
    Organisations organisations;

    @Autowired
    GiftCovers gifts;

    @Test
    void anUnverifiedWorkerIsNotEligibleAndCannotClaim() {
        AppClient app = signedIn("未认证骑手", "NEW_FORM", newUnit("江岸区总工会"));

        JsonNode offer = app.get("/api/v1/m/gift-cover").answer().json();

        assertThat(offer.path("eligible").asBoolean()).isFalse();
        assertThat(offer.path("reason").asString()).isEqualTo("请先完成实名认证");
        assertProblem(app.post("/api/v1/m/gift-cover", CLAIM).answer(), 409);
    }

    @Test
    void aVerifiedNewFormWorkerClaimsOnceAfterConsentingAndIsToldBySms() {
        AppClient app = signedIn("领取骑手", "NEW_FORM", newUnit("江岸区总工会"));
        verify(app);
        long member = memberId(app);
        assertThat(enrolmentsOf(member)).as("verification grants nothing").isZero();

        AppClient.Reply offer = app.get("/api/v1/m/gift-cover");
        assertThat(offer.status()).as(offer.answer().body()).isEqualTo(200);
        assertThat(offer.answer().json().path("eligible").asBoolean()).isTrue();
        assertThat(offer.answer().field("itemName")).isEqualTo("新就业形态劳动者专项意外伤害互助保障");
        assertThat(offer.answer().field("explanation")).contains("新就业形态劳动者专项意外伤害互助保障", "12 个月", "不用缴费");
        assertThat(offer.answer().json().path("conditions").size()).isEqualTo(3);
        assertThat(offer.answer().json().path("workKinds").size()).isEqualTo(4);

        AppClient.Reply noConsent = app.post("/api/v1/m/gift-cover", "{\"workKind\": \"COURIER\"}");
        assertProblem(noConsent.answer(), 400);
        assertThat(fields(noConsent.answer())).containsExactly("consent");
        AppClient.Reply noKind = app.post("/api/v1/m/gift-cover", "{\"consent\": true}");
        assertThat(fields(noKind.answer())).containsExactly("workKind");
        assertThat(enrolmentsOf(member)).isZero();

        AppClient.Reply claimed = app.post("/api/v1/m/gift-cover", CLAIM);

        assertThat(claimed.status()).as(claimed.answer().body()).isEqualTo(201);
        assertThat(claimed.answer().field("coverFrom")).isEqualTo(today().plusDays(1).toString());
        JsonNode enrolment = get("demo-admin", "/api/v1/members/" + member + "/enrolments").json().get(0);
        assertThat(enrolment.path("status").asString()).isEqualTo("IN_FORCE");
        assertThat(enrolment.path("coverages").get(0).path("item").asString()).isEqualTo("GIG_ACCIDENT");
        assertThat(jdbc.sql("select work_kind from membership.gift_claim where member_id = ?").param(member)
                .query(String.class).single()).isEqualTo("COURIER");
        assertThat(jdbc.sql("select count(*) from notifications.message where member_id = ? and template_code = 'GIFT_COVER_GRANTED'")
                .param(member).query(Long.class).single()).isPositive();
        assertThat(app.get("/api/v1/m/gift-cover").answer().json().path("claimed").asBoolean()).isTrue();

        AppClient.Reply again = app.post("/api/v1/m/gift-cover", CLAIM);

        assertProblem(again.answer(), 409);
        assertThat(enrolmentsOf(member)).isEqualTo(1);
    }

    @Test
    void whenTheOfficesPlacesAreUsedUpTheClaimIsRefusedPlainly() {
        OrgNode county = organisations.createNode("名额测试县总工会" + System.nanoTime(), Level.COUNTY,
                organisations.node(organisationIdsByName().get("恩施州总工会")), null);
        gifts.setQuota(county.id(), today().getYear(), 1);
        AppClient first = signedIn("名额骑手甲", "NEW_FORM", unitUnder(county.id()));
        AppClient second = signedIn("名额骑手乙", "NEW_FORM", unitUnder(county.id()));
        verify(first);
        verify(second);
        assertThat(first.post("/api/v1/m/gift-cover", CLAIM).status()).isEqualTo(201);

        JsonNode offer = second.get("/api/v1/m/gift-cover").answer().json();
        AppClient.Reply refused = second.post("/api/v1/m/gift-cover", CLAIM);

        assertThat(offer.path("eligible").asBoolean()).isFalse();
        assertThat(offer.path("reason").asString()).isEqualTo("今年的赠送名额已发完");
        assertProblem(refused.answer(), 409);
        assertThat(refused.answer().body()).contains("今年的赠送名额已发完");
        assertThat(enrolmentsOf(memberId(second))).isZero();
    }

    @Test
    void aRegularWorkerIsNotEligible() {
        AppClient app = signedIn("常规职工", "REGULAR", newUnit("江岸区总工会"));
        verify(app);

        JsonNode offer = app.get("/api/v1/m/gift-cover").answer().json();

        assertThat(offer.path("eligible").asBoolean()).isFalse();
        assertThat(offer.path("reason").asString()).isEqualTo("免费意外保障仅面向新就业形态劳动者");
        assertProblem(app.post("/api/v1/m/gift-cover", CLAIM).answer(), 409);
        assertThat(enrolmentsOf(memberId(app))).isZero();
    }

    // ------------------------------------------------------------------ helpers

    private void verify(AppClient app) {
        AppClient.Reply asked = app.post("/api/v1/m/real-name", "{\"consent\": true}");
        assertThat(asked.answer().field("result")).as(asked.answer().body()).isEqualTo("MATCH");
    }

    private long memberId(AppClient app) {
        return app.get("/api/v1/me").answer().json().path("memberId").asLong();
    }

    private long enrolmentsOf(long member) {
        return jdbc.sql("select count(*) from membership.enrolment where member_id = ?").param(member).query(Long.class).single();
    }

    private long unitUnder(long nodeId) {
        String code = "91420100" + String.format("%09d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000_000));
        Answer answer = post("demo-admin", "/api/v1/units", JSON.writeValueAsString(Map.of("name", "名额测试单位" + System.nanoTime(),
                "creditCode", code + org.huzhu.shared.CreditCode.checkCharacter(new StringBuilder(code)), "ownership", "OTHER",
                "headcount", 50, "organisationId", nodeId)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    /** A worker registered by staff who binds a fresh phone in the app and is signed in. */
    private AppClient signedIn(String name, String employmentForm, long unit) {
        String idNumber = newIdNumber(LocalDate.of(1995, 4, 4), 'M');
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(Map.of("name", name,
                "idNumber", idNumber, "employmentForm", employmentForm, "unitId", unit)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String phone = MemberAppSignInTest.newPhone();
        AppClient app = new AppClient(this::uri);
        app.post("/api/v1/m/sign-in/code", JSON.writeValueAsString(Map.of("phone", phone)));
        AppClient.Reply bound = app.post("/api/v1/m/sign-in", JSON.writeValueAsString(Map.of("phone", phone,
                "code", TextedCodes.codeTextedTo(centre, phone, 1), "name", name, "idNumber", idNumber)));
        assertThat(bound.answer().json().path("signedIn").asBoolean()).as(bound.answer().body()).isTrue();
        return app;
    }
}
