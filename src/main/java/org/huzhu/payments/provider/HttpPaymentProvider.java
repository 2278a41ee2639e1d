package org.huzhu.payments.provider;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.huzhu.payments.InvalidNotificationException;
import org.huzhu.payments.PaymentProvider;
import org.huzhu.payments.PaymentProviderException;
import org.huzhu.shared.Money;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The client of a provider speaking the protocol of docs/online-payments.md: {@code POST /v1/orders},
 * {@code GET /v1/orders/{orderNo}}, {@code POST /v1/orders/{orderNo}/close}, every request signed
 * and every answer's signature checked; notifications are verified with the same key. A timeout,
 * an unsigned or unreadable answer and HTTP 5xx throw {@link PaymentProviderException}: creating
 * and closing are idempotent by order number, so the caller may simply ask again.
 */
public final class HttpPaymentProvider implements PaymentProvider {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final String ACK = "{\"code\":\"SUCCESS\",\"message\":\"成功\"}";

    /** Who we are at the provider, where it is ({@code baseUrl} is asked on each call), and how long a signature stays fresh. */
    public record Settings(String name, Supplier<URI> baseUrl, String merchantId, Supplier<String> apiKey, Duration timeout,
                           Duration signatureWindow) {
    }

    private final Settings settings;
    private final Clock clock;
    private final HttpClient http;

    /** {@code clock} is real time (signatures are timed by it), never a business clock that tests move. */
    public HttpPaymentProvider(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public CreatedOrder createOrder(String orderNo, Money amount, String description, URI notifyUrl, Instant expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchantId", settings.merchantId());
        body.put("orderNo", orderNo);
        body.put("amount", PaymentProtocol.fen(amount));
        body.put("currency", "CNY");
        body.put("description", description);
        body.put("notifyUrl", notifyUrl.toString());
        body.put("expiresAt", expiresAt.atOffset(CHINA).toString());
        Answer answer = call("POST", "/v1/orders", PaymentProtocol.JSON.writeValueAsString(body));
        if (answer.status() != 200) throw refused("下单", answer);
        return new CreatedOrder(orderNo, URI.create(answer.json().path("payUrl").asString()));
    }

    @Override
    public OrderState query(String orderNo) {
        Answer answer = call("GET", "/v1/orders/" + encode(orderNo), "");
        if (answer.status() == 404) return OrderState.notFound(orderNo);
        if (answer.status() != 200) throw refused("查询订单", answer);
        return state(answer.json());
    }

    @Override
    public OrderState close(String orderNo) {
        Answer answer = call("POST", "/v1/orders/" + encode(orderNo) + "/close", "");
        if (answer.status() == 404) return OrderState.notFound(orderNo);
        if (answer.status() == 409 && "ORDER_PAID".equals(answer.json().path("code").asString())) return query(orderNo);
        if (answer.status() != 200) throw refused("关闭订单", answer);
        return state(answer.json());
    }

    @Override
    public Notification verify(Map<String, String> headers, String body) {
        String problem = PaymentProtocol.messageProblem(settings.apiKey().get(), headers, body, clock.instant(), settings.signatureWindow());
        if (problem != null) throw new InvalidNotificationException(problem);
        try {
            JsonNode n = PaymentProtocol.JSON.readTree(body);
            if (!settings.merchantId().equals(n.path("merchantId").asString(""))) throw new InvalidNotificationException("商户号不符");
            String orderNo = n.path("orderNo").asString("");
            if (orderNo.isBlank() || !n.path("amount").canConvertToLong()) throw new InvalidNotificationException("通知缺少订单号或金额");
            Status status = Status.valueOf(n.path("status").asString("").toUpperCase(Locale.ROOT));
            return new Notification(n.path("id").asString(null), orderNo, status, PaymentProtocol.yuan(n.path("amount").asLong()),
                    text(n, "transactionId"), time(n, "paidAt"), text(n, "failReason"));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidNotificationException("通知内容无法读取");
        }
    }

    @Override
    public String acknowledgement() {
        return ACK;
    }

    // ---- the wire ----------------------------------------------------------------------

    private record Answer(int status, String body) {
        JsonNode json() {
            try {
                return PaymentProtocol.JSON.readTree(body.isEmpty() ? "{}" : body);
            } catch (JacksonException e) {
                throw new PaymentProviderException("支付渠道应答无法识别（" + status + "）");
            }
        }
    }

    private Answer call(String method, String path, String body) {
        URI base = settings.baseUrl().get();
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + path);
        String key = settings.apiKey().get();
        PaymentProtocol.Signed signed = PaymentProtocol.signRequest(key, clock.instant(), method, uri.getRawPath(), body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(PaymentProtocol.MERCHANT, settings.merchantId())
                .header(PaymentProtocol.TIMESTAMP, signed.timestamp())
                .header(PaymentProtocol.NONCE, signed.nonce())
                .header(PaymentProtocol.SIGNATURE, signed.signature());
        request.method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PaymentProviderException("无法连接支付渠道：" + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentProviderException("与支付渠道的通信被中断");
        }
        if (response.statusCode() >= 500) throw new PaymentProviderException("支付渠道错误（" + response.statusCode() + "）");
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
        String problem = PaymentProtocol.messageProblem(key, headers, response.body(), clock.instant(), settings.signatureWindow());
        if (problem != null) throw new PaymentProviderException("支付渠道应答验签失败：" + problem);
        return new Answer(response.statusCode(), response.body());
    }

    private static PaymentProviderException refused(String what, Answer answer) {
        JsonNode json = answer.json();
        return new PaymentProviderException("支付渠道拒绝" + what + "（" + json.path("code").asString(String.valueOf(answer.status())) + "）："
                + json.path("message").asString(""));
    }

    private static OrderState state(JsonNode n) {
        return new OrderState(n.path("orderNo").asString(), Status.valueOf(n.path("status").asString()),
                PaymentProtocol.yuan(n.path("amount").asLong()), text(n, "transactionId"), time(n, "paidAt"), text(n, "failReason"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() || v.asString().isBlank() ? null : v.asString();
    }

    private static OffsetDateTime time(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : OffsetDateTime.parse(v);
    }

    private static String encode(String orderNo) {
        return URLEncoder.encode(orderNo, StandardCharsets.UTF_8);
    }
}
