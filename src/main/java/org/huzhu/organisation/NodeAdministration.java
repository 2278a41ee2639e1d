package org.huzhu.organisation;

import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, renaming, moving and closing union offices, with history. A caller changes only nodes
 * strictly inside their own part of the tree (a city's staff: the city's counties, not the city
 * itself nor the province); the root is changed by whoever holds the whole tree.
 */
@Service
class NodeAdministration {

    record NewNode(Long parentId, String name, String divisionCode) {
    }

    record Rename(String name) {
    }

    record Move(Long parentId, String divisionCode) {
    }

    private final OrganisationRepository repository;
    private final OrganisationHistory history;
    private final ApplicationEventPublisher events;

    NodeAdministration(OrganisationRepository repository, OrganisationHistory history, ApplicationEventPublisher events) {
        this.repository = repository;
        this.history = history;
        this.events = events;
    }

    @Transactional
    OrgNode create(NewNode command, CurrentUser user) {
        requireRight(user);
        Checks checks = new Checks();
        String name = nodeName(command.name(), checks);
        OrgNode parent = null;
        if (command.parentId() == null) checks.add("parentId", "缺少上级工会组织");
        else {
            parent = repository.lockNode(command.parentId()).filter(p -> user.sees(p.path())).orElse(null);
            if (parent == null) checks.add("parentId", "上级工会组织不存在或不在您的管辖范围内");
            else if (parent.level() == Level.COUNTY) checks.add("parentId", "县（区）总工会之下不能再设工会组织，请登记为单位");
        }
        Level level = parent == null || parent.level() == Level.COUNTY ? null : Level.values()[parent.level().ordinal() + 1];
        String code = command.divisionCode() == null ? null : command.divisionCode().strip();
        if (level != null) DivisionCode.problem(code, level, parent).ifPresent(p -> checks.add("divisionCode", p));
        checks.throwIfInvalid();
        if (parent.closed()) throw new ConflictException("parentId", "上级工会组织已撤销，不能新建下级");
        return insert(name, level, parent, code, user.username());
    }

    /** Inserts a node whose facts were checked, with its history; a division code in use is a 409. */
    OrgNode insert(String name, Level level, OrgNode parent, String code, String by) {
        if (repository.openNodeWithDivisionCode(code).isPresent()) throw duplicateCode(code);
        OrgNode node;
        try {
            node = repository.insertNode(name, level, parent, code);
        } catch (DuplicateKeyException e) {
            throw duplicateCode(code);
        }
        history.changed(OrganisationHistory.NODE, node.id(), "CREATED", "name", null, name, by);
        history.changed(OrganisationHistory.NODE, node.id(), "CREATED", "divisionCode", null, code, by);
        history.changed(OrganisationHistory.NODE, node.id(), "CREATED", "parent", null, parent == null ? null : parent.name(), by);
        return node;
    }

    @Transactional
    OrgNode rename(long id, Rename command, CurrentUser user) {
        requireRight(user);
        OrgNode node = changeable(id, user);
        Checks checks = new Checks();
        String name = nodeName(command.name(), checks);
        checks.throwIfInvalid();
        requireOpen(node);
        repository.rename(id, name);
        history.changed(OrganisationHistory.NODE, id, "RENAMED", "name", node.name(), name, user.username());
        return repository.node(id).orElseThrow();
    }

    /**
     * Moves a node (with its subtree, units and every record of other modules that copies their
     * paths: see {@link NodeMoved}) under a new parent of the level above. Its division code may
     * change with it, as it does when a county passes to another city.
     */
    @Transactional
    OrgNode move(long id, Move command, CurrentUser user) {
        requireRight(user);
        OrgNode node = changeable(id, user);
        if (command.parentId() == null) throw InvalidInputException.of("parentId", "缺少新的上级工会组织");
        OrgNode parent = repository.lockNode(command.parentId()).filter(p -> user.sees(p.path()))
                .orElseThrow(() -> InvalidInputException.of("parentId", "新的上级工会组织不存在或不在您的管辖范围内"));
        if (node.contains(parent)) throw new ConflictException("parentId", "不能把工会组织移到它自身或它的下级之下");
        if (parent.level().ordinal() + 1 != node.level().ordinal()) {
            throw InvalidInputException.of("parentId", node.level().chinese() + "的上级应为" + Level.values()[node.level().ordinal() - 1].chinese());
        }
        String code = command.divisionCode() == null || command.divisionCode().isBlank() ? node.divisionCode() : command.divisionCode().strip();
        DivisionCode.problem(code, node.level(), parent).ifPresent(p -> {
            throw InvalidInputException.of("divisionCode", p + "；移动到新的上级时请同时填写新的行政区划代码");
        });
        requireOpen(node);
        if (parent.closed()) throw new ConflictException("parentId", "新的上级工会组织已撤销");
        if (parent.id() == node.parentId()) return node;
        if (!code.equals(node.divisionCode()) && repository.openNodeWithDivisionCode(code).isPresent()) throw duplicateCode(code);
        NodeMoved moved = new NodeMoved(id, node.path(), parent.path() + id + "/");
        repository.move(node, parent, code, moved);
        events.publishEvent(moved);
        String oldParent = repository.node(node.parentId()).map(OrgNode::name).orElse(null);
        history.changed(OrganisationHistory.NODE, id, "MOVED", "parent", oldParent, parent.name(), user.username());
        history.changed(OrganisationHistory.NODE, id, "MOVED", "divisionCode", node.divisionCode(), code, user.username());
        return repository.node(id).orElseThrow();
    }

    /** Closes a node that has no open children and no active units; it stays visible in history and reports. */
    @Transactional
    OrgNode close(long id, CurrentUser user) {
        requireRight(user);
        OrgNode node = changeable(id, user);
        if (node.parentId() == null) throw new ConflictException("id", "不能撤销省总工会");
        requireOpen(node);
        long children = repository.openChildren(id);
        if (children > 0) throw new ConflictException("id", "该工会组织还有 " + children + " 个未撤销的下级组织，不能撤销");
        long units = repository.activeUnitsOf(id);
        if (units > 0) throw new ConflictException("id", "该工会组织还有 " + units + " 个正常状态的单位，请先注销或调整");
        repository.close(id, history.now());
        history.changed(OrganisationHistory.NODE, id, "CLOSED", "status", "正常", "已撤销", user.username());
        return repository.node(id).orElseThrow();
    }

    private OrgNode changeable(long id, CurrentUser user) {
        OrgNode node = repository.lockNode(id).filter(n -> user.sees(n.path()))
                .orElseThrow(() -> new NotFoundException("工会组织不存在"));
        if (node.path().equals(user.scopePath()) && node.parentId() != null) {
            throw new AccessDeniedException("a node is changed from above it");
        }
        return node;
    }

    private static void requireRight(CurrentUser user) {
        if (!user.holds(Right.ORGANISATION_MANAGE)) throw new AccessDeniedException("organisation administration");
    }

    private static void requireOpen(OrgNode node) {
        if (node.closed()) throw new ConflictException("id", "该工会组织已撤销");
    }

    private static String nodeName(String raw, Checks checks) {
        if (raw == null || raw.isBlank()) {
            checks.add("name", "缺少工会组织名称");
            return null;
        }
        String name = raw.strip();
        if (name.length() > 100) checks.add("name", "工会组织名称过长（最多100字）");
        return name;
    }

    static ConflictException duplicateCode(String code) {
        return new ConflictException("divisionCode", "行政区划代码 " + code + " 已被另一个未撤销的工会组织使用");
    }
}
