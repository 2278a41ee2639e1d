package org.huzhu.membership;

import java.time.LocalDate;
import org.huzhu.shared.Money;

/**
 * One item a member holds for one period: cover from 00:00 on {@code from} to 24:00 on
 * {@code to}. {@code renewedWithoutGap} exempts it from the illness waiting period.
 */
public record Coverage(String item, String plan, int shares, LocalDate from, LocalDate to, Money premium,
                       boolean renewedWithoutGap) {

    public boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
        return !from.isAfter(otherTo) && !otherFrom.isAfter(to);
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
