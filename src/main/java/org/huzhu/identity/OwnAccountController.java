package org.huzhu.identity;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 我的账户 (own password, two-factor enrolment), the second step of a login, and the login page's options. */
@RestController
class OwnAccountController {

    private final OwnAccount own;
    private final LoginAttempts attempts;
    private final AccountRepository repository;
    private final boolean demoMode;

    OwnAccountController(OwnAccount own, LoginAttempts attempts, AccountRepository repository, @Value("${huzhu.demo.enabled:false}") boolean demoMode) {
        this.own = own;
        this.attempts = attempts;
        this.repository = repository;
        this.demoMode = demoMode;
    }

    record Code(String code) {
    }

    record RecoveryCodes(List<String> recoveryCodes) {
    }

    record DemoAccount(String username, String displayName, String roleName) {
    }

    record LoginOptions(boolean demo, List<DemoAccount> accounts) {
    }

    @PostMapping("/api/v1/me/password")
    @Operation(summary = "修改本人密码")
    @Requires(Right.SIGNED_IN)
    ResponseEntity<Map<String, String>> changePassword(@RequestBody OwnAccount.PasswordChange change) {
        own.changePassword(CurrentUser.get(), change);
        return ResponseEntity.ok(Map.of("message", "密码已修改"));
    }

    /** A new TOTP secret with its otpauth URI and QR code (PNG data URI), pending until confirmed. */
    @PostMapping("/api/v1/me/two-factor")
    @Operation(summary = "开始设置两步验证：密钥与二维码")
    @Requires(Right.SIGNED_IN)
    TwoFactor.Enrolment startTwoFactor() {
        return own.startTwoFactor(CurrentUser.get());
    }

    /** The first code confirms the enrolment; the ten recovery codes are answered this once. */
    @PostMapping("/api/v1/me/two-factor/confirm")
    @Operation(summary = "确认启用两步验证：首个动态验证码，返回只显示一次的恢复码")
    @Requires(Right.SIGNED_IN)
    RecoveryCodes confirmTwoFactor(@RequestBody Code code) {
        return new RecoveryCodes(own.confirmTwoFactor(CurrentUser.get(), code.code()));
    }

    /**
     * The second step of a form login: a current TOTP code (or a recovery code) lifts the session's
     * pending state. A wrong code counts as a failed login (five lock the account).
     */
    @PostMapping("/api/v1/login/code")
    @Operation(summary = "登录第二步：动态验证码或恢复码")
    @Requires(Right.SIGNED_IN)
    Map<String, String> loginCode(@RequestBody Code code, HttpServletRequest request) {
        CurrentUser me = CurrentUser.get();
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(SignInGate.CODE_PENDING) == null) {
            throw new org.huzhu.shared.web.ConflictException("当前登录无需输入验证码");
        }
        try {
            attempts.checkAllowed(me.username(), request.getRemoteAddr());
        } catch (org.springframework.security.authentication.LockedException e) {
            throw InvalidInputException.of("code", e.getMessage());
        }
        try {
            own.verifyLoginCode(me, code.code());
        } catch (InvalidInputException e) {
            attempts.failed(me.username(), request.getRemoteAddr());
            throw e;
        }
        session.removeAttribute(SignInGate.CODE_PENDING);
        return Map.of("next", "/");
    }

    /** What the login page offers: in demo mode every demo account (password = user name); otherwise nothing. */
    @GetMapping("/api/v1/login-options")
    @Operation(summary = "登录页选项：演示模式下列出全部演示账户")
    @Requires(Right.PUBLIC)
    LoginOptions loginOptions() {
        if (!demoMode) return new LoginOptions(false, List.of());
        return new LoginOptions(true, repository.demoAccounts().stream()
                .map(a -> new DemoAccount(a.username(), a.displayName(), a.role().chinese())).toList());
    }
}
