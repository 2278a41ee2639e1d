package org.huzhu.payouts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "互助金支付", description = "支付批次（按市州组批、双人复核放行、pain.001 发送银行）、银行回单、退票与重新支付（财务）")
class PayoutController {

    private final Payouts payouts;

    PayoutController(Payouts payouts) {
        this.payouts = payouts;
    }

    @Requires(Right.PAYOUT_READ)
    @GetMapping("/api/v1/payout-batches")
    @Operation(summary = "支付批次列表（本人管辖范围内的市州；可按状态筛选）")
    List<BatchView> batches(@RequestParam(required = false) BatchStatus status, @RequestParam(defaultValue = "50") int limit,
                            @RequestParam(defaultValue = "0") int offset) {
        return payouts.batches(CurrentUser.get(), status, Math.max(1, Math.min(limit, 500)), Math.max(0, offset));
    }

    @Requires(Right.PAYOUT_MANAGE)
    @PostMapping("/api/v1/payout-batches")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "组批：将管辖范围内待组批的支付指令按市州组成批次（每批至多5000笔），待另一名财务复核放行")
    List<BatchView> prepare() {
        return payouts.prepareBatches(CurrentUser.get());
    }

    @Requires(Right.PAYOUT_READ)
    @GetMapping("/api/v1/payout-batches/{id}")
    @Operation(summary = "查看批次：每笔支付（账号脱敏）、状态统计与批次进度")
    BatchView batch(@PathVariable long id) {
        return payouts.batch(id, CurrentUser.get());
    }

    @Requires(Right.PAYOUT_MANAGE)
    @PostMapping("/api/v1/payout-batches/{id}/release")
    @Operation(summary = "复核放行：须由组批人以外的财务人员操作（否则409），放行后自动生成 pain.001 发送银行")
    BatchView release(@PathVariable long id) {
        return payouts.release(id, CurrentUser.get());
    }

    @Requires(Right.PAYOUT_READ)
    @GetMapping("/api/v1/payouts")
    @Operation(summary = "支付指令列表（可按状态、支付编号筛选）")
    List<PayoutView> list(@RequestParam(required = false) PayoutStatus status, @RequestParam(required = false) String reference,
                          @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        return payouts.payouts(CurrentUser.get(), status, reference == null || reference.isBlank() ? null : reference.strip(),
                Math.max(1, Math.min(limit, 500)), Math.max(0, offset));
    }

    @Requires(Right.PAYOUT_READ)
    @GetMapping("/api/v1/payouts/{reference}")
    @Operation(summary = "查看支付指令及其全过程（生成、组批、放行、发送、到账/失败/退票、重新支付）")
    PayoutView payout(@PathVariable String reference) {
        return payouts.payout(reference, CurrentUser.get());
    }

    @Requires(Right.PAYOUT_MANAGE)
    @PostMapping("/api/v1/payouts/{reference}/release-hold")
    @Operation(summary = "放行暂停的支付：收款账户近期变更的支付须由组批人以外的财务人员核实后放行，否则不随批次发送")
    PayoutView releaseHold(@PathVariable String reference) {
        return payouts.releaseHold(reference, CurrentUser.get());
    }

    @Requires(Right.PAYOUT_MANAGE)
    @PostMapping("/api/v1/payouts/{reference}/reissue")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "重新支付：支付失败或退票后，按职工更正后的收款账户生成新的支付指令（新编号，与原指令关联）")
    PayoutView reissue(@PathVariable String reference) {
        return payouts.reissue(reference, CurrentUser.get());
    }
}
