package org.huzhu.notifications.sms;

import java.time.Duration;

/** {@code gateway: none}: no channel is contracted; every text waits (temporary failure) until one is configured. */
final class UnconfiguredSmsGateway implements SmsGateway {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public void start(SmsInbound inbound) {
    }

    @Override
    public boolean ready() {
        return false;
    }

    @Override
    public SubmitOutcome submit(OutgoingSms sms) {
        return new SubmitOutcome.TemporaryFailure("NO_CHANNEL", "未配置短信通道", Duration.ofMinutes(10));
    }

    @Override
    public void close() {
    }
}
