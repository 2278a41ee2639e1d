package org.huzhu.claims;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 事后抽查: the post-payment check queue of automatic approvals, the checkers' results, and the recoveries they open. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "事后抽查与追回", description = "自动核准案件的事后抽查、发现问题的双人复核、追回应收款的到账与核销")
class ClaimAuditController {

    private final PostPaymentChecks checks;
    private final BenefitRecoveries recoveries;

    ClaimAuditController(PostPaymentChecks checks, BenefitRecoveries recoveries) {
        this.checks = checks;
        this.recoveries = recoveries;
    }

    @Requires(Right.CLAIM_AUDIT)
    @GetMapping("/claim-audits")
    @Operation(summary = "事后抽查队列：抽中的自动核准案件及其风险评分、抽查结论与追回情况；status 为 OPEN、FINDING、CLEARED、CONFIRMED")
    List<PostPaymentChecks.CheckView> queue(@RequestParam(required = false) String status) {
        return checks.queue(CurrentUser.get(), status == null || status.isBlank() ? null : status);
    }

    @Requires(Right.CLAIM_AUDIT)
    @GetMapping("/claim-audits/finding-codes")
    @Operation(summary = "抽查发现的问题类型代码及中文")
    List<PostPaymentChecks.FindingView> findingCodes() {
        return checks.findings();
    }

    @Requires(Right.CLAIM_AUDIT)
    @GetMapping("/claims/{id}/audit")
    @Operation(summary = "查看理赔的事后抽查：是否抽中、风险评分与因素、抽查结论、复核与追回")
    PostPaymentChecks.CheckView audit(@PathVariable long id) {
        return checks.view(id, CurrentUser.get());
    }

    @Requires(Right.CLAIM_DECIDE)
    @PostMapping("/claims/{id}/audit/result")
    @Operation(summary = "登记事后抽查结论：outcome 为 NO_ISSUE（无问题）或 FINDING（发现问题，须填问题类型、应追回金额与说明）")
    PostPaymentChecks.CheckView result(@PathVariable long id, @RequestBody(required = false) PostPaymentChecks.Result result) {
        return checks.record(id, result, CurrentUser.get());
    }

    @Requires(Right.CLAIM_DECIDE)
    @PostMapping("/claims/{id}/audit/confirmation")
    @Operation(summary = "复核确认抽查发现（须另一人）：开立追回应收款并记账")
    PostPaymentChecks.CheckView confirm(@PathVariable long id, @RequestBody(required = false) PostPaymentChecks.Decision decision) {
        return checks.confirm(id, decision, CurrentUser.get());
    }

    @Requires(Right.CLAIM_DECIDE)
    @PostMapping("/claims/{id}/audit/refusal")
    @Operation(summary = "复核退回抽查发现（须另一人，写明理由）：抽查重新待登记")
    PostPaymentChecks.CheckView refuse(@PathVariable long id, @RequestBody(required = false) PostPaymentChecks.Decision decision) {
        return checks.refuse(id, decision, CurrentUser.get());
    }

    @Requires(Right.CLAIM_AUDIT)
    @GetMapping("/recoveries")
    @Operation(summary = "互助金追回列表：应追回、已到账、已核销与尚欠金额；status 为 OPEN、REPAID、WRITTEN_OFF")
    List<BenefitRecoveries.RecoveryView> recoveries(@RequestParam(required = false) String status) {
        return recoveries.list(CurrentUser.get(), status == null || status.isBlank() ? null : status);
    }

    @Requires(Right.PAYMENT_REGISTER)
    @PostMapping("/recoveries/{id}/repayments")
    @Operation(summary = "登记追回款到账（财务）：金额、到账日期与银行流水号，每个流水号只登记一次")
    BenefitRecoveries.RecoveryView repay(@PathVariable long id, @RequestBody(required = false) BenefitRecoveries.Repayment repayment) {
        return recoveries.repay(id, repayment, CurrentUser.get());
    }

    @Requires(Right.PAYMENT_REGISTER)
    @PostMapping("/recoveries/{id}/write-off")
    @Operation(summary = "提出核销追回余额（财务，写明原因），须另一名财务人员批准")
    BenefitRecoveries.RecoveryView proposeWriteOff(@PathVariable long id, @RequestBody(required = false) BenefitRecoveries.WriteOff writeOff) {
        return recoveries.proposeWriteOff(id, writeOff, CurrentUser.get());
    }

    @Requires(Right.PAYMENT_REGISTER)
    @PostMapping("/recoveries/{id}/write-off/approval")
    @Operation(summary = "批准核销追回余额（另一名财务人员）")
    BenefitRecoveries.RecoveryView approveWriteOff(@PathVariable long id) {
        return recoveries.decideWriteOff(id, true, CurrentUser.get());
    }

    @Requires(Right.PAYMENT_REGISTER)
    @PostMapping("/recoveries/{id}/write-off/refusal")
    @Operation(summary = "不同意核销追回余额（另一名财务人员）")
    BenefitRecoveries.RecoveryView refuseWriteOff(@PathVariable long id) {
        return recoveries.decideWriteOff(id, false, CurrentUser.get());
    }
}
