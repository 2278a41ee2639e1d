package org.huzhu.banking.reconciliation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reconciliations")
@Tag(name = "银行对账", description = "按日核对银行流水、业务账面与总账 1002，列出全部差异；财务、管理员")
class ReconciliationController {

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    record RunRequest(LocalDate date) {
    }

    @Requires(Right.RECONCILIATION)
    @PostMapping
    @Operation(summary = "对某一日对账（{\"date\":\"2026-11-22\"}）：列出银行有账面无、账面有银行无、金额不符、日期不同、待清分、当日合计不符")
    ResponseEntity<Reconciliation.RunView> run(@RequestBody RunRequest request) {
        var view = reconciliation.run(request == null ? null : request.date(), CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/v1/reconciliations/" + view.date())).body(view);
    }

    @Requires(Right.RECONCILIATION)
    @GetMapping("/{date}")
    @Operation(summary = "某一日最近一次对账的结果")
    Reconciliation.RunView latest(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return reconciliation.latest(date, CurrentUser.get());
    }

    @Requires(Right.RECONCILIATION)
    @GetMapping
    @Operation(summary = "最近的对账记录")
    List<Reconciliation.RunView> recent() {
        return reconciliation.recent(CurrentUser.get());
    }
}
