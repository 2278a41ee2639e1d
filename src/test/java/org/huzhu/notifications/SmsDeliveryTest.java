package org.huzhu.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.huzhu.notifications.sms.SimulatedSmsCentre;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Texts from the outbox over SMPP to the simulated SMS centre that the test context starts on loopback
 * (rules in application-test.yaml: 13900000404 unreachable, 13900000405 fails after an hour), and what
 * comes back: receipts, failures, TD replies.
 */
class SmsDeliveryTest extends ApiTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger PHONES = new AtomicInteger();

    @Autowired
    Notifications notifications;
    @Autowired
    SignInCodes signInCodes;
    @Autowired
    Consents consents;
    @Autowired
    SimulatedSmsCentre centre;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    NotificationProperties settings;

    /** Texts are sent by day: the suite runs at any hour, so a run in China's night plays the next morning. */
    @org.junit.jupiter.api.BeforeEach
    void byDay() {
        testClock.moveOutOf(settings.quietFrom(), settings.quietUntil());
    }

    private static String newPhone() {
        return "1370000" + String.format("%04d", PHONES.incrementAndGet() + 2000);
    }

    private Map<String, Object> sms(String eventKey) {
        return jdbc.sql("select id, status, body, segments, failure_reason from notifications.message where dedup_key like ? and channel = 'SMS'")
                .param(eventKey + "|%").query().singleRow();
    }

    private Map<String, Object> awaitSms(String eventKey, String status) {
        await(() -> status.equals(sms(eventKey).get("status")), eventKey + " " + status);
        return sms(eventKey);
    }

    private static void await(BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not in time: " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aTextGoesOverSmppAndItsReceiptMarksItDelivered() {
        String phone = newPhone();
        long member = workerWithPhone("江岸区总工会", "短信测试", phone);
        String event = "smpp-delivered-" + member;
        transactions.executeWithoutResult(tx -> notifications.send(new Notice("CLAIM_RECEIVED", new Recipient.Member(member),
                Map.of("claimRef", "CLM-S-1"), event)));
        Map<String, Object> delivered = awaitSms(event, "DELIVERED");
        assertThat(centre.textsTo(phone)).containsExactly((String) delivered.get("body"));
        long id = (Long) delivered.get("id");
        assertThat(jdbc.sql("select receipt from notifications.sms_part where message_id = ?").param(id).query(String.class).list())
                .containsExactly("DELIVERED");
        assertThat(centre.submitsFor(id)).isEqualTo(1);
        assertThat(jdbc.sql("select attempts from notifications.message where id = ?").param(id).query(Integer.class).single())
                .as("attempts kept, whichever came first: the answer or the receipt").isEqualTo(1);
    }

    @Test
    void aLongTextGoesInSegmentsAndIsDeliveredWhenEveryOneIs() {
        String phone = newPhone();
        long member = workerWithPhone("江岸区总工会", "短信测试", phone);
        String event = "smpp-long-" + member;
        transactions.executeWithoutResult(tx -> notifications.send(new Notice("CLAIM_MATERIALS_NEEDED", new Recipient.Member(member),
                Map.of("claimRef", "CLM-S-2", "materials", "出院小结、住院费用总清单、医疗收费票据原件、诊断证明书、病历首页、银行卡复印件",
                        "deadline", "2027年1月20日"), event)));
        Map<String, Object> delivered = awaitSms(event, "DELIVERED");
        assertThat((Integer) delivered.get("segments")).isGreaterThan(1);
        assertThat(centre.textsTo(phone)).containsExactly((String) delivered.get("body"));
        assertThat(jdbc.sql("select count(*) from notifications.sms_part where message_id = ? and receipt = 'DELIVERED'")
                .param(delivered.get("id")).query(Long.class).single()).isEqualTo(((Integer) delivered.get("segments")).longValue());
    }

    @Test
    void anUnreachableNumberEndsFailedWithTheCentresReason() {
        long member = workerWithPhone("江岸区总工会", "短信测试", "13900000404");
        String event = "smpp-unreachable-" + member;
        transactions.executeWithoutResult(tx -> notifications.send(new Notice("CLAIM_RECEIVED", new Recipient.Member(member),
                Map.of("claimRef", "CLM-S-3"), event)));
        Map<String, Object> failed = awaitSms(event, "FAILED");
        assertThat((String) failed.get("failure_reason")).contains("无法送达");
    }

    @Test
    void aNumberThatFailsLaterStaysSentUntilTheCentreGivesUp() {
        long member = workerWithPhone("江岸区总工会", "短信测试", "13900000405");
        String event = "smpp-late-" + member;
        transactions.executeWithoutResult(tx -> notifications.send(new Notice("CLAIM_RECEIVED", new Recipient.Member(member),
                Map.of("claimRef", "CLM-S-4"), event)));
        awaitSms(event, "SENT");
        assertThat(centre.receiptsPending()).isPositive();
    }

    @Test
    void aNumberTheCentreRefusesFailsAtOnceWithoutRetrying() {
        String event = "smpp-invalid-" + System.nanoTime();
        transactions.executeWithoutResult(tx -> notifications.send(new Notice("BANK_ACCOUNT_CHANGED",
                new Recipient.Phone("19999999999".replace("199", "100"), null, "/1/"),
                Map.of("name", "测试", "date", "2026年11月23日", "maskedAccount", "尾号6789"), event)));
        Map<String, Object> failed = awaitSms(event, "FAILED");
        assertThat((String) failed.get("failure_reason")).isNotBlank();
        assertThat(jdbc.sql("select attempts from notifications.message where id = ?").param(failed.get("id")).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aTdReplyOverSmppStopsPublicityToThatNumber() {
        String phone = newPhone();
        long member = workerWithPhone("江岸区总工会", "短信测试", phone);
        transactions.executeWithoutResult(tx -> {
            consents.record(member, true, Consents.Source.STAFF, "test");
            notifications.send(new Notice("PUBLICITY_ENROL", new Recipient.Member(member), Map.of(), "before-td-" + member));
        });
        Map<String, Object> publicity = awaitSms("before-td-" + member, "DELIVERED");
        assertThat((String) publicity.get("body")).endsWith("回复TD退订");
        centre.reply(phone, "TD");
        await(() -> consents.of(member).map(c -> !c.publicity()).orElse(false), "consent withdrawn");
        assertThat(consents.of(member).orElseThrow().source()).isEqualTo(Consents.Source.SMS_REPLY);
        Integer written = transactions.execute(tx -> notifications.send(new Notice("PUBLICITY_ENROL", new Recipient.Member(member),
                Map.of(), "after-td-" + member)));
        assertThat(written).isZero();
    }

    @Test
    void aSignInCodeIsTextedAtOnceAndKeptOnlyMasked() {
        String phone = newPhone();
        signInCodes.issue(phone);
        await(() -> !centre.textsTo(phone).isEmpty(), "code texted");
        String text = centre.textsTo(phone).getFirst();
        String code = text.replaceAll("\\D*(\\d{6}).*", "$1");
        assertThat(text).startsWith("【职工互助】您的登录验证码为" + code);
        List<String> stored = jdbc.sql("select body from notifications.message where template_code = 'SIGN_IN_CODE' and phone_hash is not null"
                + " order by id desc limit 1").query(String.class).list();
        assertThat(stored.getFirst()).contains("******").doesNotContain(code);
        assertThat(signInCodes.verify(phone, code)).isEqualTo(SignInCodes.Check.ACCEPTED);
        assertThat(signInCodes.verify(phone, code)).isEqualTo(SignInCodes.Check.EXPIRED);
    }

    @Test
    void inQuietHoursOnlyUrgentTextsGo() {
        String phone = newPhone();
        long member = workerWithPhone("江岸区总工会", "短信测试", phone);
        Instant tenPm = LocalDate.now(testClock).atTime(22, 30).atZone(CHINA).toInstant();
        testClock.moveTo(tenPm);
        String routine = "quiet-routine-" + member;
        String urgent = "quiet-urgent-" + member;
        transactions.executeWithoutResult(tx -> {
            notifications.send(new Notice("CLAIM_RECEIVED", new Recipient.Member(member), Map.of("claimRef", "CLM-Q"), routine));
            notifications.send(new Notice("BANK_ACCOUNT_CHANGED", new Recipient.Member(member),
                    Map.of("date", "2026年11月23日", "maskedAccount", "尾号6789"), urgent));
        });
        awaitSms(urgent, "DELIVERED");
        assertThat(sms(routine).get("status")).isEqualTo("QUEUED");
        assertThat(centre.textsTo(phone)).hasSize(1);
    }
}
