package org.huzhu.memberapp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.huzhu.identity.MemberSessions;
import org.huzhu.membership.Member;
import org.huzhu.membership.PhoneBindings;
import org.huzhu.notifications.SignInCodes;
import org.huzhu.shared.Masks;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing in to the member app: a code texted to the number, then the code; the first time, also the name and
 * ID number the worker is registered under, which binds the number to them. Asking for a code answers the same
 * whether the number is bound or not; only a caller who gave the right code learns that a binding is needed.
 */
@RestController
@RequestMapping("/api/v1/m")
@Tag(name = "掌上办", description = "职工手机端：手机号与短信验证码登录，首次登录绑定参保登记")
class SignInController {

    private final SignInCodes codes;
    private final PhoneBindings bindings;
    private final MemberSessions sessions;
    private final ProvenPhones proven;
    private final Clock clock;

    SignInController(SignInCodes codes, PhoneBindings bindings, MemberSessions sessions, ProvenPhones proven, Clock clock) {
        this.codes = codes;
        this.bindings = bindings;
        this.sessions = sessions;
        this.proven = proven;
        this.clock = clock;
    }

    record CodeRequest(String phone) {
    }

    /** When the code stops working, and in how many seconds another may be asked for. */
    record CodeSent(Instant expiresAt, long resendInSeconds) {
    }

    @PostMapping("/sign-in/code")
    @Operation(summary = "获取登录验证码：发送到所填手机号（同一号码每分钟一次、每天十次）")
    @Requires(Right.PUBLIC)
    CodeSent code(@RequestBody CodeRequest body, HttpServletRequest request) {
        String phone = PhoneBindings.number(body.phone());
        sessions.checkAddress(attempt(phone), request);
        SignInCodes.Issued issued = codes.issue(phone);
        long wait = Duration.between(clock.instant(), issued.resendAt()).toMillis();
        return new CodeSent(issued.expiresAt(), Math.max(1, (wait + 999) / 1000));
    }

    record SignIn(String phone, String code, String name, String idNumber) {
        boolean identityGiven() {
            return (name != null && !name.isBlank()) || (idNumber != null && !idNumber.isBlank());
        }
    }

    /** {@code next}: HOME once signed in, BIND when the number must first be bound by name and ID number. */
    record SignedIn(boolean signedIn, String next, String name, String maskedIdNumber) {
    }

    @PostMapping("/sign-in")
    @Operation(summary = "手机号验证码登录：首次登录另填姓名与身份证号码，绑定本人参保登记")
    @Requires(Right.PUBLIC)
    SignedIn signIn(@RequestBody SignIn body, HttpServletRequest request, HttpServletResponse response) {
        String phone = PhoneBindings.number(body.phone());
        String attempt = attempt(phone);
        sessions.checkAddress(attempt, request);
        boolean provenBefore = proven.holds(request, phone);
        if (!provenBefore) checkCode(phone, body.code(), attempt, request);
        Optional<Member> bound = bindings.boundMember(phone);
        if (bound.isPresent() && !body.identityGiven()) return signedIn(bound.get(), request, response);
        if (!body.identityGiven()) {
            proven.remember(request, phone);
            return new SignedIn(false, "BIND", null, null);
        }
        try {
            return signedIn(bindings.bind(phone, body.name(), body.idNumber()), request, response);
        } catch (InvalidInputException | ConflictException refused) {
            if (provenBefore) proven.spendTry(request);
            else proven.remember(request, phone);
            sessions.failed(attempt, request, "绑定未成功");
            throw refused;
        }
    }

    @PostMapping("/sign-out")
    @Operation(summary = "退出掌上办")
    @Requires(Right.SIGNED_IN)
    Map<String, String> signOut(HttpServletRequest request) {
        sessions.signOut(request);
        return Map.of("next", "/m/");
    }

    private void checkCode(String phone, String code, String attempt, HttpServletRequest request) {
        String refusal = refusal(codes, phone, code);
        if (refusal == null) return;
        sessions.failed(attempt, request, "验证码未通过");
        throw InvalidInputException.of("code", refusal);
    }

    /** Null when the code texted to the number is accepted, else why not in plain words (a missing code: 400 at once). */
    static String refusal(SignInCodes codes, String phone, String code) {
        if (code == null || code.isBlank()) throw InvalidInputException.of("code", "请输入短信验证码");
        return switch (codes.verify(phone, code)) {
            case ACCEPTED -> null;
            case WRONG -> "验证码不正确，请重新输入";
            case EXPIRED -> "验证码已失效，请重新获取";
            case TOO_MANY_TRIES -> "验证码输错次数过多，请重新获取";
        };
    }

    private SignedIn signedIn(Member member, HttpServletRequest request, HttpServletResponse response) {
        sessions.signIn(new MemberSessions.SigningIn(member.id(), member.name(), member.unitId(), member.orgPath()), request, response);
        return new SignedIn(true, "HOME", member.name(), member.maskedIdNumber());
    }

    /** How the login log names a sign-in by phone: the number masked. */
    private static String attempt(String phone) {
        return "手机 " + Masks.phone(phone);
    }
}
