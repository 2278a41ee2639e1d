package org.huzhu.notifications.sms;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Placeholder until the SMPP gateway lands: no channel. */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean(destroyMethod = "close")
    SmsGateway smsGateway() {
        return new SmsGateway() {
            public String name() { return "none"; }
            public void start(SmsInbound inbound) { }
            public SubmitOutcome submit(OutgoingSms sms) {
                return new SubmitOutcome.TemporaryFailure("NO_CHANNEL", "未配置短信通道", java.time.Duration.ofMinutes(1));
            }
            public void close() { }
        };
    }
}
