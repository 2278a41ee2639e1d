package org.huzhu.contributions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Offset;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "缴费", description = "补报缴费的财务确认与未到账确认")
class DeclarationController {

    private final DeclaredPayments declarations;
    private final PaymentTruth truth;

    DeclarationController(DeclaredPayments declarations, PaymentTruth truth) {
        this.declarations = declarations;
        this.truth = truth;
    }

    @Requires(Right.DECLARATION_CONFIRM)
    @GetMapping("/api/v1/payment-declarations")
    @Operation(summary = "待财务确认的补报缴费（缴费日期早于规定天数的单位申报；status 默认 PENDING，可按缴费单 billId 筛选；"
            + "按编号从早到晚，offset 起分页，共几笔、合计金额见 /summary）")
    List<DeclaredPayments.DeclarationView> list(@RequestParam(required = false) String status,
                                                @RequestParam(required = false) Long billId,
                                                @Parameter(description = "最多条数（1–500）") @RequestParam(defaultValue = "200") int limit,
                                                @Parameter(description = Offset.DESCRIPTION) @RequestParam(defaultValue = "0") int offset) {
        return declarations.list(CurrentUser.get(), status, billId, limit, Offset.checked(offset));
    }

    @Requires(Right.DECLARATION_CONFIRM)
    @GetMapping("/api/v1/payment-declarations/summary")
    @Operation(summary = "补报缴费列表共几笔、金额合计（status、billId 与列表相同，默认 PENDING；不分页）")
    ListSummary summary(@RequestParam(required = false) String status, @RequestParam(required = false) Long billId) {
        return declarations.summary(CurrentUser.get(), status, billId);
    }

    @Requires(Right.DECLARATION_CONFIRM)
    @PostMapping("/api/v1/payment-declarations/{id}/confirmation")
    @Operation(summary = "确认补报缴费（财务，非申报人）：按申报日期入账，缴清后参保生效")
    DeclaredPayments.DeclarationView confirm(@PathVariable long id) {
        return declarations.confirm(id, CurrentUser.get());
    }

    @Requires(Right.DECLARATION_CONFIRM)
    @PostMapping("/api/v1/payment-declarations/{id}/refusal")
    @Operation(summary = "退回补报缴费（财务，非申报人）：{reason}；缴费单仍待缴费")
    DeclaredPayments.DeclarationView refuse(@PathVariable long id, @RequestBody(required = false) DeclaredPayments.Refusal refusal) {
        return declarations.refuse(id, refusal, CurrentUser.get());
    }

    @Requires(Right.DECLARATION_CONFIRM)
    @GetMapping("/api/v1/unconfirmed-payments")
    @Operation(summary = "未到账确认：单位申报已缴、逾期仍未与银行流水匹配的到账（按申报日期从早到晚，offset 起分页，共几笔、合计金额见 /summary）")
    List<PaymentTruth.UnconfirmedPayment> unconfirmed(@RequestParam(required = false) Long unitId,
                                                      @Parameter(description = "最多条数（1–500）") @RequestParam(defaultValue = "200") int limit,
                                                      @Parameter(description = Offset.DESCRIPTION) @RequestParam(defaultValue = "0") int offset) {
        return truth.unconfirmed(CurrentUser.get(), unitId, limit, Offset.checked(offset));
    }

    @Requires(Right.DECLARATION_CONFIRM)
    @GetMapping("/api/v1/unconfirmed-payments/summary")
    @Operation(summary = "未到账确认共几笔、申报金额合计及其中银行尚未到账的金额 outstanding（unitId 与列表相同；不分页）")
    PaymentTruth.UnconfirmedSummary unconfirmedSummary(@RequestParam(required = false) Long unitId) {
        return truth.unconfirmedSummary(CurrentUser.get(), unitId);
    }
}
