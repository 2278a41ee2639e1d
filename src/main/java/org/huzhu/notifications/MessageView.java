package org.huzhu.notifications;

import java.time.Instant;

/** A message as the console and the member app show it: labels from the enums, the number masked. */
record MessageView(long id, String channel, String channelLabel, String template, int templateVersion, String title, String body,
                   String purpose, String purposeLabel, String status, String statusLabel, String phoneMasked, int segments,
                   int attempts, Long campaignId, Instant createdAt, Instant sentAt, Instant doneAt, Instant readAt,
                   String failureReason) {

    static MessageView of(MessageReads.Message m) {
        return new MessageView(m.id(), m.channel(), "SMS".equals(m.channel()) ? "短信" : "站内消息", m.templateCode(),
                m.templateVersion(), m.title(), m.body(), m.purpose().name(), m.purpose().chinese(), m.status().name(),
                m.status().chinese(), m.phoneMasked(), m.segments(), m.attempts(), m.campaignId(), m.createdAt(), m.sentAt(),
                m.doneAt(), m.readAt(), m.failureReason());
    }
}
