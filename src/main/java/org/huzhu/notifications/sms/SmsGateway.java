package org.huzhu.notifications.sms;

/**
 * An SMS centre, reached by whatever protocol the office contracted: SMPP 3.4 ({@link SmppGateway}),
 * a cloud provider's HTTP API ({@link HttpSmsGateway}), or another implementation of this interface.
 * The dispatcher of the outbox is the only caller; it never learns the protocol.
 *
 * <p>Thread-safe: the dispatcher submits from several threads at once. {@link #start} is called once,
 * before the first submit; receipts and replies are handed to the given {@link SmsInbound}, and the
 * centre is acknowledged only after the inbound side returned (so a receipt is never lost in a crash:
 * an unacknowledged receipt is delivered again by the centre).
 */
public interface SmsGateway extends AutoCloseable {

    /** A short name for logs and statistics ({@code smpp}, {@code http}). */
    String name();

    void start(SmsInbound inbound);

    /**
     * Submits one text to one number; the gateway splits a long text into concatenated segments itself
     * and answers once the centre has answered every segment (or could not be reached).
     * Throttling answers from the centre are retried inside the gateway with back-off before it gives up
     * with a {@link SubmitOutcome.TemporaryFailure}.
     */
    SubmitOutcome submit(OutgoingSms sms);

    /**
     * Whether texts can go now (bound to the centre, configured): the dispatcher takes none from the
     * queue while not, so that a centre still connecting costs no attempt and no back-off.
     */
    default boolean ready() {
        return true;
    }

    @Override
    void close();
}
