package org.huzhu.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.audit.LogPage;
import org.huzhu.shared.audit.LogSearch;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.SpreadsheetExport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/login-logs")
@Tag(name = "登录日志", description = "每次登录、登录失败、锁定与退出：账户、地址、时间与结果；只增不改")
@Requires(Right.LOGIN_LOG_READ)
class LoginLogController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final LoginLog log;
    private final Clock clock;

    LoginLogController(LoginLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "查询登录日志：按账户、结果（SUCCESS、FAILURE、LOCKED、LOGOUT）与日期筛选，最新的在前；工会工作人员只看到本级及下级账户")
    LogPage<LoginLog.Row> search(@RequestParam(required = false) String person, @RequestParam(required = false) String outcome,
                                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return log.page(searchOf(person, outcome, from, to, limit, offset), CurrentUser.get());
    }

    @GetMapping("/export")
    @Operation(summary = "导出登录日志（Excel）：条件同查询，全部行（分段读取）；导出本身记入操作日志")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String person,
                                                 @RequestParam(required = false) String outcome,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to) {
        LogSearch search = searchOf(person, outcome, from, to, null, null);
        CurrentUser reader = CurrentUser.get();
        Audit.revealed("导出登录日志", "login-log", search.describe());
        ZoneId zone = clock.getZone();
        return SpreadsheetExport.download("登录日志.xlsx", out -> {
            try (SpreadsheetExport sheet = new SpreadsheetExport(out, "登录日志", List.of("时间", "账户", "地址", "结果", "说明"),
                    20, 24, 18, 12, 40)) {
                log.forEach(search, reader, Integer.MAX_VALUE, row -> sheet.row(List.of(TIME.format(row.at().atZoneSameInstant(zone)),
                        row.account(), row.address(), row.outcomeName(), row.detail() == null ? "" : row.detail())));
            }
        });
    }

    private LogSearch searchOf(String person, String outcome, String from, String to, Integer limit, Integer offset) {
        if (outcome != null && !outcome.isBlank() && !LoginLog.OUTCOMES.containsKey(outcome.strip())) {
            throw InvalidInputException.of("outcome", "登录结果应为 SUCCESS、FAILURE、LOCKED 或 LOGOUT");
        }
        return LogSearch.of(person, null, null, outcome, from, to, limit, offset, clock);
    }
}
