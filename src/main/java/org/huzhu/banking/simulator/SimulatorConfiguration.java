package org.huzhu.banking.simulator;

import java.util.HashSet;
import org.huzhu.banking.BankProperties;
import org.huzhu.shared.Money;
import org.huzhu.shared.simulator.ConditionalOnSimulator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the simulated bank on 127.0.0.1 when {@code huzhu.bank.simulator.enabled=true}, or when it
 * is not set and the demo profile is active (demo and test mode); stops it with the context.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulator("huzhu.bank.simulator.enabled")
class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    SimulatedBank simulatedBank(BankProperties properties) {
        BankProperties.Simulator s = properties.simulator();
        return new SimulatedBank(new SimulatedBank.Settings(s.port(), s.answerDelay(), s.bounceAfter(), new HashSet<>(s.rejectNames()),
                properties.fundAccount(), properties.fundName(), Money.of(s.openingBalance())));
    }

}
