package org.huzhu.notifications.sms;

import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import org.huzhu.shared.simulator.ConditionalOnSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SMS channel chosen by {@code huzhu.notifications.sms.gateway}, and the simulated centre on
 * 127.0.0.1 when {@code simulator.enabled=true}, or when it is not set and the demo profile is active.
 * The gateway is only built here; the outbox dispatcher starts it.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnSimulator("huzhu.notifications.sms.simulator.enabled")
    SimulatedSmsCentre simulatedSmsCentre(SmsProperties properties) {
        SmsProperties.Simulator s = properties.simulator();
        return new SimulatedSmsCentre(new SimulatedSmsCentre.Settings(s.port(), properties.smpp().systemId(), properties.smpp().password(),
                new HashSet<>(s.unreachableNumbers()), new HashSet<>(s.lateFailureNumbers()), s.lateFailureAfter(), s.throttlePerSecond(),
                s.receiptDelay()));
    }

    @Bean(destroyMethod = "close")
    SmsGateway smsGateway(SmsProperties properties, ObjectProvider<SimulatedSmsCentre> simulator, ObjectProvider<Clock> clocks) {
        Clock clock = clocks.getIfAvailable(Clock::systemUTC);
        return switch (properties.gateway()) {
            case "smpp" -> smpp(properties.smpp(), simulator.getIfAvailable(), clock);
            case "http" -> http(properties.http(), clock);
            case "none" -> new UnconfiguredSmsGateway();
            default -> throw new IllegalStateException("huzhu.notifications.sms.gateway must be smpp, http or none, not " + properties.gateway());
        };
    }

    /** Host blank → the simulator when it runs; port 0 with the simulator on → the simulator's port. */
    private static SmsGateway smpp(SmsProperties.Smpp p, SimulatedSmsCentre simulator, Clock clock) {
        String host = p.host().isBlank() ? "127.0.0.1" : p.host();
        int port = simulator != null && (p.host().isBlank() || p.port() == 0) ? simulator.port() : p.port();
        if (p.host().isBlank() && simulator == null || port <= 0) {
            log.warn("SMS gateway smpp has no centre (HUZHU_SMPP_HOST, HUZHU_SMPP_PORT); texts wait until one is configured");
            return new UnconfiguredSmsGateway();
        }
        return new SmppGateway(new SmppGateway.Settings(host, port, p.systemId(), p.password(), p.systemType(), p.sourceAddress(),
                p.submitTimeout(), p.enquireLinkInterval(), p.processorThreads(), p.throttleRetries()), clock);
    }

    private static SmsGateway http(SmsProperties.Http p, Clock clock) {
        if (p.baseUrl().isBlank() || p.accessKey().isBlank() || p.secret().isBlank()) {
            log.warn("SMS gateway http lacks base-url, access-key or secret; texts wait until they are configured");
            return new UnconfiguredSmsGateway();
        }
        return new HttpSmsGateway(new HttpSmsGateway.Settings(URI.create(p.baseUrl()), p.accessKey(), p.secret(), p.signName(),
                p.pollInterval(), p.timeout()), clock);
    }

}
