package org.huzhu.realname;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.huzhu.realname.simulator.SimulatedIdentityProvider;
import org.huzhu.shared.IdNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP client against the simulated provider on loopback: every outcome of the protocol, and its signature. */
class HttpIdentityVerifierTest {

    static final String KEY = "test-key";
    static final String SECRET = "test-secret";
    static final String ZHANG = id("42010219850601001");
    static final String DECEASED = id("42010219300101001");
    static final String UNKNOWN = id("42010219900101001");
    static final String WRONG_ID = id("42010219900101002");
    static final String DOWN_FOR_ONE = id("42010219900101003");
    static final String KNOWN = id("42010219900101004");
    static final String PHONE = "13800138000";
    static final String OTHER_SIM = "13900139000";
    static final String CARD = "6222020200112233445";
    static final String LOST_CARD = "6222020200112233999";

    private SimulatedIdentityProvider provider;
    private HttpIdentityVerifier client;

    @AfterEach
    void close() {
        if (client != null) client.close();
        if (provider != null) provider.close();
    }

    @Test
    void aWellFormedPersonMatchesWithTheProvidersRequestId() {
        start(rules(false, Duration.ZERO));
        IdentityOutcome outcome = client.threeFactor("张三", ZHANG, PHONE);
        assertThat(outcome.result()).isEqualTo(IdentityResult.MATCH);
        assertThat(outcome.mismatch()).isNull();
        assertThat(outcome.requestId()).startsWith("SIM-");
        assertThat(outcome.answeredAt()).isNotNull();
        assertThat(client.fourFactor("张三", ZHANG, CARD, PHONE).result()).isEqualTo(IdentityResult.MATCH);
    }

    @Test
    void aMismatchNamesTheElementThatDidNotMatch() {
        start(rules(false, Duration.ZERO));
        assertThat(client.threeFactor("张三", ZHANG, OTHER_SIM)).extracting(IdentityOutcome::result, IdentityOutcome::mismatch)
                .containsExactly(IdentityResult.MISMATCH, IdentityElement.PHONE);
        assertThat(client.threeFactor("张三", WRONG_ID, PHONE).mismatch()).isEqualTo(IdentityElement.ID);
        assertThat(client.threeFactor("李四", KNOWN, PHONE).mismatch()).isEqualTo(IdentityElement.NAME);
        assertThat(client.threeFactor("王五", KNOWN, PHONE).result()).isEqualTo(IdentityResult.MATCH);
        IdentityOutcome card = client.fourFactor("张三", ZHANG, LOST_CARD, PHONE);
        assertThat(card).extracting(IdentityOutcome::result, IdentityOutcome::mismatch)
                .containsExactly(IdentityResult.MISMATCH, IdentityElement.CARD);
        assertThat(card.requestId()).isNotBlank();
    }

    @Test
    void aDeceasedPersonIsSaidToBeDeceased() {
        start(rules(false, Duration.ZERO));
        IdentityOutcome outcome = client.threeFactor("赵六", DECEASED, PHONE);
        assertThat(outcome.result()).isEqualTo(IdentityResult.DECEASED);
        assertThat(outcome.requestId()).isNotBlank();
    }

    @Test
    void anUnknownOrMalformedIdNumberIsNotFound() {
        start(rules(false, Duration.ZERO));
        assertThat(client.threeFactor("孙七", UNKNOWN, PHONE).result()).isEqualTo(IdentityResult.NOT_FOUND);
        String badCheck = ZHANG.substring(0, 17) + (ZHANG.charAt(17) == '1' ? '2' : '1');
        assertThat(client.threeFactor("张三", badCheck, PHONE).result()).isEqualTo(IdentityResult.NOT_FOUND);
    }

    @Test
    void aServiceThatIsDownIsUnavailableNeverAMismatch() {
        start(rules(true, Duration.ZERO));
        IdentityOutcome outcome = client.threeFactor("张三", ZHANG, PHONE);
        assertThat(outcome.result()).isEqualTo(IdentityResult.UNAVAILABLE);
        assertThat(outcome.reason()).contains("HTTP 503");
        assertThat(client.fourFactor("张三", ZHANG, CARD, PHONE).result()).isEqualTo(IdentityResult.UNAVAILABLE);
        assertThat(provider.answered()).isZero();
    }

    @Test
    void aServiceDownForOnePersonIsUnavailableForThemOnly() {
        start(rules(false, Duration.ZERO));
        assertThat(client.threeFactor("周八", DOWN_FOR_ONE, PHONE).result()).isEqualTo(IdentityResult.UNAVAILABLE);
        assertThat(client.threeFactor("张三", ZHANG, PHONE).result()).isEqualTo(IdentityResult.MATCH);
    }

    @Test
    void noConnectionIsUnavailable() {
        start(rules(false, Duration.ZERO));
        provider.close();
        IdentityOutcome outcome = client.threeFactor("张三", ZHANG, PHONE);
        assertThat(outcome.result()).isEqualTo(IdentityResult.UNAVAILABLE);
        assertThat(outcome.requestId()).isNull();
        assertThat(outcome.reason()).contains("无法连接");
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsUnavailable() {
        start(rules(false, Duration.ofSeconds(3)));
        IdentityOutcome outcome = client.threeFactor("张三", ZHANG, PHONE);
        assertThat(outcome.result()).isEqualTo(IdentityResult.UNAVAILABLE);
        assertThat(outcome.reason()).contains("未在 300 毫秒内应答");
    }

    @Test
    void theProviderRefusesAWrongSignatureAndTheClientReportsItUnavailable() {
        start(rules(false, Duration.ZERO));
        try (HttpIdentityVerifier wrongSecret = new HttpIdentityVerifier(
                new HttpIdentityVerifier.Settings(provider.baseUrl(), KEY, "not-the-secret", Duration.ofSeconds(5)));
             HttpIdentityVerifier wrongKey = new HttpIdentityVerifier(
                     new HttpIdentityVerifier.Settings(provider.baseUrl(), "someone-else", SECRET, Duration.ofSeconds(5)))) {
            for (HttpIdentityVerifier wrong : List.of(wrongSecret, wrongKey)) {
                IdentityOutcome outcome = wrong.threeFactor("张三", ZHANG, PHONE);
                assertThat(outcome.result()).isEqualTo(IdentityResult.UNAVAILABLE);
                assertThat(outcome.reason()).contains("鉴权失败");
            }
        }
        assertThat(provider.answered()).isZero();
    }

    @Test
    void theProviderRefusesATamperedBodyAReplayedNonceAndAStaleTimestamp() throws Exception {
        start(rules(false, Duration.ZERO));
        String body = "{\"name\":\"张三\",\"idNumber\":\"" + ZHANG + "\",\"phone\":\"" + PHONE + "\"}";
        String now = Long.toString(System.currentTimeMillis());
        assertThat(post(body, now, "nonce-1", body)).isEqualTo(200);
        assertThat(post(body, now, "nonce-1", body)).as("the same nonce again").isEqualTo(401);
        assertThat(post(body, now, "nonce-2", body.replace(PHONE, OTHER_SIM))).as("body changed after signing").isEqualTo(401);
        String stale = Long.toString(System.currentTimeMillis() - IdvProtocol.MAX_SKEW_MILLIS - 60_000);
        assertThat(post(body, stale, "nonce-3", body)).as("timestamp six minutes old").isEqualTo(401);
        assertThat(provider.answered()).isEqualTo(1);
    }

    @Test
    void theSignatureIsTheDocumentedHmacOfMethodPathTimestampNonceAndBody() {
        // the example in docs/identity-verification.md
        assertThat(IdvProtocol.sign("example-secret", "POST", "/v1/verify/three-factor", "1764201600000", "0f8e2a4c6b1d4e3f9a7b5c3d1e0f2a4b",
                "{\"name\":\"张三\",\"idNumber\":\"420102198506010015\",\"phone\":\"13800138000\"}"))
                .isEqualTo(EXAMPLE_SIGNATURE);
    }

    static final String EXAMPLE_SIGNATURE = "94KmIN+1SQ5Fxse/FU69iT9cvQhLrHsLHA0A2RIloJk=";

    private int post(String signedBody, String timestamp, String nonce, String sentBody) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(provider.baseUrl() + IdvProtocol.THREE_FACTOR))
                .header(IdvProtocol.KEY, KEY).header(IdvProtocol.TIMESTAMP, timestamp).header(IdvProtocol.NONCE, nonce)
                .header(IdvProtocol.SIGNATURE, IdvProtocol.sign(SECRET, "POST", IdvProtocol.THREE_FACTOR, timestamp, nonce, signedBody))
                .POST(HttpRequest.BodyPublishers.ofString(sentBody)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private void start(RealNameProperties.Simulator rules) {
        try {
            provider = new SimulatedIdentityProvider(rules, KEY, SECRET);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        client = new HttpIdentityVerifier(new HttpIdentityVerifier.Settings(provider.baseUrl(), KEY, SECRET, Duration.ofMillis(300)));
    }

    static RealNameProperties.Simulator rules(boolean down, Duration delay) {
        return new RealNameProperties.Simulator(true, 0, down, delay, List.of(WRONG_ID), List.of(DECEASED), List.of(UNKNOWN),
                List.of(DOWN_FOR_ONE), List.of(OTHER_SIM), List.of(LOST_CARD), Map.of(KNOWN, "王五"));
    }

    /** An ID number with its check character. */
    static String id(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }
}
