package org.huzhu.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.SpreadsheetExport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Targets, dashboards, the lists behind their figures and the kept reports (contract: {@code docs/reporting.md}). */
@RestController
@RequestMapping("/api/v1/reporting")
@Tag(name = "统计报表", description = "年度目标、统计看板与下钻明细")
class ReportingController {

    private final Targets targets;
    private final Dashboards dashboards;
    private final Drilldowns drilldowns;
    private final Reports reports;
    private final Clock clock;

    ReportingController(Targets targets, Dashboards dashboards, Drilldowns drilldowns, Reports reports, Clock clock) {
        this.targets = targets;
        this.dashboards = dashboards;
        this.drilldowns = drilldowns;
        this.reports = reports;
        this.clock = clock;
    }

    @Requires(Right.REPORT_READ)
    @GetMapping("/targets")
    @Operation(summary = "本级的年度目标（上级所定）与为直属下级设定的目标")
    Targets.View targets(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long office) {
        return targets.view(year != null ? year : LocalDate.now(clock).getYear(), office, CurrentUser.get());
    }

    @Requires(Right.REPORT_TARGET_SET)
    @PutMapping("/targets/{year}/{orgId}")
    @Operation(summary = "为直属下级工会设定年度目标")
    Targets.View setTargets(@PathVariable int year, @PathVariable long orgId, @RequestBody Targets.Change change) {
        return targets.set(year, orgId, change, CurrentUser.get());
    }

    @Requires(Right.REPORT_READ)
    @GetMapping("/dashboard")
    @Operation(summary = "统计看板：参保、理赔、资金与下级排名")
    Dashboard dashboard(@RequestParam(required = false) Long office, @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to) {
        return dashboards.dashboard(office, from, to, CurrentUser.get());
    }

    @Requires(Right.REPORT_READ)
    @GetMapping("/drilldown")
    @Operation(summary = "统计数字背后的明细（个人信息脱敏）")
    Drilldowns.Answer drilldown(@RequestParam(required = false) Long office, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to, @RequestParam(required = false) String figure,
                                @RequestParam(required = false) String item, @RequestParam(required = false) String ownership,
                                @RequestParam(required = false) String form, @RequestParam(required = false) String month,
                                @RequestParam(required = false) Long unit, @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) Integer offset) {
        return drilldowns.drilldown(new Drilldowns.Query(office, from, to, figure, item, ownership, form, month, unit, limit, offset),
                CurrentUser.get());
    }

    @Requires(Right.REPORT_MONEY)
    @PostMapping("/reports")
    @Operation(summary = "生成并保存月报或年报（XLSX 与 PDF）：{office, kind: MONTHLY|YEARLY, period: 2026-10|2026}")
    ResponseEntity<Reports.View> createReport(@RequestBody Reports.Request request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reports.create(request, CurrentUser.get()));
    }

    @Requires(Right.REPORT_MONEY)
    @GetMapping("/reports")
    @Operation(summary = "管辖范围内保存的统计报表")
    List<Reports.View> reports(@RequestParam(required = false) Long office) {
        return reports.list(office, CurrentUser.get());
    }

    @Requires(Right.REPORT_MONEY)
    @GetMapping("/reports/{id}.xlsx")
    @Operation(summary = "下载统计报表（XLSX，记入操作日志）")
    ResponseEntity<byte[]> reportXlsx(@PathVariable long id) {
        return file(id, "xlsx", SpreadsheetExport.CONTENT_TYPE);
    }

    @Requires(Right.REPORT_MONEY)
    @GetMapping("/reports/{id}.pdf")
    @Operation(summary = "下载统计报表（PDF，记入操作日志）")
    ResponseEntity<byte[]> reportPdf(@PathVariable long id) {
        return file(id, "pdf", MediaType.APPLICATION_PDF_VALUE);
    }

    private ResponseEntity<byte[]> file(long id, String format, String contentType) {
        byte[] content = reports.file(id, format, CurrentUser.get());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("统计报表-" + id + "." + format, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
