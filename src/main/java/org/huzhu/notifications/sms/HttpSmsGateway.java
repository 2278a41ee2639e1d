package org.huzhu.notifications.sms;

import java.io.IOException;
import java.net.ConnectException;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cloud SMS provider's HTTP API, in the style of the large Chinese providers (protocol in
 * docs/sms-gateway.md): {@code POST /sms/send} with a JSON body signed by HMAC-SHA256, one request
 * per text (the provider splits long texts itself); delivery reports and replies are pulled by a
 * background poller ({@link HttpSmsPoller}) and acknowledged only after the {@link SmsInbound} returned.
 *
 * <p>Outcomes: {@code OK} → {@code Accepted} with the provider's bizId; THROTTLED, BUSY, HTTP 429/503,
 * no connection → {@code TemporaryFailure}; INVALID_NUMBER and other refusals of the text →
 * {@code PermanentFailure} with a Chinese reason; a timeout after the request went out, a broken
 * answer or HTTP 5xx → {@code InDoubt}.
 */
public final class HttpSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(HttpSmsGateway.class);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, String> PERMANENT = Map.of(
            "INVALID_NUMBER", "号码无效",
            "CONTENT_REJECTED", "短信内容未通过审核",
            "BLACKLISTED", "号码已退订或在黑名单中",
            "TOO_LONG", "短信内容过长");

    private static final Map<String, String> TEMPORARY = Map.of(
            "THROTTLED", "短信平台限流，稍后重试",
            "BUSY", "短信平台繁忙，稍后重试",
            "SIGNATURE_INVALID", "短信平台鉴权失败，请检查访问密钥配置",
            "SIGN_NAME_INVALID", "短信签名未通过审核，请检查签名配置");

    /**
     * Where the provider is and who we are: {@code signName} is the approved signature shown as
     * 【职工互助】; {@code pollInterval} how often reports and replies are pulled; {@code timeout} per request.
     */
    public record Settings(URI baseUrl, String accessKey, String secret, String signName, Duration pollInterval, Duration timeout) {

        public Settings {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(accessKey, "accessKey");
            Objects.requireNonNull(secret, "secret");
            if (signName == null || signName.isBlank()) signName = "职工互助";
            if (pollInterval == null) pollInterval = Duration.ofSeconds(5);
            if (timeout == null) timeout = Duration.ofSeconds(10);
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final HttpClient http;
    private final HttpSmsPoller poller;

    public HttpSmsGateway(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).version(HttpClient.Version.HTTP_1_1).build();
        this.poller = new HttpSmsPoller(this, settings.pollInterval(), clock);
    }

    public HttpSmsGateway(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    @Override
    public String name() {
        return "http";
    }

    /** Pulls reports and replies every {@code pollInterval} from now on, handing them to {@code inbound}. */
    @Override
    public void start(SmsInbound inbound) {
        poller.start(Objects.requireNonNull(inbound, "inbound"));
    }

    @Override
    public SubmitOutcome submit(OutgoingSms sms) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phoneNumbers", sms.phone());
        body.put("signName", settings.signName());
        body.put("content", sms.text());
        body.put("outId", Long.toString(sms.messageId()));
        HttpResponse<String> response;
        try {
            response = send("POST", "/sms/send", JSON.writeValueAsString(body));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new SubmitOutcome.TemporaryFailure("UNREACHABLE", "短信平台无法连接", Duration.ofSeconds(30));
        } catch (HttpTimeoutException e) {
            log.warn("Message {}: the SMS provider did not answer within {} ms; in doubt", sms.messageId(), settings.timeout().toMillis());
            return new SubmitOutcome.InDoubt("短信平台未在 " + settings.timeout().toSeconds() + " 秒内应答");
        } catch (IOException e) {
            log.warn("Message {}: the request to the SMS provider broke off ({}); in doubt", sms.messageId(), e.getClass().getSimpleName());
            return new SubmitOutcome.InDoubt("与短信平台的连接中断");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SubmitOutcome.TemporaryFailure("INTERRUPTED", "发送被中断", Duration.ZERO);
        }
        return outcome(sms.messageId(), response);
    }

    private SubmitOutcome outcome(long messageId, HttpResponse<String> response) {
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (JacksonException e) {
            answer = JSON.createObjectNode();
        }
        String code = answer.path("code").asString("");
        int status = response.statusCode();
        if (status == 200 && "OK".equals(code)) {
            String bizId = answer.path("bizId").asString("");
            if (!bizId.isBlank()) return new SubmitOutcome.Accepted(List.of(bizId));
            return new SubmitOutcome.InDoubt("短信平台受理但未返回流水号");
        }
        if (TEMPORARY.containsKey(code)) {
            return new SubmitOutcome.TemporaryFailure(code, TEMPORARY.get(code), code.equals("THROTTLED") || code.equals("BUSY")
                    ? Duration.ofSeconds(1) : Duration.ofMinutes(5));
        }
        if (status == 429 || status == 503) return new SubmitOutcome.TemporaryFailure("HTTP-" + status, "短信平台繁忙，稍后重试", Duration.ofSeconds(1));
        if (status == 401 || status == 403) {
            return new SubmitOutcome.TemporaryFailure("HTTP-" + status, "短信平台鉴权失败，请检查访问密钥配置", Duration.ofMinutes(5));
        }
        if (PERMANENT.containsKey(code)) return new SubmitOutcome.PermanentFailure(code, PERMANENT.get(code));
        if (status >= 500 || code.isEmpty()) {
            log.warn("Message {}: the SMS provider answered HTTP {} without a usable code; in doubt", messageId, status);
            return new SubmitOutcome.InDoubt("短信平台异常（HTTP " + status + "）");
        }
        return new SubmitOutcome.PermanentFailure(code, "短信平台拒绝（" + code + "）");
    }

    /** One signed request: {@code X-Huzhu-Signature = Base64(HMAC-SHA256(secret, timestamp + "\n" + body))}; GET signs an empty body. */
    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        String timestamp = Long.toString(clock.millis());
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.baseUrl().resolve(settings.baseUrl().getPath().replaceAll("/$", "") + path))
                .timeout(settings.timeout())
                .header("X-Huzhu-Key", settings.accessKey())
                .header("X-Huzhu-Timestamp", timestamp)
                .header("X-Huzhu-Signature", HttpSmsSignature.sign(settings.secret(), timestamp, body));
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        poller.close();
        http.close();
    }
}
