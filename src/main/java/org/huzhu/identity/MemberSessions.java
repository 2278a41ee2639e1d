package org.huzhu.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.TooManyRequestsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions of the member app (掌上办). A worker whose number is bound to a member signs in with that member's
 * account: primary role MEMBER, bound to the member, made at the first sign-in with a password nobody knows
 * (it can never log in with a password) and moved with the member to another unit at the next sign-in.
 * The session is new (a session the browser had is ended first) and marked as an app session: the staff
 * console's pages send it to the app ({@link SignInGate}). Failed codes count against the caller's address
 * like failed passwords ({@link LoginAttempts}); the numbers have their own limits where codes are issued.
 */
@Component
public class MemberSessions {

    static final String APP_SESSION = MemberSessions.class.getName() + ".app";

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final LoginAttempts attempts;
    private final LoginProperties limits;
    private final JdbcClient jdbc;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecureRandom random = new SecureRandom();
    /**
     * The password every worker's account holds: the hash of a random secret forgotten at once, so no password ever
     * matches (workers sign in by phone; the console refuses them anyway). Hashed once, not at each first sign-in,
     * where it cost a phone a slow password hash for nothing.
     */
    private volatile String unusablePassword;

    MemberSessions(AccountRepository accounts, PasswordEncoder passwordEncoder, LoginAttempts attempts, LoginProperties limits,
                   JdbcClient jdbc) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.attempts = attempts;
        this.limits = limits;
        this.jdbc = jdbc;
    }

    /** The member who signs in: the name shown, and the unit and place in the tree their account is scoped to. */
    public record SigningIn(long memberId, String name, Long unitId, String orgPath) {
    }

    /** Refuses (429) a sign-in from an address with too many failed logins; {@code attempt} names it in the login log. */
    public void checkAddress(String attempt, HttpServletRequest request) {
        try {
            attempts.checkAddress(attempt, request.getRemoteAddr());
        } catch (LockedException e) {
            throw new TooManyRequestsException(null, e.getMessage(), limits.lockout());
        }
    }

    /** Logs a failed sign-in (a wrong code, a name and ID number that match no member) against the address. */
    public void failed(String attempt, HttpServletRequest request, String detail) {
        attempts.failedCode(attempt, request.getRemoteAddr(), detail);
    }

    /** Starts an app session for the member, in a new session; a disabled account is refused. */
    @Transactional
    public void signIn(SigningIn member, HttpServletRequest request, HttpServletResponse response) {
        AccountRepository.StoredAccount account = accountOf(member);
        if (!account.enabled()) throw new ConflictException("您的账户已停用，请联系所在单位或工会");
        HttpSession previous = request.getSession(false);
        if (previous != null) previous.invalidate();
        request.getSession(true).setAttribute(APP_SESSION, Boolean.TRUE);
        HuzhuUser user = new HuzhuUser(account);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        attempts.succeeded(user.getUsername(), request.getRemoteAddr());
    }

    /** Ends the caller's session (whatever it is) and logs the sign-out. */
    public void signOut(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null) session.invalidate();
        SecurityContextHolder.clearContext();
        if (auth != null && auth.getPrincipal() instanceof HuzhuUser user) attempts.loggedOut(user.getUsername(), request.getRemoteAddr());
    }

    /** Whether the request belongs to a session the member app started. */
    static boolean isAppSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(APP_SESSION) != null;
    }

    private AccountRepository.StoredAccount accountOf(SigningIn member) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('identity.member_account'), hashtext(?))")
                .param(Long.toString(member.memberId())).query().singleRow();
        return accounts.memberAccount(member.memberId()).map(account -> {
            if (member.orgPath().equals(account.user().scopePath()) && Objects.equals(member.unitId(), account.user().unitId())) return account;
            accounts.rescope(account.user().accountId(), null, member.unitId(), null, member.orgPath()); // the member moved
            return accounts.memberAccount(member.memberId()).orElseThrow();
        }).orElseGet(() -> {
            String username = "member-" + member.memberId();
            if (accounts.exists(username)) username += "-" + HexFormat.of().formatHex(bytes(3));
            accounts.insert(new Accounts.NewAccount(username, null, member.name(), Role.MEMBER, null, member.unitId(), member.memberId(),
                    member.orgPath(), false), unusablePassword());
            return accounts.memberAccount(member.memberId()).orElseThrow();
        });
    }

    private String unusablePassword() {
        String hash = unusablePassword;
        if (hash == null) unusablePassword = hash = passwordEncoder.encode(Base64.getEncoder().encodeToString(bytes(32)));
        return hash;
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
