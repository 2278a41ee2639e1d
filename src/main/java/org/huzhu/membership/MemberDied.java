package org.huzhu.membership;

import java.time.LocalDate;

/** A member's death was recorded: every cover of theirs ended on {@code diedOn}. */
public record MemberDied(long memberId, LocalDate diedOn) {
}
