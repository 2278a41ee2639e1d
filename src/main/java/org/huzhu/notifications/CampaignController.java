package org.huzhu.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "宣传推广", description = "按人群（单位未参保职工、新就业形态劳动者、保障即将到期的职工）发送宣传短信：只发给同意接收且未回复TD的职工；"
        + "预览人数与短信内容，发送后按状态统计")
@Requires(Right.CAMPAIGN_MANAGE)
class CampaignController {

    private static final int MAX_LIMIT = 200;

    private final Campaigns campaigns;
    private final Templates templates;

    CampaignController(Campaigns campaigns, Templates templates) {
        this.campaigns = campaigns;
        this.templates = templates;
    }

    record SegmentView(String kind, String label, Long unitId, Long orgNodeId, LocalDate coverEndsFrom, LocalDate coverEndsTo) {
    }

    /**
     * A campaign: what was chosen, the counts at creation (matched, left out and why, queued) and where
     * its texts stand now. {@code optedOut}: left out for no consent or a TD'd number, plus recipients'
     * numbers that replied TD since.
     */
    record CampaignView(long id, String name, String templateCode, int templateVersion, String templateName, SegmentView segment,
                        String audienceName, String createdBy, Instant createdAt, int matched, int noPhone, int noConsent,
                        int optedOutBefore, int excluded, int queued, long waiting, long sent, long delivered, long failed, long expired,
                        long inbox, long optedOutSince, long optedOut) {
    }

    @PostMapping("/preview")
    @Operation(summary = "宣传预览：所选人群的匹配人数、有手机号、同意接收、已退订与将发送人数，及短信原文（含签名与“回复TD退订”）、字数与条数")
    Campaigns.Preview preview(@RequestBody Campaigns.Draft draft) {
        return campaigns.preview(required(draft), CurrentUser.get());
    }

    @PostMapping
    @Operation(summary = "发送宣传：向所选人群中同意接收的职工发送宣传短信；同一请求编号（Idempotency-Key 或 requestId）重复提交只发一次")
    ResponseEntity<CampaignView> create(@RequestBody Campaigns.Draft draft,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Campaigns.Draft d = required(draft);
        String key = idempotencyKey != null && !idempotencyKey.isBlank() ? idempotencyKey : d.requestId();
        Campaigns.Created result = campaigns.create(d, key, CurrentUser.get());
        CampaignView view = views(List.of(result.campaign())).getFirst();
        return result.created() ? ResponseEntity.created(URI.create("/api/v1/campaigns/" + view.id())).body(view) : ResponseEntity.ok(view);
    }

    @GetMapping
    @Operation(summary = "宣传列表：本人管辖范围内的宣传，最新的在前，含发送统计")
    List<CampaignView> list(@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > MAX_LIMIT) throw InvalidInputException.of("limit", "每页条数应为1至" + MAX_LIMIT);
        if (offset < 0) throw InvalidInputException.of("offset", "偏移量不能为负数");
        return views(campaigns.list(CurrentUser.get(), limit, offset));
    }

    @GetMapping("/{id}")
    @Operation(summary = "查看宣传：发送时的人数与各状态的短信数（待发、已发、送达、失败、过期）及退订人数")
    CampaignView campaign(@PathVariable long id) {
        return views(List.of(campaigns.find(id, CurrentUser.get()))).getFirst();
    }

    private List<CampaignView> views(List<CampaignRepository.Stored> stored) {
        Map<Long, CampaignRepository.Progress> progress = campaigns.progress(stored.stream().map(CampaignRepository.Stored::id).toList());
        return stored.stream().map(c -> view(c, progress.getOrDefault(c.id(), CampaignRepository.Progress.NONE))).toList();
    }

    private CampaignView view(CampaignRepository.Stored c, CampaignRepository.Progress p) {
        Segment s = c.segment();
        Recipients.Counts n = c.counts();
        return new CampaignView(c.id(), c.name(), c.templateCode(), c.templateVersion(), templates.current(c.templateCode()).name(),
                new SegmentView(s.kind().name(), s.label(), s.unitId(), s.orgNodeId(), s.coverEndsFrom(), s.coverEndsTo()), c.audienceName(),
                c.createdBy(), c.createdAt(), n.matched(), n.noPhone(), n.noConsent(), n.optedOut(), n.excluded(), n.toSend(), p.waiting(),
                p.sent(), p.delivered(), p.failed(), p.expired(), p.inbox(), p.optedOutSince(),
                n.noConsent() + n.optedOut() + p.optedOutSince());
    }

    private static Campaigns.Draft required(Campaigns.Draft draft) {
        if (draft == null) throw InvalidInputException.of("segment.kind", "请选择发送人群与宣传模板");
        return draft;
    }
}
