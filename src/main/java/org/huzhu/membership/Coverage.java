package org.huzhu.membership;

import java.time.LocalDate;
import org.huzhu.shared.Money;

/**
 * One item a member holds for one period: cover from 00:00 on {@code from} to 24:00 on
 * {@code to}. {@code renewedWithoutGap} exempts it from the illness waiting period. An item of an
 * enrolment awaiting payment has no period yet ({@code from} and {@code to} null): it covers nothing.
 */
public record Coverage(String item, String plan, int shares, LocalDate from, LocalDate to, Money premium,
                       boolean renewedWithoutGap) {

    /** Whether the cover has come into force (its enrolment's bill is paid). */
    public boolean inForce() {
        return from != null;
    }

    public boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
        return inForce() && !from.isAfter(otherTo) && !otherFrom.isAfter(to);
    }

    public boolean activeOn(LocalDate day) {
        return inForce() && !day.isBefore(from) && !day.isAfter(to);
    }

    /** The same item without a period: what an enrolment awaiting payment holds. */
    Coverage awaitingPayment() {
        return new Coverage(item, plan, shares, null, null, premium, false);
    }
}
