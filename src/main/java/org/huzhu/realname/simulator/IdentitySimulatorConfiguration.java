package org.huzhu.realname.simulator;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.huzhu.realname.RealNameProperties;
import org.huzhu.shared.simulator.ConditionalOnSimulator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the simulated identity-verification provider on 127.0.0.1 when
 * {@code huzhu.realname.simulator.enabled=true}, or when it is not set and the demo profile is active
 * (demo and test mode); stops it with the context. It accepts the configured access key and secret, or,
 * when none is set, a key and secret made up for this run (the client then uses those).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulator("huzhu.realname.simulator.enabled")
class IdentitySimulatorConfiguration {

    @Bean(destroyMethod = "close")
    SimulatedIdentityProvider simulatedIdentityProvider(RealNameProperties properties) throws IOException {
        String key = properties.accessKey().isBlank() ? "huzhu-simulated" : properties.accessKey();
        String secret = properties.secret();
        if (secret.isBlank()) {
            byte[] made = new byte[32];
            new SecureRandom().nextBytes(made);
            secret = HexFormat.of().formatHex(made);
        }
        return new SimulatedIdentityProvider(properties.simulator(), key, secret);
    }
}
