package org.huzhu.membership;

import java.time.LocalDate;
import java.util.List;

/**
 * A roster uploaded again: a row whose worker already holds every item it asks for (same plan and
 * shares), awaiting payment or in force beyond the renewal window, was enrolled by an earlier upload.
 * It is reported as {@value #MESSAGE} with the worker's name, not as an error. Cover that ends within
 * the renewal window is left to the enrolment rules (a renewal, or an overlap they name).
 */
final class RosterRepeats {

    static final String MESSAGE = "已参保，未重复办理";

    private RosterRepeats() {
    }

    /** Whether {@code held} already gives the row's planned cover; {@code renewalDays}: the catalogue's renewal window. */
    static boolean alreadyHeld(RosterLine line, List<Coverage> held, LocalDate today, int renewalDays) {
        LocalDate lastsBeyond = line.planningDay(today).plusDays(renewalDays);
        for (Coverage wanted : line.planned().coverages()) {
            boolean found = held.stream().anyMatch(h -> h.item().equals(wanted.item()) && h.plan().equals(wanted.plan())
                    && h.shares() == wanted.shares() && (!h.inForce() || !h.to().isBefore(lastsBeyond)));
            if (!found) return false;
        }
        return !line.planned().coverages().isEmpty();
    }

    static RosterRowParser.RowError note(RosterLine line) {
        return new RosterRowParser.RowError(line.rowNumber(), line.name(), null, MESSAGE);
    }
}
