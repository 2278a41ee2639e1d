package org.huzhu.shared.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    PersonalDataCipher personalDataCipher(CryptoProperties properties) throws IOException {
        String key = properties.key();
        String hashKey = properties.hashKey();
        if (isBlank(key) || isBlank(hashKey)) {
            if (!properties.generateMissing()) {
                throw new IllegalStateException("Personal-data keys are missing: set HUZHU_CRYPTO_KEY and "
                        + "HUZHU_CRYPTO_HASH_KEY (base64 of 32 random bytes each, e.g. `openssl rand -base64 32`)");
            }
            Properties stored = loadOrCreate(properties);
            key = stored.getProperty("key");
            hashKey = stored.getProperty("hashKey");
        }
        return new PersonalDataCipher(Base64.getDecoder().decode(key), Base64.getDecoder().decode(hashKey));
    }

    private static Properties loadOrCreate(CryptoProperties properties) throws IOException {
        var file = properties.keyFile();
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                stored.load(in);
            }
            return stored;
        }
        SecureRandom random = new SecureRandom();
        stored.setProperty("key", randomKey(random));
        stored.setProperty("hashKey", randomKey(random));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            stored.store(out, "Huzhu demo keys for personal data. Losing them makes stored ID numbers unreadable.");
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        return stored;
    }

    private static String randomKey(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
