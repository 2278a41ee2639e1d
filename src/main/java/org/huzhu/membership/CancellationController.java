package org.huzhu.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "退保与退费", description = "单位经办人或工会工作人员申请退保；未缴费即时退保、核减缴费单；已缴费的退费须另一人复核，经互助金支付渠道退回付款方")
class CancellationController {

    private final Cancellations cancellations;

    CancellationController(Cancellations cancellations) {
        this.cancellations = cancellations;
    }

    /** A bill's lines to cancel together, with one reason (and the unit's refund account when they were paid). */
    record BillLinesCommand(List<Long> enrolmentIds, String reason, String accountName, String bankName, String accountNumber) {
        Cancellations.CancelCommand command() {
            return new Cancellations.CancelCommand(reason, accountName, bankName, accountNumber);
        }
    }

    @Requires(Right.ENROLMENT_CANCEL)
    @GetMapping("/api/v1/enrolments/{id}/cancellation-preview")
    @Operation(summary = "退保预览：能否退保、退费金额、退给谁、适用规则")
    CancellationViews.Preview preview(@PathVariable long id) {
        return cancellations.preview(id, CurrentUser.get());
    }

    @Requires(Right.ENROLMENT_CANCEL)
    @PostMapping("/api/v1/enrolments/{id}/cancellations")
    @Operation(summary = "申请退保（未缴费即时退保并核减缴费单；已缴费的退费待另一人复核）")
    ResponseEntity<CancellationViews.View> request(@PathVariable long id, @RequestBody(required = false) Cancellations.CancelCommand command) {
        var view = cancellations.request(id, command, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/v1/enrolment-cancellations/" + view.id())).body(view);
    }

    @Requires(Right.ENROLMENT_CANCEL)
    @PostMapping("/api/v1/bills/{id}/cancellations")
    @Operation(summary = "缴费单退保：一名或多名职工")
    ResponseEntity<List<CancellationViews.View>> requestLines(@PathVariable long id, @RequestBody(required = false) BillLinesCommand command) {
        return ResponseEntity.status(HttpStatus.CREATED).body(cancellations.requestLines(id, command == null ? null : command.enrolmentIds(),
                command == null ? null : command.command(), CurrentUser.get()));
    }

    @Requires(Right.ENROLMENT_CANCEL)
    @GetMapping("/api/v1/enrolment-cancellations")
    @Operation(summary = "退保申请列表（可按状态、缴费单筛选；待复核的即复核清单）")
    List<CancellationViews.View> list(@RequestParam(required = false) String status, @RequestParam(required = false) Long billId,
                                      @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return cancellations.list(CurrentUser.get(), status, billId, limit, offset);
    }

    @Requires(Right.ENROLMENT_CANCEL)
    @GetMapping("/api/v1/enrolment-cancellations/{id}")
    @Operation(summary = "查看退保申请及其退费支付")
    CancellationViews.View one(@PathVariable long id) {
        return cancellations.cancellation(id, CurrentUser.get());
    }

    @Requires(Right.ENROLMENT_CANCEL_APPROVE)
    @PostMapping("/api/v1/enrolment-cancellations/{id}/approve")
    @Operation(summary = "复核通过退保退费（双人复核：申请人本人不能复核）")
    CancellationViews.View approve(@PathVariable long id, @RequestBody(required = false) Cancellations.DecisionCommand command) {
        return cancellations.approve(id, command, CurrentUser.get());
    }

    @Requires(Right.ENROLMENT_CANCEL_APPROVE)
    @PostMapping("/api/v1/enrolment-cancellations/{id}/reject")
    @Operation(summary = "驳回退保申请（须填写理由）")
    CancellationViews.View reject(@PathVariable long id, @RequestBody(required = false) Cancellations.DecisionCommand command) {
        return cancellations.reject(id, command, CurrentUser.get());
    }

    @Requires(Right.ENROLMENT_CANCEL)
    @PutMapping("/api/v1/enrolment-cancellations/{id}/refund-account")
    @Operation(summary = "更正单位退费账户（退费被银行退回后，由财务重新支付）")
    CancellationViews.View correctAccount(@PathVariable long id, @RequestBody(required = false) Cancellations.CancelCommand command) {
        return cancellations.correctRefundAccount(id, command, CurrentUser.get());
    }
}
