package org.huzhu.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.web.TooManyRequestsException;
import org.huzhu.support.ApiTest;
import org.huzhu.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One-time sign-in codes: six digits, five minutes, five wrong tries, one a minute and ten a day per
 * number; the text is kept masked (the real one only encrypted) and the code itself only as a keyed hash.
 */
class SignInCodesTest extends ApiTest {

    private static final Pattern SIX_DIGITS = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    @Autowired
    SignInCodes codes;
    @Autowired
    PersonalDataCipher cipher;

    private String phone;

    @BeforeEach
    void freshNumberInTheMorning() {
        phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        testClock.moveTo(testClock.today().atTime(LocalTime.of(10, 0)).atZone(TestClock.CHINA).toInstant());
    }

    @Test
    void aCodeIsSixDigitsSentAsAMaskedUrgentTextAndNeverStoredInClear() {
        SignInCodes.Issued issued = codes.issue(phone);

        double validSeconds = jdbc.sql("select extract(epoch from expires_at - created_at) from notifications.sign_in_code where phone_hash = ?")
                .param(cipher.hash(phone)).query(Double.class).single();
        assertThat(validSeconds).isEqualTo(300.0);
        assertThat(issued.expiresAt()).isAfter(testClock.instant().plus(Duration.ofMinutes(4)));
        record Sent(String body, byte[] secret, String status, String purpose, String masked, java.time.Instant notBefore) {
        }
        Sent sent = jdbc.sql("""
                select body, secret_cipher, status, purpose, phone_masked, not_before from notifications.message
                 where template_code = 'SIGN_IN_CODE' and phone_masked = ? order by id desc limit 1""")
                .param(phone.substring(0, 3) + "****" + phone.substring(7))
                .query((rs, n) -> new Sent(rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant())).single();
        assertThat(sent.body()).contains("******").doesNotContainPattern("\\d{6}");
        assertThat(sent.purpose()).isEqualTo("URGENT");
        String code = code(sent.secret());
        assertThat(code).matches("\\d{6}");
        assertThat(new String(sent.secret(), StandardCharsets.ISO_8859_1)).doesNotContain(code);
        byte[] stored = jdbc.sql("select code_hash from notifications.sign_in_code where phone_hash = ? order by id desc limit 1")
                .param(cipher.hash(phone)).query(byte[].class).single();
        assertThat(stored).isEqualTo(cipher.hash(phone + ":" + code));
        assertThat(jdbc.sql("""
                select count(*) from notifications.sign_in_code where phone_hash = ? and code_hash::text like ?""")
                .params(cipher.hash(phone), "%" + code + "%").query(Long.class).single()).isZero();

        assertThat(codes.verify(phone, code)).isEqualTo(SignInCodes.Check.ACCEPTED);
        assertThat(codes.verify(phone, code)).as("used once").isEqualTo(SignInCodes.Check.EXPIRED);
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        codes.issue(phone);
        String code = lastCode();

        testClock.advance(Duration.ofMinutes(5));

        assertThat(codes.verify(phone, code)).isEqualTo(SignInCodes.Check.EXPIRED);
    }

    @Test
    void aCodeWorksUntilItsFifthMinuteEnds() {
        codes.issue(phone);
        String code = lastCode();

        testClock.advance(Duration.ofMinutes(5).minusSeconds(1));

        assertThat(codes.verify(phone, code)).isEqualTo(SignInCodes.Check.ACCEPTED);
    }

    @Test
    void fiveWrongTriesLockTheCodeEvenAgainstTheRightOne() {
        codes.issue(phone);
        String code = lastCode();
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int i = 1; i <= 4; i++) assertThat(codes.verify(phone, wrong)).as("try " + i).isEqualTo(SignInCodes.Check.WRONG);
        assertThat(codes.verify(phone, wrong)).isEqualTo(SignInCodes.Check.TOO_MANY_TRIES);

        assertThat(codes.verify(phone, code)).isEqualTo(SignInCodes.Check.TOO_MANY_TRIES);
    }

    @Test
    void aNumberGetsAtMostOneCodeAMinute() {
        codes.issue(phone);

        assertThatThrownBy(() -> codes.issue(phone)).isInstanceOf(TooManyRequestsException.class);
        testClock.advance(Duration.ofSeconds(59));
        assertThatThrownBy(() -> codes.issue(phone)).isInstanceOf(TooManyRequestsException.class);

        testClock.advance(Duration.ofSeconds(1));
        assertThat(codes.issue(phone).expiresAt()).isAfter(testClock.instant());
    }

    @Test
    void aNumberGetsAtMostTenCodesADayAndMoreTheNextDay() {
        for (int i = 0; i < 10; i++) {
            codes.issue(phone);
            testClock.advance(Duration.ofMinutes(2));
        }

        assertThatThrownBy(() -> codes.issue(phone)).isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("明天");

        testClock.moveTo(testClock.today().plusDays(1).atTime(LocalTime.of(0, 1)).atZone(TestClock.CHINA).toInstant());
        codes.issue(phone);
    }

    @Test
    void aRefusedRequestSaysWhenToAskAgain() {
        codes.issue(phone);
        testClock.advance(Duration.ofSeconds(20));

        TooManyRequestsException limited = org.junit.jupiter.api.Assertions.assertThrows(TooManyRequestsException.class,
                () -> codes.issue(phone));

        // the 429's Retry-After: what is left of the minute (the clock runs on while the test does)
        assertThat(limited.retryAfter()).isBetween(Duration.ofSeconds(39), Duration.ofSeconds(40));
        assertThat(limited.field()).isEqualTo("phone");
    }

    private String lastCode() {
        byte[] secret = jdbc.sql("""
                select secret_cipher from notifications.message where template_code = 'SIGN_IN_CODE' and phone_hash = ?
                 order by id desc limit 1""").param(cipher.hash(phone)).query(byte[].class).single();
        return code(secret);
    }

    private String code(byte[] secret) {
        Matcher m = SIX_DIGITS.matcher(cipher.decrypt(secret));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
