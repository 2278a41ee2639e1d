package org.huzhu.realname;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huzhu.realname.*}: where the identity-verification service is ({@code base-url}, blank with the
 * simulator on: the simulator), the access key and secret that sign each request, how long to wait for an
 * answer, and the simulated provider's rules ({@code simulator.*}; on in demo mode unless
 * {@code simulator.enabled=false}). Protocol and rules in docs/identity-verification.md.
 */
@ConfigurationProperties("huzhu.realname")
public record RealNameProperties(String baseUrl, String accessKey, String secret, Duration timeout, Simulator simulator) {

    /** The simulated provider: by default every well-formed ID number matches with any name, phone and card. */
    public record Simulator(Boolean enabled, Integer port, Boolean down, Duration delay, List<String> mismatchIdNumbers,
                            List<String> deceasedIdNumbers, List<String> notFoundIdNumbers, List<String> unavailableIdNumbers,
                            List<String> mismatchPhones, List<String> mismatchCards, Map<String, String> known) {

        public Simulator {
            if (port == null) port = 0;
            if (down == null) down = false;
            if (delay == null) delay = Duration.ZERO;
            mismatchIdNumbers = mismatchIdNumbers == null ? List.of() : List.copyOf(mismatchIdNumbers);
            deceasedIdNumbers = deceasedIdNumbers == null ? List.of() : List.copyOf(deceasedIdNumbers);
            notFoundIdNumbers = notFoundIdNumbers == null ? List.of() : List.copyOf(notFoundIdNumbers);
            unavailableIdNumbers = unavailableIdNumbers == null ? List.of() : List.copyOf(unavailableIdNumbers);
            mismatchPhones = mismatchPhones == null ? List.of() : List.copyOf(mismatchPhones);
            mismatchCards = mismatchCards == null ? List.of() : List.copyOf(mismatchCards);
            known = known == null ? Map.of() : Map.copyOf(known);
        }
    }

    public RealNameProperties {
        if (baseUrl == null) baseUrl = "";
        if (accessKey == null) accessKey = "";
        if (secret == null) secret = "";
        if (timeout == null) timeout = Duration.ofSeconds(5);
        if (simulator == null) simulator = new Simulator(null, null, null, null, null, null, null, null, null, null, null);
    }
}
