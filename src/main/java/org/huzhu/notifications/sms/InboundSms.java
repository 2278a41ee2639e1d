package org.huzhu.notifications.sms;

import java.time.Instant;

/** A mobile-originated text: the sender's number and what they wrote. */
public record InboundSms(String phone, String text, Instant receivedAt) {
}
