package org.huzhu.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Personal data at rest (domain §3, PIPL): AES-256-GCM for values, HMAC-SHA256 for look-up hashes. */
class PersonalDataCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key = randomKey();
    private final byte[] hashKey = randomKey();
    private final PersonalDataCipher cipher = new PersonalDataCipher(key, hashKey);

    private static byte[] randomKey() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return k;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"11010519491231002X", "6228480402564890018", "张三 乳腺恶性肿瘤 C50.900x001", "湖北省武汉市江岸区",
            "", "𠀀 rare CJK extension B", "x"})
    void decryptsWhatItEncrypted(String plain) {
        assertThat(cipher.decrypt(cipher.encrypt(plain))).isEqualTo(plain);
    }

    @Test
    void encryptsTheSameValueDifferentlyEachTime() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) seen.add(Arrays.toString(cipher.encrypt("11010519491231002X")));

        assertThat(seen).hasSize(50);
    }

    @Test
    void ciphertextDoesNotContainThePlaintext() {
        String plain = "11010519491231002X 张三 6228480402564890018";
        byte[] sealed = cipher.encrypt(plain);

        assertThat(contains(sealed, plain.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(contains(sealed, "11010519491231".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(contains(sealed, "张三".getBytes(StandardCharsets.UTF_8))).isFalse();
        // version byte + 12-byte IV + ciphertext + 16-byte tag
        assertThat(sealed).hasSize(1 + 12 + plain.getBytes(StandardCharsets.UTF_8).length + 16);
    }

    @Test
    void detectsTamperingAnywhereInTheStoredValue() {
        byte[] sealed = cipher.encrypt("11010519491231002X");

        for (int at = 1; at < sealed.length; at++) {
            byte[] tampered = sealed.clone();
            tampered[at] ^= 0x01;
            assertThatThrownBy(() -> cipher.decrypt(tampered))
                    .as("flipped bit in byte %d", at)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void refusesTruncatedOrForeignFormats() {
        byte[] sealed = cipher.encrypt("11010519491231002X");

        assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(sealed, sealed.length - 1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(sealed, 5))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(new byte[0])).isInstanceOf(IllegalStateException.class);
        byte[] otherVersion = sealed.clone();
        otherVersion[0] = 2;
        assertThatThrownBy(() -> cipher.decrypt(otherVersion)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDifferentKeyCannotDecrypt() {
        byte[] sealed = cipher.encrypt("11010519491231002X");
        PersonalDataCipher stranger = new PersonalDataCipher(randomKey(), hashKey);

        assertThatThrownBy(() -> stranger.decrypt(sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrong key or tampered");
    }

    @Test
    void aCipherWithTheSameKeysDecryptsWhatAnotherEncrypted() {
        PersonalDataCipher restarted = new PersonalDataCipher(key.clone(), hashKey.clone());

        assertThat(restarted.decrypt(cipher.encrypt("张三"))).isEqualTo("张三");
    }

    @Test
    void binaryContentRoundTripsAsItIsWithoutTextEncoding() {
        byte[] scan = new byte[4096];
        RANDOM.nextBytes(scan);

        byte[] stored = cipher.encryptBytes(scan);

        assertThat(cipher.decryptBytes(stored)).isEqualTo(scan);
        assertThat(stored.length).isEqualTo(scan.length + 1 + 12 + 16);   // format, IV, tag: no Base64 growth
        assertThat(PersonalDataCipher.isText(stored)).isFalse();
        assertThat(PersonalDataCipher.isText(cipher.encrypt("张三"))).isTrue();
    }

    @Test
    void textAndBinaryFormatsAreNotMistakenForEachOther() {
        byte[] text = cipher.encrypt("6222020200112233445");
        byte[] binary = cipher.encryptBytes(new byte[] {1, 2, 3});

        assertThatThrownBy(() -> cipher.decryptBytes(text)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(binary)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tamperedBinaryContentIsRefused() {
        byte[] stored = cipher.encryptBytes("%PDF-1.7 receipt".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        stored[stored.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decryptBytes(stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nullStaysNull() {
        assertThat(cipher.decrypt(null)).isNull();
    }

    @Test
    void hashIsDeterministicAndDistinguishesValues() {
        byte[] first = cipher.hash("id:11010519491231002X");

        assertThat(first).hasSize(32);
        assertThat(cipher.hash("id:11010519491231002X")).isEqualTo(first);
        assertThat(new PersonalDataCipher(randomKey(), hashKey).hash("id:11010519491231002X"))
                .as("does not depend on the encryption key")
                .isEqualTo(first);
        assertThat(cipher.hash("id:11010519491231002x")).isNotEqualTo(first);
        assertThat(cipher.hash("id:34052419800101001X")).isNotEqualTo(first);
    }

    @Test
    void hashDependsOnTheHashKey() {
        PersonalDataCipher otherOffice = new PersonalDataCipher(key, randomKey());

        assertThat(otherOffice.hash("id:11010519491231002X")).isNotEqualTo(cipher.hash("id:11010519491231002X"));
    }

    @Test
    void hashDoesNotContainThePlaintext() {
        byte[] hash = cipher.hash("11010519491231002X");

        assertThat(contains(hash, "1101051949".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 16, 24, 31, 33, 64})
    void refusesKeysThatAreNot256Bits(int length) {
        assertThatThrownBy(() -> new PersonalDataCipher(new byte[length], randomKey())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonalDataCipher(randomKey(), new byte[length])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isSafeToShareBetweenThreads() {
        List<String> values = IntStream.range(0, 2_000).mapToObj(i -> "4201021990" + String.format("%08d", i)).toList();

        List<String> roundTripped = values.parallelStream().map(v -> cipher.decrypt(cipher.encrypt(v))).toList();
        List<String> hashes = values.parallelStream().map(v -> Arrays.toString(cipher.hash(v))).toList();

        assertThat(roundTripped).isEqualTo(values);
        assertThat(hashes).isEqualTo(values.stream().map(v -> Arrays.toString(cipher.hash(v))).toList());
    }
}
