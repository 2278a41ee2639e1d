package org.huzhu.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.huzhu.payments.provider.PaymentProtocol;
import org.huzhu.payments.provider.SimulatedPaymentProvider;
import org.huzhu.shared.Money;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;

/**
 * Online payments end to end on loopback: the application's HTTP client against the simulated
 * provider, the provider's signed notifications posted back to the application's endpoint, and the
 * reconciliation job — on the real database. Rules of the simulator by the amount's fen: .13 fails,
 * .22 is notified twice, .33 late, .44 never.
 */
class OnlinePaymentsTest extends ApiTest {

    @Autowired
    private OnlinePayments payments;
    @Autowired
    private PaymentReconciliation reconciliation;
    @Autowired
    private SimulatedPaymentProvider simulator;
    @Autowired
    private ApplicationContext context;

    private final List<OnlinePaymentReceived> received = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> listener = e -> {
        if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof OnlinePaymentReceived r) received.add(r);
    };

    @BeforeEach
    void listen() {
        ((ConfigurableApplicationContext) context).addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME, ApplicationEventMulticaster.class)
                .removeApplicationListener(listener);
    }

    @Test
    void aPaidOrderIsNotifiedSignedAndAnnouncedOnce() {
        OnlinePayments.Started started = start("190.00");
        assertThat(started.payUrl().toString()).startsWith(simulator.url().toString()).endsWith("/pay/" + started.orderNo());
        Answer page = send(null, HttpRequest.newBuilder(started.payUrl()).GET());
        assertThat(page.body()).contains("模拟支付", started.orderNo(), "190.00");

        assertThat(pay(started)).isEqualTo("PAID");
        awaitTrue(() -> simulator.deliveries(started.orderNo()).size() == 1);

        var delivery = simulator.deliveries(started.orderNo()).getFirst();
        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.answer()).contains("\"code\":\"SUCCESS\"");
        OnlinePayments.OrderView order = payments.order(started.orderNo()).orElseThrow();
        assertThat(order.status()).isEqualTo("PAID");
        assertThat(order.providerTxnId()).startsWith("SIM");
        assertThat(order.paidOn()).isEqualTo(order.paidAt().atZoneSameInstant(testClock.getZone()).toLocalDate());
        List<OnlinePaymentReceived> events = eventsOf(started.orderNo());
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().amount()).isEqualTo(Money.of("190.00"));
        assertThat(events.getFirst().reference()).isEqualTo(order.reference());
        assertThat(events.getFirst().providerTxnId()).isEqualTo(order.providerTxnId());
        assertThat(outcomes(started.orderNo())).containsExactly("APPLIED");
    }

    @Test
    void aNotificationDeliveredTwiceMarksTheOrderPaidOnce() {
        OnlinePayments.Started started = start("215.22");
        pay(started);
        awaitTrue(() -> simulator.deliveries(started.orderNo()).size() == 2);

        assertThat(simulator.deliveries(started.orderNo())).allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
        assertThat(outcomes(started.orderNo())).containsExactly("APPLIED", "DUPLICATE");
        assertThat(eventsOf(started.orderNo())).hasSize(1);
        assertThat(jdbc.sql("select count(*) from payments.online_order where order_no = ? and status = 'PAID'")
                .param(started.orderNo()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aLateNotificationAfterTheQueryFoundThePaymentChangesNothing() {
        OnlinePayments.Started started = start("100.33");
        pay(started);
        testClock.advance(Duration.ofMinutes(6));
        reconciliation.run();
        List<String> before = outcomes(started.orderNo());

        awaitTrue(() -> simulator.deliveries(started.orderNo()).size() == 1);
        assertThat(simulator.deliveries(started.orderNo()).getFirst().status()).isEqualTo(200);
        // had the query found it first, the late notification is a duplicate; otherwise the notification paid it
        assertThat(outcomes(started.orderNo())).containsExactly(before.isEmpty() ? "DUPLICATE" : "APPLIED");
        assertThat(payments.order(started.orderNo()).orElseThrow().status()).isEqualTo("PAID");
        assertThat(eventsOf(started.orderNo())).hasSize(1);
    }

    @Test
    void aLostNotificationIsFoundByTheReconciliationJobOnceTheOrderIsOldEnough() {
        OnlinePayments.Started started = start("60.44");
        assertThat(pay(started)).isEqualTo("PAID");

        reconciliation.run();
        assertThat(payments.order(started.orderNo()).orElseThrow().status()).as("not asked about before reconcile-after").isEqualTo("PENDING");
        testClock.advance(Duration.ofMinutes(6));
        reconciliation.run();
        reconciliation.run();

        OnlinePayments.OrderView order = payments.order(started.orderNo()).orElseThrow();
        assertThat(order.status()).isEqualTo("PAID");
        assertThat(order.providerTxnId()).startsWith("SIM");
        assertThat(eventsOf(started.orderNo())).hasSize(1);
        assertThat(simulator.deliveries(started.orderNo())).isEmpty();
        assertThat(outcomes(started.orderNo())).isEmpty();
    }

    @Test
    void aFailedPaymentIsRecordedWithoutAnnouncementAndTheOrderClosedWhenItExpires() {
        OnlinePayments.Started started = start("25.13");
        assertThat(pay(started)).isEqualTo("FAILED");
        awaitTrue(() -> simulator.deliveries(started.orderNo()).size() == 1);
        OnlinePayments.OrderView failed = payments.order(started.orderNo()).orElseThrow();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.failReason()).isEqualTo("余额不足");

        testClock.advance(Duration.ofMinutes(31));
        reconciliation.run();

        assertThat(payments.order(started.orderNo()).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(pay(started)).as("closed at the provider too").isEqualTo("CLOSED");
        assertThat(eventsOf(started.orderNo())).isEmpty();
    }

    @Test
    void anUnpaidOrderPastItsTimeIsClosedAtTheProviderAndHere() {
        OnlinePayments.Started started = start("30.00");
        testClock.advance(Duration.ofMinutes(31));
        payments.refresh(started.orderNo());

        assertThat(payments.order(started.orderNo()).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(pay(started)).isEqualTo("CLOSED");
    }

    @Test
    void aNotificationWithABadOrStaleSignatureIsRefusedAndChangesNothing() {
        OnlinePayments.Started started = start("190.00");
        String body = notificationBody(started.orderNo(), 19000);

        Answer forged = notify(body, Instant.now(), "not-the-key");
        assertProblem(forged, 400);
        assertThat(forged.field("code")).isEqualTo("FAIL");
        Answer stale = notify(body, Instant.now().minus(Duration.ofMinutes(10)), simulator.apiKey());
        assertProblem(stale, 400);
        assertProblem(post(null, "/api/v1/payment-notifications/simpay", "{}"), 400);

        assertThat(payments.order(started.orderNo()).orElseThrow().status()).isEqualTo("PENDING");
        assertThat(eventsOf(started.orderNo())).isEmpty();
        assertThat(jdbc.sql("select count(*) from payments.notification where outcome = 'INVALID' and detail like '签名%'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aSignedNotificationWithAnotherAmountOrForAnUnknownOrderIsRefused() {
        OnlinePayments.Started started = start("190.00");

        Answer wrongAmount = notify(notificationBody(started.orderNo(), 1), Instant.now(), simulator.apiKey());
        assertProblem(wrongAmount, 409);
        Answer unknown = notify(notificationBody("HZP209901010000000000", 19000), Instant.now(), simulator.apiKey());
        assertProblem(unknown, 404);
        assertProblem(post(null, "/api/v1/payment-notifications/another", "{}"), 404);

        assertThat(payments.order(started.orderNo()).orElseThrow().status()).isEqualTo("PENDING");
        assertThat(outcomes(started.orderNo())).containsExactly("AMOUNT_MISMATCH");
        assertThat(eventsOf(started.orderNo())).isEmpty();
        // the genuine payment still goes through
        pay(started);
        awaitTrue(() -> "PAID".equals(payments.order(started.orderNo()).orElseThrow().status()));
        assertThat(eventsOf(started.orderNo())).hasSize(1);
    }

    @Test
    void startingAPaymentChecksItsInput() {
        assertThatThrownBy(() -> payments.start(1L, " ", Money.ZERO, "互助保障缴费"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("reference", "amount"));
    }

    // ------------------------------------------------------------------ helpers

    private OnlinePayments.Started start(String amount) {
        String reference = "HZB-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        return payments.start(memberId(), reference, Money.of(amount), "职工互助保障个人缴费");
    }

    private long memberId() {
        return get("demo-member", "/api/v1/me").json().path("memberId").asLong();
    }

    /** The worker presses 确认支付 on the provider's page; answers the order's status there. */
    private String pay(OnlinePayments.Started started) {
        Answer answer = send(null, HttpRequest.newBuilder(started.payUrl()).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
        return answer.field("status");
    }

    private String notificationBody(String orderNo, long fen) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "TEST-" + orderNo);
        body.put("merchantId", simulator.merchantId());
        body.put("eventType", "TRANSACTION.SUCCESS");
        body.put("orderNo", orderNo);
        body.put("status", "PAID");
        body.put("amount", fen);
        body.put("transactionId", "FORGED" + fen);
        body.put("paidAt", "2026-11-27T10:00:00+08:00");
        return JSON.writeValueAsString(body);
    }

    private Answer notify(String body, Instant at, String key) {
        String timestamp = String.valueOf(at.getEpochSecond());
        String nonce = "n" + ThreadLocalRandom.current().nextLong();
        return send(null, HttpRequest.newBuilder(uri("/api/v1/payment-notifications/simpay"))
                .header("Content-Type", "application/json")
                .header(PaymentProtocol.TIMESTAMP, timestamp)
                .header(PaymentProtocol.NONCE, nonce)
                .header(PaymentProtocol.SIGNATURE, PaymentProtocol.messageSignature(key, timestamp, nonce, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private List<OnlinePaymentReceived> eventsOf(String orderNo) {
        return received.stream().filter(e -> e.orderNo().equals(orderNo)).toList();
    }

    private List<String> outcomes(String orderNo) {
        return jdbc.sql("select outcome from payments.notification where order_no = ? order by id").param(orderNo)
                .query(String.class).list();
    }

    private static void awaitTrue(BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not there in time");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
