package org.huzhu.payments.provider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated online-payment provider on 127.0.0.1 (JDK HttpServer) speaking the protocol of
 * docs/online-payments.md, for demo and test mode. Orders are paid at {@code GET /pay/{orderNo}}
 * (a page with a button) or {@code POST /pay/{orderNo}} (tests). Rules by the amount's fen
 * ({@link Settings}): failing → FAILED (余额不足) and a failure notification; twice → the success
 * notification is delivered twice; late → delivered after {@code lateDelay}; lost → never
 * delivered, only a query finds the payment. Every delivery and Huzhu's answer is kept
 * ({@link #deliveries}). Everything lives in memory.
 */
public final class SimulatedPaymentProvider implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentProvider.class);
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    /** How the provider behaves; {@code port} 0 picks a free port. */
    public record Settings(int port, String merchantId, String apiKey, int failingFen, int twiceFen, int lateFen, int lostFen,
                           Duration lateDelay) {
    }

    private static final class Order {
        final String orderNo;
        final long amount;
        final String description;
        final URI notifyUrl;
        final OffsetDateTime expiresAt;
        String status = "PENDING";
        String transactionId;
        OffsetDateTime paidAt;
        String failReason;

        Order(String orderNo, long amount, String description, URI notifyUrl, OffsetDateTime expiresAt) {
            this.orderNo = orderNo;
            this.amount = amount;
            this.description = description;
            this.notifyUrl = notifyUrl;
            this.expiresAt = expiresAt;
        }
    }

    private final Settings settings;
    private final Clock clock = Clock.systemUTC();
    private final HttpServer server;
    private final ExecutorService http = Executors.newFixedThreadPool(2, r -> daemon(r, "payment-sim-http"));
    private final SimulatedNotifier notifier;
    private final Map<String, Order> orders = new HashMap<>();
    private long transactions;

    public SimulatedPaymentProvider(Settings settings) {
        this.settings = settings;
        this.notifier = new SimulatedNotifier(settings.apiKey());
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 64);
        } catch (IOException e) {
            throw new IllegalStateException("simulated payment provider cannot listen on 127.0.0.1:" + settings.port(), e);
        }
        server.setExecutor(http);
        server.createContext("/v1/orders", this::orders);
        server.createContext("/pay/", this::payPage);
        server.start();
        log.info("Simulated payment provider listening at {}", url());
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String merchantId() {
        return settings.merchantId();
    }

    public String apiKey() {
        return settings.apiKey();
    }

    /** The worker pays: PAID (or FAILED by the rules) and notified as the rules say; answers the status. */
    public synchronized String pay(String orderNo) {
        Order order = orders.get(orderNo);
        if (order == null) return "NOT_FOUND";
        expireIfDue(order);
        if (!order.status.equals("PENDING")) return order.status;
        long fen = order.amount % 100;
        if (fen == settings.failingFen()) {
            order.status = "FAILED";
            order.failReason = "余额不足";
            notifier.later(notification(order), order.notifyUrl, Duration.ZERO, 1);
            return order.status;
        }
        order.status = "PAID";
        order.transactionId = "SIM" + order.orderNo.substring(Math.max(0, order.orderNo.length() - 12)) + String.format("%06d", ++transactions);
        order.paidAt = OffsetDateTime.now(clock).withOffsetSameInstant(CHINA).withNano(0);
        if (fen == settings.lostFen()) return order.status;
        if (fen == settings.lateFen()) notifier.later(notification(order), order.notifyUrl, settings.lateDelay(), 1);
        else notifier.later(notification(order), order.notifyUrl, Duration.ZERO, fen == settings.twiceFen() ? 2 : 1);
        return order.status;
    }

    /** The notifications delivered for an order so far, oldest first. */
    public List<SimulatedNotifier.Delivery> deliveries(String orderNo) {
        return notifier.deliveries(orderNo);
    }

    // ---- HTTP: the merchant API ----------------------------------------------------------

    private void orders(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String body = read(exchange);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
            if (!settings.merchantId().equals(headers.get(PaymentProtocol.MERCHANT.toLowerCase()))
                    || !PaymentProtocol.requestSignedBy(settings.apiKey(), exchange.getRequestMethod(), path, headers, body)) {
                answer(exchange, 401, error("SIGNATURE_INVALID", "签名验证失败"));
                return;
            }
            String rest = path.substring("/v1/orders".length());
            String method = exchange.getRequestMethod();
            if (rest.isEmpty() && method.equals("POST")) answer(exchange, create(body));
            else if (rest.endsWith("/close") && method.equals("POST")) answer(exchange, close(decode(rest.substring(1, rest.length() - 6))));
            else if (rest.startsWith("/") && method.equals("GET")) answer(exchange, query(decode(rest.substring(1))));
            else answer(exchange, 404, error("NOT_FOUND", "没有这个接口"));
        } catch (RuntimeException e) {
            log.warn("simulated payment provider failed on a request", e);
            answer(exchange, 500, error("SYSTEM_ERROR", "系统错误"));
        }
    }

    private record Reply(int status, Map<String, Object> body) {
    }

    private synchronized Reply create(String body) {
        var n = PaymentProtocol.JSON.readTree(body);
        String orderNo = n.path("orderNo").asString("");
        long amount = n.path("amount").asLong(0);
        if (orderNo.isBlank() || amount <= 0 || !"CNY".equals(n.path("currency").asString(""))) {
            return new Reply(400, error("INVALID_REQUEST", "订单号、金额或币种不正确"));
        }
        Order order = orders.get(orderNo);
        if (order != null && order.amount != amount) return new Reply(409, error("ORDER_CONFLICT", "订单号已存在且金额不同"));
        if (order == null) {
            order = new Order(orderNo, amount, n.path("description").asString(""), URI.create(n.path("notifyUrl").asString()),
                    OffsetDateTime.parse(n.path("expiresAt").asString()));
            orders.put(orderNo, order);
        }
        Map<String, Object> out = state(order);
        out.put("payUrl", url() + "/pay/" + orderNo);
        return new Reply(200, out);
    }

    private synchronized Reply query(String orderNo) {
        Order order = orders.get(orderNo);
        if (order == null) return new Reply(404, error("ORDER_NOT_FOUND", "订单不存在"));
        expireIfDue(order);
        return new Reply(200, state(order));
    }

    private synchronized Reply close(String orderNo) {
        Order order = orders.get(orderNo);
        if (order == null) return new Reply(404, error("ORDER_NOT_FOUND", "订单不存在"));
        if (order.status.equals("PAID")) return new Reply(409, error("ORDER_PAID", "订单已支付，不能关闭"));
        order.status = "CLOSED";
        return new Reply(200, state(order));
    }

    // ---- HTTP: the worker's pay page -----------------------------------------------------

    private void payPage(HttpExchange exchange) throws IOException {
        try (exchange) {
            String orderNo = decode(exchange.getRequestURI().getRawPath().substring("/pay/".length()));
            String status = exchange.getRequestMethod().equals("POST") ? pay(orderNo) : current(orderNo);
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (accept != null && accept.contains("application/json")) {
                answer(exchange, new Reply(status.equals("NOT_FOUND") ? 404 : 200, Map.of("orderNo", orderNo, "status", status)));
                return;
            }
            byte[] html = page(orderNo, status).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status.equals("NOT_FOUND") ? 404 : 200, html.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(html);
            }
        }
    }

    private synchronized String current(String orderNo) {
        Order order = orders.get(orderNo);
        if (order == null) return "NOT_FOUND";
        expireIfDue(order);
        return order.status;
    }

    private synchronized String page(String orderNo, String status) {
        Order order = orders.get(orderNo);
        return order == null ? SimulatedPayPage.html(orderNo, status, null, null, null)
                : SimulatedPayPage.html(orderNo, status, PaymentProtocol.yuan(order.amount), order.description, order.failReason);
    }

    // ---- helpers -------------------------------------------------------------------------

    private void expireIfDue(Order order) {
        if (order.status.equals("PENDING") && !order.expiresAt.toInstant().isAfter(clock.instant())) order.status = "CLOSED";
    }

    private static Map<String, Object> state(Order order) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("orderNo", order.orderNo);
        out.put("status", order.status);
        out.put("amount", order.amount);
        out.put("transactionId", order.transactionId);
        out.put("paidAt", order.paidAt == null ? null : order.paidAt.toString());
        out.put("failReason", order.failReason);
        return out;
    }

    private Map<String, Object> notification(Order order) {
        Map<String, Object> body = state(order);
        body.put("id", "NTF-" + order.orderNo + "-" + order.status);
        body.put("merchantId", settings.merchantId());
        body.put("eventType", order.status.equals("PAID") ? "TRANSACTION.SUCCESS" : "TRANSACTION.FAIL");
        return body;
    }

    private static Map<String, Object> error(String code, String message) {
        return new LinkedHashMap<>(Map.of("code", code, "message", message));
    }

    private void answer(HttpExchange exchange, Reply reply) throws IOException {
        answer(exchange, reply.status(), reply.body());
    }

    private void answer(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        String json = PaymentProtocol.JSON.writeValueAsString(body);
        PaymentProtocol.Signed signed = PaymentProtocol.signMessage(settings.apiKey(), clock.instant(), json);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set(PaymentProtocol.TIMESTAMP, signed.timestamp());
        exchange.getResponseHeaders().set(PaymentProtocol.NONCE, signed.nonce());
        exchange.getResponseHeaders().set(PaymentProtocol.SIGNATURE, signed.signature());
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        server.stop(0);
        notifier.close();
        http.shutdownNow();
    }
}
