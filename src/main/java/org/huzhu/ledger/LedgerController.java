package org.huzhu.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "总账", description = "复式记账与试算平衡（财务、管理员）")
class LedgerController {

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @Requires(Right.LEDGER_READ)
    @GetMapping("/trial-balance")
    @Operation(summary = "试算平衡表：全部过账的借贷合计")
    Ledger.TrialBalance trialBalance() {
        return ledger.trialBalance();
    }
}
