package org.huzhu.realname;

import java.net.URI;
import java.time.Clock;
import org.huzhu.realname.simulator.SimulatedIdentityProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The identity verifier Huzhu asks: the HTTP provider at {@code huzhu.realname.base-url}; with that blank,
 * the simulated provider when it runs (demo mode, tests); with neither, a verifier that answers every
 * question UNAVAILABLE 「未配置实名核验服务」, so that nobody is turned away as a mismatch.
 */
@Configuration(proxyBeanMethods = false)
class RealNameConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RealNameConfiguration.class);

    @Bean
    IdentityVerifier identityVerifier(RealNameProperties properties, ObjectProvider<SimulatedIdentityProvider> simulator) {
        if (!properties.baseUrl().isBlank()) {
            return new HttpIdentityVerifier(new HttpIdentityVerifier.Settings(URI.create(properties.baseUrl().strip()),
                    properties.accessKey(), properties.secret(), properties.timeout()), Clock.systemUTC());
        }
        SimulatedIdentityProvider simulated = simulator.getIfAvailable();
        if (simulated != null) {
            return new HttpIdentityVerifier(new HttpIdentityVerifier.Settings(simulated.baseUrl(), simulated.accessKey(),
                    simulated.secret(), properties.timeout()), Clock.systemUTC());
        }
        log.warn("No identity-verification service is configured (HUZHU_IDV_URL): every real-name check answers UNAVAILABLE");
        return new UnconfiguredIdentityVerifier(Clock.systemUTC());
    }
}
