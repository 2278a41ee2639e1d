package org.huzhu.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Checks;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Yearly union subsidy budgets: set by union staff for their own office or below, read with what is used. */
@Service
public class SubsidyBudgetAdmin {

    private final SubsidyBudgets budgets;
    private final Organisations organisations;

    SubsidyBudgetAdmin(SubsidyBudgets budgets, Organisations organisations) {
        this.budgets = budgets;
        this.organisations = organisations;
    }

    public record BudgetView(long organisationId, int year, Money amount, Money used, Money left) {
    }

    public record BudgetChange(Long organisationId, Integer year, String amount) {
    }

    @Transactional
    public BudgetView set(BudgetChange change, CurrentUser user) {
        if (!user.holds(Right.SUBSIDY_BUDGET_SET)) throw new AccessDeniedException("cannot set budgets");
        Checks checks = new Checks();
        checks.require("organisationId", change.organisationId(), "工会组织");
        checks.require("year", change.year(), "年度");
        Money amount = checks.parse("amount", () -> Money.of(change.amount()));
        if (amount != null) checks.check(!amount.isNegative(), "amount", "预算金额不能为负数");
        if (change.year() != null) checks.check(change.year() >= 2000 && change.year() <= 2100, "year", "年度不正确");
        if (change.organisationId() != null) {
            boolean visible = organisations.visibleTree(user).stream().anyMatch(n -> n.id() == change.organisationId());
            checks.check(visible, "organisationId", "工会组织不存在或不在您的管辖范围内");
        }
        if (checks.ok()) {
            budgets.lock(change.organisationId(), change.year()).ifPresent(b -> checks.check(amount.compareTo(b.used()) >= 0,
                    "amount", "预算金额不能低于本年度已使用的补贴 " + b.used() + " 元"));
        }
        checks.throwIfInvalid();
        budgets.set(change.organisationId(), change.year(), amount);
        return list(user).stream().filter(b -> b.organisationId() == change.organisationId() && b.year() == change.year())
                .findFirst().orElseThrow();
    }

    public List<BudgetView> list(CurrentUser user) {
        var visible = organisations.visibleTree(user).stream().map(n -> n.id()).collect(java.util.stream.Collectors.toSet());
        return budgets.all().stream().filter(b -> visible.contains(b.orgNodeId()))
                .map(b -> new BudgetView(b.orgNodeId(), b.year(), b.amount(), b.used(), b.left())).toList();
    }

    @RestController
    @RequestMapping("/api/v1/subsidy-budgets")
    @Tag(name = "工会补贴预算", description = "各级工会年度缴费补贴预算及使用情况")
    static class Controller {
        private final SubsidyBudgetAdmin admin;

        Controller(SubsidyBudgetAdmin admin) {
            this.admin = admin;
        }

        @Requires(Right.SUBSIDY_BUDGET_READ)
        @GetMapping
        @Operation(summary = "可见范围内的补贴预算")
        List<BudgetView> list() {
            return admin.list(CurrentUser.get());
        }

        @Requires(Right.SUBSIDY_BUDGET_SET)
        @PutMapping
        @Operation(summary = "设置某级工会某年度的补贴预算")
        BudgetView set(@RequestBody BudgetChange change) {
            return admin.set(change, CurrentUser.get());
        }
    }
}
