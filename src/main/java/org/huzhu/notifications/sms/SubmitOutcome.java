package org.huzhu.notifications.sms;

import java.time.Duration;
import java.util.List;

/** What the centre answered to one submitted text. */
public sealed interface SubmitOutcome {

    /** Every segment was accepted; the centre's ids, one per segment, in order. Receipts name these ids. */
    record Accepted(List<String> centreIds) implements SubmitOutcome {
        public Accepted {
            centreIds = List.copyOf(centreIds);
            if (centreIds.isEmpty()) throw new IllegalArgumentException("no centre id");
        }
    }

    /** Not accepted, worth trying again later (throttled, no bind, centre busy); nothing reached the centre. */
    record TemporaryFailure(String code, String reason, Duration retryAfter) implements SubmitOutcome {
    }

    /** Not accepted and never will be (invalid number, text refused); {@code reason} is Chinese, for staff. */
    record PermanentFailure(String code, String reason) implements SubmitOutcome {
    }

    /**
     * The request was written but no answer came (timeout, bind lost mid-request): the centre may or may
     * not have the text. The dispatcher does not resend at once; it waits for a receipt naming the message.
     */
    record InDoubt(String reason) implements SubmitOutcome {
    }
}
