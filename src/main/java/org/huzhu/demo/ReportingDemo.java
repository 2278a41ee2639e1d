package org.huzhu.demo;

import java.time.Clock;
import java.time.LocalDate;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.OrganisationStatistics;
import org.huzhu.organisation.Organisations;
import org.huzhu.reporting.Metric;
import org.huzhu.reporting.Targets;
import org.springframework.stereotype.Component;

/**
 * The demo's yearly targets (年度目标) for this year, so that the demo dashboard shows shares: each county a little below
 * what its seeded units enrol (a share just over 100 %), each city the sum of its counties. Set once; kept if present.
 */
@Component
class ReportingDemo {

    private final Organisations organisations;
    private final OrganisationStatistics statistics;
    private final Targets targets;
    private final DemoProperties properties;
    private final Clock clock;

    ReportingDemo(Organisations organisations, OrganisationStatistics statistics, Targets targets, DemoProperties properties, Clock clock) {
        this.organisations = organisations;
        this.statistics = statistics;
        this.targets = targets;
        this.properties = properties;
        this.clock = clock;
    }

    void seed() {
        int year = LocalDate.now(clock).getYear();
        for (OrgNode province : statistics.nodes().stream().filter(n -> n.parentId() == null).toList()) {
            for (OrgNode city : organisations.children(province.id())) {
                long cityPersonTimes = 0, cityUnits = 0;
                for (OrgNode county : organisations.children(city.id())) {
                    long units = statistics.unitsOf(county.id()).size();
                    long personTimes = Math.round(units * properties.membersPerUnit() * 0.92);
                    targets.seed(year, county.id(), Metric.PERSON_TIMES, personTimes);
                    targets.seed(year, county.id(), Metric.UNITS, units);
                    targets.seed(year, county.id(), Metric.NEW_FORM_PERSON_TIMES, Math.max(1, personTimes / 8));
                    cityPersonTimes += personTimes;
                    cityUnits += units;
                }
                targets.seed(year, city.id(), Metric.PERSON_TIMES, cityPersonTimes);
                targets.seed(year, city.id(), Metric.UNITS, cityUnits);
                targets.seed(year, city.id(), Metric.NEW_FORM_PERSON_TIMES, Math.max(1, cityPersonTimes / 8));
            }
        }
    }
}
