package org.huzhu.notifications.sms;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huzhu.notifications.sms.*}: which channel carries texts ({@code gateway}: smpp, http or none),
 * the SMPP account ({@code smpp.*}; host blank and port 0 with the simulator on mean the simulator),
 * the HTTP provider ({@code http.*}) and the simulated centre ({@code simulator.*}; on in demo mode
 * unless {@code simulator.enabled=false}). See docs/sms-gateway.md.
 */
@ConfigurationProperties("huzhu.notifications.sms")
public record SmsProperties(String gateway, Smpp smpp, Http http, Simulator simulator) {

    public record Smpp(String host, Integer port, String systemId, String password, String systemType, String sourceAddress,
                       Duration submitTimeout, Duration enquireLinkInterval, Integer processorThreads, Integer throttleRetries) {

        public Smpp {
            if (host == null) host = "";
            if (port == null) port = 0;
            if (systemId == null || systemId.isBlank()) systemId = "huzhu";
            if (password == null) password = "";
            if (systemType == null) systemType = "";
            if (sourceAddress == null) sourceAddress = "";
            if (submitTimeout == null) submitTimeout = Duration.ofSeconds(5);
            if (enquireLinkInterval == null) enquireLinkInterval = Duration.ofSeconds(30);
            if (processorThreads == null) processorThreads = 32;
            if (throttleRetries == null) throttleRetries = 10;
            // SMPP 3.4 §5.2: system_id at most 15 octets, password at most 8, system_type at most 12
            if (systemId.length() > 15) throw new IllegalArgumentException("huzhu.notifications.sms.smpp.system-id: at most 15 characters (SMPP 3.4)");
            if (password.length() > 8) throw new IllegalArgumentException("huzhu.notifications.sms.smpp.password: at most 8 characters (SMPP 3.4)");
            if (systemType.length() > 12) throw new IllegalArgumentException("huzhu.notifications.sms.smpp.system-type: at most 12 characters (SMPP 3.4)");
        }
    }

    public record Http(String baseUrl, String accessKey, String secret, String signName, Duration pollInterval, Duration timeout) {

        public Http {
            if (baseUrl == null) baseUrl = "";
            if (accessKey == null) accessKey = "";
            if (secret == null) secret = "";
            if (signName == null || signName.isBlank()) signName = "职工互助";
            if (pollInterval == null) pollInterval = Duration.ofSeconds(5);
            if (timeout == null) timeout = Duration.ofSeconds(10);
        }
    }

    public record Simulator(Boolean enabled, Integer port, List<String> unreachableNumbers, List<String> lateFailureNumbers,
                            Duration lateFailureAfter, Integer throttlePerSecond, Duration receiptDelay) {

        public Simulator {
            if (port == null) port = 0;
            if (unreachableNumbers == null) unreachableNumbers = List.of();
            if (lateFailureNumbers == null) lateFailureNumbers = List.of();
            if (lateFailureAfter == null) lateFailureAfter = Duration.ofHours(1);
            if (throttlePerSecond == null) throttlePerSecond = 0;
            if (receiptDelay == null) receiptDelay = Duration.ofMillis(50);
        }
    }

    public SmsProperties {
        if (gateway == null || gateway.isBlank()) gateway = "smpp";
        gateway = gateway.strip().toLowerCase(Locale.ROOT);
        if (smpp == null) smpp = new Smpp(null, null, null, null, null, null, null, null, null, null);
        if (http == null) http = new Http(null, null, null, null, null, null);
        if (simulator == null) simulator = new Simulator(null, null, null, null, null, null, null);
    }
}
