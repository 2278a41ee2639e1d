package org.huzhu.realname;

import java.net.URI;
import java.time.Clock;
import org.huzhu.realname.simulator.SimulatedIdentityProvider;
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
        return new UnconfiguredIdentityVerifier(Clock.systemUTC());
    }
}
