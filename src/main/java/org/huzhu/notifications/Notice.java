package org.huzhu.notifications;

import java.util.Map;

/**
 * A notice to write: the template's code, the recipient, the values of the template's variables
 * ({@code name}, {@code hotline} and {@code link} are filled in when not given) and the key of the
 * event it reports ({@code claim-approved:CLM-1}). The same event key, template and recipient never
 * produce a second message.
 */
public record Notice(String template, Recipient recipient, Map<String, String> values, String eventKey) {

    public Notice {
        values = Map.copyOf(values);
        if (eventKey == null || eventKey.isBlank()) throw new IllegalArgumentException("a notice needs its event key");
    }
}
