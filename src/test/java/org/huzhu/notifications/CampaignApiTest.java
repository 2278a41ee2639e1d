package org.huzhu.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * 宣传推广 over HTTP: the preview counts a segment's members and leaves out those without a number,
 * without consent and whose number replied TD; sending writes exactly those texts (signature, opt-out
 * line); a repeated request key creates nothing more; scope, template purpose and empty segments are
 * refused; the campaign's counts follow its texts' statuses and later TD replies.
 */
class CampaignApiTest extends ApiTest {

    @Autowired
    private Consents consents;

    /** A fresh unit in 江岸区 whose registered, unenrolled workers are: no phone; no consent; two consenting; one consenting with a TD'd number. */
    private record Unit(long id, long noPhone, long noConsent, long first, long second, long optedOut, String optedOutPhone) {
    }

    private Unit unitOfUnenrolledWorkers() {
        long unit = newUnit("江岸区总工会");
        long noPhone = worker(unit, null, "REGULAR", false);
        long noConsent = worker(unit, newPhone(), "REGULAR", false);
        long first = worker(unit, newPhone(), "REGULAR", true);
        long second = worker(unit, newPhone(), "REGULAR", true);
        String tdPhone = newPhone();
        long optedOut = worker(unit, tdPhone, "REGULAR", true);
        consents.optOutByReply(tdPhone, testClock.instant());
        long enrolled = worker(unit, newPhone(), "REGULAR", true);
        enrolItems(unit, enrolled, today().minusDays(3), "ACCIDENT:1");
        return new Unit(unit, noPhone, noConsent, first, second, optedOut, tdPhone);
    }

    @Test
    void thePreviewCountsTheSegmentAndLeavesOutWorkersWithoutNumberConsentOrWhoseNumberRepliedTd() {
        Unit u = unitOfUnenrolledWorkers();

        Answer preview = post("demo-wuhan", "/api/v1/campaigns/preview", draft(null, "PUBLICITY_ENROL", unitSegment(u.id())));

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode p = preview.json();
        assertThat(List.of(p.path("matched").asInt(), p.path("reachable").asInt(), p.path("noPhone").asInt(), p.path("consenting").asInt(),
                p.path("noConsent").asInt(), p.path("optedOut").asInt(), p.path("toSend").asInt())).containsExactly(5, 4, 1, 3, 1, 1, 2);
        String sms = p.path("sampleSms").asString();
        assertThat(sms).startsWith("【职工互助】").endsWith("回复TD退订").contains("职工互助保障每年只需几十元");
        assertThat(p.path("sampleLength").asInt()).isEqualTo(sms.length());
        assertThat(p.path("sampleSegments").asInt()).isEqualTo(sms.length() <= 70 ? 1 : (sms.length() + 66) / 67);
        assertThat(p.path("totalSegments").asLong()).isEqualTo(2L * p.path("sampleSegments").asInt());
        assertThat(p.path("audienceName").asString()).startsWith("测试单位");
    }

    @Test
    void sendingWritesExactlyTheCountedTextsAndARepeatedRequestKeyCreatesNoSecondCampaign() {
        Unit u = unitOfUnenrolledWorkers();
        String key = UUID.randomUUID().toString();

        Answer sent = createWithHeader("demo-wuhan", key, draft("动员参保", "PUBLICITY_ENROL", unitSegment(u.id())));
        Answer again = createWithHeader("demo-wuhan", key, draft("动员参保", "PUBLICITY_ENROL", unitSegment(u.id())));
        Answer inBody = post("demo-wuhan", "/api/v1/campaigns", withRequestId(draft("动员参保", "PUBLICITY_ENROL", unitSegment(u.id())), key));

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        long id = sent.json().path("id").asLong();
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("id").asLong()).isEqualTo(id);
        assertThat(inBody.json().path("id").asLong()).isEqualTo(id);
        assertThat(jdbc.sql("select count(*) from notifications.campaign where request_key = ?").param(key).query(Long.class).single()).isEqualTo(1);
        JsonNode c = sent.json();
        assertThat(List.of(c.path("matched").asInt(), c.path("excluded").asInt(), c.path("queued").asInt())).containsExactly(5, 3, 2);
        List<Map<String, Object>> texts = jdbc.sql("select member_id, body, purpose from notifications.message where campaign_id = ? and channel = 'SMS'")
                .param(id).query().listOfRows();
        assertThat(texts).extracting(r -> ((Number) r.get("member_id")).longValue()).containsExactlyInAnyOrder(u.first(), u.second());
        assertThat(texts).allSatisfy(r -> {
            assertThat((String) r.get("body")).startsWith("【职工互助】").endsWith("回复TD退订").contains("测试职工您好");
            assertThat(r.get("purpose")).isEqualTo("PUBLICITY");
        });
        assertThat(jdbc.sql("select count(*) from notifications.message where campaign_id = ? and channel = 'INBOX'").param(id)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void coverEndingFillsEachMembersEndOfCoverAndTemplatesNeedingWhatASegmentLacksAreRefused() {
        long unit = newUnit("江岸区总工会");
        LocalDate paidOn = today().minusDays(2);
        LocalDate coverEnd = paidOn.plusYears(1);
        Map<String, Object> segment = Map.of("kind", "COVER_ENDING", "orgNodeId", organisationIdsByName().get("江岸区总工会"),
                "coverEndsFrom", coverEnd.toString(), "coverEndsTo", coverEnd.toString());
        JsonNode before = post("demo-wuhan", "/api/v1/campaigns/preview", draft(null, "PUBLICITY_RENEW", segment)).json();
        long ending = worker(unit, newPhone(), "REGULAR", true);
        enrolItems(unit, ending, paidOn, "ACCIDENT:1");
        long later = worker(unit, newPhone(), "REGULAR", true);
        enrolItems(unit, later, paidOn.plusDays(1), "ACCIDENT:1");

        JsonNode after = post("demo-wuhan", "/api/v1/campaigns/preview", draft(null, "PUBLICITY_RENEW", segment)).json();
        Answer sent = createWithHeader("demo-wuhan", UUID.randomUUID().toString(), draft("续保提醒", "PUBLICITY_RENEW", segment));
        Answer needsCoverEnd = post("demo-wuhan", "/api/v1/campaigns/preview", draft(null, "PUBLICITY_RENEW", unitSegment(unit)));

        assertThat(after.path("matched").asInt()).isEqualTo(before.path("matched").asInt() + 1);
        assertThat(after.path("toSend").asInt()).isEqualTo(before.path("toSend").asInt() + 1);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String body = jdbc.sql("select body from notifications.message where campaign_id = ? and member_id = ? and channel = 'SMS'")
                .params(sent.json().path("id").asLong(), ending).query(String.class).single();
        assertThat(body).contains("将于" + coverEnd.getYear() + "年" + coverEnd.getMonthValue() + "月" + coverEnd.getDayOfMonth() + "日到期");
        assertProblem(needsCoverEnd, 400);
        assertThat(fields(needsCoverEnd)).containsExactly("templateCode");
        assertThat(needsCoverEnd.field("detail")).contains("保障截止日");
    }

    @Test
    void aTemplateThatIsNotPublicityAnEmptySegmentAndMissingFieldsAreRefused() {
        long emptyUnit = newUnit("江岸区总工会");

        Answer transactional = post("demo-wuhan", "/api/v1/campaigns/preview", draft(null, "CLAIM_APPROVED", unitSegment(emptyUnit)));
        Answer emptyPreview = post("demo-wuhan", "/api/v1/campaigns/preview", draft(null, "PUBLICITY_ENROL", unitSegment(emptyUnit)));
        Answer empty = createWithHeader("demo-wuhan", UUID.randomUUID().toString(), draft("空人群", "PUBLICITY_ENROL", unitSegment(emptyUnit)));
        Answer nothing = post("demo-wuhan", "/api/v1/campaigns", "{}");

        assertProblem(transactional, 400);
        assertThat(fields(transactional)).containsExactly("templateCode");
        assertThat(transactional.field("detail")).contains("宣传");
        assertThat(emptyPreview.json().path("matched").asInt()).isZero();
        assertProblem(empty, 400);
        assertThat(fields(empty)).containsExactly("segment.kind");
        assertThat(empty.field("detail")).contains("没有可以发送的职工");
        assertProblem(nothing, 400);
        assertThat(fields(nothing)).contains("name", "requestId", "segment.kind", "templateCode");
        assertThat(jdbc.sql("select count(*) from notifications.campaign where name = '空人群'").query(Long.class).single()).isZero();
    }

    @Test
    void unitsOfficesAndCampaignsOutsideTheCallersScopeAreNotFoundAndOtherRolesAreForbidden() {
        Unit u = unitOfUnenrolledWorkers();
        long jingmenUnit = get("demo-jingmen", "/api/v1/units?limit=1").json().get(0).path("id").asLong();
        long jingmen = organisationIdsByName().get("荆门市总工会");
        long campaign = createWithHeader("demo-wuhan", UUID.randomUUID().toString(), draft("范围测试", "PUBLICITY_ENROL", unitSegment(u.id())))
                .json().path("id").asLong();

        assertProblem(post("demo-wuhan", "/api/v1/campaigns/preview", draft(null, "PUBLICITY_ENROL", unitSegment(jingmenUnit))), 404);
        assertProblem(post("demo-wuhan", "/api/v1/campaigns/preview", draft(null, "PUBLICITY_NEW_FORM",
                Map.of("kind", "NEW_FORM", "orgNodeId", jingmen))), 404);
        assertProblem(get("demo-jingmen", "/api/v1/campaigns/" + campaign), 404);
        assertThat(get("demo-jingmen", "/api/v1/campaigns").json().findValues("id")).extracting(JsonNode::asLong).doesNotContain(campaign);
        assertThat(get("demo-admin", "/api/v1/campaigns/" + campaign).status()).isEqualTo(200);
        for (String user : List.of("demo-unit", "demo-reviewer", "demo-finance", "demo-member")) {
            assertThat(post(user, "/api/v1/campaigns/preview", draft(null, "PUBLICITY_ENROL", unitSegment(u.id()))).status()).as(user).isEqualTo(403);
            assertThat(get(user, "/api/v1/campaigns").status()).as(user).isEqualTo(403);
        }
    }

    @Test
    void aCampaignsCountsFollowItsTextsStatusesAndTdRepliesReceivedAfterIt() {
        long unit = newUnit("江岸区总工会");
        List<Long> workers = new ArrayList<>();
        Map<Long, String> phones = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            String phone = newPhone();
            long id = worker(unit, phone, "REGULAR", true);
            workers.add(id);
            phones.put(id, phone);
        }
        // written in quiet hours, the publicity texts wait for the morning: the dispatcher leaves them to this test
        testClock.moveTo(today().atTime(22, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        long id = createWithHeader("demo-wuhan", UUID.randomUUID().toString(), draft("状态统计", "PUBLICITY_ENROL", unitSegment(unit)))
                .json().path("id").asLong();
        List<String> statuses = List.of("DELIVERED", "FAILED", "EXPIRED", "SENT");
        for (int i = 0; i < statuses.size(); i++) {
            jdbc.sql("""
                    delete from notifications.sms_queue where message_id in
                           (select id from notifications.message where campaign_id = ? and member_id = ? and channel = 'SMS')""")
                    .params(id, workers.get(i)).update();
            jdbc.sql("update notifications.message set status = ? where campaign_id = ? and member_id = ? and channel = 'SMS'")
                    .params(statuses.get(i), id, workers.get(i)).update();
        }
        consents.optOutByReply(phones.get(workers.getFirst()), testClock.instant().plusSeconds(60));

        JsonNode c = get("demo-wuhan", "/api/v1/campaigns/" + id).json();
        JsonNode listed = null;
        for (JsonNode row : get("demo-wuhan", "/api/v1/campaigns?limit=200").json()) if (row.path("id").asLong() == id) listed = row;

        assertThat(List.of(c.path("queued").asLong(), c.path("waiting").asLong(), c.path("sent").asLong(), c.path("delivered").asLong(),
                c.path("failed").asLong(), c.path("expired").asLong(), c.path("inbox").asLong(), c.path("optedOutSince").asLong(),
                c.path("optedOut").asLong())).containsExactly(5L, 1L, 1L, 1L, 1L, 1L, 5L, 1L, 1L);
        assertThat(c.path("segment").path("label").asString()).isEqualTo("单位未参保职工");
        assertThat(listed).as("listed for its creator's scope").isNotNull();
        assertThat(listed.path("delivered").asLong()).isEqualTo(1);
    }

    // ---------- helpers ----------

    private long worker(long unit, String phone, String form, boolean consenting) {
        Map<String, Object> member = new HashMap<>(Map.of("name", "测试职工", "idNumber", newIdNumber(LocalDate.of(1988, 5, 20), 'M'),
                "employmentForm", form, "unitId", unit));
        if (phone != null) member.put("phone", phone);
        Answer registered = post("demo-admin", "/api/v1/members", JSON.writeValueAsString(member));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long id = registered.json().path("id").asLong();
        if (consenting) {
            Answer consent = put("demo-admin", "/api/v1/members/" + id + "/notification-preferences", "{\"publicity\":true}");
            assertThat(consent.status()).as(consent.body()).isEqualTo(200);
        }
        return id;
    }

    private static String newPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static Map<String, Object> unitSegment(long unit) {
        return Map.of("kind", "UNIT_NOT_ENROLLED", "unitId", unit);
    }

    private static String draft(String name, String template, Map<String, Object> segment) {
        Map<String, Object> draft = new HashMap<>(Map.of("templateCode", template, "segment", segment));
        if (name != null) draft.put("name", name);
        return JSON.writeValueAsString(draft);
    }

    private static String withRequestId(String draft, String key) {
        Map<String, Object> map = new HashMap<>(JSON.readValue(draft, Map.class));
        map.put("requestId", key);
        return JSON.writeValueAsString(map);
    }

    private Answer createWithHeader(String user, String key, String json) {
        return send(user, HttpRequest.newBuilder(uri("/api/v1/campaigns")).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }
}
