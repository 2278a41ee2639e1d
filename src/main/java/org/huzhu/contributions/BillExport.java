package org.huzhu.contributions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.database.FilteredQuery;
import org.huzhu.shared.database.RowStream;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.ListExport;
import org.huzhu.shared.web.ListExport.Column;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 导出Excel of the bill list (缴费单): its filters (unit, status) and scope; bills hold no personal data. */
@RestController
@Tag(name = "缴费")
class BillExport {

    private static final List<Column> COLUMNS = List.of(new Column("缴费单号", 16), new Column("单位", 36), new Column("状态", 10),
            new Column("应缴", 14), new Column("单位应缴", 14), new Column("个人应缴", 14), new Column("已缴", 14), new Column("欠缴", 14),
            new Column("工会补贴应到", 14), new Column("工会补贴已到", 14), new Column("参保人次", 10), new Column("开单日期", 12),
            new Column("缴清日期", 12));

    private final BillRepository bills;
    private final Organisations organisations;
    private final RowStream rows;

    BillExport(BillRepository bills, Organisations organisations, RowStream rows) {
        this.bills = bills;
        this.organisations = organisations;
        this.rows = rows;
    }

    @Requires(Right.BILL_READ)
    @GetMapping("/api/v1/bills.xlsx")
    @Operation(summary = "导出缴费单（Excel）：条件与可见范围同缴费单列表")
    void export(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "false") boolean unmasked, HttpServletResponse response) throws IOException {
        if (status != null && !Contributions.STATUS_NAMES.containsKey(status)) {
            throw InvalidInputException.of("status", "状态应为 OPEN、PARTIALLY_PAID、PAID、OVERPAID 或 CANCELLED");
        }
        CurrentUser user = CurrentUser.get();
        ListExport export = ListExport.of("缴费单", unmasked, user, "单位", unitId, "状态", status);
        FilteredQuery query = new FilteredQuery(BillRepository.SELECT_BILL + " where org_path like :scope")
                .param("scope", user.scopePattern()).and("unit_id = :unit", "unit", unitId).and("status = :status", "status", status);
        Map<Long, String> units = new HashMap<>();
        export.send(response, COLUMNS, sheet -> rows.each(query, "id desc", rs -> {
            BillRepository.Stored s = bills.toStored(rs, 0);
            Bill b = s.bill();
            sheet.row(List.of(b.reference(),
                    b.unitId == null ? "" : units.computeIfAbsent(b.unitId, id -> organisations.unit(id).map(Unit::name).orElse("")),
                    Contributions.STATUS_NAMES.get(b.status().name()), money(b.amountDue()), money(b.unitDue()), money(b.memberDue()),
                    money(b.applied()), money(b.outstanding()), money(b.unionDue()), money(b.unionReceived()), String.valueOf(s.lines()),
                    ListExport.date(s.createdOn()), ListExport.date(b.paidOn())));
        }));
    }

    private static String money(org.huzhu.shared.Money money) {
        return ListExport.money(money.amount());
    }
}
