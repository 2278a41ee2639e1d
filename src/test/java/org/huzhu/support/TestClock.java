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
 * <p>
 * The suite must pass at any hour. {@code -Dhuzhu.test.clock=2026-11-23T23:30:00+08:00} (an ISO instant with its offset)
 * starts the clock at that moment instead of now, and {@link #reset} goes back to it, so that a run at noon can play the
 * night in China, the last minutes of a day or of a year.
 */
public final class TestClock extends Clock {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The offset the clock starts with and {@link #reset} returns to: zero, or up to the moment {@code huzhu.test.clock} names. */
    private static final Duration START = startOffset(System.getProperty("huzhu.test.clock", ""));

    /** Shared by this clock and its views in other zones. */
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public TestClock() {
        this(CHINA, new AtomicReference<>(START));
    }

    private static Duration startOffset(String moment) {
        if (moment.isBlank()) return Duration.ZERO;
        return Duration.between(Instant.now(), java.time.OffsetDateTime.parse(moment.strip()).toInstant());
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
        offset.set(START);
    }

    /**
     * Moves the clock on, when it reads a time between {@code from} and {@code until} (China time, a window that may wrap
     * midnight, such as the texts' quiet hours), to {@code until} of that night's morning; otherwise leaves it. Tests of what
     * happens in the day call it so that they pass whatever the hour of the run.
     */
    public void moveOutOf(java.time.LocalTime from, java.time.LocalTime until) {
        java.time.ZonedDateTime now = instant().atZone(CHINA);
        java.time.LocalTime time = now.toLocalTime();
        boolean inside = from.isBefore(until) ? !time.isBefore(from) && time.isBefore(until) : !time.isBefore(from) || time.isBefore(until);
        if (!inside) return;
        java.time.ZonedDateTime end = now.with(until);
        if (!end.isAfter(now)) end = end.plusDays(1);
        moveTo(end.toInstant());
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
