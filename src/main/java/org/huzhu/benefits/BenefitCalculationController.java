package org.huzhu.benefits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/benefit-calculations")
@Tag(name = "互助金测算", description = "按保障目录的给付规则测算一次事故各保障项目的互助金（不保存任何数据，无需登录）")
class BenefitCalculationController {

    private final BenefitEngine engine;

    BenefitCalculationController(BenefitEngine engine) {
        this.engine = engine;
    }

    @Requires(Right.PUBLIC)
    @PostMapping
    @Operation(summary = "测算互助金：每项保障的给付决定、金额、组成与原因")
    BenefitResult calculate(@RequestBody BenefitRequest request) {
        return engine.calculate(request);
    }
}
