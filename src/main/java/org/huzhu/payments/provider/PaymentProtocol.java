package org.huzhu.payments.provider;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.huzhu.shared.Money;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider-style payment protocol both sides share (docs/online-payments.md): amounts in fen as
 * integers, and every message signed with HMAC-SHA256 under the merchant's API key over a timestamp
 * (Unix seconds) and a nonce. A request signs {@code METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY\n}; an
 * answer and a notification sign {@code TIMESTAMP\nNONCE\nBODY\n}. The signature is Base64.
 */
public final class PaymentProtocol {

    public static final String MERCHANT = "Pay-Merchant";
    public static final String TIMESTAMP = "Pay-Timestamp";
    public static final String NONCE = "Pay-Nonce";
    public static final String SIGNATURE = "Pay-Signature";

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The headers that sign one message. */
    public record Signed(String timestamp, String nonce, String signature) {
    }

    private PaymentProtocol() {
    }

    public static Signed signRequest(String key, Instant now, String method, String path, String body) {
        String timestamp = String.valueOf(now.getEpochSecond());
        String nonce = nonce();
        return new Signed(timestamp, nonce, hmac(key, method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n"));
    }

    public static Signed signMessage(String key, Instant now, String body) {
        String timestamp = String.valueOf(now.getEpochSecond());
        String nonce = nonce();
        return new Signed(timestamp, nonce, messageSignature(key, timestamp, nonce, body));
    }

    public static String messageSignature(String key, String timestamp, String nonce, String body) {
        return hmac(key, timestamp + "\n" + nonce + "\n" + body + "\n");
    }

    static boolean requestSignedBy(String key, String method, String path, Map<String, String> headers, String body) {
        String timestamp = headers.get(TIMESTAMP.toLowerCase());
        String nonce = headers.get(NONCE.toLowerCase());
        if (timestamp == null || nonce == null) return false;
        return same(hmac(key, method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n"),
                headers.get(SIGNATURE.toLowerCase()));
    }

    /**
     * Null when the message is signed by {@code key} within {@code window} of {@code now}; otherwise
     * why not, in Chinese. Headers by lower-case name.
     */
    static String messageProblem(String key, Map<String, String> headers, String body, Instant now, Duration window) {
        String timestamp = headers.get(TIMESTAMP.toLowerCase());
        String nonce = headers.get(NONCE.toLowerCase());
        String signature = headers.get(SIGNATURE.toLowerCase());
        if (timestamp == null || nonce == null || signature == null) return "缺少签名（" + TIMESTAMP + "、" + NONCE + "、" + SIGNATURE + "）";
        if (!same(messageSignature(key, timestamp, nonce, body), signature)) return "签名无效";
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return "时间戳格式不正确";
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(window) > 0) return "签名已过期（时间戳超出允许范围）";
        return null;
    }

    /** Yuan to fen, exactly. */
    public static long fen(Money amount) {
        return amount.amount().movePointRight(2).longValueExact();
    }

    public static Money yuan(long fen) {
        return new Money(BigDecimal.valueOf(fen, 2));
    }

    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.strip().getBytes(StandardCharsets.US_ASCII));
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
