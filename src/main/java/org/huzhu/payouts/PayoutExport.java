package org.huzhu.payouts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
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

/** 导出Excel of the payout list (互助金支付): its filters (status, reference) and scope; the payee's account masked unless unmasked. */
@RestController
@Tag(name = "互助金支付")
class PayoutExport {

    private static final List<Column> COLUMNS = List.of(new Column("支付编号", 18), new Column("类型", 10), new Column("来源", 16),
            new Column("收款人", 12), new Column("收款银行", 20), new Column("收款账号", 24), new Column("金额", 14), new Column("状态", 10),
            new Column("原因", 30), new Column("批次", 8), new Column("生成日期", 12), new Column("到账日期", 12), new Column("暂停", 6));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final PersonalDataCipher cipher;
    private final RowStream rows;
    private final Clock clock;

    PayoutExport(PersonalDataCipher cipher, RowStream rows, Clock clock) {
        this.cipher = cipher;
        this.rows = rows;
        this.clock = clock;
    }

    @Requires(Right.PAYOUT_READ)
    @GetMapping("/api/v1/payouts.xlsx")
    @Operation(summary = "导出支付指令（Excel）：条件与可见范围同支付指令列表；收款账号脱敏，持有“导出未脱敏个人信息”权限者可 unmasked=true（记入操作日志）")
    void export(@RequestParam(required = false) PayoutStatus status, @RequestParam(required = false) String reference,
                @RequestParam(defaultValue = "false") boolean unmasked, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.get();
        String wanted = reference == null || reference.isBlank() ? null : reference.strip();
        ListExport export = ListExport.of("互助金支付", unmasked, user, "状态", status, "支付编号", wanted);
        FilteredQuery query = new FilteredQuery("select " + PayoutRepository.PAYOUT_COLUMNS + " from payouts.payout where org_path like :scope")
                .param("scope", user.scopePattern()).and("status = :status", "status", status == null ? null : status.name())
                .and("reference = :reference", "reference", wanted);
        export.send(response, COLUMNS, sheet -> rows.each(query, "id desc", rs -> {
            PayoutRepository.Row p = PayoutRepository.row(rs, 0);
            sheet.row(List.of(p.reference(), PayoutKind.of(p.source()).chinese(), ListExport.text(p.source()), p.payeeName(),
                    ListExport.text(p.bankName()),
                    export.unmasked() && p.accountCipher() != null ? cipher.decrypt(p.accountCipher()) : ListExport.text(p.accountMasked()),
                    ListExport.money(p.amount().amount()), p.status().chinese(), ListExport.text(p.reason()), ListExport.text(p.batchId()),
                    p.requestedAt() == null ? "" : DAY.format(p.requestedAt().atZone(clock.getZone())), ListExport.date(p.settledOn()),
                    p.hold().holding() ? "是" : "否"));
        }));
    }
}
