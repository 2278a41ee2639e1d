package org.huzhu.identity;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.huzhu.identity.AccountAdministration.AccountEdit;
import org.huzhu.identity.AccountAdministration.Issued;
import org.huzhu.identity.AccountAdministration.NewAccount;
import org.huzhu.identity.AccountAdministration.Placement;
import org.huzhu.identity.AccountRepository.Account;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.scope.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 系统管理 → 用户: accounts inside the caller's scope (others answer 404). */
@RestController
@Requires(Right.ACCOUNT_MANAGE)
class AccountController {

    private final AccountAdministration accounts;

    AccountController(AccountAdministration accounts) {
        this.accounts = accounts;
    }

    /**
     * {@code role}/{@code roleName} are the primary role; {@code roles}/{@code roleNames} every role held, primary first;
     * {@code hospitalId} the partner hospital of a hospital desk account.
     */
    record AccountView(long id, String username, String displayName, String role, String roleName, Long orgNodeId,
                       Long unitId, Long memberId, String scopePath, String status, boolean mustChangePassword,
                       boolean twoFactorEnabled, boolean twoFactorRequired, String maskedPhone, java.time.OffsetDateTime createdAt,
                       List<String> roles, List<String> roleNames, Long hospitalId) {
        static AccountView of(Account a) {
            List<Role> roles = a.roles();
            return new AccountView(a.id(), a.username(), a.displayName(), a.role().name(), a.role().chinese(), a.orgNodeId(),
                    a.unitId(), a.memberId(), a.scopePath(), a.enabled() ? "ACTIVE" : "DISABLED", a.mustChangePassword(),
                    a.twoFactorEnabled(), Role.needSecondFactor(roles), a.maskedPhone(), a.createdAt(),
                    roles.stream().map(Role::name).toList(), roles.stream().map(Role::chinese).toList(), a.hospitalId());
        }
    }

    /** The account and the one-time password its holder must change at first login: shown this once. */
    record IssuedView(AccountView account, String username, String initialPassword) {
        static IssuedView of(Issued issued) {
            return new IssuedView(AccountView.of(issued.account()), issued.account().username(), issued.initialPassword());
        }
    }

    @GetMapping("/api/v1/accounts")
    @Operation(summary = "用户列表（管辖范围内；可按组织、角色、状态筛选）")
    List<AccountView> list(@RequestParam(required = false) Long orgNodeId, @RequestParam(required = false) String role,
                           @RequestParam(required = false) String status) {
        return accounts.list(CurrentUser.get(), orgNodeId, role, status).stream().map(AccountView::of).toList();
    }

    @GetMapping("/api/v1/accounts/{id}")
    @Operation(summary = "查看用户")
    AccountView one(@PathVariable long id) {
        return AccountView.of(accounts.visible(id, CurrentUser.get()));
    }

    @PostMapping("/api/v1/accounts")
    @Operation(summary = "新建用户：绑定组织、单位、职工或合作医院，数据范围由其推出；返回只显示一次的初始密码")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedView create(@RequestBody NewAccount command) {
        return IssuedView.of(accounts.create(command, CurrentUser.get()));
    }

    @PutMapping("/api/v1/accounts/{id}")
    @Operation(summary = "修改用户（姓名、手机号码；roles 给出时改角色，第一个为主角色）")
    AccountView edit(@PathVariable long id, @RequestBody AccountEdit edit) {
        return AccountView.of(accounts.edit(id, edit, CurrentUser.get()));
    }

    @PostMapping("/api/v1/accounts/{id}/disable")
    @Operation(summary = "停用用户（其会话随即失效）")
    AccountView disable(@PathVariable long id) {
        return AccountView.of(accounts.setEnabled(id, false, CurrentUser.get()));
    }

    @PostMapping("/api/v1/accounts/{id}/enable")
    @Operation(summary = "启用用户")
    AccountView enable(@PathVariable long id) {
        return AccountView.of(accounts.setEnabled(id, true, CurrentUser.get()));
    }

    @PutMapping("/api/v1/accounts/{id}/scope")
    @Operation(summary = "调整用户所属组织、单位或合作医院（数据范围随之改变）")
    AccountView rescope(@PathVariable long id, @RequestBody Placement placement) {
        return AccountView.of(accounts.rescope(id, placement, CurrentUser.get()));
    }

    @PostMapping("/api/v1/accounts/{id}/password-reset")
    @Operation(summary = "重置密码：生成只显示一次、须首次登录修改的初始密码")
    IssuedView resetPassword(@PathVariable long id) {
        return IssuedView.of(accounts.resetPassword(id, CurrentUser.get()));
    }

    @PostMapping("/api/v1/accounts/{id}/two-factor-reset")
    @Operation(summary = "重置两步验证（手机与恢复码均已遗失时，由另一人办理）：该用户下次登录须重新设置")
    AccountView resetTwoFactor(@PathVariable long id) {
        return AccountView.of(accounts.resetTwoFactor(id, CurrentUser.get()));
    }
}
