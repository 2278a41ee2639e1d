package org.huzhu.memberapp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.realname.Verification;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 实名认证 in the member app: the worker sees what will be checked (name, ID number and phone, masked) and, having
 * agreed, asks the identity-verification service with the facts on record. The browser never receives a full number.
 */
@RestController
@RequestMapping("/api/v1/m/real-name")
@Tag(name = "掌上办")
class RealNameController {

    static final String CONSENT = "本人同意将姓名、身份证号码、手机号码提交权威身份核验服务，用于实名认证。";

    private final Members members;

    RealNameController(Members members) {
        this.members = members;
    }

    /** What will be checked, masked, and whether the worker is verified already. */
    record Status(boolean verified, String name, String maskedIdNumber, String maskedPhone, String consent) {
    }

    @GetMapping
    @Operation(summary = "查看本人实名认证状态与待核验信息（遮蔽显示）")
    @Requires(Right.REAL_NAME_SELF)
    Status status() {
        Member m = self();
        return new Status(m.realNameVerifiedAt() != null, m.name(), m.maskedIdNumber(), m.maskedPhone(), CONSENT);
    }

    record Ask(Boolean consent) {
    }

    /** {@code result}: MATCH, MISMATCH, DECEASED, NOT_FOUND or UNAVAILABLE; {@code message} in plain words. */
    record Outcome(String result, boolean verified, String message) {
    }

    @PostMapping
    @Operation(summary = "本人实名认证：以登记的姓名、身份证号码和手机号码向权威身份核验服务核验")
    @Requires(Right.REAL_NAME_SELF)
    Outcome verify(@RequestBody(required = false) Ask body) {
        if (body == null || !Boolean.TRUE.equals(body.consent())) throw InvalidInputException.of("consent", "请先阅读并同意核验说明");
        Verification v = members.verifyOwnRealName(CurrentUser.get());
        return new Outcome(v.result().name(), v.matched(), message(v));
    }

    static String message(Verification v) {
        return switch (v.result()) {
            case MATCH -> "实名认证已完成";
            case MISMATCH -> "信息不一致，请携带身份证到单位或工会窗口核验";
            case DECEASED -> "核验结果为身份证对应人员已死亡，如有误请携带身份证到单位或工会窗口核验";
            case NOT_FOUND -> "未查到该身份证号码，请携带身份证到单位或工会窗口核验";
            case UNAVAILABLE -> "核验服务暂时不可用，请稍后再试";
        };
    }

    private Member self() {
        CurrentUser user = CurrentUser.get();
        if (user.memberId() == null) throw new NotFoundException("职工不存在");
        return members.visibleMember(user.memberId(), user);
    }
}
