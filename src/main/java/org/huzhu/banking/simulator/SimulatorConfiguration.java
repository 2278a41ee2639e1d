package org.huzhu.banking.simulator;

import java.util.Arrays;
import java.util.HashSet;
import org.huzhu.banking.BankProperties;
import org.huzhu.shared.Money;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts the simulated bank on 127.0.0.1 when {@code huzhu.bank.simulator.enabled=true}, or when it
 * is not set and the demo profile is active (demo and test mode); stops it with the context.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SimulatorConfiguration.Enabled.class)
class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    SimulatedBank simulatedBank(BankProperties properties) {
        BankProperties.Simulator s = properties.simulator();
        return new SimulatedBank(new SimulatedBank.Settings(s.port(), s.answerDelay(), s.bounceAfter(), new HashSet<>(s.rejectNames()),
                properties.fundAccount(), properties.fundName(), Money.of(s.openingBalance())));
    }

    static final class Enabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String enabled = context.getEnvironment().getProperty("huzhu.bank.simulator.enabled");
            if (enabled != null && !enabled.isBlank()) return Boolean.parseBoolean(enabled.strip());
            return Arrays.asList(context.getEnvironment().getActiveProfiles()).contains("demo");
        }
    }
}
