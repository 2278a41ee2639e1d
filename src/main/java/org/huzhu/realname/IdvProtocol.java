package org.huzhu.realname;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The identity-verification HTTP protocol's names and request signature (docs/identity-verification.md),
 * shared by the client and the simulated provider. The signed text is
 * {@code METHOD \n PATH \n TIMESTAMP \n NONCE \n BODY}; the signature is Base64(HMAC-SHA256(secret, text)),
 * UTF-8 throughout.
 */
public final class IdvProtocol {

    public static final String THREE_FACTOR = "/v1/verify/three-factor";
    public static final String FOUR_FACTOR = "/v1/verify/four-factor";
    public static final String KEY = "X-Idv-Key";
    public static final String TIMESTAMP = "X-Idv-Timestamp";
    public static final String NONCE = "X-Idv-Nonce";
    public static final String SIGNATURE = "X-Idv-Signature";
    /** How far a request's timestamp may be from the provider's clock, either way. */
    public static final long MAX_SKEW_MILLIS = 5 * 60 * 1000;

    private IdvProtocol() {
    }

    public static String sign(String secret, String method, String path, String timestamp, String nonce, String body) {
        String text = method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + (body == null ? "" : body);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether {@code signature} signs the request; compared in constant time. */
    public static boolean verify(String secret, String method, String path, String timestamp, String nonce, String body, String signature) {
        if (signature == null || timestamp == null || nonce == null) return false;
        return MessageDigest.isEqual(sign(secret, method, path, timestamp, nonce, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
