package org.huzhu.notifications.sms;

/**
 * One text for one mobile number. {@code messageId} is the outbox message's id: gateways that can,
 * carry it to the centre (SMPP: the {@link SmppGateway#MESSAGE_REFERENCE_TAG} parameter) so that the
 * centre's receipts name it even when the answer to the submit itself was lost.
 */
public record OutgoingSms(long messageId, String phone, String text) {
}
