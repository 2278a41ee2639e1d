package org.huzhu.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.Gender;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "职工会员", description = "实名登记、实名认证、收款账户（身份证号、银行账号加密存储、脱敏显示）")
class MemberController {

    private final Members members;
    private final Enrolments enrolments;
    private final BankAccountChanges bankAccountChanges;

    MemberController(Members members, Enrolments enrolments, BankAccountChanges bankAccountChanges) {
        this.members = members;
        this.enrolments = enrolments;
        this.bankAccountChanges = bankAccountChanges;
    }

    record MemberView(long id, String name, Gender gender, LocalDate birthDate, String maskedIdNumber,
                      String maskedPhone, EmploymentForm employmentForm, boolean realNameVerified, String bankName,
                      String maskedBankAccount, Long unitId, LocalDate leftUnitOn, LocalDate diedOn, MemberStatus status,
                      String statusName) {
        static MemberView of(Member m) {
            return new MemberView(m.id(), m.name(), m.gender(), m.birthDate(), m.maskedIdNumber(), m.maskedPhone(),
                    m.employmentForm(), m.realNameVerifiedAt() != null, m.bankName(), m.maskedBankAccount(), m.unitId(),
                    m.leftUnitOn(), m.diedOn(), m.status(), m.status().chinese());
        }
    }

    @Requires(Right.MEMBER_REGISTER)
    @PostMapping
    @Operation(summary = "登记职工（性别、出生日期由身份证号码得出）")
    ResponseEntity<MemberView> register(@RequestBody Members.NewMember command) {
        Member m = members.register(command, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/v1/members/" + m.id())).body(MemberView.of(m));
    }

    @Requires(Right.MEMBER_READ)
    @GetMapping("/{id}")
    @Operation(summary = "查看职工")
    MemberView member(@PathVariable long id) {
        return MemberView.of(members.visibleMember(id, CurrentUser.get()));
    }

    @Requires(Right.MEMBER_READ)
    @GetMapping
    @Operation(summary = "查找可见范围内的职工（按姓名或身份证号码）")
    List<MemberView> search(@RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
                            @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        return members.search(CurrentUser.get(), name, idNumber, Math.max(1, Math.min(limit, 500)), Math.max(0, offset))
                .stream().map(MemberView::of).toList();
    }

    @Requires(Right.MEMBER_VERIFY)
    @PostMapping("/{id}/real-name-verification")
    @Operation(summary = "柜台核验实名：记录当面查验的证件类型与号码后四位，标记实名认证（免费意外保障由职工本人在掌上办领取）")
    MemberView verify(@PathVariable long id, @RequestBody(required = false) Members.CounterCheck body) {
        return MemberView.of(members.counterCheck(id, body, CurrentUser.get()));
    }

    @Requires(Right.BANK_ACCOUNT_CHANGE)
    @PutMapping("/{id}/bank-account")
    @Operation(summary = "设置互助金收款银行账户：职工本人修改即时生效（200，职工信息）；工作人员提出变更（须填写原因），"
            + "待另一名管理员或工会工作人员复核（202，变更申请）；审核员、财务不能修改")
    ResponseEntity<?> bankAccount(@PathVariable long id, @RequestBody Members.BankAccountChange change) {
        BankAccountChanges.Outcome outcome = members.changeBankAccount(id, change, CurrentUser.get());
        if (outcome.applied()) return ResponseEntity.ok(MemberView.of(outcome.member()));
        return ResponseEntity.accepted().body(outcome.change());
    }

    @Requires(Right.MEMBER_READ)
    @GetMapping("/{id}/bank-account-changes")
    @Operation(summary = "收款账户变更记录（新旧账号脱敏、提出人、复核人、原因、证明材料）")
    List<BankAccountChanges.ChangeView> bankAccountChanges(@PathVariable long id) {
        return bankAccountChanges.history(id, CurrentUser.get());
    }

    @Requires(Right.BANK_ACCOUNT_APPROVE)
    @PostMapping("/{id}/bank-account-changes/{changeId}/approve")
    @Operation(summary = "复核同意收款账户变更（须为提出人以外的管理员或工会工作人员）")
    BankAccountChanges.ChangeView approveBankAccountChange(@PathVariable long id, @PathVariable long changeId) {
        return bankAccountChanges.approve(id, changeId, CurrentUser.get());
    }

    @Requires(Right.BANK_ACCOUNT_APPROVE)
    @PostMapping("/{id}/bank-account-changes/{changeId}/reject")
    @Operation(summary = "驳回收款账户变更")
    BankAccountChanges.ChangeView rejectBankAccountChange(@PathVariable long id, @PathVariable long changeId) {
        return bankAccountChanges.reject(id, changeId, CurrentUser.get());
    }

    @Requires(Right.MEMBER_READ)
    @GetMapping("/{id}/enrolments")
    @Operation(summary = "职工的参保记录与保障期")
    List<Enrolments.EnrolmentView> enrolmentsOf(@PathVariable long id) {
        return enrolments.enrolmentsOf(id, CurrentUser.get());
    }
}
