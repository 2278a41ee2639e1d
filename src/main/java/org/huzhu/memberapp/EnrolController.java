package org.huzhu.memberapp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.huzhu.membership.SelfEnrolmentPayments;
import org.huzhu.membership.SelfEnrolments;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 参保缴费 in the member app: a worker without a unit chooses items and shares, sees the premium and the waiting
 * periods, enrols, pays online at the provider's page and follows the result; cover starts the day after the
 * provider confirms the money. The same path renews cover that is ending or has just ended.
 */
@RestController
@Tag(name = "掌上办")
class EnrolController {

    private final SelfEnrolments enrolments;
    private final SelfEnrolmentPayments payments;

    EnrolController(SelfEnrolments enrolments, SelfEnrolmentPayments payments) {
        this.enrolments = enrolments;
        this.payments = payments;
    }

    record Choice(List<SelfEnrolments.Line> items) {
    }

    @GetMapping("/api/v1/m/enrolment")
    @Operation(summary = "可个人参保的项目（本人）：价格、份数上限、观察期、续保提示与待缴费的参保")
    @Requires(Right.OWN_ENROLMENT)
    SelfEnrolments.Offer offer() {
        return enrolments.offer(ownMemberId());
    }

    @PostMapping("/api/v1/m/enrolment/quote")
    @Operation(summary = "试算保费（本人）：{items:[{item, plan, shares}]}，返回每项保费、观察期与合计")
    @Requires(Right.OWN_ENROLMENT)
    SelfEnrolments.Quote quote(@RequestBody(required = false) Choice choice) {
        return enrolments.quote(ownMemberId(), choice == null ? null : choice.items());
    }

    @PostMapping("/api/v1/m/enrolments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "个人参保登记（本人，无工作单位）：{items:[{item, plan, shares}]}，登记后待缴费")
    @Requires(Right.OWN_ENROLMENT)
    SelfEnrolments.SelfEnrolment enrol(@RequestBody(required = false) Choice choice) {
        return enrolments.enrol(ownMemberId(), choice == null ? null : choice.items());
    }

    @GetMapping("/api/v1/m/enrolments/{id}")
    @Operation(summary = "本人的一笔个人参保：状态、保费与保障期")
    @Requires(Right.OWN_ENROLMENT)
    SelfEnrolments.SelfEnrolment enrolment(@PathVariable long id) {
        return enrolments.enrolment(ownMemberId(), id);
    }

    @PostMapping("/api/v1/m/enrolments/{id}/payment")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发起在线缴费（本人）：返回支付页面地址；未结束的订单再次返回同一订单")
    @Requires(Right.OWN_ENROLMENT)
    SelfEnrolmentPayments.Payment pay(@PathVariable long id) {
        return payments.pay(ownMemberId(), id);
    }

    @GetMapping("/api/v1/m/enrolments/{id}/payments/{orderNo}")
    @Operation(summary = "支付结果（本人）：订单与参保的最新状态（向支付渠道查询）")
    @Requires(Right.OWN_ENROLMENT)
    SelfEnrolmentPayments.PaymentStatus paymentStatus(@PathVariable long id, @PathVariable String orderNo) {
        return payments.status(ownMemberId(), id, orderNo);
    }

    @PostMapping("/api/v1/m/enrolments/{id}/cancellation")
    @Operation(summary = "取消待缴费的个人参保（本人；已有款项到账或支付未结束时不能取消）")
    @Requires(Right.OWN_ENROLMENT)
    SelfEnrolments.SelfEnrolment cancel(@PathVariable long id) {
        return payments.cancel(ownMemberId(), id);
    }

    private static long ownMemberId() {
        Long id = CurrentUser.get().memberId();
        if (id == null) throw new NotFoundException("未找到您的参保登记");
        return id;
    }
}
