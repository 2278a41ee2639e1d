package org.huzhu.contributions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finance's view of the money workers paid online: matched to bills, or left unmatched to refund or assign. */
@RestController
@Tag(name = "缴费单")
class OnlineReceiptController {

    private final OnlineReceiptRepository receipts;

    OnlineReceiptController(OnlineReceiptRepository receipts) {
        this.receipts = receipts;
    }

    @Requires(Right.PAYMENT_REGISTER)
    @GetMapping("/api/v1/online-receipts")
    @Operation(summary = "在线支付到账（财务、管理员；outcome=UNMATCHED 为未匹配缴费单、待退还或认领）")
    List<OnlineReceiptRepository.Row> list(@RequestParam(required = false) String outcome, @RequestParam(defaultValue = "100") int limit,
                                           @RequestParam(defaultValue = "0") int offset) {
        if (outcome != null && !Set.of("MATCHED", "UNMATCHED").contains(outcome)) {
            throw InvalidInputException.of("outcome", "outcome 应为 MATCHED（已匹配）或 UNMATCHED（未匹配）");
        }
        return receipts.list(outcome, Math.min(Math.max(limit, 1), 500), Math.max(offset, 0));
    }
}
