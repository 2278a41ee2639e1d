package org.huzhu.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.huzhu.shared.web.SpreadsheetExport;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "组织与单位", description = "工会组织树与参保单位")
class OrganisationController {

    private final Organisations organisations;
    private final NodeAdministration nodes;
    private final UnitAdministration units;
    private final DivisionLoader divisions;
    private final UnitImport imports;
    private final OrganisationHistory history;

    OrganisationController(Organisations organisations, NodeAdministration nodes, UnitAdministration units, DivisionLoader divisions,
                           UnitImport imports, OrganisationHistory history) {
        this.organisations = organisations;
        this.nodes = nodes;
        this.units = units;
        this.divisions = divisions;
        this.imports = imports;
        this.history = history;
    }

    record OrganisationView(long id, String name, Level level, Long parentId, String divisionCode, String status) {
        static OrganisationView of(OrgNode n) {
            return new OrganisationView(n.id(), n.name(), n.level(), n.parentId(), n.divisionCode(), n.closed() ? "CLOSED" : "OPEN");
        }
    }

    record UnitView(long id, String name, String creditCode, Ownership ownership, String ownershipName,
                    int headcount, long organisationId, String fundingPolicy, String contactName, String contactPhone,
                    String status) {
        static UnitView of(Unit u) {
            return new UnitView(u.id(), u.name(), u.creditCode(), u.ownership(), u.ownership().chinese(),
                    u.headcount(), u.organisationId(), u.fundingPolicy(), u.contactName(), u.contactPhone(),
                    u.closed() ? "CLOSED" : "ACTIVE");
        }
    }

    @Requires(Right.ORGANISATION_READ)
    @GetMapping("/organisations")
    @Operation(summary = "调用者可见的工会组织树")
    List<OrganisationView> organisations() {
        return organisations.visibleTree(CurrentUser.get()).stream().map(OrganisationView::of).toList();
    }

    @Requires(Right.ORGANISATION_MANAGE)
    @PostMapping("/organisations")
    @Operation(summary = "新建下级工会组织（上级须在调用者管辖范围内；行政区划代码按 GB/T 2260 校验）")
    ResponseEntity<OrganisationView> createNode(@RequestBody NodeAdministration.NewNode command) {
        OrgNode node = nodes.create(command, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + node.id())).body(OrganisationView.of(node));
    }

    @Requires(Right.ORGANISATION_MANAGE)
    @PutMapping("/organisations/{id}/name")
    @Operation(summary = "工会组织更名")
    OrganisationView rename(@PathVariable long id, @RequestBody NodeAdministration.Rename command) {
        return OrganisationView.of(nodes.rename(id, command, CurrentUser.get()));
    }

    @Requires(Right.ORGANISATION_MANAGE)
    @PostMapping("/organisations/{id}/move")
    @Operation(summary = "调整工会组织的上级（连同其下级、单位及各模块的记录），可同时改行政区划代码")
    OrganisationView move(@PathVariable long id, @RequestBody NodeAdministration.Move command) {
        return OrganisationView.of(nodes.move(id, command, CurrentUser.get()));
    }

    @Requires(Right.ORGANISATION_MANAGE)
    @PostMapping("/organisations/{id}/close")
    @Operation(summary = "撤销工会组织（须无未撤销的下级和正常状态的单位）")
    OrganisationView close(@PathVariable long id) {
        return OrganisationView.of(nodes.close(id, CurrentUser.get()));
    }

    @Requires(Right.ORGANISATION_MANAGE)
    @PostMapping("/organisations/{id}/divisions")
    @Operation(summary = "按行政区划文件补建该组织之下缺少的市（州）、县（区）总工会；重复加载不重复建")
    DivisionLoader.Loaded loadDivisions(@PathVariable long id) {
        return divisions.load(id, CurrentUser.get());
    }

    @Requires(Right.ORGANISATION_MANAGE)
    @GetMapping("/organisations/{id}/history")
    @Operation(summary = "工会组织的变更历史")
    List<OrganisationHistory.Entry> nodeHistory(@PathVariable long id) {
        CurrentUser user = CurrentUser.get();
        OrgNode node = organisations.node(id);
        if (!user.sees(node.path())) throw new NotFoundException("组织不存在");
        return history.of(OrganisationHistory.NODE, id);
    }

    @Requires(Right.UNIT_MANAGE)
    @PatchMapping("/units/{id}")
    @Operation(summary = "修改单位（名称、职工人数、单位性质、联系人、联系电话、状态 ACTIVE/CLOSED；未给出的字段不变）")
    UnitView editUnit(@PathVariable long id, @RequestBody UnitAdministration.UnitChange change) {
        return UnitView.of(units.edit(id, change, CurrentUser.get()));
    }

    @Requires(Right.ORGANISATION_READ)
    @GetMapping("/units/{id}/history")
    @Operation(summary = "单位的变更历史（联系电话为脱敏值）")
    List<OrganisationHistory.Entry> unitHistory(@PathVariable long id) {
        organisations.visibleUnit(id, CurrentUser.get());
        return history.of(OrganisationHistory.UNIT, id);
    }

    @Requires(Right.UNIT_MANAGE)
    @PostMapping(path = "/units/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "批量导入单位（Excel .xlsx 或 CSV，multipart 字段 file）；有错误行时整批不写入并逐行说明")
    UnitImport.Result importUnits(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null) throw InvalidInputException.of("file", "缺少上传文件（multipart 字段 file）");
        Path stored = Files.createTempFile("units-", ".upload");
        try {
            file.transferTo(stored);
            return imports.load(stored, CurrentUser.get());
        } finally {
            Files.deleteIfExists(stored);
        }
    }

    @Requires(Right.UNIT_MANAGE)
    @GetMapping("/units/import-template.xlsx")
    @Operation(summary = "单位导入模板（Excel）")
    ResponseEntity<StreamingResponseBody> unitTemplate() {
        return SpreadsheetExport.download("单位导入模板.xlsx", UnitTemplate::writeXlsx);
    }

    @Requires(Right.UNIT_MANAGE)
    @PostMapping("/units")
    @Operation(summary = "登记参保单位（可建在调用者管辖范围内任一级未撤销的工会组织之下：省直、市直或县（区））")
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
    @Operation(summary = "调用者可见的单位，可按名称查找，可按直属工会组织筛选（organisationId）")
    List<UnitView> units(@RequestParam(required = false) String name,
                         @RequestParam(required = false) Long organisationId,
                         @RequestParam(defaultValue = "100") int limit,
                         @RequestParam(defaultValue = "0") int offset) {
        int safeLimit = Math.max(1, Math.min(limit, 1000));
        return organisations.visibleUnits(CurrentUser.get(), name, organisationId, safeLimit, Math.max(0, offset)).stream()
                .map(UnitView::of).toList();
    }
}
