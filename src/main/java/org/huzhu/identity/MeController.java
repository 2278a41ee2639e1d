package org.huzhu.identity;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.scope.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

    private final Clock clock;
    private final AccountRepository accounts;
    private final boolean demoMode;

    MeController(Clock clock, AccountRepository accounts, @org.springframework.beans.factory.annotation.Value("${huzhu.demo.enabled:false}") boolean demoMode) {
        this.clock = clock;
        this.accounts = accounts;
        this.demoMode = demoMode;
    }

    /** A right the caller holds, with its Chinese name. */
    record Held(String code, String name) {
    }

    /** {@code role}/{@code roleName} are the primary role; {@code roles}/{@code roleNames} every role held, primary first. */
    record Me(String username, String displayName, String role, String roleName, String scopePath,
              Long orgNodeId, Long unitId, Long memberId, List<String> rights, List<Held> rightNames, LocalDate today,
              boolean mustChangePassword, boolean twoFactorEnabled, boolean twoFactorRequired,
              List<String> roles, List<String> roleNames, Long hospitalId) {
    }

    /**
     * Who am I: the console chooses what to show from the rights listed here, and takes the
     * business date ({@code today}, China time, from the server's clock) from here, never from the browser;
     * {@code mustChangePassword} and a {@code twoFactorRequired} without {@code twoFactorEnabled} send the
     * console to 我的账户 before anything else.
     */
    @GetMapping("/api/v1/me")
    @Operation(summary = "当前用户：角色、数据范围、权限列表与业务日期（中国时间）")
    @Requires(Right.SIGNED_IN)
    Me me(@AuthenticationPrincipal HuzhuUser user) {
        CurrentUser u = user.currentUser();
        AccountRepository.Standing standing = accounts.standing(u.accountId());
        List<Right> rights = u.rights();
        List<Role> roles = Role.primaryFirst(u.role(), u.roles());
        return new Me(u.username(), user.displayName(), u.role().name(), u.role().chinese(), u.scopePath(),
                u.orgNodeId(), u.unitId(), u.memberId(), rights.stream().map(Right::name).toList(),
                rights.stream().map(r -> new Held(r.name(), r.chinese())).toList(), LocalDate.now(clock),
                standing.mustChangePassword(), standing.twoFactorEnabled(),
                Role.needSecondFactor(u.roles()) && !(demoMode && standing.demo()),
                roles.stream().map(Role::name).toList(), roles.stream().map(Role::chinese).toList(), u.hospitalId());
    }
}
