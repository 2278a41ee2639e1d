package org.huzhu.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data at rest (ID numbers, bank accounts, diagnoses) with AES-256-GCM and
 * computes the keyed hash that lets the database find and de-duplicate values it cannot read.
 * Thread-safe; cipher instances are reused per thread because the import calls it per row.
 */
public final class PersonalDataCipher {

    private static final byte FORMAT_V1 = 1;
    private static final byte FORMAT_BYTES = 2;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance(() -> Cipher.getInstance("AES/GCM/NoPadding")));
    private final ThreadLocal<Mac> macs;

    public PersonalDataCipher(byte[] key, byte[] hashKey) {
        if (key.length != 32 || hashKey.length != 32) throw new IllegalArgumentException("keys must be 32 bytes");
        this.key = new SecretKeySpec(key, "AES");
        this.hashKey = new SecretKeySpec(hashKey, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> instance(() -> {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(this.hashKey);
            return mac;
        }));
    }

    public byte[] encrypt(String plain) {
        return seal(FORMAT_V1, plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Encrypts binary content (a scanned document) as it is, without a text encoding on the way. */
    public byte[] encryptBytes(byte[] plain) {
        return seal(FORMAT_BYTES, plain);
    }

    private byte[] seal(byte format, byte[] plain) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(format).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(byte[] stored) {
        if (stored == null) return null;
        if (!isText(stored)) throw new IllegalStateException("unknown cipher format");
        return new String(open(stored), StandardCharsets.UTF_8);
    }

    /** Decrypts what {@link #encryptBytes} sealed. */
    public byte[] decryptBytes(byte[] stored) {
        if (stored == null) return null;
        if (stored.length < 1 + IV_BYTES || stored[0] != FORMAT_BYTES) throw new IllegalStateException("unknown cipher format");
        return open(stored);
    }

    /** Whether {@code stored} was sealed by {@link #encrypt} (text) rather than {@link #encryptBytes}. */
    public static boolean isText(byte[] stored) {
        return stored.length >= 1 + IV_BYTES && stored[0] == FORMAT_V1;
    }

    private byte[] open(byte[] stored) {
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, IV_BYTES));
            return cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong key or tampered data", e);
        }
    }

    /** The keyed hash (HMAC-SHA256) of a normalised value, for unique indexes and look-ups. */
    public byte[] hash(String plain) {
        return macs.get().doFinal(plain.getBytes(StandardCharsets.UTF_8));
    }

    private interface Factory<T> {
        T make() throws GeneralSecurityException;
    }

    private static <T> T instance(Factory<T> factory) {
        try {
            return factory.make();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
