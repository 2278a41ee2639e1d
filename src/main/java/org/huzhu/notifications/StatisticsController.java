package org.huzhu.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.organisation.OrgNode;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications/statistics")
@Tag(name = "发送统计", description = "每天、每个下级单位的短信与站内消息数量：待发、已发、送达、失败、过期")
@Requires(Right.NOTIFICATION_READ)
class StatisticsController {

    private static final int MAX_DAYS = 366;

    private final MessageReads reads;
    private final Organisations organisations;
    private final Clock clock;

    StatisticsController(MessageReads reads, Organisations organisations, Clock clock) {
        this.reads = reads;
        this.organisations = organisations;
        this.clock = clock;
    }

    record Row(String day, String office, String officeName, String channel, String channelLabel, long messages, long segments,
               long queued, long sent, long delivered, long failed, long expired) {
    }

    record Statistics(LocalDate from, LocalDate to, List<Row> rows) {
    }

    @GetMapping
    @Operation(summary = "发送统计：按天（中国时间）与下一级组织汇总，默认最近30天；只含本人管辖范围")
    Statistics statistics(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        CurrentUser user = CurrentUser.get();
        LocalDate today = LocalDate.now(clock);
        LocalDate until = date("to", to, today);
        LocalDate since = date("from", from, until.minusDays(29));
        if (since.isAfter(until)) throw InvalidInputException.of("from", "开始日期不能晚于结束日期");
        if (ChronoUnit.DAYS.between(since, until) >= MAX_DAYS) throw InvalidInputException.of("from", "一次最多统计" + MAX_DAYS + "天");
        Map<String, String> names = new HashMap<>();
        List<Row> rows = reads.perDay(user.scopePath(), since.atStartOfDay(clock.getZone()).toInstant(),
                        until.plusDays(1).atStartOfDay(clock.getZone()).toInstant(), clock.getZone().getId()).stream()
                .map(c -> new Row(c.day(), c.office(), names.computeIfAbsent(c.office(), this::officeName), c.channel(),
                        "SMS".equals(c.channel()) ? "短信" : "站内消息", c.messages(), c.segments(), c.queued(), c.sent(), c.delivered(),
                        c.failed(), c.expired()))
                .toList();
        return new Statistics(since, until, rows);
    }

    /** The office a path segment names (a node id); the reader's own level otherwise. */
    private String officeName(String segment) {
        String id = segment.endsWith("/") ? segment.substring(0, segment.length() - 1) : segment;
        if (!id.matches("\\d{1,18}")) return "本级";
        try {
            OrgNode node = organisations.node(Long.parseLong(id));
            return node.name();
        } catch (RuntimeException e) {
            return "本级";
        }
    }

    private static LocalDate date(String field, String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) return otherwise;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "日期格式应为 yyyy-MM-dd");
        }
    }
}
