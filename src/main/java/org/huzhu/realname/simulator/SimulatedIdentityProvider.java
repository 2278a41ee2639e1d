package org.huzhu.realname.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.huzhu.realname.IdvProtocol;
import org.huzhu.realname.RealNameProperties;
import org.huzhu.shared.IdNumber;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for an identity-verification provider, on loopback (docs/identity-verification.md). It
 * checks the key, the timestamp (5 minutes either way), the nonce (never twice) and the signature like a
 * real provider (HTTP 401 {@code SIGNATURE_INVALID}), then answers by rules: a malformed ID number or one
 * listed as not found → NOT_FOUND; listed as deceased → DECEASED; listed as mismatching, or known under
 * another name, or a listed phone or card → MISMATCH with that element; listed as unavailable, or the whole
 * service {@code down} → HTTP 503; everything else → MATCH.
 */
public final class SimulatedIdentityProvider implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final RealNameProperties.Simulator rules;
    private final String accessKey;
    private final String secret;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Long> nonces = new ConcurrentHashMap<>();
    private final AtomicLong answered = new AtomicLong();

    /** Starts listening on 127.0.0.1 ({@code rules.port()}, 0: any free port) for requests signed with this key and secret. */
    public SimulatedIdentityProvider(RealNameProperties.Simulator rules, String accessKey, String secret) throws IOException {
        this.rules = rules;
        this.accessKey = accessKey;
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), rules.port()), 0);
        server.createContext(IdvProtocol.THREE_FACTOR, exchange -> handle(exchange, IdvProtocol.THREE_FACTOR));
        server.createContext(IdvProtocol.FOUR_FACTOR, exchange -> handle(exchange, IdvProtocol.FOUR_FACTOR));
        server.setExecutor(threads);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String accessKey() {
        return accessKey;
    }

    public String secret() {
        return secret;
    }

    /** How many questions it answered with a result (HTTP 200). */
    public long answered() {
        return answered.get();
    }

    private void handle(HttpExchange exchange, String path) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals(path)) {
                reply(exchange, 404, Map.of("code", "NOT_FOUND"));
                return;
            }
            if (!authentic(exchange, path, body)) {
                reply(exchange, 401, Map.of("code", "SIGNATURE_INVALID", "message", "签名校验失败"));
                return;
            }
            pause();
            JsonNode question;
            try {
                question = JSON.readTree(body);
            } catch (JacksonException e) {
                reply(exchange, 400, Map.of("code", "BAD_REQUEST", "message", "请求不是JSON"));
                return;
            }
            boolean fourFactor = path.equals(IdvProtocol.FOUR_FACTOR);
            String name = field(question, "name");
            String idNumber = field(question, "idNumber");
            String phone = field(question, "phone");
            String card = fourFactor ? field(question, "bankCard") : "";
            if (name.isEmpty() || idNumber.isEmpty() || phone.isEmpty() || (fourFactor && card.isEmpty())) {
                reply(exchange, 400, Map.of("code", "BAD_REQUEST", "message", "缺少核验要素"));
                return;
            }
            if (rules.down() || rules.unavailableIdNumbers().contains(idNumber)) {
                reply(exchange, 503, Map.of("code", "UNAVAILABLE", "message", "服务暂不可用"));
                return;
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("requestId", "SIM-" + UUID.randomUUID());
            Verdict verdict = verdict(name, idNumber, phone, fourFactor ? card : null);
            answer.put("result", verdict.result());
            answer.put("mismatch", verdict.mismatch());
            answered.incrementAndGet();
            reply(exchange, 200, answer);
        }
    }

    /** The result and the mismatching element (or null), by the rules in the order the class comment gives. */
    private record Verdict(String result, String mismatch) {
    }

    private Verdict verdict(String name, String idNumber, String phone, String card) {
        if (!wellFormed(idNumber) || rules.notFoundIdNumbers().contains(idNumber)) return new Verdict("NOT_FOUND", null);
        if (rules.deceasedIdNumbers().contains(idNumber)) return new Verdict("DECEASED", null);
        if (rules.mismatchIdNumbers().contains(idNumber)) return new Verdict("MISMATCH", "ID");
        String knownName = rules.known().get(idNumber);
        if (knownName != null && !knownName.equals(name)) return new Verdict("MISMATCH", "NAME");
        if (rules.mismatchPhones().contains(phone)) return new Verdict("MISMATCH", "PHONE");
        if (card != null && rules.mismatchCards().contains(card)) return new Verdict("MISMATCH", "CARD");
        return new Verdict("MATCH", null);
    }

    private boolean authentic(HttpExchange exchange, String path, String body) {
        String key = exchange.getRequestHeaders().getFirst(IdvProtocol.KEY);
        String timestamp = exchange.getRequestHeaders().getFirst(IdvProtocol.TIMESTAMP);
        String nonce = exchange.getRequestHeaders().getFirst(IdvProtocol.NONCE);
        String signature = exchange.getRequestHeaders().getFirst(IdvProtocol.SIGNATURE);
        if (!accessKey.equals(key) || nonce == null || nonce.isBlank() || timestamp == null) return false;
        long now = System.currentTimeMillis();
        try {
            if (Math.abs(now - Long.parseLong(timestamp)) > IdvProtocol.MAX_SKEW_MILLIS) return false;
        } catch (NumberFormatException e) {
            return false;
        }
        if (!IdvProtocol.verify(secret, "POST", path, timestamp, nonce, body, signature)) return false;
        nonces.values().removeIf(seen -> now - seen > 2 * IdvProtocol.MAX_SKEW_MILLIS);
        return nonces.putIfAbsent(nonce, now) == null;
    }

    private static boolean wellFormed(String idNumber) {
        try {
            return IdNumber.parse(idNumber, LocalDate.now(CHINA)).value().equals(idNumber);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void pause() {
        if (rules.delay().isZero()) return;
        try {
            Thread.sleep(rules.delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String field(JsonNode question, String name) {
        JsonNode node = question.path(name);
        return node.isString() ? node.asString().strip() : "";
    }

    private static void reply(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
