package org.huzhu.contributions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "缴费", description = "缴费单（HZB-编号）、到账登记、工会补贴到账、待清分收款认领")
class BillController {

    private final Contributions contributions;

    BillController(Contributions contributions) {
        this.contributions = contributions;
    }

    @Requires(Right.BILL_READ)
    @GetMapping("/api/v1/bills")
    @Operation(summary = "缴费单列表（管辖范围内；可按单位、状态 OPEN/PARTIALLY_PAID/PAID/OVERPAID 筛选）")
    List<Contributions.BillView> bills(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String status,
                                       @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return contributions.bills(CurrentUser.get(), unitId, status, limit, offset);
    }

    @Requires(Right.BILL_READ)
    @GetMapping("/api/v1/bills/{id}")
    @Operation(summary = "一张缴费单：应缴、已缴、欠缴、工会补贴、明细（参保记录）与到账记录")
    Contributions.BillView bill(@PathVariable long id) {
        return contributions.bill(id, CurrentUser.get());
    }

    @Requires(Right.PAYMENT_REGISTER)
    @PostMapping("/api/v1/bills/{id}/payments")
    @Operation(summary = "登记单位到账（财务、管理员）：{amount, paidOn, reference}；同一流水号重复提交只入账一次",
            description = "缴清后，该缴费单上待缴费的参保记录自到账次日起生效。新登记 201，重复提交 200（duplicate=true）。")
    ResponseEntity<Contributions.PaymentResult> pay(@PathVariable long id, @RequestBody Contributions.PaymentCommand command) {
        var result = contributions.registerPayment(id, command, CurrentUser.get());
        return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }

    @Requires(Right.PAYMENT_REGISTER)
    @PostMapping("/api/v1/bills/{id}/payments/{paymentId}/reversal")
    @Operation(summary = "冲销登记错误的到账（财务、管理员）：{reason}；仅限未经银行流水确认的手工登记")
    Contributions.BillView reverse(@PathVariable long id, @PathVariable long paymentId,
                                   @RequestBody Contributions.ReversalCommand command) {
        return contributions.reversePayment(id, paymentId, command, CurrentUser.get());
    }

    @Requires(Right.PAYMENT_REGISTER)
    @PostMapping("/api/v1/union-subsidies/receipts")
    @Operation(summary = "登记工会补贴到账（财务、管理员）：{billId, amount, receivedOn, reference}；同一流水号只入账一次")
    ResponseEntity<Contributions.PaymentResult> unionSubsidy(@RequestBody Contributions.UnionSubsidyReceipt command) {
        var result = contributions.registerUnionSubsidy(command, CurrentUser.get());
        return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }

    @Requires(Right.PAYMENT_REGISTER)
    @PostMapping("/api/v1/bank-statement-lines/{id}/assignment")
    @Operation(summary = "将待清分收款认领至缴费单（财务、管理员）：{billId, part}，part 为 UNIT（默认）或 UNION_SUBSIDY")
    ResponseEntity<Contributions.PaymentResult> assign(@PathVariable long id, @RequestBody Contributions.AssignmentCommand command) {
        var result = contributions.assign(id, command, CurrentUser.get());
        return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }
}
