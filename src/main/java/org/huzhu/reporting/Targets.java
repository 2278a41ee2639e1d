package org.huzhu.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.web.Checks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly targets (年度目标) as data: each office sets them for the offices directly below it, and sees its own target,
 * set from above, beside the ones it set. Every change goes to the operation log, before → after.
 */
@Service
public class Targets {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Clock clock;

    Targets(JdbcClient jdbc, Organisations organisations, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.clock = clock;
    }

    public record OfficeRef(long id, String name) {
    }

    public record Own(Metric metric, String metricName, long value, String setBy) {
    }

    public record Set(Metric metric, String metricName, long value) {
    }

    public record Below(OfficeRef office, List<Set> targets) {
    }

    public record View(int year, OfficeRef office, List<Own> own, List<Below> below) {
    }

    public record Change(List<Entry> targets) {
        public record Entry(String metric, Long value) {
        }
    }

    public View view(int year, Long officeId, CurrentUser user) {
        if (Dashboards.boundToUnit(user)) {
            if (officeId != null && !officeId.equals(user.unitId())) throw new org.huzhu.shared.web.NotFoundException("组织不存在");
            var unit = organisations.visibleUnit(user.unitId(), user);
            return new View(year, new OfficeRef(unit.id(), unit.name()), List.of(), List.of());
        }
        OrgNode office = organisations.visibleNode(officeId != null ? officeId : ownNode(user), user);
        Map<Long, Map<Metric, Long>> set = targets(year, childrenAnd(office).stream().map(OrgNode::id).toList());
        String setBy = office.parentId() == null ? null : organisations.node(office.parentId()).name();
        List<Own> own = set.getOrDefault(office.id(), Map.of()).entrySet().stream()
                .map(e -> new Own(e.getKey(), e.getKey().chinese(), e.getValue(), setBy)).toList();
        List<Below> below = children(office).stream().map(c -> new Below(new OfficeRef(c.id(), c.name()),
                set.getOrDefault(c.id(), Map.of()).entrySet().stream().map(e -> new Set(e.getKey(), e.getKey().chinese(), e.getValue()))
                        .toList())).toList();
        return new View(year, new OfficeRef(office.id(), office.name()), own, below);
    }

    @Transactional
    public View set(int year, long officeId, Change change, CurrentUser user) {
        OrgNode office = organisations.visibleNode(officeId, user);
        Checks checks = new Checks();
        checks.check(year >= 2000 && year <= 2100, "year", "年度不正确");
        checks.check(user.orgNodeId() != null && office.parentId() != null && office.parentId().equals(user.orgNodeId()),
                "orgId", "只能为直属下级工会设定目标");
        List<Change.Entry> entries = change == null || change.targets() == null ? List.of() : change.targets();
        checks.check(!entries.isEmpty(), "targets", "请填写目标");
        Map<Metric, Long> wanted = new EnumMap<>(Metric.class);
        for (int i = 0; i < entries.size(); i++) {
            Change.Entry e = entries.get(i);
            Metric metric = null;
            try {
                metric = e.metric() == null ? null : Metric.valueOf(e.metric());
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
            checks.check(metric != null, "targets[" + i + "].metric", "目标指标应为 PERSON_TIMES、UNITS 或 NEW_FORM_PERSON_TIMES");
            checks.check(e.value() != null && e.value() >= 0, "targets[" + i + "].value", "目标值应为不小于0的整数");
            if (metric != null && e.value() != null) wanted.put(metric, e.value());
        }
        checks.throwIfInvalid();
        Map<Metric, Long> before = targets(year, List.of(office.id())).getOrDefault(office.id(), Map.of());
        Instant now = Instant.now(clock);
        wanted.forEach((metric, value) -> {
            jdbc.sql("""
                    insert into reporting.target (year, node_id, metric, value, set_by, set_at) values (?, ?, ?, ?, ?, ?)
                    on conflict (year, node_id, metric) do update set value = excluded.value, set_by = excluded.set_by,
                        set_at = excluded.set_at""")
                    .params(year, office.id(), metric.name(), value, user.username(), java.sql.Timestamp.from(now)).update();
            Audit.changed("reporting.target", year + "/" + office.id(), metric.name(), before.get(metric), value);
        });
        return view(year, office.parentId(), user);
    }

    /** Sets a target without a caller: demo data. */
    public void seed(int year, long officeId, Metric metric, long value) {
        jdbc.sql("""
                insert into reporting.target (year, node_id, metric, value, set_by, set_at) values (?, ?, ?, ?, 'demo', ?)
                on conflict do nothing""").params(year, officeId, metric.name(), value, java.sql.Timestamp.from(Instant.now(clock))).update();
    }

    /** Targets of the offices for the years of a period, added up per office and metric. */
    Map<Long, Map<Metric, Long>> targets(Collection<Integer> years, Collection<Long> offices) {
        Map<Long, Map<Metric, Long>> found = new HashMap<>();
        if (offices.isEmpty()) return found;
        jdbc.sql("select node_id, metric, sum(value) from reporting.target where year = any(?) and node_id = any(?) group by 1, 2")
                .params(years.toArray(Integer[]::new), offices.toArray(Long[]::new))
                .query((rs, n) -> found.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(Metric.class))
                        .put(Metric.valueOf(rs.getString(2)), rs.getLong(3))).list();
        return found;
    }

    private Map<Long, Map<Metric, Long>> targets(int year, Collection<Long> offices) {
        return targets(List.of(year), offices);
    }

    private List<OrgNode> children(OrgNode office) {
        return organisations.children(office.id());
    }

    private List<OrgNode> childrenAnd(OrgNode office) {
        List<OrgNode> all = new ArrayList<>(children(office));
        all.add(office);
        return all;
    }

    static long ownNode(CurrentUser user) {
        if (user.orgNodeId() == null) throw new org.huzhu.shared.web.NotFoundException("组织不存在");
        return user.orgNodeId();
    }
}
