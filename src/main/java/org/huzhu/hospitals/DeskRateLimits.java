package org.huzhu.hospitals;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How often one hospital desk account may ask (Bucket4j token buckets in memory, one per account): at most
 * {@code huzhu.hospitals.queries-per-minute} a minute, refilled as the minute goes, and
 * {@code queries-per-day} a day. Past either the query is refused with the wait until the next one may be sent.
 * Every request counts, a refused one too. Kept per instance: with two instances a desk may ask up to twice as often.
 */
@Component
class DeskRateLimits {

    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final HospitalsProperties settings;
    private volatile int perMinute;
    private volatile int perDay;

    DeskRateLimits(HospitalsProperties settings) {
        this.settings = settings;
        reset();
    }

    /** Takes one query of the account's allowance, or refuses it (429) saying how long to wait. */
    void take(long accountId) {
        ConsumptionProbe probe = buckets.computeIfAbsent(accountId, id -> bucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return;
        Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        throw FhirProblem.throttled(seconds > 60 ? "今日查询次数已达上限（每天" + perDay + "次），请明天再查"
                : "查询过于频繁：每分钟最多" + perMinute + "次，请" + seconds + "秒后再试", Duration.ofSeconds(seconds));
    }

    /** Other allowances from now on, every account starting afresh (a test sets small ones, then {@link #reset}). */
    void limit(int queriesPerMinute, int queriesPerDay) {
        perMinute = queriesPerMinute;
        perDay = queriesPerDay;
        buckets.clear();
    }

    /** Back to the settings' allowances, every account starting afresh. */
    void reset() {
        limit(settings.queriesPerMinute(), settings.queriesPerDay());
    }

    private Bucket bucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .addLimit(Bandwidth.builder().capacity(perDay).refillIntervally(perDay, Duration.ofDays(1)).build())
                .build();
    }
}
