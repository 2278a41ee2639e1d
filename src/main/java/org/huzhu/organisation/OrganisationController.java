package org.huzhu.organisation;

import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "组织与单位", description = "工会组织树与参保单位")
class OrganisationController {

    private final Organisations organisations;

    OrganisationController(Organisations organisations) {
        this.organisations = organisations;
    }

    record OrganisationView(long id, String name, Level level, Long parentId) {
        static OrganisationView of(OrgNode n) {
            return new OrganisationView(n.id(), n.name(), n.level(), n.parentId());
        }
    }

    record UnitView(long id, String name, String creditCode, Ownership ownership, String ownershipName,
                    int headcount, long organisationId, String fundingPolicy) {
        static UnitView of(Unit u) {
            return new UnitView(u.id(), u.name(), u.creditCode(), u.ownership(), u.ownership().chinese(),
                    u.headcount(), u.organisationId(), u.fundingPolicy());
        }
    }

    @Requires(Right.ORGANISATION_READ)
    @GetMapping("/organisations")
    @Operation(summary = "调用者可见的工会组织树")
    List<OrganisationView> organisations() {
        return organisations.visibleTree(CurrentUser.get()).stream().map(OrganisationView::of).toList();
    }

    @Requires(Right.UNIT_MANAGE)
    @PostMapping("/units")
    @Operation(summary = "登记参保单位（须建在调用者管辖范围内的县级工会之下）")
    ResponseEntity<UnitView> createUnit(@RequestBody Organisations.NewUnit command) {
        Unit unit = organisations.createUnit(command, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/v1/units/" + unit.id())).body(UnitView.of(unit));
    }

    @Requires(Right.ORGANISATION_READ)
    @GetMapping("/units/{id}")
    @Operation(summary = "查看单位")
    UnitView unit(@PathVariable long id) {
        return UnitView.of(organisations.visibleUnit(id, CurrentUser.get()));
    }

    @Requires(Right.ORGANISATION_READ)
    @GetMapping("/units")
    @Operation(summary = "调用者可见的单位，可按名称查找")
    List<UnitView> units(@RequestParam(required = false) String name,
                         @RequestParam(defaultValue = "100") int limit,
                         @RequestParam(defaultValue = "0") int offset) {
        int safeLimit = Math.max(1, Math.min(limit, 1000));
        return organisations.visibleUnits(CurrentUser.get(), name, safeLimit, Math.max(0, offset)).stream()
                .map(UnitView::of).toList();
    }
}
