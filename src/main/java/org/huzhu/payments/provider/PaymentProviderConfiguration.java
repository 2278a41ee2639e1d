package org.huzhu.payments.provider;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import org.huzhu.payments.PaymentProvider;
import org.huzhu.payments.PaymentProviderException;
import org.huzhu.payments.PaymentsProperties;
import org.huzhu.shared.simulator.ConditionalOnSimulator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment provider: {@link HttpPaymentProvider} at {@code huzhu.payments.base-url}, or — when
 * that is blank — at the simulated provider, which starts on 127.0.0.1 when
 * {@code huzhu.payments.simulator.enabled=true}, or when it is not set and the demo profile is
 * active. The simulator shares the configured API key, or a random one generated at start.
 */
@Configuration(proxyBeanMethods = false)
class PaymentProviderConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnSimulator("huzhu.payments.simulator.enabled")
    SimulatedPaymentProvider simulatedPaymentProvider(PaymentsProperties properties) {
        PaymentsProperties.Simulator s = properties.simulator();
        String key = properties.apiKey().isBlank() ? randomKey() : properties.apiKey();
        return new SimulatedPaymentProvider(new SimulatedPaymentProvider.Settings(s.port(), properties.merchantId(), key, s.failingFen(),
                s.twiceFen(), s.lateFen(), s.lostFen(), s.lateDelay()));
    }

    @Bean
    PaymentProvider paymentProvider(PaymentsProperties properties, ObjectProvider<SimulatedPaymentProvider> simulator) {
        return new HttpPaymentProvider(new HttpPaymentProvider.Settings(properties.provider(),
                () -> {
                    if (!properties.baseUrl().isBlank()) return URI.create(properties.baseUrl());
                    SimulatedPaymentProvider sim = simulator.getIfAvailable();
                    if (sim == null) throw new PaymentProviderException("未配置在线支付渠道（huzhu.payments.base-url）");
                    return sim.url();
                },
                properties.merchantId(),
                () -> {
                    if (!properties.apiKey().isBlank()) return properties.apiKey();
                    SimulatedPaymentProvider sim = simulator.getIfAvailable();
                    if (sim == null) throw new PaymentProviderException("未配置在线支付密钥（huzhu.payments.api-key）");
                    return sim.apiKey();
                },
                properties.timeout(), properties.signatureWindow()), Clock.systemUTC());
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
