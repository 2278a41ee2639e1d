package org.huzhu.memberapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huzhu.shared.Masks;
import org.junit.jupiter.api.Test;

/**
 * 实名认证 as the worker does it in the member app, against the simulated identity-verification provider (its
 * demo rules: phone 13900000444 belongs to someone else, ID 420102195001019977 makes the service fail), and the
 * staff's counter check in person: only a match or a counter check verifies, and each leaves evidence.
 */
class RealNameAppTest extends MemberAppTest {

    private static final String SIM_OF_SOMEONE_ELSE = "13900000444";
    private static final String SERVICE_FAILS = "420102195001019977";

    @Test
    void aMatchVerifiesTheWorkerAndGrantsNoCoverByItself() {
        Worker w = signedIn("实名骑手", newIdNumber(LocalDate.of(1996, 3, 9), 'M'), "NEW_FORM", MemberAppSignInTest.newPhone());

        AppClient.Reply status = w.app().get("/api/v1/m/real-name");
        assertThat(status.status()).as(status.answer().body()).isEqualTo(200);
        assertThat(status.answer().json().path("verified").asBoolean()).isFalse();
        assertThat(status.answer().field("name")).isEqualTo(w.name());
        assertThat(status.answer().field("maskedPhone")).isEqualTo(Masks.phone(w.phone()));
        assertThat(status.answer().body()).doesNotContain(w.idNumber().substring(6, 14)).doesNotContain(w.phone());

        AppClient.Reply noConsent = w.app().post("/api/v1/m/real-name", "{}");
        assertProblem(noConsent.answer(), 400);
        assertThat(fields(noConsent.answer())).containsExactly("consent");

        AppClient.Reply asked = w.app().post("/api/v1/m/real-name", "{\"consent\": true}");
        assertThat(asked.status()).as(asked.answer().body()).isEqualTo(200);
        assertThat(asked.answer().field("result")).isEqualTo("MATCH");
        assertThat(asked.answer().json().path("verified").asBoolean()).isTrue();
        assertThat(asked.answer().field("message")).isEqualTo("实名认证已完成");
        assertThat(get("demo-admin", "/api/v1/members/" + w.id()).json().path("realNameVerified").asBoolean()).isTrue();
        assertThat(evidence(w.id())).containsExactly("THREE MATCH " + Masks.phone(w.phone()));
        assertThat(get("demo-admin", "/api/v1/members/" + w.id() + "/enrolments").json().size())
                .as("the gift cover waits for the worker's claim").isZero();
        assertThat(w.app().get("/api/v1/m/gift-cover").answer().json().path("eligible").asBoolean()).isTrue();

        assertProblem(w.app().post("/api/v1/m/real-name", "{\"consent\": true}").answer(), 409);
    }

    @Test
    void aMismatchTellsTheWorkerToComeToTheCounterAndVerifiesNothing() {
        Worker w = signedIn("实名不符", newIdNumber(LocalDate.of(1990, 5, 5), 'F'), "NEW_FORM", SIM_OF_SOMEONE_ELSE);

        AppClient.Reply asked = w.app().post("/api/v1/m/real-name", "{\"consent\": true}");

        assertThat(asked.status()).as(asked.answer().body()).isEqualTo(200);
        assertThat(asked.answer().field("result")).isEqualTo("MISMATCH");
        assertThat(asked.answer().json().path("verified").asBoolean()).isFalse();
        assertThat(asked.answer().field("message")).isEqualTo("信息不一致，请携带身份证到单位或工会窗口核验");
        assertThat(get("demo-admin", "/api/v1/members/" + w.id()).json().path("realNameVerified").asBoolean()).isFalse();
        assertThat(get("demo-admin", "/api/v1/members/" + w.id() + "/enrolments").json().size()).isZero();
        assertThat(evidence(w.id())).containsExactly("THREE MISMATCH " + Masks.phone(SIM_OF_SOMEONE_ELSE));
    }

    @Test
    void anUnavailableServiceAsksTheWorkerToTryLaterAndVerifiesNothing() {
        Worker w = signedIn("实名稍后", SERVICE_FAILS, "REGULAR", MemberAppSignInTest.newPhone());

        AppClient.Reply asked = w.app().post("/api/v1/m/real-name", "{\"consent\": true}");

        assertThat(asked.status()).as(asked.answer().body()).isEqualTo(200);
        assertThat(asked.answer().field("result")).isEqualTo("UNAVAILABLE");
        assertThat(asked.answer().json().path("verified").asBoolean()).isFalse();
        assertThat(asked.answer().field("message")).isEqualTo("核验服务暂时不可用，请稍后再试");
        assertThat(get("demo-admin", "/api/v1/members/" + w.id()).json().path("realNameVerified").asBoolean()).isFalse();
        assertThat(evidence(w.id())).as("the question is kept, as the service's failure, not the person's")
                .containsExactly("THREE UNAVAILABLE " + Masks.phone(w.phone()));
    }

    @Test
    void staffRecordACounterCheckWithTheDocumentTheySaw() {
        long unit = newUnit("江岸区总工会");
        String idNumber = newIdNumber(LocalDate.of(1993, 7, 1), 'M');
        Answer registered = post("demo-admin", "/api/v1/members", json(Map.of("name", "柜台核验", "idNumber", idNumber,
                "employmentForm", "NEW_FORM", "unitId", unit)));
        long id = registered.json().path("id").asLong();
        String path = "/api/v1/members/" + id + "/real-name-verification";

        Answer noType = post("demo-wuhan", path, json(Map.of("documentNumberLast4", idNumber.substring(14))));
        assertProblem(noType, 400);
        assertThat(fields(noType)).containsExactly("documentType");
        Answer fullNumber = post("demo-wuhan", path, json(Map.of("documentType", "RESIDENT_ID_CARD", "documentNumberLast4", idNumber)));
        assertThat(fields(fullNumber)).containsExactly("documentNumberLast4");
        assertThat(get("demo-admin", "/api/v1/members/" + id).json().path("realNameVerified").asBoolean()).isFalse();

        Answer checked = post("demo-wuhan", path, json(Map.of("documentType", "RESIDENT_ID_CARD", "documentNumberLast4", idNumber.substring(14))));

        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(checked.json().path("realNameVerified").asBoolean()).isTrue();
        assertThat(get("demo-admin", "/api/v1/members/" + id + "/enrolments").json().size())
                .as("no gift cover until the worker claims it").isZero();
        Map<String, Object> row = jdbc.sql("""
                select kind, result, document_type, document_masked, asked_by, asked_as from realname.verification
                 where member_id = ?""").param(id).query().singleRow();
        assertThat(row).containsEntry("kind", "COUNTER").containsEntry("result", "MATCH")
                .containsEntry("document_type", "RESIDENT_ID_CARD").containsEntry("document_masked", "**************" + idNumber.substring(14))
                .containsEntry("asked_by", "demo-wuhan").containsEntry("asked_as", "UNION_STAFF");
    }

    // ------------------------------------------------------------------ helpers

    /** The evidence kept for the member: kind, result and the masked phone asked with. */
    private List<String> evidence(long memberId) {
        return jdbc.sql("select kind || ' ' || result || ' ' || coalesce(phone_masked, '-') from realname.verification where member_id = ? order by id")
                .param(memberId).query(String.class).list();
    }
}
