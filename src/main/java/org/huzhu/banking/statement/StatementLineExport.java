package org.huzhu.banking.statement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.database.FilteredQuery;
import org.huzhu.shared.database.RowStream;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.ListExport;
import org.huzhu.shared.web.ListExport.Column;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 导出Excel of the bank statement lines (银行流水): the list's filters (status, value dates); the payer's account masked unless unmasked. */
@RestController
@Tag(name = "银行对账单")
class StatementLineExport {

    private static final List<Column> COLUMNS = List.of(new Column("编号", 10), new Column("记账日期", 12), new Column("起息日期", 12),
            new Column("收支", 6), new Column("金额", 14), new Column("币种", 6), new Column("对方户名", 28), new Column("对方账号", 24),
            new Column("附言", 30), new Column("银行流水号", 20), new Column("状态", 10), new Column("匹配缴费单", 16), new Column("备注", 24));

    private final StatementRepository repository;
    private final PersonalDataCipher cipher;
    private final RowStream rows;

    StatementLineExport(StatementRepository repository, PersonalDataCipher cipher, RowStream rows) {
        this.repository = repository;
        this.cipher = cipher;
        this.rows = rows;
    }

    @Requires(Right.BANK_STATEMENT)
    @GetMapping("/api/v1/bank-statement-lines.xlsx")
    @Operation(summary = "导出银行流水（Excel）：条件同银行流水列表；对方账号脱敏，持有“导出未脱敏个人信息”权限者可 unmasked=true（记入操作日志）")
    void export(@RequestParam(required = false) LineStatus status,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "false") boolean unmasked, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.get();
        ListExport export = ListExport.of("银行流水", unmasked, user, "状态", status, "起息日期自", from, "起息日期至", to);
        FilteredQuery query = new FilteredQuery(StatementRepository.SELECT.replace("counterparty_account_masked,",
                "counterparty_account_masked, counterparty_account_cipher,") + " where true")
                .and("status = :status", "status", status == null ? null : status.name())
                .and("value_date >= :from", "from", from).and("value_date <= :to", "to", to);
        export.send(response, COLUMNS, sheet -> rows.each(query, "value_date desc, id desc", rs -> {
            StatementLine l = repository.toLine(rs, 0);
            byte[] account = rs.getBytes("counterparty_account_cipher");
            sheet.row(List.of(String.valueOf(l.id()), ListExport.date(l.bookingDate()), ListExport.date(l.valueDate()),
                    l.credit() ? "收入" : "支出", ListExport.money(l.amount().amount()), ListExport.text(l.currency()),
                    ListExport.text(l.counterpartyName()),
                    export.unmasked() && account != null ? cipher.decrypt(account) : ListExport.text(l.counterpartyAccount()),
                    ListExport.text(l.remittance()), ListExport.text(l.bankReference()), l.status().chinese(),
                    ListExport.text(l.matchedReference()), ListExport.text(l.note())));
        }));
    }
}
