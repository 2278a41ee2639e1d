package org.huzhu.membership;

import java.time.LocalDate;

/** A worker left their unit (离职) on {@code leftOn}; the cover they hold stays theirs to its end. */
public record MemberLeftUnit(long memberId, long unitId, LocalDate leftOn) {
}
