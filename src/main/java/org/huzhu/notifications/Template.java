package org.huzhu.notifications;

import java.time.Instant;
import java.util.List;

/**
 * One version of a template: what it is called, why it is sent, on which channels, and its body. A
 * change is a new version; messages name the version they were written from.
 */
public record Template(String code, int version, String name, Purpose purpose, boolean sms, boolean inbox, String body,
                       List<String> variables, String note, String createdBy, Instant createdAt) {

    TemplateText text() {
        return new TemplateText(body);
    }

    boolean hasSecret() {
        return variables.stream().anyMatch(v -> TemplateVariable.named(v).map(TemplateVariable::secret).orElse(false));
    }
}
