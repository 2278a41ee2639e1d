package org.huzhu.banking;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huzhu.bank.*}: where the bank's front-end processor listens ({@code url}; blank with the
 * simulator on means the simulator), the fund's own account that payouts debit, and the simulated
 * bank's behaviour ({@code simulator.*}; on in demo mode unless {@code simulator.enabled=false}).
 */
@ConfigurationProperties("huzhu.bank")
public record BankProperties(String url, String fundName, String fundAccount, String fundBank, Duration timeout,
                             Simulator simulator) {

    public record Simulator(Boolean enabled, Integer port, Duration answerDelay, Duration bounceAfter, List<String> rejectNames,
                            String openingBalance) {

        public Simulator {
            if (port == null) port = 0;
            if (answerDelay == null) answerDelay = Duration.ofMillis(300);
            if (bounceAfter == null) bounceAfter = Duration.ofSeconds(60);
            if (rejectNames == null) rejectNames = List.of();
            if (openingBalance == null) openingBalance = "0.00";
        }
    }

    public BankProperties {
        if (url == null) url = "";
        if (fundName == null) fundName = "湖北省总工会职工互助保障金";
        if (fundAccount == null) fundAccount = "4202000109300123456";
        if (fundBank == null) fundBank = "中国工商银行武汉市分行营业部";
        if (timeout == null) timeout = Duration.ofSeconds(60);
        if (simulator == null) simulator = new Simulator(null, null, null, null, null, null);
    }
}
