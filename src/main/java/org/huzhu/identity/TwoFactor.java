package org.huzhu.identity;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two-factor login by TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps), any authenticator app.
 * The secret is kept encrypted; a code is accepted for the step before, the current one and the
 * one after (clock drift), and only for a step later than the last accepted one, so a code can
 * never be used twice. Ten recovery codes, kept as SHA-256 hashes, each replace a code once.
 */
@Component
class TwoFactor {

    static final String ISSUER = "互助";
    static final int PERIOD = 30;
    private static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
    private final SecureRandom random = new SecureRandom();

    TwoFactor(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** What the holder scans or types into their authenticator app. */
    record Enrolment(String secret, String uri, String qrCode) {
    }

    /** A new secret, kept (encrypted) as pending until the first code confirms it. */
    Enrolment start(long accountId, String username) {
        String secret = new DefaultSecretGenerator(32).generate();
        jdbc.sql("update identity.account set totp_secret_cipher = ?, totp_last_step = null where id = ? and not totp_enabled")
                .params(cipher.encrypt(secret), accountId).update();
        QrData data = new QrData.Builder().label(username).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD).build();
        try {
            ZxingPngQrGenerator png = new ZxingPngQrGenerator();
            png.setImageSize(240);
            return new Enrolment(secret, data.getUri(), dev.samstevens.totp.util.Utils.getDataUriForImage(png.generate(data),
                    png.getImageMimeType()));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("QR code for the enrolment could not be drawn", e);
        }
    }

    /** Confirms a pending secret with its first code; answers the recovery codes (shown once). */
    List<String> confirm(long accountId, String code) {
        verify(accountId, code);
        jdbc.sql("update identity.account set totp_enabled = true, updated_at = now() where id = ?").param(accountId).update();
        jdbc.sql("delete from identity.recovery_code where account_id = ?").param(accountId).update();
        List<String> recovery = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String c = randomCode(4) + "-" + randomCode(4);
            recovery.add(c);
            jdbc.sql("insert into identity.recovery_code (account_id, code_hash) values (?, ?)").params(accountId, sha256(c)).update();
        }
        return recovery;
    }

    /**
     * Forgets the account's second factor (a lost phone): secret, recovery codes and the last step. A
     * role that needs it must enrol again at the next login before anything else.
     */
    void reset(long accountId) {
        jdbc.sql("""
                update identity.account set totp_enabled = false, totp_secret_cipher = null, totp_last_step = null, updated_at = now()
                 where id = ?""").param(accountId).update();
        jdbc.sql("delete from identity.recovery_code where account_id = ?").param(accountId).update();
    }

    /** The second step of a login: a current code, or else one unused recovery code. */
    void verifyLogin(long accountId, String code) {
        String entered = code == null ? "" : code.strip().toLowerCase(java.util.Locale.ROOT);
        if (entered.matches("[a-z0-9]{4}-[a-z0-9]{4}")) {
            int used = jdbc.sql("""
                    update identity.recovery_code set used_at = now()
                     where id = (select id from identity.recovery_code
                                  where account_id = ? and code_hash = ? and used_at is null limit 1)""")
                    .params(accountId, sha256(entered)).update();
            if (used == 0) throw InvalidInputException.of("code", "恢复码错误或已使用过");
            return;
        }
        verify(accountId, entered);
    }

    /** Accepts a code of the account's secret once: a step not later than the last one accepted is a replay. */
    private void verify(long accountId, String code) {
        if (code == null || !code.strip().matches("\\d{6}")) throw InvalidInputException.of("code", "请输入6位动态验证码");
        byte[] stored = jdbc.sql("select totp_secret_cipher from identity.account where id = ?").param(accountId)
                .query(byte[].class).optional().orElse(null);
        if (stored == null) throw InvalidInputException.of("code", "尚未设置两步验证");
        String secret = cipher.decrypt(stored);
        long now = clock.instant().getEpochSecond() / PERIOD;
        for (long step = now - 1; step <= now + 1; step++) {
            if (MessageDigest.isEqual(generate(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.strip().getBytes(StandardCharsets.US_ASCII))) {
                int accepted = jdbc.sql("""
                        update identity.account set totp_last_step = ?
                         where id = ? and (totp_last_step is null or totp_last_step < ?)""")
                        .params(step, accountId, step).update();
                if (accepted == 0) throw InvalidInputException.of("code", "该验证码已使用过，请等待验证器显示下一个验证码");
                return;
            }
        }
        throw InvalidInputException.of("code", "动态验证码错误");
    }

    private String generate(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomCode(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) s.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
        return s.toString();
    }

    private static String sha256(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
