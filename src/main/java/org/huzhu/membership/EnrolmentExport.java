package org.huzhu.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.database.RowStream;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.FieldProblem;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.ListExport;
import org.huzhu.shared.web.ListExport.Column;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 导出Excel of 参保明细: every enrolment of a year (cover overlapping it, or awaiting payment and entered that year) of a
 * unit, of an office of the caller's tree, or of the caller's whole scope, one row per enrolment with its items, cover,
 * payment and shares; streamed; ID numbers masked unless unmasked (then logged like every export). Filters: unit,
 * office, item, status.
 */
@RestController
@Tag(name = "续保")
class EnrolmentExport {

    private static final List<Column> COLUMNS = List.of(new Column("参保编号", 10), new Column("职工编号", 10), new Column("姓名", 12),
            new Column("身份证号码", 22), new Column("单位", 36), new Column("保障项目", 30), new Column("保障起", 12), new Column("保障止", 12),
            new Column("缴费日期", 12), new Column("保费(元)", 12), new Column("单位缴(元)", 12), new Column("工会补贴(元)", 12),
            new Column("个人缴(元)", 12), new Column("赠送(元)", 10), new Column("状态", 10));

    private final Organisations organisations;
    private final Catalogue catalogue;
    private final PersonalDataCipher cipher;
    private final RowStream rows;
    private final java.time.Clock clock;

    EnrolmentExport(Organisations organisations, Catalogue catalogue, PersonalDataCipher cipher, RowStream rows, java.time.Clock clock) {
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.cipher = cipher;
        this.rows = rows;
        this.clock = clock;
    }

    @Requires(Right.COVER_LISTS)
    @GetMapping("/api/v1/enrolments.xlsx")
    @Operation(summary = "导出参保明细（Excel）：某年度的参保记录（保障期与该年相交，或该年登记待缴费），按单位、组织、保障项目、状态筛选，"
            + "限可见范围；身份证号码脱敏，持有“导出未脱敏个人信息”权限者可 unmasked=true（记入操作日志）")
    void export(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Long orgId,
                @RequestParam(required = false) String item, @RequestParam(required = false) String status,
                @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "false") boolean unmasked,
                HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.get();
        int y = year != null ? year : LocalDate.now(clock).getYear();
        if (y < 2000 || y > 2100) throw new InvalidInputException(List.of(new FieldProblem("year", "年度应为 2000–2100 之间的年份")));
        EnrolmentRepository.Status wanted = status(status);
        Map<String, Object> params = new HashMap<>();
        String path = user.scopePath();
        Long unit = null;
        if (unitId != null) {
            Unit u = organisations.visibleUnit(unitId, user);
            unit = u.id();
            path = u.path();
        } else if (orgId != null) {
            path = organisations.visibleNode(orgId, user).path();
        } else if (user.unitId() != null) {
            unit = user.unitId();
        }
        params.put("unit", unit);
        params.put("path", path);
        params.put("first", LocalDate.of(y, 1, 1));
        params.put("last", LocalDate.of(y, 12, 31));
        params.put("item", item == null || item.isBlank() ? null : item.strip());
        params.put("status", wanted == null ? null : wanted.name());
        String sql = unmasked ? SQL.replace("m.id_masked,", "m.id_masked, m.id_cipher,") : SQL;
        ListExport export = ListExport.of("参保明细（" + y + "年）", unmasked, user, "单位", unitId, "组织", orgId, "保障项目", item,
                "状态", wanted == null ? null : wanted.chinese(), "年度", y);
        Map<Long, String> unitNames = new HashMap<>();
        export.send(response, COLUMNS, sheet -> rows.each(sql, params, rs -> {
            Long u = rs.getObject("unit_id", Long.class);
            List<String> items = new ArrayList<>();
            for (String code : rs.getString("items").split(",")) items.add(catalogue.itemName(code));
            EnrolmentRepository.Status s = EnrolmentRepository.Status.valueOf(rs.getString("status"));
            sheet.row(List.of(String.valueOf(rs.getLong("id")), String.valueOf(rs.getLong("member_id")), rs.getString("name"),
                    export.unmasked() ? cipher.decrypt(rs.getBytes("id_cipher")) : ListExport.text(rs.getString("id_masked")),
                    u == null ? "" : ListExport.text(unitNames.computeIfAbsent(u, k -> organisations.unit(k).map(Unit::name).orElse(null))),
                    String.join("、", items),
                    ListExport.date(rs.getObject("coverage_from", LocalDate.class)), ListExport.date(rs.getObject("coverage_to", LocalDate.class)),
                    ListExport.date(rs.getObject("paid_on", LocalDate.class)),
                    ListExport.money(rs.getBigDecimal("premium")), ListExport.money(rs.getBigDecimal("unit_pays")),
                    ListExport.money(rs.getBigDecimal("union_pays")), ListExport.money(rs.getBigDecimal("member_pays")),
                    ListExport.money(rs.getBigDecimal("gift")), s.chinese()));
        }));
    }

    private static EnrolmentRepository.Status status(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return EnrolmentRepository.Status.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldProblem("status", "状态应为 AWAITING_PAYMENT（待缴费）、IN_FORCE（已缴费）或 CANCELLED（已退保）")));
        }
    }

    /**
     * The year's enrolments in the unit or under the path: paid cover overlapping the year, or one without cover dates
     * (awaiting payment, or cancelled: a cancellation keeps its dates on the cancellation) entered in it, China time; the
     * item filter keeps enrolments holding that item. By unit, then the worker's name.
     */
    private static final String SQL = """
            select e.id, e.member_id, m.name, m.id_masked, e.unit_id, e.coverage_from, e.coverage_to, e.paid_on, e.premium,
                   e.unit_pays, e.union_pays, e.member_pays, e.gift, e.status,
                   (select string_agg(c->>'item', ',') from json_array_elements(e.coverages) c) as items
              from membership.enrolment e join membership.member m on m.id = e.member_id
             where (cast(:unit as bigint) is null and e.org_path like :path || '%' or e.unit_id = :unit)
               and (e.coverage_from is not null and e.coverage_from <= :last and e.coverage_to >= :first
                    or e.coverage_from is null and (e.created_at at time zone 'Asia/Shanghai')::date between :first and :last)
               and (cast(:status as text) is null or e.status = :status)
               and (cast(:item as text) is null
                    or exists (select 1 from json_array_elements(e.coverages) c where c->>'item' = :item))
             order by e.unit_id nulls first, m.name, e.member_id, e.id""";
}
