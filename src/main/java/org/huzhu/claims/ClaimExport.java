package org.huzhu.claims;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.membership.Members;
import org.huzhu.shared.Money;
import org.huzhu.shared.database.FilteredQuery;
import org.huzhu.shared.database.RowStream;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.ListExport;
import org.huzhu.shared.web.ListExport.Column;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 导出Excel of the claim list (申领记录): its filters (status, overdue, member, review level) and scope, each row the
 * list's summary with the worker's name; diagnoses and documents are never exported.
 */
@RestController
@Tag(name = "互助金申领")
class ClaimExport {

    private static final List<Column> COLUMNS = List.of(new Column("申领编号", 14), new Column("职工", 12), new Column("类型", 10),
            new Column("事故日期", 12), new Column("状态", 12), new Column("审核层级", 10), new Column("测算金额", 14),
            new Column("核准金额", 14), new Column("提交日期", 12), new Column("材料齐全日期", 14), new Column("已用工作日", 10),
            new Column("承诺办结日", 12), new Column("是否超时", 8));

    private final ClaimRepository repository;
    private final ClaimViews views;
    private final Members members;
    private final RowStream rows;

    ClaimExport(ClaimRepository repository, Claims claims, Members members, RowStream rows) {
        this.repository = repository;
        this.views = claims.views();
        this.members = members;
        this.rows = rows;
    }

    @Requires(Right.CLAIM_READ)
    @GetMapping("/api/v1/claims.xlsx")
    @Operation(summary = "导出申领记录（Excel）：条件与可见范围同申领列表；不含诊断与材料")
    void export(@RequestParam(required = false) ClaimStatus status, @RequestParam(required = false) Boolean overdue,
                @RequestParam(required = false) Long memberId, @RequestParam(required = false) ReviewLevel reviewLevel,
                @RequestParam(defaultValue = "false") boolean unmasked, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.get();
        ListExport export = ListExport.of("申领记录", unmasked, user, "状态", status, "是否超时", overdue, "职工", memberId,
                "审核层级", reviewLevel);
        boolean worker = user.role() == Role.MEMBER;
        FilteredQuery query = new FilteredQuery("select " + ClaimRepository.COLUMNS + ", computed_total from claims.claim where org_path like :scope")
                .param("scope", worker ? "%" : user.scopePattern())
                .and("member_id = :self", "self", !worker ? null : user.memberId() == null ? -1L : user.memberId())
                .and("status = :status", "status", status == null ? null : status.name())
                .and("member_id = :member", "member", memberId)
                .and("review_level = :level", "level", reviewLevel == null ? null : reviewLevel.name());
        Map<Long, String> names = new HashMap<>();
        export.send(response, COLUMNS, sheet -> rows.each(query, "id", rs -> {
            ClaimView.Summary c = views.summary(new ClaimRepository.Listed(repository.claim(rs, 0), rs.getBigDecimal("computed_total")));
            if (overdue != null && c.overdue() != overdue) return;
            sheet.row(List.of(c.reference(),
                    names.computeIfAbsent(c.memberId(), id -> members.contact(id).map(Members.Contact::name).orElse("")),
                    c.kind().chinese(), ListExport.date(c.incidentDate()), c.statusName(),
                    c.reviewLevel() == null ? "" : c.reviewLevel().chinese(), money(c.computedTotal()), money(c.approvedTotal()),
                    ListExport.date(c.submittedOn()), ListExport.date(c.materialsCompleteOn()), ListExport.text(c.workingDaysElapsed()),
                    ListExport.date(c.promiseDueOn()), c.overdue() ? "是" : "否"));
        }));
    }

    private static String money(Money money) {
        return money == null ? "" : ListExport.money(money.amount());
    }
}
