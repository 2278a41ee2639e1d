package org.huzhu.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.huzhu.membership.roster.RosterTemplate;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "花名册导入", description = "CSV / XLSX 花名册批量参保：逐行校验、逐行全有或全无、重复上传不重复参保")
class RosterImportController {

    private final RosterImports imports;
    private final org.huzhu.catalogue.Catalogue catalogue;
    private final java.time.Clock clock;

    RosterImportController(RosterImports imports, org.huzhu.catalogue.Catalogue catalogue, java.time.Clock clock) {
        this.imports = imports;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Requires(Right.ROSTER_IMPORT)
    @PostMapping(path = "/units/{unitId}/roster-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传花名册（multipart 字段 file），后台导入，返回导入任务 id")
    ResponseEntity<Map<String, Object>> upload(@PathVariable long unitId, @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) throw InvalidInputException.of("file", "缺少上传文件（multipart 字段 file）");
        long id = imports.start(unitId, file.getOriginalFilename(), file.getInputStream(), CurrentUser.get());
        return ResponseEntity.accepted().location(URI.create("/api/v1/roster-imports/" + id))
                .body(Map.of("id", id, "status", "RUNNING"));
    }

    @Requires(Right.ROSTER_IMPORT)
    @GetMapping("/roster-imports/{id}")
    @Operation(summary = "导入进度与结果（errors 最多列出前 1000 条，其余见 /errors）")
    RosterImports.ImportView status(@PathVariable long id) {
        return imports.visibleImport(id, CurrentUser.get(), 1000);
    }

    @Requires(Right.ROSTER_IMPORT)
    @GetMapping("/roster-imports/{id}/errors")
    @Operation(summary = "导入错误明细（分页）")
    List<RosterImportRepository.ErrorRow> errors(@PathVariable long id, @RequestParam(defaultValue = "1000") int limit,
                                                 @RequestParam(defaultValue = "0") int offset) {
        return imports.errors(id, CurrentUser.get(), Math.max(1, Math.min(limit, 10_000)), Math.max(0, offset));
    }

    @Requires(Right.ROSTER_IMPORT)
    @GetMapping("/units/{unitId}/roster-imports")
    @Operation(summary = "单位最近的导入任务")
    List<RosterImports.ImportView> ofUnit(@PathVariable long unitId) {
        return imports.ofUnit(unitId, CurrentUser.get());
    }

    @Requires(Right.ROSTER_IMPORT)
    @GetMapping("/roster-imports/template.xlsx")
    @Operation(summary = "下载花名册模板（XLSX：保障方案、就业形态下拉选择，含可通过校验的示例行）")
    ResponseEntity<byte[]> template() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        RosterTemplate.writeXlsx(out, templateContent());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"roster-template.xlsx\"; filename*=UTF-8''%E8%8A%B1%E5%90%8D%E5%86%8C%E6%A8%A1%E6%9D%BF.xlsx")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(out.toByteArray());
    }

    @Requires(Right.ROSTER_IMPORT)
    @GetMapping("/roster-imports/template.csv")
    @Operation(summary = "下载花名册模板（CSV，UTF-8，含可通过校验的示例行）")
    ResponseEntity<byte[]> csvTemplate() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        RosterTemplate.writeCsv(out, templateContent());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"roster-template.csv\"; filename*=UTF-8''%E8%8A%B1%E5%90%8D%E5%86%8C%E6%A8%A1%E6%9D%BF.csv")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(out.toByteArray());
    }

    private RosterTemplate.Content templateContent() {
        return RosterTemplates.content(catalogue.activeOn(java.time.LocalDate.now(clock)));
    }
}
