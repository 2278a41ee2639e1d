package org.huzhu.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: China time, running with the machine's clock, and moved by
 * tests that need another moment ({@link #advance}, {@link #moveTo}); {@link #reset} after each
 * test brings it back. Business dates in the application and in the tests' expectations both come
 * from it, never from the machine's own date or time zone.
 */
public final class TestClock extends Clock {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Shared by this clock and its views in other zones. */
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public TestClock() {
        this(CHINA, new AtomicReference<>(Duration.ZERO));
    }

    private TestClock(ZoneId zone, AtomicReference<Duration> offset) {
        this.zone = zone;
        this.offset = offset;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(zone, offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    /** The business date now, in China. */
    public LocalDate today() {
        return LocalDate.ofInstant(instant(), CHINA);
    }

    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    /** Moves the clock so that it reads {@code moment} now, and runs on from there. */
    public void moveTo(Instant moment) {
        offset.set(Duration.between(Instant.now(), moment));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    /** Puts the test clock in place of the application's. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
