package org.huzhu.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "续保", description = "单位按上年名单一键续保：生成续保方案、审核、确认出账；保障到期与断保名单")
class RenewalController {

    private final Renewals renewals;
    private final CoverLists lists;

    RenewalController(Renewals renewals, CoverLists lists) {
        this.renewals = renewals;
        this.lists = lists;
    }

    @Requires(Right.RENEWAL)
    @PostMapping(path = "/units/{unitId}/renewals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "生成续保方案：上年名单（离职者除外），可附花名册（multipart 字段 file）增加新职工、调整份数")
    ResponseEntity<Renewals.RenewalView> propose(@PathVariable long unitId, @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        Renewals.RenewalView view = renewals.propose(unitId, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getInputStream(), CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/v1/renewals/" + view.id())).body(view);
    }

    @Requires(Right.RENEWAL)
    @GetMapping("/units/{unitId}/renewals")
    @Operation(summary = "单位的续保方案（最近 20 个）")
    List<Renewals.RenewalView> ofUnit(@PathVariable long unitId) {
        return renewals.ofUnit(unitId, CurrentUser.get());
    }

    @Requires(Right.RENEWAL)
    @GetMapping("/renewals/{id}")
    @Operation(summary = "续保方案：状态与合计（续保人数、移出人数、来源、应缴金额）")
    Renewals.RenewalView get(@PathVariable long id) {
        return renewals.visible(id, CurrentUser.get());
    }

    @Requires(Right.RENEWAL)
    @GetMapping("/renewals/{id}/lines")
    @Operation(summary = "续保名单（分页；included=true 只看续保，false 只看移出；item 按保障项目筛选）")
    List<Renewals.LineView> lines(@PathVariable long id, @RequestParam(required = false) Boolean included,
                                  @RequestParam(required = false) String item, @RequestParam(defaultValue = "50") int limit,
                                  @RequestParam(defaultValue = "0") int offset) {
        return renewals.lines(id, included, item, Math.max(1, Math.min(limit, 1000)), Math.max(0, offset), CurrentUser.get());
    }

    @Requires(Right.RENEWAL)
    @PutMapping("/renewals/{id}/lines/{lineNo}")
    @Operation(summary = "移出或恢复续保名单中的一行（移出须写原因，默认“经办人移出”）")
    Renewals.LineView change(@PathVariable long id, @PathVariable int lineNo, @RequestBody Renewals.LineChange change) {
        return renewals.change(id, lineNo, change, CurrentUser.get());
    }

    @Requires(Right.RENEWAL)
    @PostMapping("/renewals/{id}/lines")
    @Operation(summary = "向续保名单添加本单位职工及其续保项目")
    ResponseEntity<Renewals.LineView> add(@PathVariable long id, @RequestBody Renewals.NewLine line) {
        return ResponseEntity.status(201).body(renewals.add(id, line, CurrentUser.get()));
    }

    @Requires(Right.RENEWAL)
    @PostMapping("/renewals/{id}/confirm")
    @Operation(summary = "确认续保方案并出账（一张缴费单；重复确认不重复出账）")
    Renewals.RenewalView confirm(@PathVariable long id) {
        return renewals.confirm(id, CurrentUser.get());
    }

    @Requires(Right.COVER_LISTS)
    @GetMapping("/cover/expiring")
    @Operation(summary = "保障即将到期名单（默认 30 天内、未续保；按单位 unitId 或组织 orgId，可按保障项目筛选，分页）")
    CoverLists.Page expiring(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Long orgId,
                             @RequestParam(required = false) String item, @RequestParam(defaultValue = "30") int days,
                             @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        return lists.list(query(CoverLists.Kind.EXPIRING, unitId, orgId, item, days, limit, offset), CurrentUser.get());
    }

    @Requires(Right.COVER_LISTS)
    @GetMapping("/cover/lapsed")
    @Operation(summary = "断保名单（保障已到期未续保，默认近 90 天；按单位 unitId 或组织 orgId，可按保障项目筛选，分页）")
    CoverLists.Page lapsed(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Long orgId,
                           @RequestParam(required = false) String item, @RequestParam(defaultValue = "90") int days,
                           @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        return lists.list(query(CoverLists.Kind.LAPSED, unitId, orgId, item, days, limit, offset), CurrentUser.get());
    }

    private static CoverLists.Query query(CoverLists.Kind kind, Long unitId, Long orgId, String item, int days, int limit, int offset) {
        return new CoverLists.Query(kind, unitId, orgId, item, Math.max(1, Math.min(days, 366)), Math.max(1, Math.min(limit, 500)),
                Math.max(0, offset));
    }
}
