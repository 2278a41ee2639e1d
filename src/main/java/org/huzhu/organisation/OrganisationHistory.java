package org.huzhu.organisation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.huzhu.shared.audit.Audit;
import org.springframework.stereotype.Component;

/**
 * The history of nodes and units (who, when, what changed before → after), kept in
 * {@code organisation.change} and handed to the operation log ({@link Audit#changed}) as well.
 * Values are what a person sees: names, codes, masked phones.
 */
@Component
class OrganisationHistory {

    static final String NODE = "NODE";
    static final String UNIT = "UNIT";

    record Entry(String action, String field, String before, String after, String changedBy, Instant changedAt) {
    }

    private final OrganisationRepository repository;
    private final Clock clock;

    OrganisationHistory(OrganisationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    void changed(String record, long id, String action, String field, String before, String after, String by) {
        if (Objects.equals(before, after)) return;
        repository.recordChange(record, id, action, field, before, after, by, clock.instant());
        Audit.changed(record.equals(NODE) ? "organisation.org_node" : "organisation.unit", id, field, before, after);
    }

    List<Entry> of(String record, long id) {
        return repository.changesOf(record, id);
    }

    Instant now() {
        return clock.instant();
    }
}
