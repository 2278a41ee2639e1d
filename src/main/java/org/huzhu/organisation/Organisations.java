package org.huzhu.organisation;

import java.util.List;
import java.util.Optional;
import org.huzhu.shared.CreditCode;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation module's front door: the tree, units, and what a caller may see of them. */
@Service
public class Organisations {

    private final OrganisationRepository repository;

    Organisations(OrganisationRepository repository) {
        this.repository = repository;
    }

    public record NewUnit(String name, String creditCode, String ownership, Integer headcount, Long organisationId,
                          String fundingPolicy) {
    }

    @Transactional
    public OrgNode createNode(String name, Level level, OrgNode parent, String areaCode) {
        return repository.insertNode(name, level, parent, areaCode);
    }

    /**
     * The root of a new tree (first run): the province office with its administrative division code
     * (GB/T 2260, six digits), kept in the node's {@code area_code}.
     */
    @Transactional
    public OrgNode createProvince(String name, String divisionCode) {
        Checks checks = new Checks();
        checks.require("name", name, "省级工会名称");
        checks.check(divisionCode != null && divisionCode.matches("\\d{6}"), "divisionCode", "行政区划代码应为6位数字");
        checks.throwIfInvalid();
        return repository.insertNode(name.strip(), Level.PROVINCE, null, divisionCode);
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

    /** Ancestors from the node itself up to the root: where a subsidy budget is looked for. */
    public List<Long> selfAndAncestors(long orgNodeId) {
        String[] ids = node(orgNodeId).path().split("/");
        return java.util.stream.IntStream.iterate(ids.length - 1, i -> i >= 1, i -> i - 1)
                .mapToObj(i -> Long.parseLong(ids[i])).toList();
    }

    @Transactional
    public Unit createUnit(NewUnit command, CurrentUser user) {
        if (!user.holds(Right.UNIT_MANAGE)) throw new AccessDeniedException("only union staff create units");
        Checks checks = new Checks();
        checks.require("name", command.name(), "单位名称");
        if (command.name() != null && command.name().strip().length() > 200) checks.add("name", "单位名称过长（最多200字）");
        String creditCode = command.creditCode() == null ? null : checks.parse("creditCode", () -> CreditCode.check(command.creditCode()));
        if (command.creditCode() == null) checks.add("creditCode", "缺少统一社会信用代码");
        Ownership ownership = parseOwnership(command.ownership(), checks);
        if (command.headcount() == null) checks.add("headcount", "缺少职工人数");
        else checks.check(command.headcount() > 0 && command.headcount() <= 1_000_000, "headcount", "职工人数应在1至1000000之间");
        OrgNode county = null;
        if (command.organisationId() == null) {
            checks.add("organisationId", "缺少所属工会组织");
        } else {
            county = repository.node(command.organisationId()).filter(n -> user.sees(n.path())).orElse(null);
            if (county == null) checks.add("organisationId", "所属工会组织不存在或不在您的管辖范围内");
            else if (county.level() != Level.COUNTY) checks.add("organisationId", "单位只能建在县（区）总工会之下");
        }
        checks.throwIfInvalid();
        if (repository.creditCodeTaken(creditCode)) throw duplicateCreditCode();
        try {
            return repository.insertUnit(command.name().strip(), creditCode, ownership, command.headcount(), county,
                    command.fundingPolicy());
        } catch (DuplicateKeyException e) {
            throw duplicateCreditCode();
        }
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
        return repository.unitsUnder(user.scopePattern(), nameContains, limit, offset);
    }

    private static Ownership parseOwnership(String value, Checks checks) {
        if (value == null) {
            checks.add("ownership", "缺少单位性质");
            return null;
        }
        try {
            return Ownership.valueOf(value);
        } catch (IllegalArgumentException e) {
            checks.add("ownership", "单位性质应为 GOVERNMENT、STATE_OWNED、PRIVATE 或 OTHER");
            return null;
        }
    }

    private static ConflictException duplicateCreditCode() {
        return new ConflictException("creditCode", "该统一社会信用代码已登记过单位");
    }
}
