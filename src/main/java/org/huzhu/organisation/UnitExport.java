package org.huzhu.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.database.FilteredQuery;
import org.huzhu.shared.database.RowStream;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.ListExport;
import org.huzhu.shared.web.ListExport.Column;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 导出Excel of the unit list (单位): its filters (name, direct office) and scope; the contact's phone masked unless unmasked. */
@RestController
@Tag(name = "组织与单位")
class UnitExport {

    private static final List<Column> COLUMNS = List.of(new Column("编号", 10), new Column("单位名称", 36),
            new Column("统一社会信用代码", 22), new Column("所有制", 14), new Column("职工人数", 10), new Column("所属工会", 24),
            new Column("联系人", 12), new Column("联系电话", 14), new Column("状态", 8));

    private final Organisations organisations;
    private final PersonalDataCipher cipher;
    private final RowStream rows;

    UnitExport(Organisations organisations, PersonalDataCipher cipher, RowStream rows) {
        this.organisations = organisations;
        this.cipher = cipher;
        this.rows = rows;
    }

    @Requires(Right.ORGANISATION_READ)
    @GetMapping("/api/v1/units.xlsx")
    @Operation(summary = "导出单位（Excel）：条件与可见范围同单位列表；联系电话脱敏，持有“导出未脱敏个人信息”权限者可 unmasked=true（记入操作日志）")
    void export(@RequestParam(required = false) String name, @RequestParam(required = false) Long organisationId,
                @RequestParam(defaultValue = "false") boolean unmasked, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.get();
        ListExport export = ListExport.of("单位", unmasked, user, "名称", name, "所属工会", organisationId);
        String like = name == null || name.isBlank() ? "%" : "%" + OrganisationRepository.escape(name.strip()) + "%";
        FilteredQuery query = new FilteredQuery("select " + OrganisationRepository.UNIT_COLUMNS + ", contact_phone_cipher"
                + " from organisation.unit where path like :scope and name like :name")
                .param("scope", user.scopePattern()).param("name", like).and("org_node_id = :node", "node", organisationId);
        Map<Long, String> offices = new HashMap<>();
        export.send(response, COLUMNS, sheet -> rows.each(query, "id", rs -> {
            Unit u = OrganisationRepository.unit(rs, 0);
            byte[] phone = rs.getBytes("contact_phone_cipher");
            sheet.row(List.of(String.valueOf(u.id()), u.name(), ListExport.text(u.creditCode()), u.ownership().chinese(),
                    String.valueOf(u.headcount()), offices.computeIfAbsent(u.organisationId(), id -> organisations.node(id).name()),
                    ListExport.text(u.contactName()),
                    export.unmasked() && phone != null ? cipher.decrypt(phone) : ListExport.text(u.contactPhone()),
                    u.closed() ? "已撤销" : "正常"));
        }));
    }
}
