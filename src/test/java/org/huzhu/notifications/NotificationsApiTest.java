package org.huzhu.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The outbox, templates, quiet hours, consent, the inbox and a member's history, on the real database. */
class NotificationsApiTest extends ApiTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger PHONES = new AtomicInteger();

    @Autowired
    Notifications notifications;
    @Autowired
    Consents consents;
    @Autowired
    TransactionTemplate transactions;

    private static String newPhone() {
        return "1390000" + String.format("%04d", PHONES.incrementAndGet() + 1000);
    }

    private Notice claimReceived(long member, String event) {
        return new Notice("CLAIM_RECEIVED", new Recipient.Member(member), Map.of("claimRef", "CLM-T-" + event), event);
    }

    private List<Map<String, Object>> rows(String eventKey) {
        return jdbc.sql("select channel, status, body, phone_masked, not_before, template_version, failure_code from notifications.message"
                        + " where dedup_key like ? order by channel")
                .param(eventKey + "|%").query().listOfRows();
    }

    @Test
    void aMessageCommitsWithTheChangeThatCausesItAndNeverWithoutIt() {
        long member = workerWithPhone("江岸区总工会", "通知测试", newPhone());
        transactions.executeWithoutResult(tx -> {
            consents.record(member, true, Consents.Source.STAFF, "test");
            notifications.send(claimReceived(member, "rolled-back-" + member));
            tx.setRollbackOnly();
        });
        assertThat(rows("rolled-back-" + member)).isEmpty();
        assertThat(consents.of(member)).isEmpty();

        transactions.executeWithoutResult(tx -> {
            consents.record(member, true, Consents.Source.STAFF, "test");
            notifications.send(claimReceived(member, "committed-" + member));
        });
        assertThat(consents.of(member)).isPresent();
        List<Map<String, Object>> written = rows("committed-" + member);
        assertThat(written).extracting(r -> r.get("channel")).containsExactly("INBOX", "SMS");
        assertThat((String) written.get(1).get("body")).startsWith("【职工互助】通知测试您好").contains("CLM-T-committed-" + member);
        assertThat((String) written.get(1).get("phone_masked")).matches("139\\*{4}\\d{4}");
    }

    @Test
    void noticesGivenForTheCommitAreWrittenAsItCommitsReplaceEarlierOnesOfTheMomentAndVanishWithARollback() {
        long member = workerWithPhone("江岸区总工会", "通知测试", newPhone());
        String received = "on-commit-received-" + member;
        String decided = "on-commit-decided-" + member;
        transactions.executeWithoutResult(tx -> {
            notifications.sendOnCommit(List.of(claimReceived(member, received)));
            notifications.sendOnCommit(List.of(claimReceived(member, decided)), java.util.Set.of(received));
            assertThat(rows(decided)).as("not before the commit").isEmpty();
        });
        assertThat(rows(received)).as("replaced in the same transaction").isEmpty();
        assertThat(rows(decided)).extracting(r -> r.get("channel")).containsExactly("INBOX", "SMS");

        transactions.executeWithoutResult(tx -> {
            notifications.sendOnCommit(List.of(claimReceived(member, "on-commit-rolled-back-" + member)));
            tx.setRollbackOnly();
        });
        assertThat(rows("on-commit-rolled-back-" + member)).isEmpty();

        // given while the transaction already commits (from another module's before-commit work): written right after it
        String late = "on-commit-late-" + member;
        transactions.executeWithoutResult(tx -> TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                notifications.sendOnCommit(List.of(claimReceived(member, late)));
            }
        }));
        assertThat(rows(late)).extracting(r -> r.get("channel")).containsExactly("INBOX", "SMS");
    }

    @Test
    void aNoticeOutsideATransactionIsRefused() {
        long member = workerWithPhone("江岸区总工会", "通知测试", newPhone());
        assertThatThrownBy(() -> notifications.send(claimReceived(member, "no-tx-" + member)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void theSameEventNeverWritesASecondMessage() {
        long member = workerWithPhone("江岸区总工会", "通知测试", newPhone());
        Integer first = transactions.execute(tx -> notifications.send(claimReceived(member, "twice-" + member)));
        Integer second = transactions.execute(tx -> notifications.send(claimReceived(member, "twice-" + member)));
        assertThat(first).isEqualTo(2);
        assertThat(second).isZero();
        assertThat(rows("twice-" + member)).hasSize(2);
    }

    @Test
    void oneCallWritesEachEventOnceHoweverOftenItIsNamedAndPastAThousandRows() {
        long member = workerWithPhone("江岸区总工会", "通知测试", newPhone());
        String prefix = "many-" + member + "-";
        transactions.execute(tx -> notifications.send(claimReceived(member, prefix + "0")));
        List<Notice> notices = new java.util.ArrayList<>();
        for (int i = 0; i < 520; i++) notices.add(claimReceived(member, prefix + i));   // two rows each: 1,040, two slices
        notices.add(claimReceived(member, prefix + "7"));                                 // named twice in the call
        Integer written = transactions.execute(tx -> notifications.sendAll(notices));
        assertThat(written).as("every event but the one already in the outbox, once, by SMS and in the inbox").isEqualTo(2 * 519);
        assertThat(jdbc.sql("select count(*) from notifications.message where dedup_key like ?").param(prefix + "%|%")
                .query(Long.class).single()).isEqualTo(2 * 520);
        assertThat(rows(prefix + "519")).extracting(row -> row.get("channel")).containsExactly("INBOX", "SMS");
        assertThat(rows(prefix + "7")).hasSize(2);
    }

    @Test
    void nonUrgentTextsWaitOutQuietHoursAndUrgentOnesDoNot() {
        long member = workerWithPhone("江岸区总工会", "通知测试", newPhone());
        Instant tenPm = LocalDate.now(testClock).atTime(22, 0).atZone(CHINA).toInstant();
        testClock.moveTo(tenPm);
        transactions.executeWithoutResult(tx -> {
            notifications.send(claimReceived(member, "night-" + member));
            notifications.send(new Notice("BANK_ACCOUNT_CHANGED", new Recipient.Member(member),
                    Map.of("date", "2026年11月23日", "maskedAccount", "尾号6789"), "night-urgent-" + member));
        });
        Instant eightAm = LocalDate.now(testClock).plusDays(1).atTime(8, 0).atZone(CHINA).toInstant();
        Map<String, Object> claimSms = rows("night-" + member).get(1);
        assertThat(((java.sql.Timestamp) claimSms.get("not_before")).toInstant()).isEqualTo(eightAm);
        Map<String, Object> securitySms = rows("night-urgent-" + member).get(1);
        assertThat(((java.sql.Timestamp) securitySms.get("not_before")).toInstant()).isBefore(tenPm.plusSeconds(60));
    }

    @Test
    void aTextThatWouldCarryAFullNumberIsNeverQueuedAndTheChangeStillCommits() {
        long member = workerWithPhone("江岸区总工会", "通知测试", newPhone());
        transactions.executeWithoutResult(tx -> notifications.send(new Notice("CLAIM_REJECTED", new Recipient.Member(member),
                Map.of("claimRef", "CLM-X", "reason", "账户6222021234567890123不符"), "unsafe-" + member)));
        List<Map<String, Object>> written = rows("unsafe-" + member);
        Map<String, Object> sms = written.stream().filter(r -> r.get("channel").equals("SMS")).findFirst().orElseThrow();
        assertThat(sms.get("status")).isEqualTo("FAILED");
        assertThat(sms.get("failure_code")).isEqualTo("UNSAFE");
    }

    @Test
    void publicityReachesOnlyConsentingMembersAndATdReplyStopsIt() {
        String phone = newPhone();
        long member = workerWithPhone("江岸区总工会", "通知测试", phone);
        Map<String, String> values = Map.of();
        Integer withoutConsent = transactions.execute(tx -> notifications.send(
                new Notice("PUBLICITY_ENROL", new Recipient.Member(member), values, "pub-1-" + member)));
        assertThat(withoutConsent).isZero();

        assertThat(put("demo-admin", "/api/v1/members/" + member + "/notification-preferences", "{\"publicity\":true}").status())
                .isEqualTo(200);
        Integer withConsent = transactions.execute(tx -> notifications.send(
                new Notice("PUBLICITY_ENROL", new Recipient.Member(member), values, "pub-2-" + member)));
        assertThat(withConsent).isEqualTo(2);
        assertThat((String) rows("pub-2-" + member).get(1).get("body")).startsWith("【职工互助】").endsWith("回复TD退订");

        consents.optOutByReply(phone, testClock.instant());
        JsonNode preferences = get("demo-admin", "/api/v1/members/" + member + "/notification-preferences").json();
        assertThat(preferences.path("publicity").asBoolean()).isFalse();
        assertThat(preferences.path("source").asString()).isEqualTo("SMS_REPLY");
        Integer afterTd = transactions.execute(tx -> notifications.send(
                new Notice("PUBLICITY_ENROL", new Recipient.Member(member), values, "pub-3-" + member)));
        assertThat(afterTd).isZero();
    }

    @Test
    void onlyTheWorkerOrStaffInScopeRecordConsent() {
        long member = workerWithPhone("江岸区总工会", "通知测试", newPhone());
        assertProblem(put("demo-reviewer", "/api/v1/members/" + member + "/notification-preferences", "{\"publicity\":true}"), 403);
        assertThat(put("demo-jingmen", "/api/v1/members/" + member + "/notification-preferences", "{\"publicity\":true}").status())
                .isEqualTo(404);
        Answer missing = put("demo-wuhan", "/api/v1/members/" + member + "/notification-preferences", "{}");
        assertProblem(missing, 400);
        assertThat(fields(missing)).containsExactly("publicity");
    }

    @Test
    void theWorkerReadsTheirInboxAndNobodyElseCanMarkIt() {
        long demoMember = jdbc.sql("select member_id from identity.account where username = 'demo-member'").query(Long.class).single();
        String event = "inbox-" + System.nanoTime();
        transactions.executeWithoutResult(tx -> notifications.send(claimReceived(demoMember, event)));
        JsonNode inbox = get("demo-member", "/api/v1/inbox").json();
        JsonNode item = inbox.path("items").get(0);
        assertThat(item.path("body").asString()).contains("CLM-T-" + event);
        assertThat(item.path("readAt").isNull()).isTrue();
        long unread = inbox.path("unread").asLong();
        assertThat(unread).isPositive();
        long id = item.path("id").asLong();
        assertThat(post("demo-unit", "/api/v1/inbox/" + id + "/read", "").status()).isEqualTo(404);
        assertThat(post("demo-member", "/api/v1/inbox/" + id + "/read", "").json().path("unread").asLong()).isEqualTo(unread - 1);
        assertThat(get("demo-member", "/api/v1/inbox/unread").json().path("unread").asLong()).isEqualTo(unread - 1);
    }

    @Test
    void staffInScopeSeeAWorkersMessagesWithTheNumberMasked() {
        long member = workerWithPhone("江岸区总工会", "通知测试", newPhone());
        transactions.executeWithoutResult(tx -> notifications.send(claimReceived(member, "history-" + member)));
        JsonNode history = get("demo-wuhan", "/api/v1/members/" + member + "/messages").json();
        assertThat(history).hasSize(2);
        JsonNode sms = history.get(0).path("channel").asString().equals("SMS") ? history.get(0) : history.get(1);
        assertThat(sms.path("statusLabel").asString()).isIn("待发送", "发送中", "已发送", "已送达");
        assertThat(sms.path("phoneMasked").asString()).contains("****");
        assertThat(get("demo-jingmen", "/api/v1/members/" + member + "/messages").status()).isEqualTo(404);
        assertProblem(get("demo-unit", "/api/v1/members/" + member + "/messages"), 403);
    }

    @Test
    void templatesAreVersionedDataAndMessagesUseTheNewestVersion() {
        String code = "TEST_PUBLICITY_" + (System.nanoTime() % 1_000_000);
        Answer first = post("demo-admin", "/api/v1/notification-templates/" + code + "/versions", JSON.writeValueAsString(Map.of(
                "name", "测试宣传", "body", "{name}您好，欢迎参加职工互助保障。")));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("version").asInt()).isEqualTo(1);
        assertThat(first.json().path("purpose").asString()).isEqualTo("PUBLICITY");
        Answer second = post("demo-admin", "/api/v1/notification-templates/" + code + "/versions", JSON.writeValueAsString(Map.of(
                "name", "测试宣传", "body", "{name}您好，职工互助保障新一年度开始参保。", "note", "年度更新")));
        assertThat(second.json().path("version").asInt()).isEqualTo(2);
        JsonNode versions = get("demo-wuhan", "/api/v1/notification-templates/" + code).json();
        assertThat(versions).extracting(v -> v.path("version").asInt()).containsExactly(2, 1);

        long member = workerWithPhone("江岸区总工会", "通知测试", newPhone());
        transactions.executeWithoutResult(tx -> {
            consents.record(member, true, Consents.Source.STAFF, "test");
            notifications.send(new Notice(code, new Recipient.Member(member), Map.of(), "versioned-" + member));
        });
        assertThat(rows("versioned-" + member)).allSatisfy(r -> assertThat(r.get("template_version")).isEqualTo(2));

        assertProblem(post("demo-wuhan", "/api/v1/notification-templates/" + code + "/versions",
                JSON.writeValueAsString(Map.of("name", "x", "body", "您好"))), 403);
        Answer unknown = post("demo-admin", "/api/v1/notification-templates/" + code + "/versions",
                JSON.writeValueAsString(Map.of("name", "测试宣传", "body", "{idNumber}您好")));
        assertProblem(unknown, 400);
        assertThat(fields(unknown)).contains("body");
        Answer notPublicity = post("demo-admin", "/api/v1/notification-templates/NEW_TRANSACTIONAL_X/versions",
                JSON.writeValueAsString(Map.of("name", "新业务", "purpose", "TRANSACTIONAL", "body", "您好")));
        assertProblem(notPublicity, 400);
    }

    @Test
    void thePreviewShowsTheTextAsSentAndCountsItsSegments() {
        JsonNode shortOne = post("demo-wuhan", "/api/v1/notification-templates/preview",
                JSON.writeValueAsString(Map.of("body", "{name}您好", "purpose", "PUBLICITY"))).json();
        assertThat(shortOne.path("sms").asString()).isEqualTo("【职工互助】林阳秀您好 回复TD退订");
        assertThat(shortOne.path("segments").asInt()).isEqualTo(1);
        JsonNode longOne = post("demo-wuhan", "/api/v1/notification-templates/preview",
                JSON.writeValueAsString(Map.of("body", "保".repeat(70), "purpose", "TRANSACTIONAL"))).json();
        assertThat(longOne.path("length").asInt()).isEqualTo(76);
        assertThat(longOne.path("segments").asInt()).isEqualTo(2);
        JsonNode shipped = get("demo-wuhan", "/api/v1/notification-templates").json();
        assertThat(shipped).extracting(t -> t.path("code").asString())
                .contains("SIGN_IN_CODE", "CLAIM_RECEIVED", "CLAIM_APPROVED", "PAYOUT_FAILED", "BANK_ACCOUNT_CHANGED", "COVER_EXPIRING_UNIT");
    }

    @Test
    void deliveryStatisticsCountPerDayAndOfficeInsideTheReadersScope() {
        long member = workerWithPhone("江岸区总工会", "通知测试", newPhone());
        transactions.executeWithoutResult(tx -> notifications.send(claimReceived(member, "stats-" + member)));
        JsonNode province = get("demo-admin", "/api/v1/notifications/statistics").json();
        String today = today().toString();
        assertThat(province.path("rows")).anySatisfy(r -> {
            assertThat(r.path("day").asString()).isEqualTo(today);
            assertThat(r.path("officeName").asString()).contains("武汉");
            assertThat(r.path("messages").asLong()).isPositive();
        });
        JsonNode jingmen = get("demo-jingmen", "/api/v1/notifications/statistics").json();
        assertThat(jingmen.path("rows")).noneSatisfy(r -> assertThat(r.path("officeName").asString()).contains("武汉"));
        assertProblem(get("demo-admin", "/api/v1/notifications/statistics?from=2026-13-01"), 400);
    }
}
