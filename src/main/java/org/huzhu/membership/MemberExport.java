package org.huzhu.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.shared.IdNumber;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.database.FilteredQuery;
import org.huzhu.shared.database.RowStream;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.ListExport;
import org.huzhu.shared.web.ListExport.Column;
import org.huzhu.shared.web.SpreadsheetExport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 导出Excel of the member list (职工): the list's filters (name, ID number) and scope, streamed from
 * {@code membership.member}; ID numbers, phones and bank accounts masked unless unmasked by a holder of
 * {@link Right#EXPORT_UNMASKED} (then decrypted here, the module that keeps them).
 */
@RestController
@Tag(name = "职工会员")
class MemberExport {

    static final List<Column> COLUMNS = List.of(new Column("编号", 10), new Column("姓名", 12), new Column("性别", 6),
            new Column("出生日期", 12), new Column("身份证号码", 22), new Column("手机号码", 14), new Column("就业形态", 12),
            new Column("实名认证", 10), new Column("收款银行", 20), new Column("收款账号", 24), new Column("单位", 30),
            new Column("离职日期", 12), new Column("身故日期", 12), new Column("状态", 8));

    private final Members members;
    private final Organisations organisations;
    private final PersonalDataCipher cipher;
    private final RowStream rows;

    MemberExport(Members members, Organisations organisations, PersonalDataCipher cipher, RowStream rows) {
        this.members = members;
        this.organisations = organisations;
        this.cipher = cipher;
        this.rows = rows;
    }

    @Requires(Right.MEMBER_READ)
    @GetMapping("/api/v1/members.xlsx")
    @Operation(summary = "导出职工（Excel）：条件与可见范围同职工列表；身份证号码、手机号码、银行账号脱敏，"
            + "持有“导出未脱敏个人信息”权限者可 unmasked=true（记入操作日志）")
    void export(@RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
                @RequestParam(defaultValue = "false") boolean unmasked, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.get();
        ListExport export = ListExport.of("职工", unmasked, user, "姓名", name,
                "身份证号码", idNumber == null || idNumber.isBlank() ? null : IdNumber.mask(idNumber.strip()));
        export.send(response, COLUMNS, sheet -> write(sheet, user, name, idNumber, export.unmasked()));
    }

    /** The rows of the member list for the same filters, in its order, each written as it is read. */
    void write(SpreadsheetExport sheet, CurrentUser user, String name, String idNumber, boolean unmasked) {
        FilteredQuery query = new FilteredQuery("select " + MemberRepository.COLUMNS
                + (unmasked ? ", id_cipher, phone_cipher, bank_account_cipher" : "") + " from membership.member where org_path like :scope")
                .param("scope", user.scopePattern())
                .and("id = :self", "self", user.role() != Role.MEMBER ? null : user.memberId() == null ? -1L : user.memberId())
                .and("name like :name", "name", name == null || name.isBlank() ? null : "%" + name.strip() + "%")
                .and("id_hash = :hash", "hash", members.searchedIdHash(idNumber));
        Map<Long, String> unitNames = new HashMap<>();
        rows.each(query, "id", rs -> {
            Member m = MemberRepository.member(rs, 0);
            sheet.row(List.of(String.valueOf(m.id()), m.name(), m.gender().chinese(), ListExport.date(m.birthDate()),
                    unmasked ? clear(rs.getBytes("id_cipher")) : ListExport.text(m.maskedIdNumber()),
                    unmasked ? clear(rs.getBytes("phone_cipher")) : ListExport.text(m.maskedPhone()),
                    m.employmentForm().chinese(), m.realNameVerifiedAt() != null ? "已认证" : "未认证",
                    ListExport.text(m.bankName()),
                    unmasked ? clear(rs.getBytes("bank_account_cipher")) : ListExport.text(m.maskedBankAccount()),
                    m.unitId() == null ? "" : unitNames.computeIfAbsent(m.unitId(), this::unitName),
                    ListExport.date(m.leftUnitOn()), ListExport.date(m.diedOn()), m.status().chinese()));
        });
    }

    private String clear(byte[] stored) {
        return stored == null ? "" : cipher.decrypt(stored);
    }

    private String unitName(long unitId) {
        return organisations.unit(unitId).map(Unit::name).orElse("");
    }
}
