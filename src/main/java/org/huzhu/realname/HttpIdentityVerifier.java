package org.huzhu.realname;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider-style identity-verification API (运营商三要素 / 银行卡四要素), protocol in
 * docs/identity-verification.md: one signed {@code POST} of JSON per question, answered
 * {@code {"requestId","result","mismatch"}}. Anything but a clean answer — HTTP 5xx, a timeout, no
 * connection, refused credentials, an answer it cannot read — is {@link IdentityResult#UNAVAILABLE} with a
 * Chinese reason. Logs statuses and request ids only, never what was asked.
 */
public final class HttpIdentityVerifier implements IdentityVerifier, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpIdentityVerifier.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where the provider is and who we are; {@code timeout} bounds connecting and each answer. */
    public record Settings(URI baseUrl, String accessKey, String secret, Duration timeout) {

        public Settings {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(accessKey, "accessKey");
            Objects.requireNonNull(secret, "secret");
            if (timeout == null) timeout = Duration.ofSeconds(5);
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final HttpClient http;

    /** {@code clock}: real time, which the provider compares the signed timestamp with. */
    public HttpIdentityVerifier(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    public HttpIdentityVerifier(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    @Override
    public IdentityOutcome threeFactor(String name, String idNumber, String phone) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("idNumber", idNumber);
        body.put("phone", phone);
        return ask(IdvProtocol.THREE_FACTOR, body);
    }

    @Override
    public IdentityOutcome fourFactor(String name, String idNumber, String bankCard, String phone) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("idNumber", idNumber);
        body.put("bankCard", bankCard);
        body.put("phone", phone);
        return ask(IdvProtocol.FOUR_FACTOR, body);
    }

    private IdentityOutcome ask(String path, Map<String, String> question) {
        HttpResponse<String> response;
        try {
            response = http.send(request(path, JSON.writeValueAsString(question)), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return unavailable(path, "实名核验服务无法连接");
        } catch (HttpTimeoutException e) {
            return unavailable(path, "实名核验服务未在 " + settings.timeout().toMillis() + " 毫秒内应答");
        } catch (IOException e) {
            return unavailable(path, "实名核验服务无法连接或连接中断");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(path, "核验被中断");
        }
        return outcome(path, response);
    }

    private HttpRequest request(String path, String body) {
        String timestamp = Long.toString(clock.millis());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(IdvProtocol.KEY, settings.accessKey())
                .header(IdvProtocol.TIMESTAMP, timestamp)
                .header(IdvProtocol.NONCE, nonce)
                .header(IdvProtocol.SIGNATURE, IdvProtocol.sign(settings.secret(), "POST", path, timestamp, nonce, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private IdentityOutcome outcome(String path, HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (JacksonException e) {
            answer = JSON.createObjectNode();
        }
        String requestId = text(answer, "requestId");
        if (status == 401 || status == 403) return unavailable(path, "实名核验服务鉴权失败，请检查访问密钥配置", requestId, status);
        if (status == 429) return unavailable(path, "实名核验服务繁忙，请稍后再试", requestId, status);
        if (status != 200) return unavailable(path, "实名核验服务异常（HTTP " + status + "）", requestId, status);
        IdentityResult result = parse(IdentityResult.class, text(answer, "result"));
        if (result == null || result == IdentityResult.UNAVAILABLE || requestId == null) {
            return unavailable(path, "实名核验服务的应答无法识别", requestId, status);
        }
        IdentityElement mismatch = result == IdentityResult.MISMATCH ? parse(IdentityElement.class, text(answer, "mismatch")) : null;
        return IdentityOutcome.answered(result, mismatch, requestId, clock.instant());
    }

    private IdentityOutcome unavailable(String path, String reason) {
        return unavailable(path, reason, null, 0);
    }

    private IdentityOutcome unavailable(String path, String reason, String requestId, int status) {
        log.warn("Identity verification {}: no answer (HTTP {}, request id {}): {}", path, status, requestId, reason);
        return IdentityOutcome.unavailable(reason, requestId, clock.instant());
    }

    private static String text(JsonNode answer, String field) {
        JsonNode node = answer.path(field);
        if (node.isMissingNode() || node.isNull()) return null;
        String value = node.asString("").strip();
        return value.isEmpty() ? null : value;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null) return null;
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
