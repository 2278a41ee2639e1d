package org.huzhu.payments;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huzhu.payments.*}: the online-payment provider ({@code provider} names it in the
 * notification address; {@code baseUrl}, {@code merchantId}, {@code apiKey}: blank URL with the
 * simulator on means the simulator), where the provider posts its notifications
 * ({@code notifyBaseUrl}; blank: this application on 127.0.0.1), how long an order may be paid,
 * when the reconciliation job asks about an order the provider has not told us about, and the
 * simulated provider's behaviour ({@code simulator.*}; on in demo mode unless disabled).
 */
@ConfigurationProperties("huzhu.payments")
public record PaymentsProperties(String provider, String baseUrl, String merchantId, String apiKey, Duration timeout,
                                 String notifyBaseUrl, Duration orderValidFor, Duration reconcileAfter, Duration signatureWindow,
                                 Simulator simulator) {

    /**
     * The simulated provider's rules, by the amount's fen: {@code failingFen} (e.g. 13: 190.13 fails),
     * {@code twiceFen} (notified twice), {@code lateFen} (notified after {@code lateDelay}),
     * {@code lostFen} (never notified: only a query finds the payment).
     */
    public record Simulator(Boolean enabled, Integer port, Integer failingFen, Integer twiceFen, Integer lateFen, Integer lostFen,
                            Duration lateDelay) {

        public Simulator {
            if (port == null) port = 0;
            if (failingFen == null) failingFen = 13;
            if (twiceFen == null) twiceFen = 22;
            if (lateFen == null) lateFen = 33;
            if (lostFen == null) lostFen = 44;
            if (lateDelay == null) lateDelay = Duration.ofSeconds(2);
        }
    }

    public PaymentsProperties {
        if (provider == null || provider.isBlank()) provider = "simpay";
        if (baseUrl == null) baseUrl = "";
        if (merchantId == null || merchantId.isBlank()) merchantId = "1900000001";
        if (apiKey == null) apiKey = "";
        if (timeout == null) timeout = Duration.ofSeconds(10);
        if (notifyBaseUrl == null) notifyBaseUrl = "";
        if (orderValidFor == null) orderValidFor = Duration.ofMinutes(30);
        if (reconcileAfter == null) reconcileAfter = Duration.ofMinutes(5);
        if (signatureWindow == null) signatureWindow = Duration.ofMinutes(5);
        if (simulator == null) simulator = new Simulator(null, null, null, null, null, null, null);
    }
}
