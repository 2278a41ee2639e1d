package org.huzhu.notifications;

import java.time.Instant;

/** A row about to enter the outbox. */
record NewMessage(String dedupKey, Channel channel, Template template, Long memberId, Long accountId, String scopePath,
                  byte[] phoneCipher, byte[] phoneHash, String phoneMasked, String title, String body, byte[] secretCipher,
                  int segments, Long campaignId, MessageStatus status, Instant notBefore, Instant expiresAt, Instant createdAt,
                  String failureCode, String failureReason) {

    enum Channel { SMS, INBOX }
}
