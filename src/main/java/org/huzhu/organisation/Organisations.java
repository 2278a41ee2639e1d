package org.huzhu.organisation;

import java.util.List;
import java.util.Optional;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation module's front door: the tree, units, and what a caller may see of them. */
@Service
public class Organisations {

    private final OrganisationRepository repository;
    private final NodeAdministration nodes;
    private final UnitAdministration units;

    Organisations(OrganisationRepository repository, NodeAdministration nodes, UnitAdministration units) {
        this.repository = repository;
        this.nodes = nodes;
        this.units = units;
    }

    public record NewUnit(String name, String creditCode, String ownership, Integer headcount, Long organisationId,
                          String fundingPolicy, String contactName, String contactPhone) {

        public NewUnit(String name, String creditCode, String ownership, Integer headcount, Long organisationId, String fundingPolicy) {
            this(name, creditCode, ownership, headcount, organisationId, fundingPolicy, null, null);
        }
    }

    /**
     * A node created by the system (demo data, benchmarks), its facts already known to be right. A
     * short code (42, 4201) is the division's prefix and is padded to six digits (420000, 420100).
     */
    @Transactional
    public OrgNode createNode(String name, Level level, OrgNode parent, String divisionCode) {
        String code = divisionCode != null && divisionCode.length() < 6 ? (divisionCode + "0000").substring(0, 6) : divisionCode;
        return nodes.insert(name, level, parent, code, "system");
    }

    /**
     * The root of the tree for the first run: created when there is none, with its GB/T 2260 code
     * ({@code 420000}); when a root exists already it is returned unchanged.
     */
    @Transactional
    public OrgNode createProvince(String name, String divisionCode) {
        Optional<OrgNode> root = repository.root();
        if (root.isPresent()) return root.get();
        Checks checks = new Checks();
        checks.require("name", name, "省总工会名称");
        DivisionCode.problem(divisionCode, Level.PROVINCE, null).ifPresent(p -> checks.add("divisionCode", p));
        checks.throwIfInvalid();
        return nodes.insert(name.strip(), Level.PROVINCE, null, divisionCode, "system");
    }

    /** Whether the tree has no node yet: a database nobody has set up. */
    public boolean isEmpty() {
        return repository.nodeCount() == 0;
    }

    public List<OrgNode> visibleTree(CurrentUser user) {
        return repository.nodesUnder(user.scopePattern());
    }

    public OrgNode node(long id) {
        return repository.node(id).orElseThrow(() -> new NotFoundException("组织不存在"));
    }

    /** A node the caller sees (inside their scope); otherwise 404, as if it did not exist. */
    public OrgNode visibleNode(long id, CurrentUser user) {
        OrgNode node = node(id);
        if (!user.sees(node.path())) throw new NotFoundException("组织不存在");
        return node;
    }

    /** The offices directly below a node, in the order they were created. */
    public List<OrgNode> children(long orgNodeId) {
        return repository.children(orgNodeId);
    }

    /** Ancestors from the node itself up to the root: where a subsidy budget is looked for. */
    public List<Long> selfAndAncestors(long orgNodeId) {
        String[] ids = node(orgNodeId).path().split("/");
        return java.util.stream.IntStream.iterate(ids.length - 1, i -> i >= 1, i -> i - 1)
                .mapToObj(i -> Long.parseLong(ids[i])).toList();
    }

    /** Registers a unit under a union office of any level inside the caller's scope (省直、市直 or a county's). */
    @Transactional
    public Unit createUnit(NewUnit command, CurrentUser user) {
        return units.create(command, user);
    }

    /** A unit the caller may see; otherwise 404, whether it exists or not. */
    public Unit visibleUnit(long id, CurrentUser user) {
        return repository.unit(id).filter(u -> user.sees(u.path()))
                .orElseThrow(() -> new NotFoundException("单位不存在"));
    }

    /** A unit by id, without a caller: for background work that already checked scope. */
    public Optional<Unit> unit(long id) {
        return repository.unit(id);
    }

    public List<Unit> visibleUnits(CurrentUser user, String nameContains, int limit, int offset) {
        return visibleUnits(user, nameContains, null, limit, offset);
    }

    /** Units the caller sees, optionally only those directly under one union office. */
    public List<Unit> visibleUnits(CurrentUser user, String nameContains, Long orgNodeId, int limit, int offset) {
        return repository.unitsUnder(user.scopePattern(), nameContains, orgNodeId, limit, offset);
    }
}
