package org.huzhu.membership;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's death was recorded: every cover of theirs running that day ended on {@code diedOn}, and what awaited payment
 * was cancelled. {@code notStarted} names the items of paid cover that would only have started after the death (a renewal
 * chained to the cover in force), from {@code notStartedFrom}: nothing to claim on, a full refund to ask for (退保与退费).
 */
public record MemberDied(long memberId, Long unitId, LocalDate diedOn, List<String> notStarted, LocalDate notStartedFrom) {
}
