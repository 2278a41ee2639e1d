package org.huzhu.banking;

import java.util.List;

/**
 * The wire to the bank. {@link #render} turns a payment file into the bank's format once (the
 * rendered document is kept, so that a resend after a crash sends the very same bytes);
 * {@link #send} hands it over and returns the bank's acceptance; {@link #fetch} reads the messages
 * the bank has produced after a cursor (the bank's sequence number), oldest first.
 */
public interface BankAdapter {

    /** A message as the bank lists it: its sequence number (the cursor), id, kind and document. */
    record Incoming(long sequence, String messageId, String kind, String xml) {
    }

    String render(PaymentFile file);

    BankAcceptance send(String messageId, String document);

    List<Incoming> fetch(long afterSequence, int limit);

    /** Whether a bank is configured at all (no URL and no simulator: nothing can be sent). */
    boolean configured();
}
