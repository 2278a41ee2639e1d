package org.huzhu.notifications.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.notifications.sms.SmppGatewayTest.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP gateway against a fake provider that checks signatures and serves reports and replies until acknowledged. */
class HttpSmsGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "LTAI-huzhu";
    private static final String SECRET = "provider-secret";

    private final FakeProvider provider = new FakeProvider();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open.reversed()) c.close();
        provider.server.stop(0);
    }

    @Test
    void sendsASignedRequestAndTheBizIdComesBack() {
        HttpSmsGateway gateway = gateway(SECRET);

        SubmitOutcome outcome = gateway.submit(new OutgoingSms(4711, "13800138000", "您的互助金已到账。"));

        assertThat(outcome).isEqualTo(new SubmitOutcome.Accepted(List.of("BIZ-1")));
        JsonNode sent = provider.sent.getFirst();
        assertThat(sent.path("phoneNumbers").asString()).isEqualTo("13800138000");
        assertThat(sent.path("signName").asString()).isEqualTo("职工互助");
        assertThat(sent.path("content").asString()).isEqualTo("您的互助金已到账。");
        assertThat(sent.path("outId").asString()).isEqualTo("4711");
    }

    @Test
    void aRequestSignedWithTheWrongSecretIsRefusedAndWorthRetryingOnceFixed() {
        HttpSmsGateway gateway = gateway("not-the-secret");

        SubmitOutcome outcome = gateway.submit(new OutgoingSms(1, "13800138000", "通知"));

        assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.TemporaryFailure.class,
                f -> assertThat(f.code()).isEqualTo("SIGNATURE_INVALID"));
        assertThat(provider.sent).isEmpty();
    }

    @Test
    void throttlingIsTemporaryAndAnInvalidNumberPermanent() {
        HttpSmsGateway gateway = gateway(SECRET);

        assertThat(gateway.submit(new OutgoingSms(1, "13700000000", "通知"))).isInstanceOfSatisfying(SubmitOutcome.TemporaryFailure.class,
                f -> assertThat(f.code()).isEqualTo("THROTTLED"));
        assertThat(gateway.submit(new OutgoingSms(2, "12345", "通知"))).isEqualTo(new SubmitOutcome.PermanentFailure("INVALID_NUMBER", "号码无效"));
        assertThat(gateway.submit(new OutgoingSms(3, "13600000000", "通知"))).isInstanceOf(SubmitOutcome.InDoubt.class);
    }

    @Test
    void aProviderThatIsDownIsATemporaryFailure() {
        provider.server.stop(0);
        HttpSmsGateway gateway = gateway(SECRET);

        assertThat(gateway.submit(new OutgoingSms(1, "13800138000", "通知"))).isInstanceOf(SubmitOutcome.TemporaryFailure.class);
    }

    @Test
    void reportsAreAcknowledgedOnlyAfterTheInboundSideTookThem() {
        HttpSmsGateway gateway = gateway(SECRET);
        gateway.submit(new OutgoingSms(4711, "13800138000", "通知"));
        AtomicBoolean failOnce = new AtomicBoolean(true);
        AtomicInteger calls = new AtomicInteger();
        SmppGatewayTest.Recorder inbound = new SmppGatewayTest.Recorder() {
            @Override
            public void receipts(List<DeliveryReceipt> receipts) {
                calls.incrementAndGet();
                if (failOnce.getAndSet(false)) {
                    assertThat(provider.acknowledged).isEmpty();
                    throw new IllegalStateException("database down");
                }
                super.receipts(receipts);
            }
        };

        gateway.start(inbound);

        await(() -> provider.acknowledged.contains("BIZ-1"), "the acknowledgement");
        assertThat(calls.get()).isEqualTo(2);
        DeliveryReceipt receipt = inbound.receipts.peek();
        assertThat(receipt).isEqualTo(new DeliveryReceipt("BIZ-1", 4711L, DeliveryReceipt.State.DELIVERED, null,
                Instant.parse("2026-11-23T02:30:00Z")));
    }

    @Test
    void repliesReachTheInboundSideAndAreAcknowledged() {
        provider.replies.add(Map.of("replyId", "R1", "phoneNumber", "13800138000", "content", "TD", "receivedAt", "2026-11-23T10:30:00+08:00"));
        HttpSmsGateway gateway = gateway(SECRET);
        SmppGatewayTest.Recorder inbound = new SmppGatewayTest.Recorder();

        gateway.start(inbound);

        await(() -> provider.acknowledgedReplies.contains("R1"), "the acknowledgement");
        assertThat(inbound.replies).containsExactly(new InboundSms("13800138000", "TD", Instant.parse("2026-11-23T02:30:00Z")));
    }

    private HttpSmsGateway gateway(String secret) {
        HttpSmsGateway gateway = new HttpSmsGateway(new HttpSmsGateway.Settings(provider.url(), KEY, secret, null,
                Duration.ofMillis(50), Duration.ofSeconds(2)));
        open.add(gateway);
        return gateway;
    }

    /** A provider as docs/sms-gateway.md describes it; numbers script the answers. */
    private static final class FakeProvider {
        final HttpServer server;
        final List<JsonNode> sent = new CopyOnWriteArrayList<>();
        final List<Map<String, String>> reports = new CopyOnWriteArrayList<>();
        final List<Map<String, String>> replies = new CopyOnWriteArrayList<>();
        final List<String> acknowledged = new CopyOnWriteArrayList<>();
        final List<String> acknowledgedReplies = new CopyOnWriteArrayList<>();
        private final AtomicInteger bizIds = new AtomicInteger();

        FakeProvider() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/sms/send", this::send);
            server.createContext("/sms/reports", this::reports);
            server.createContext("/sms/replies", this::replies);
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private String signedBody(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-Huzhu-Timestamp");
            boolean ok = KEY.equals(exchange.getRequestHeaders().getFirst("X-Huzhu-Key"))
                    && HttpSmsSignature.verify(SECRET, timestamp, body, exchange.getRequestHeaders().getFirst("X-Huzhu-Signature"));
            if (!ok) answer(exchange, 401, Map.of("code", "SIGNATURE_INVALID", "message", "签名错误"));
            return ok ? body : null;
        }

        private void send(HttpExchange exchange) throws IOException {
            String body = signedBody(exchange);
            if (body == null) return;
            JsonNode request = JSON.readTree(body);
            String phone = request.path("phoneNumbers").asString();
            switch (phone) {
                case "13700000000" -> answer(exchange, 200, Map.of("code", "THROTTLED", "message", "流控"));
                case "12345" -> answer(exchange, 200, Map.of("code", "INVALID_NUMBER", "message", "号码格式错误"));
                case "13600000000" -> answer(exchange, 500, Map.of("message", "internal error"));
                default -> {
                    sent.add(request);
                    String bizId = "BIZ-" + bizIds.incrementAndGet();
                    reports.add(Map.of("bizId", bizId, "outId", request.path("outId").asString(), "status", "DELIVERED",
                            "errCode", "DELIVERED", "doneAt", "2026-11-23T10:30:00+08:00"));
                    answer(exchange, 200, Map.of("code", "OK", "bizId", bizId, "message", "OK"));
                }
            }
        }

        private void reports(HttpExchange exchange) throws IOException {
            String body = signedBody(exchange);
            if (body == null) return;
            if (exchange.getRequestURI().getPath().endsWith("/ack")) {
                JSON.readTree(body).path("bizIds").forEach(id -> {
                    acknowledged.add(id.asString());
                    reports.removeIf(r -> r.get("bizId").equals(id.asString()));
                });
                answer(exchange, 200, Map.of("code", "OK"));
            } else {
                answer(exchange, 200, List.copyOf(reports));
            }
        }

        private void replies(HttpExchange exchange) throws IOException {
            String body = signedBody(exchange);
            if (body == null) return;
            if (exchange.getRequestURI().getPath().endsWith("/ack")) {
                JSON.readTree(body).path("replyIds").forEach(id -> {
                    acknowledgedReplies.add(id.asString());
                    replies.removeIf(r -> r.get("replyId").equals(id.asString()));
                });
                answer(exchange, 200, Map.of("code", "OK"));
            } else {
                answer(exchange, 200, List.copyOf(replies));
            }
        }

        private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
            byte[] bytes = JSON.writeValueAsBytes(body instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : body);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
