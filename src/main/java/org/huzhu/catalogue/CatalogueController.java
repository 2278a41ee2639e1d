package org.huzhu.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/catalogue")
@Tag(name = "保障目录", description = "保障项目、方案、价格与规则（按生效日期版本化）")
class CatalogueController {

    private final Catalogue catalogue;
    private final Clock clock;

    CatalogueController(Catalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Requires(Right.PUBLIC)
    @GetMapping
    @Operation(summary = "某日生效的保障目录（默认今天）")
    CatalogueVersion active(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return catalogue.activeOn(on != null ? on : LocalDate.now(clock));
    }

    @Requires(Right.PUBLIC)
    @GetMapping("/versions")
    @Operation(summary = "全部目录版本")
    List<CatalogueVersion> versions() {
        return catalogue.versions();
    }
}
