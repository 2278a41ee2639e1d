package org.huzhu.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.huzhu.shared.database.RowStream;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.ListExport;
import org.huzhu.shared.web.ListExport.Column;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 导出Excel of 到期与断保 (the enrolments whose cover is expiring or has lapsed): the list's filters and scope, every
 * row without paging; ID numbers masked unless unmasked.
 */
@RestController
@Tag(name = "续保")
class CoverListExport {

    private static final List<Column> COLUMNS = List.of(new Column("职工编号", 10), new Column("姓名", 12), new Column("身份证号码", 22),
            new Column("单位", 36), new Column("保障项目", 24), new Column("保障到期", 12), new Column("天数", 8));

    private final CoverLists lists;
    private final RowStream rows;

    CoverListExport(CoverLists lists, RowStream rows) {
        this.lists = lists;
        this.rows = rows;
    }

    @Requires(Right.COVER_LISTS)
    @GetMapping("/api/v1/cover/expiring.xlsx")
    @Operation(summary = "导出保障即将到期名单（Excel）：条件与可见范围同名单；身份证号码脱敏，持有“导出未脱敏个人信息”权限者可 unmasked=true（记入操作日志）")
    void expiring(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Long orgId,
                  @RequestParam(required = false) String item, @RequestParam(defaultValue = "30") int days,
                  @RequestParam(defaultValue = "false") boolean unmasked, HttpServletResponse response) throws IOException {
        export(CoverLists.Kind.EXPIRING, "保障即将到期名单", unitId, orgId, item, days, unmasked, response);
    }

    @Requires(Right.COVER_LISTS)
    @GetMapping("/api/v1/cover/lapsed.xlsx")
    @Operation(summary = "导出断保名单（Excel）：条件与可见范围同名单；身份证号码脱敏，持有“导出未脱敏个人信息”权限者可 unmasked=true（记入操作日志）")
    void lapsed(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Long orgId,
                @RequestParam(required = false) String item, @RequestParam(defaultValue = "90") int days,
                @RequestParam(defaultValue = "false") boolean unmasked, HttpServletResponse response) throws IOException {
        export(CoverLists.Kind.LAPSED, "断保名单", unitId, orgId, item, days, unmasked, response);
    }

    private void export(CoverLists.Kind kind, String title, Long unitId, Long orgId, String item, int days, boolean unmasked,
                        HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.get();
        int window = Math.max(1, Math.min(days, 366));
        ListExport export = ListExport.of(title, unmasked, user, "单位", unitId, "组织", orgId, "保障项目", item, "天数", window);
        var reader = lists.reader(new CoverLists.Query(kind, unitId, orgId, item, window, 1, 0), user, export.unmasked(), rows);
        export.send(response, COLUMNS, sheet -> reader.accept((r, idNumber) -> sheet.row(List.of(String.valueOf(r.memberId()), r.name(),
                idNumber != null ? idNumber : ListExport.text(r.idMasked()), ListExport.text(r.unitName()), r.itemName(),
                ListExport.date(r.coverTo()), String.valueOf(r.days())))));
    }
}
