package org.huzhu.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.ApiPaths;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a logged-in account may do before it is fully signed in, decided on every request from
 * the account's row (so a change takes effect at once, on every instance):
 * <ul>
 * <li>a disabled account loses its session, and so does one whose roles were changed (it logs in again);</li>
 * <li>a form login of an account with two-factor login waits for its code ({@link #CODE_PENDING}):
 *     only {@code POST /api/v1/login/code} answers, pages lead to the code page;</li>
 * <li>an account with two-factor login cannot use HTTP Basic (a code cannot be sent with every call);</li>
 * <li>a one-time password must be changed first ("请先修改初始密码"), and an administrator, finance
 *     officer or reviewer must then enrol a second factor ("请先设置两步验证"): meanwhile only who-am-I,
 *     the password change and the enrolment answer; everything else is a 403 problem.</li>
 * </ul>
 * A session of the member app ({@link MemberSessions}) never opens the staff console: its pages send it to
 * {@code /m/}, and it has no password or second factor to set.
 * In demo mode the demo accounts are exempt from the second factor (their passwords are public anyway).
 */
final class SignInGate extends OncePerRequestFilter {

    static final String CODE_PENDING = SignInGate.class.getName() + ".codePending";
    static final String CHANGE_PASSWORD_FIRST = "请先修改初始密码";
    static final String ENROL_FIRST = "请先设置两步验证";

    private static final Set<String> WHILE_PASSWORD_MUST_CHANGE = Set.of("/api/v1/me", "/api/v1/me/password");
    private static final Set<String> WHILE_ENROLMENT_DUE = Set.of("/api/v1/me", "/api/v1/me/password",
            "/api/v1/me/two-factor", "/api/v1/me/two-factor/confirm");

    /** A member app session signs in by texted codes: it has no password or second factor to set. */
    private static final Set<String> OWN_ACCOUNT_SETTINGS = Set.of("/api/v1/me/password", "/api/v1/me/two-factor",
            "/api/v1/me/two-factor/confirm");
    static final String APP_HAS_NO_PASSWORD = "掌上办用手机验证码登录，无需设置密码";

    private final AccountRepository accounts;
    private final boolean demoMode;

    SignInGate(AccountRepository accounts, boolean demoMode) {
        this.accounts = accounts;
        this.demoMode = demoMode;
    }

    /** Whether the account logs in with a second factor now (enrolled, and not a demo account in demo mode). */
    boolean asksForCode(long accountId) {
        AccountRepository.Standing standing = accounts.standing(accountId);
        return standing.twoFactorEnabled() && !(demoMode && standing.demo());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof HuzhuUser user)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = ApiPaths.isApi(path);
        boolean page = path.equals("/") || (path.endsWith(".html") && !path.startsWith("/login"));
        if (!api && !page) {
            chain.doFilter(request, response);
            return;
        }
        AccountRepository.Standing standing = accounts.standing(user.currentUser().accountId());
        HttpSession session = request.getSession(false);
        if (!standing.enabled()) {
            if (session != null) session.invalidate();
            SecurityContextHolder.clearContext();
            refuse(request, response, api, 401, "账户已停用", "/login?error");
            return;
        }
        if (!standing.roles().equals(user.currentUser().roles())) {
            if (session != null) session.invalidate();
            SecurityContextHolder.clearContext();
            refuse(request, response, api, 401, "账户角色已变更，请重新登录", "/login");
            return;
        }
        if (MemberSessions.isAppSession(request)) {
            if (page && !path.startsWith("/m/")) {
                response.sendRedirect("/m/");
                return;
            }
            if (api && OWN_ACCOUNT_SETTINGS.contains(path)) {
                ProblemWriter.write(response, 403, "无权操作", APP_HAS_NO_PASSWORD, request.getRequestURI());
                return;
            }
        }
        boolean exempt = demoMode && standing.demo();
        String authorization = request.getHeader("Authorization");
        if (standing.twoFactorEnabled() && !exempt && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            refuse(request, response, api, 401, "此账户已启用两步验证，请在登录页面登录", "/login");
            return;
        }
        if (session != null && session.getAttribute(CODE_PENDING) != null) {
            if (path.equals("/api/v1/login/code")) chain.doFilter(request, response);
            else refuse(request, response, api, 401, "请输入两步验证码", "/login-code.html");
            return;
        }
        if (api && standing.mustChangePassword() && !WHILE_PASSWORD_MUST_CHANGE.contains(path)) {
            ProblemWriter.write(response, 403, "无权操作", CHANGE_PASSWORD_FIRST, request.getRequestURI());
            return;
        }
        if (api && Role.needSecondFactor(standing.roles()) && !standing.twoFactorEnabled() && !exempt
                && !WHILE_ENROLMENT_DUE.contains(path)) {
            ProblemWriter.write(response, 403, "无权操作", ENROL_FIRST, request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, boolean api, int status,
                               String detail, String page) throws IOException {
        if (api) ProblemWriter.write(response, status, status == 401 ? "需要登录" : "无权操作", detail, request.getRequestURI());
        else response.sendRedirect(page);
    }
}
