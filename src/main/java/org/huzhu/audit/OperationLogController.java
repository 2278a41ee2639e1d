package org.huzhu.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.audit.LogPage;
import org.huzhu.shared.audit.LogSearch;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.SpreadsheetExport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/operation-logs")
@Tag(name = "操作日志", description = "谁、何时、从何处、做了什么、针对哪条记录、结果与字段变更（个人信息已脱敏）；只增不改")
@Requires(Right.OPERATION_LOG_READ)
class OperationLogController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final OperationLog log;
    private final Clock clock;

    OperationLogController(OperationLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "查询操作日志：按人员、记录、操作与日期筛选，最新的在前；工会工作人员只看到本级及下级账户的操作")
    LogPage<OperationLog.Row> search(@RequestParam(required = false) String person, @RequestParam(required = false) String record,
                @RequestParam(required = false) String action, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) Integer limit,
                @RequestParam(required = false) Integer offset) {
        return log.page(LogSearch.of(person, record, action, null, from, to, limit, offset, clock), CurrentUser.get());
    }

    @GetMapping("/export")
    @Operation(summary = "导出操作日志（Excel）：条件同查询，全部行（分段读取）；导出本身记入操作日志")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String person,
                                                 @RequestParam(required = false) String record,
                                                 @RequestParam(required = false) String action,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to) {
        LogSearch search = LogSearch.of(person, record, action, null, from, to, null, null, clock);
        CurrentUser reader = CurrentUser.get();
        Audit.revealed("导出操作日志", "operation-log", search.describe());
        ZoneId zone = clock.getZone();
        return SpreadsheetExport.download("操作日志.xlsx", out -> {
            try (SpreadsheetExport sheet = new SpreadsheetExport(out, "操作日志",
                    List.of("时间", "账户", "角色", "地址", "操作", "请求", "记录", "结果", "字段变更", "查看或导出"),
                    20, 16, 14, 16, 24, 40, 20, 8, 60, 30)) {
                log.forEach(search, reader, Integer.MAX_VALUE, row -> {
                    sheet.row(List.of(TIME.format(row.at().atZoneSameInstant(zone)), row.account(), row.roleName(), row.address(),
                            row.action(), row.method() + " " + row.path(), row.target() == null ? "" : row.target(),
                            String.valueOf(row.status()), changes(row), revealed(row)));
                });
            }
        });
    }

    private static String changes(OperationLog.Row row) {
        return row.changes().stream().map(c -> c.record() + " " + (c.recordId() == null ? "" : c.recordId()) + " " + c.field() + "："
                + (c.before() == null ? "（无）" : c.before()) + " → " + (c.after() == null ? "（无）" : c.after()))
                .collect(Collectors.joining("\n"));
    }

    private static String revealed(OperationLog.Row row) {
        return row.revealed().stream().map(r -> r.what() + " " + r.record() + " " + (r.recordId() == null ? "" : r.recordId()))
                .collect(Collectors.joining("\n"));
    }
}
