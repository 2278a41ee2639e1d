package org.huzhu.membership;

import java.time.LocalDate;
import java.util.List;
import org.huzhu.catalogue.CatalogueVersion;

/**
 * Enrolments came into force: their cover starts. Published in the transaction that dated the cover —
 * one enrolment declared paid, a paid bill's waiting enrolments, or one chunk of a roster import — so
 * a listener reacting to thousands at once sees them together.
 */
public record EnrolmentsCameIntoForce(List<InForce> enrolments) {

    public EnrolmentsCameIntoForce {
        enrolments = List.copyOf(enrolments);
    }

    /** One enrolment now in force: the member, the items' names (as the catalogue calls them) and the cover's dates. */
    public record InForce(long enrolmentId, long memberId, List<String> items, LocalDate coverFrom, LocalDate coverEnd) {

        static InForce of(long enrolmentId, long memberId, List<Coverage> coverages, CatalogueVersion terms) {
            return new InForce(enrolmentId, memberId, itemNames(coverages, terms),
                    coverages.stream().map(Coverage::from).filter(java.util.Objects::nonNull).min(LocalDate::compareTo).orElse(null),
                    coverages.stream().map(Coverage::to).filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(null));
        }
    }

    static List<String> itemNames(List<Coverage> coverages, CatalogueVersion terms) {
        return coverages.stream().map(c -> terms.item(c.item()).map(CatalogueVersion.Item::name).orElse(c.item())).distinct().toList();
    }
}
