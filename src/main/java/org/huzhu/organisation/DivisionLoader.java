package org.huzhu.organisation;

import java.util.ArrayList;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a province's division file ({@link DivisionFile}) below a node: every division under it
 * that has no open union office yet gets one (武汉市 → 武汉市总工会), matched by division code, so
 * that loading again creates nothing twice and nodes created by hand or by the demo are kept.
 */
@Service
class DivisionLoader {

    record Loaded(String provinceCode, int created, int existing, List<String> createdNames) {
    }

    private final OrganisationRepository repository;
    private final NodeAdministration nodes;

    DivisionLoader(OrganisationRepository repository, NodeAdministration nodes) {
        this.repository = repository;
        this.nodes = nodes;
    }

    @Transactional
    Loaded load(long nodeId, CurrentUser user) {
        if (!user.holds(Right.ORGANISATION_MANAGE)) throw new AccessDeniedException("organisation administration");
        OrgNode below = repository.lockNode(nodeId).filter(n -> user.sees(n.path()))
                .orElseThrow(() -> new NotFoundException("工会组织不存在"));
        if (below.closed()) throw new ConflictException("id", "该工会组织已撤销");
        if (below.divisionCode() == null) throw new ConflictException("divisionCode", "该工会组织没有行政区划代码，无法加载区划文件");
        String provinceCode = below.divisionCode().substring(0, 2) + "0000";
        DivisionFile file = DivisionFile.of(provinceCode)
                .orElseThrow(() -> new NotFoundException("没有行政区划代码为 " + provinceCode + " 的省级区划文件"));
        int existing = 0;
        List<String> created = new ArrayList<>();
        for (DivisionFile.Division division : file.divisions()) {
            String parentCode = division.parentCode() == null ? provinceCode : division.parentCode();
            OrgNode parent = repository.openNodeWithDivisionCode(parentCode).orElse(null);
            if (parent == null || !below.contains(parent) || parent.level() == Level.COUNTY) continue;
            if (repository.openNodeWithDivisionCode(division.code()).isPresent()) {
                existing++;
                continue;
            }
            Level level = Level.values()[parent.level().ordinal() + 1];
            nodes.insert(division.unionName(), level, parent, division.code(), user.username());
            created.add(division.unionName());
        }
        return new Loaded(provinceCode, created.size(), existing, created);
    }
}
