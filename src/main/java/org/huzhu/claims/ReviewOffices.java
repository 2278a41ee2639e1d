package org.huzhu.claims;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.huzhu.identity.Accounts;
import org.huzhu.identity.StaffChanged;
import org.huzhu.organisation.NodeMoved;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Who reviews where: the union offices of the tree, and the reviewers and union staff sitting on each, held in
 * memory so that routing a claim to review costs no query of its own (it travels in the decision's one round trip).
 * Read from the organisation and identity front doors on first use, and again after identity tells of a change of
 * staff ({@link StaffChanged}) or a node moved, when a claim names an office not known yet, and at the latest every
 * five minutes (changes made through another instance).
 *
 * <p>The office responsible for a claim at a review level is the lowest office on the claim's path whose level
 * reaches that level: the county for a county-level claim (the city, for a unit directly under a city), the city for
 * a city-level one, the province for a province-level one.
 */
@Component
class ReviewOffices {

    private static final long FRESH_FOR = Duration.ofMinutes(5).toNanos();
    private static final CurrentUser WHOLE_TREE = new CurrentUser(0, Claim.SYSTEM, Role.ADMIN, "/", null, null, null);

    private final Organisations organisations;
    private final Accounts accounts;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    ReviewOffices(Organisations organisations, Accounts accounts) {
        this.organisations = organisations;
        this.accounts = accounts;
    }

    /** The offices by id, and the reviewers and union staff by office and reviewers by username, as read at one moment. */
    private record Snapshot(Map<Long, OrgNode> nodes, Map<Long, List<Accounts.Staff>> reviewers,
                            Map<Long, List<Accounts.Staff>> unionStaff, Map<String, Accounts.Staff> byUsername,
                            Map<String, String> names, long readAt) {
    }

    /** The office responsible for claims of this path at this level (see the class comment); empty for a path of no office. */
    Optional<OrgNode> officeFor(String orgPath, ReviewLevel level) {
        List<Long> ids = nodeIds(orgPath);
        Snapshot s = current();
        if (!s.nodes().keySet().containsAll(ids)) s = reload();
        OrgNode office = null;
        for (long id : ids) {
            OrgNode node = s.nodes().get(id);
            if (node != null && level.withinReachOf(ReviewLevel.of(node.level()))) office = node;
        }
        return Optional.ofNullable(office);
    }

    OrgNode office(long id) {
        OrgNode node = current().nodes().get(id);
        return node != null ? node : reload().nodes().get(id);
    }

    /** The reviewers sitting on the office itself, by username. */
    List<Accounts.Staff> reviewersAt(long officeId) {
        return current().reviewers().getOrDefault(officeId, List.of());
    }

    /** Every enabled reviewer, by office and username. */
    Collection<Accounts.Staff> reviewers() {
        return current().byUsername().values();
    }

    /** An enabled reviewer by username. */
    Optional<Accounts.Staff> reviewer(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(current().byUsername().get(username));
    }

    /** The union staff of the office, or of the nearest office above it that has some (a county without staff: its city's). */
    List<Accounts.Staff> unionStaffFor(long officeId) {
        Snapshot s = current();
        OrgNode node = s.nodes().get(officeId);
        while (node != null) {
            List<Accounts.Staff> staff = s.unionStaff().getOrDefault(node.id(), List.of());
            if (!staff.isEmpty()) return staff;
            node = node.parentId() == null ? null : s.nodes().get(node.parentId());
        }
        return List.of();
    }

    /** The highest review level a reviewer decides: their office's. */
    ReviewLevel reach(Accounts.Staff reviewer) {
        return ReviewLevel.of(office(reviewer.orgNodeId()).level());
    }

    /** The path of the office a staff account sits on (its scope). */
    String pathOf(Accounts.Staff staff) {
        return office(staff.orgNodeId()).path();
    }

    /** The display name of a reviewer, union staff or administrator, or the username for anyone else (the system). */
    String nameOf(String username) {
        return username == null ? null : current().names().getOrDefault(username, username);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StaffChanged changed) {
        forget();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(NodeMoved moved) {
        forget();
    }

    private void forget() {
        generation.incrementAndGet();
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.readAt() > FRESH_FOR) return reload();
        return s;
    }

    /** Reads everything again; kept unless a change was told meanwhile (then the next call reads once more). */
    private synchronized Snapshot reload() {
        long seen = generation.get();
        Map<Long, OrgNode> nodes = new HashMap<>();
        for (OrgNode node : organisations.visibleTree(WHOLE_TREE)) nodes.put(node.id(), node);
        List<Accounts.Staff> reviewers = accounts.staff(Role.REVIEWER);
        List<Accounts.Staff> unionStaff = accounts.staff(Role.UNION_STAFF);
        Map<String, Accounts.Staff> byUsername = new LinkedHashMap<>();
        reviewers.forEach(r -> byUsername.put(r.username(), r));
        Map<String, String> names = new HashMap<>();
        accounts.staff(Role.ADMIN).forEach(a -> names.put(a.username(), a.displayName()));
        unionStaff.forEach(u -> names.put(u.username(), u.displayName()));
        reviewers.forEach(r -> names.put(r.username(), r.displayName()));
        Snapshot s = new Snapshot(Map.copyOf(nodes), byOffice(reviewers), byOffice(unionStaff),
                java.util.Collections.unmodifiableMap(byUsername), Map.copyOf(names), System.nanoTime());
        if (generation.get() == seen) snapshot = s;
        return s;
    }

    private static Map<Long, List<Accounts.Staff>> byOffice(List<Accounts.Staff> staff) {
        Map<Long, List<Accounts.Staff>> out = new HashMap<>();
        for (Accounts.Staff s : staff) out.computeIfAbsent(s.orgNodeId(), k -> new ArrayList<>()).add(s);
        out.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(out);
    }

    /** The ids of the offices on a path ({@code /1/5/12/u34/} → 1, 5, 12), root first. */
    static List<Long> nodeIds(String orgPath) {
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        for (String part : orgPath.split("/")) {
            if (!part.isEmpty() && Character.isDigit(part.charAt(0))) ids.add(Long.parseLong(part));
        }
        return List.copyOf(ids);
    }
}
