package org.huzhu.memberapp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import org.huzhu.membership.Member;
import org.huzhu.membership.PhoneBindings;
import org.huzhu.notifications.SignInCodes;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 更换手机号码 in the member app: a code is texted to the new number, and the code moves the worker's binding there
 * ({@link PhoneBindings#rebind}); the old number is kept in the phone history and told of the change.
 */
@RestController
@RequestMapping("/api/v1/m/phone")
@Tag(name = "掌上办")
class PhoneController {

    private final SignInCodes codes;
    private final PhoneBindings bindings;
    private final Clock clock;

    PhoneController(SignInCodes codes, PhoneBindings bindings, Clock clock) {
        this.codes = codes;
        this.bindings = bindings;
        this.clock = clock;
    }

    record NewNumber(String phone) {
    }

    @PostMapping("/code")
    @Operation(summary = "更换手机号码：向新号码发送验证码（同一号码每分钟一次、每天十次）")
    @Requires(Right.OWN_PHONE)
    SignInController.CodeSent code(@RequestBody(required = false) NewNumber body) {
        String phone = PhoneBindings.number(body == null ? null : body.phone());
        SignInCodes.Issued issued = codes.issue(phone);
        long wait = Duration.between(clock.instant(), issued.resendAt()).toMillis();
        return new SignInController.CodeSent(issued.expiresAt(), Math.max(1, (wait + 999) / 1000));
    }

    record Change(String phone, String code) {
    }

    record Changed(String maskedPhone, String message) {
    }

    @PostMapping
    @Operation(summary = "更换手机号码：凭新号码收到的验证码改绑，原号码收到更换提醒")
    @Requires(Right.OWN_PHONE)
    Changed change(@RequestBody(required = false) Change body) {
        Change c = body == null ? new Change(null, null) : body;
        String phone = PhoneBindings.number(c.phone());
        String refusal = SignInController.refusal(codes, phone, c.code());
        if (refusal != null) throw InvalidInputException.of("code", refusal);
        Member member = bindings.rebind(CurrentUser.get(), phone);
        return new Changed(member.maskedPhone(), "手机号码已更换为 " + member.maskedPhone() + "，请用新号码登录；原号码已收到更换提醒。");
    }
}
