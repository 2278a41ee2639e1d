package org.huzhu.shared.crypto;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data. {@code key} encrypts (AES-256-GCM), {@code hashKey} makes the keyed
 * hash used for uniqueness and look-up (HMAC-SHA256); both base64 of 32 bytes. Production
 * passes them in the environment ({@code HUZHU_CRYPTO_KEY}, {@code HUZHU_CRYPTO_HASH_KEY});
 * only with {@code generateMissing} (demo mode) are missing keys made and kept in {@code keyFile}.
 */
@ConfigurationProperties("huzhu.crypto")
public record CryptoProperties(String key, String hashKey, boolean generateMissing, Path keyFile) {

    public CryptoProperties {
        if (keyFile == null) keyFile = Path.of("data", "keys.properties");
    }
}
