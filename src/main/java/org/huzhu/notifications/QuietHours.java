package org.huzhu.notifications;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The hours in which nothing but urgent messages are sent (21:00–08:00 China time by default). The
 * window may wrap midnight.
 */
record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

    static QuietHours of(NotificationProperties settings, ZoneId zone) {
        return new QuietHours(settings.quietFrom(), settings.quietUntil(), zone);
    }

    boolean isQuiet(Instant at) {
        if (from.equals(until)) return false;
        LocalTime t = LocalDateTime.ofInstant(at, zone).toLocalTime();
        return from.isBefore(until) ? !t.isBefore(from) && t.isBefore(until) : !t.isBefore(from) || t.isBefore(until);
    }

    /** The first moment at or after {@code at} outside quiet hours. */
    Instant nextAllowed(Instant at) {
        if (!isQuiet(at)) return at;
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        LocalDateTime end = local.toLocalDate().atTime(until);
        if (!end.isAfter(local)) end = end.plusDays(1);
        return end.atZone(zone).toInstant();
    }
}
