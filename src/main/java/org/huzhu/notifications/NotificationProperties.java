package org.huzhu.notifications;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huzhu.notifications.*}: the signature every text carries, the opt-out line of publicity, the
 * hotline and member-app address texts may name,
 * quiet hours (China time), how the dispatcher sends, how long a message may wait, and the limits of
 * one-time sign-in codes.
 */
@ConfigurationProperties("huzhu.notifications")
public record NotificationProperties(String signature, String optOut, String hotline, String memberAppLink, LocalTime quietFrom,
                                     LocalTime quietUntil, Dispatch dispatch, Expiry expiry, SignIn signIn) {

    /**
     * {@code interval}: how often an idle dispatcher looks for due messages; {@code batchSize} messages
     * taken at a time by each of {@code workers}; {@code threads} submitting at once; at most
     * {@code ratePerSecond} texts a second (0: no limit); {@code lease}: how long a taken message may stay
     * unanswered before it is thought lost (after a crash) and sent again; temporary failures are tried
     * again after {@code retryBase}, doubling up to {@code retryMax}, at most {@code maxAttempts} times.
     */
    public record Dispatch(Boolean enabled, Duration interval, Integer batchSize, Integer workers, Integer threads,
                           Integer ratePerSecond, Duration lease, Duration retryBase, Duration retryMax, Integer maxAttempts) {
        public Dispatch {
            if (enabled == null) enabled = true;
            if (interval == null) interval = Duration.ofMillis(500);
            if (batchSize == null) batchSize = 500;
            if (workers == null) workers = 2;
            if (threads == null) threads = 8;
            if (ratePerSecond == null) ratePerSecond = 200;
            if (lease == null) lease = Duration.ofMinutes(2);
            if (retryBase == null) retryBase = Duration.ofSeconds(30);
            if (retryMax == null) retryMax = Duration.ofHours(1);
            if (maxAttempts == null) maxAttempts = 8;
        }
    }

    /** How long a message of each purpose may wait to be sent before it expires. */
    public record Expiry(Duration urgent, Duration transactional, Duration publicity) {
        public Expiry {
            if (urgent == null) urgent = Duration.ofHours(1);
            if (transactional == null) transactional = Duration.ofDays(3);
            if (publicity == null) publicity = Duration.ofDays(2);
        }
    }

    /** One-time sign-in codes: digits, lifetime, wrong tries allowed, and how often a number may ask. */
    public record SignIn(Integer digits, Duration validFor, Integer maxTries, Duration minInterval, Integer perDay) {
        public SignIn {
            if (digits == null) digits = 6;
            if (validFor == null) validFor = Duration.ofMinutes(5);
            if (maxTries == null) maxTries = 5;
            if (minInterval == null) minInterval = Duration.ofMinutes(1);
            if (perDay == null) perDay = 10;
        }
    }

    public NotificationProperties {
        if (signature == null || signature.isBlank()) signature = "【职工互助】";
        if (optOut == null || optOut.isBlank()) optOut = "回复TD退订";
        if (hotline == null || hotline.isBlank()) hotline = "12351";
        if (memberAppLink == null || memberAppLink.isBlank()) memberAppLink = "工会掌上办";
        if (quietFrom == null) quietFrom = LocalTime.of(21, 0);
        if (quietUntil == null) quietUntil = LocalTime.of(8, 0);
        if (dispatch == null) dispatch = new Dispatch(null, null, null, null, null, null, null, null, null, null);
        if (expiry == null) expiry = new Expiry(null, null, null);
        if (signIn == null) signIn = new SignIn(null, null, null, null, null);
    }
}
