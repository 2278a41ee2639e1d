package org.huzhu.banking.statement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.UnreadableUploadException;
import org.huzhu.shared.web.UploadTooLargeException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "银行对账单", description = "导入基金账户的银行对账单（camt.053 或 CSV），自动匹配缴费单；财务、管理员")
class StatementController {

    private final Statements statements;

    StatementController(Statements statements) {
        this.statements = statements;
    }

    @Requires(Right.BANK_STATEMENT)
    @PostMapping(path = "/api/v1/bank-statements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入银行对账单（multipart 字段 file：camt.053.001.08/.02 XML，或 CSV：交易日期,金额,对方户名,对方账号,摘要/附言,银行流水号）",
            description = "同一流水（银行流水号）只入账一次，重复导入不新增；收入流水按附言中的缴费单号 HZB-<id> 与金额匹配。"
                    + "文件有误时整份不入账，返回 422 并指明行号。")
    ResponseEntity<Statements.ImportSummary> importStatement(@RequestPart("file") MultipartFile file) {
        if (file.getSize() > Statements.MAX_BYTES) throw new UploadTooLargeException("对账单文件不能超过 50 MB");
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UnreadableUploadException("上传的文件无法读取");
        }
        var summary = statements.importFile(file.getOriginalFilename(), content, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/v1/bank-statements/" + summary.statementId())).body(summary);
    }

    @Requires(Right.BANK_STATEMENT)
    @GetMapping("/api/v1/bank-statements")
    @Operation(summary = "最近导入的对账单")
    List<StatementRepository.Imported> recent() {
        return statements.recent(CurrentUser.get());
    }

    @Requires(Right.BANK_STATEMENT)
    @GetMapping("/api/v1/bank-statements/{id}/lines")
    @Operation(summary = "一份对账单中新入账的流水")
    List<StatementLine> linesOf(@PathVariable long id) {
        return statements.linesOf(id, CurrentUser.get());
    }

    @Requires(Right.BANK_STATEMENT)
    @GetMapping("/api/v1/bank-statement-lines")
    @Operation(summary = "银行流水（可按状态、起息日期筛选；status=UNMATCHED 为待清分）")
    List<StatementLine> lines(@RequestParam(required = false) LineStatus status,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @Parameter(description = "最多条数") @RequestParam(defaultValue = "200") int limit,
                              @RequestParam(defaultValue = "0") int offset) {
        return statements.lines(CurrentUser.get(), status, from, to, limit, offset);
    }

    @Requires(Right.BANK_STATEMENT)
    @GetMapping("/api/v1/bank-statement-lines/{id}")
    @Operation(summary = "一条银行流水")
    StatementLine line(@PathVariable long id) {
        return statements.visibleLine(id, CurrentUser.get());
    }
}
