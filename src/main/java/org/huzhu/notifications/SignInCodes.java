package org.huzhu.notifications;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.TooManyRequestsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time sign-in codes for the member app, sent as an urgent text: 6 digits, valid 5 minutes, 5 wrong
 * tries, at most one a minute and 10 a (China) day per number (settings under
 * {@code huzhu.notifications.sign-in}). Only a keyed hash of each code is kept; the text that carries it
 * is stored encrypted and shown masked.
 */
@Service
public class SignInCodes {

    static final String TEMPLATE = "SIGN_IN_CODE";

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Templates templates;
    private final MessageWriter writer;
    private final OutboxRepository outbox;
    private final DispatchSignal signal;
    private final NotificationProperties.SignIn limits;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SignInCodes(JdbcClient jdbc, PersonalDataCipher cipher, Templates templates, MessageWriter writer, OutboxRepository outbox,
                DispatchSignal signal, NotificationProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.templates = templates;
        this.writer = writer;
        this.outbox = outbox;
        this.signal = signal;
        this.limits = settings.signIn();
        this.clock = clock;
    }

    /** When the code that was just sent stops working, and when the number may ask for another one. */
    public record Issued(Instant expiresAt, Instant resendAt) {
    }

    /** Sends a new code to the number (a mobile number of mainland China), within the limits. */
    @Transactional
    public Issued issue(String phone) {
        String number = MobileNumber.parse(phone).orElseThrow(() -> InvalidInputException.of("phone", "请输入正确的11位手机号码"));
        byte[] phoneHash = cipher.hash(number);
        jdbc.sql("select pg_advisory_xact_lock(hashtext('notifications.sign_in_code'), hashtext(encode(?, 'hex')))")
                .param(phoneHash).query().singleRow();
        Instant now = clock.instant();
        Instant last = jdbc.sql("select max(created_at) from notifications.sign_in_code where phone_hash = ?").param(phoneHash)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        if (last != null && last.plus(limits.minInterval()).isAfter(now)) {
            throw new TooManyRequestsException("phone", "验证码已发送，请稍后再获取", Duration.between(now, last.plus(limits.minInterval())));
        }
        Instant dayStart = LocalDate.ofInstant(now, clock.getZone()).atStartOfDay(clock.getZone()).toInstant();
        long today = jdbc.sql("select count(*) from notifications.sign_in_code where phone_hash = ? and created_at >= ?")
                .params(phoneHash, Timestamp.from(dayStart)).query(Long.class).single();
        if (today >= limits.perDay()) {
            throw new TooManyRequestsException("phone", "今天获取验证码的次数已达上限，请明天再试",
                    Duration.between(now, dayStart.plus(Duration.ofDays(1))));
        }
        String code = newCode();
        Instant expires = now.plus(limits.validFor());
        long id = jdbc.sql("""
                insert into notifications.sign_in_code (phone_hash, code_hash, created_at, expires_at) values (?, ?, ?, ?) returning id""")
                .params(phoneHash, codeHash(number, code), Timestamp.from(now), Timestamp.from(expires)).query(Long.class).single();
        outbox.insert(writer.write(templates.current(TEMPLATE), MessageWriter.Reach.phone(number, null, "/"), Map.of("code", code),
                "sign-in-code:" + id, null));
        signal.wake();
        return new Issued(expires, now.plus(limits.minInterval()));
    }

    public enum Check { ACCEPTED, WRONG, EXPIRED, TOO_MANY_TRIES }

    /**
     * Checks a code against the newest one sent to the number: accepted once, wrong (one try used),
     * expired (or none was sent), or locked after too many wrong tries (a new code must be asked for).
     */
    @Transactional
    public Check verify(String phone, String code) {
        String number = MobileNumber.parse(phone).orElse(null);
        if (number == null || code == null) return Check.WRONG;
        record Sent(long id, byte[] hash, Instant expiresAt, int tries, Instant usedAt) {
        }
        Sent sent = jdbc.sql("""
                select id, code_hash, expires_at, tries, used_at from notifications.sign_in_code
                 where phone_hash = ? order by created_at desc, id desc limit 1 for update""")
                .param(cipher.hash(number))
                .query((rs, n) -> new Sent(rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3).toInstant(), rs.getInt(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant())).optional().orElse(null);
        Instant now = clock.instant();
        if (sent == null || sent.usedAt() != null || !sent.expiresAt().isAfter(now)) return Check.EXPIRED;
        if (sent.tries() >= limits.maxTries()) return Check.TOO_MANY_TRIES;
        if (MessageDigest.isEqual(sent.hash(), codeHash(number, code.strip()))) {
            jdbc.sql("update notifications.sign_in_code set used_at = ? where id = ?").params(Timestamp.from(now), sent.id()).update();
            return Check.ACCEPTED;
        }
        jdbc.sql("update notifications.sign_in_code set tries = tries + 1 where id = ?").param(sent.id()).update();
        return sent.tries() + 1 >= limits.maxTries() ? Check.TOO_MANY_TRIES : Check.WRONG;
    }

    private String newCode() {
        int bound = (int) Math.pow(10, limits.digits());
        return String.format("%0" + limits.digits() + "d", random.nextInt(bound));
    }

    private byte[] codeHash(String number, String code) {
        return cipher.hash(number + ":" + code);
    }
}
