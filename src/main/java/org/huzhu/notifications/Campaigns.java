package org.huzhu.notifications;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huzhu.membership.Members;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns (宣传推广): staff choose a segment of the members in their part of the tree and a publicity
 * template, see how many will be texted and the exact text, and send. Creating a campaign writes all
 * its messages into the outbox in the same transaction, a chunk at a time by COPY; the client's
 * request key makes a repeated submit return the campaign already created.
 */
@Service
class Campaigns {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final int CHUNK = 5_000;

    private final Members members;
    private final Organisations organisations;
    private final Templates templates;
    private final Consents consents;
    private final MessageWriter writer;
    private final OutboxRepository outbox;
    private final CampaignRepository repository;
    private final DispatchSignal signal;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    Campaigns(Members members, Organisations organisations, Templates templates, Consents consents, MessageWriter writer,
              OutboxRepository outbox, CampaignRepository repository, DispatchSignal signal, PersonalDataCipher cipher, Clock clock) {
        this.members = members;
        this.organisations = organisations;
        this.templates = templates;
        this.consents = consents;
        this.writer = writer;
        this.outbox = outbox;
        this.repository = repository;
        this.signal = signal;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** What staff fill in: the campaign's name (for creating), the publicity template and the segment. */
    record Draft(String name, String templateCode, Segment.Request segment, String requestId) {
    }

    /** A segment and template checked, the segment's members sorted, ready to preview or send. */
    private record Plan(Segment segment, Template template, String audienceName, String scopePath, Recipients recipients) {
    }

    /** What sending would do: the counts, and the text as the first recipient would get it (samples when nobody). */
    record Preview(String segmentLabel, String audienceName, String templateCode, int templateVersion, String templateName, int matched,
                   int reachable, int noPhone, int consenting, int noConsent, int optedOut, int toSend, String sampleSms, int sampleLength,
                   int sampleSegments, long totalSegments, boolean inbox) {
    }

    @Transactional(readOnly = true)
    public Preview preview(Draft draft, CurrentUser user) {
        Checks checks = new Checks();
        Choice choice = choose(draft, checks);
        checks.throwIfInvalid();
        Plan plan = plan(choice, user);
        Recipients.Counts n = plan.recipients().counts();
        List<Members.Addressee> to = plan.recipients().toSend();
        String sample = to.isEmpty() ? writer.sms(plan.template(), null, samples(plan.template()))
                : writer.sms(plan.template(), to.getFirst().name(), values(plan.template(), to.getFirst()));
        long totalSegments = 0;
        for (Members.Addressee a : to) totalSegments += TemplateText.segments(writer.sms(plan.template(), a.name(), values(plan.template(), a)));
        Template t = plan.template();
        return new Preview(plan.segment().label(), plan.audienceName(), t.code(), t.version(), t.name(), n.matched(), n.reachable(),
                n.noPhone(), n.consenting(), n.noConsent(), n.optedOut(), n.toSend(), sample, sample.length(), TemplateText.segments(sample),
                totalSegments, t.inbox());
    }

    /** The campaign, and whether this request created it (false: the same request key created it before). */
    record Created(CampaignRepository.Stored campaign, boolean created) {
    }

    @Transactional
    public Created create(Draft draft, String requestKey, CurrentUser user) {
        Checks checks = new Checks();
        String name = draft.name() == null ? null : draft.name().strip();
        checks.check(name != null && !name.isEmpty() && name.length() <= 40, "name", "请填写宣传名称（40字以内）");
        checks.check(requestKey != null && !requestKey.isBlank() && requestKey.length() <= 100, "requestId",
                "缺少请求编号（Idempotency-Key 请求头或 requestId，100字符以内），用于防止重复发送");
        Choice choice = choose(draft, checks);
        checks.throwIfInvalid();
        String key = requestKey.strip();
        repository.lock(user.username(), key);
        var earlier = repository.idByRequest(user.username(), key);
        if (earlier.isPresent()) return new Created(repository.find(earlier.get()).orElseThrow(), false);
        Plan plan = plan(choice, user);
        Recipients.Counts n = plan.recipients().counts();
        if (n.toSend() == 0) {
            throw InvalidInputException.of("segment.kind", "所选人群中没有可以发送的职工：匹配" + n.matched() + "人，无手机号码" + n.noPhone()
                    + "人，未同意接收宣传" + n.noConsent() + "人，已回复TD退订" + n.optedOut() + "人");
        }
        Template t = plan.template();
        CampaignRepository.Stored draftRow = new CampaignRepository.Stored(0, name, t.code(), t.version(), plan.segment(),
                plan.audienceName(), plan.scopePath(), user.username(), clock.instant(), n);
        long id = repository.insert(draftRow, key);
        List<Members.Addressee> to = plan.recipients().toSend();
        for (int from = 0; from < to.size(); from += CHUNK) {
            List<NewMessage> rows = new ArrayList<>(CHUNK * 2);
            for (Members.Addressee a : to.subList(from, Math.min(to.size(), from + CHUNK))) {
                rows.addAll(writer.write(t, MessageWriter.Reach.member(a.memberId(), a.name(), a.phone(), a.orgPath()), values(t, a),
                        "campaign:" + id, id));
            }
            outbox.copyNew(rows);
        }
        signal.wakeAfterCommit();
        Audit.changed("campaign", id, "queued", null, n.toSend());
        return new Created(repository.find(id).orElseThrow(), true);
    }

    public List<CampaignRepository.Stored> list(CurrentUser user, int limit, int offset) {
        return repository.within(user.scopePattern(), limit, offset);
    }

    /** A campaign chosen inside the caller's part of the tree; otherwise 404. */
    public CampaignRepository.Stored find(long id, CurrentUser user) {
        return repository.find(id).filter(c -> user.sees(c.scopePath())).orElseThrow(() -> new NotFoundException("宣传不存在"));
    }

    public Map<Long, CampaignRepository.Progress> progress(List<Long> ids) {
        return repository.progress(ids);
    }

    /** A segment and a publicity template whose variables the segment's members can fill. */
    private record Choice(Segment segment, Template template) {
    }

    /** Checks the draft's segment and template, adding every problem to {@code checks}; null when either is wrong. */
    private Choice choose(Draft draft, Checks checks) {
        Segment segment = Segment.of(draft.segment(), checks);
        Template template = publicityTemplate(draft.templateCode(), checks);
        if (segment == null || template == null) return null;
        List<String> missing = template.variables().stream().filter(v -> !segment.fills(v)).toList();
        if (!missing.isEmpty()) {
            checks.add("templateCode", "该模板需要填入" + String.join("、", missing.stream().map(Campaigns::variableName).toList())
                    + "，所选人群无法提供；请换用其他模板" + (missing.contains("coverEnd") ? "，或选择“保障即将到期的职工”" : ""));
            return null;
        }
        return new Choice(segment, template);
    }

    /** Reads the segment's members inside the caller's scope (a unit or office outside it: 404) and sorts them. */
    private Plan plan(Choice choice, CurrentUser user) {
        Segment segment = choice.segment();
        List<Members.Addressee> matched = members.audience(segment.criteria(), user);
        String audienceName;
        String scopePath;
        if (segment.kind() == Segment.Kind.UNIT_NOT_ENROLLED) {
            var unit = organisations.visibleUnit(segment.unitId(), user);
            audienceName = unit.name();
            scopePath = unit.path();
        } else {
            var node = organisations.node(segment.orgNodeId());
            audienceName = node.name();
            scopePath = node.path();
        }
        return new Plan(segment, choice.template(), audienceName, scopePath, Recipients.sort(matched, consents, cipher));
    }

    private Template publicityTemplate(String code, Checks checks) {
        if (code == null || code.isBlank()) {
            checks.add("templateCode", "请选择宣传模板");
            return null;
        }
        Template template;
        try {
            template = templates.current(code.strip());
        } catch (NotFoundException e) {
            checks.add("templateCode", "通知模板不存在：" + code.strip());
            return null;
        }
        if (template.purpose() != Purpose.PUBLICITY) {
            checks.add("templateCode", "宣传推广只能使用用途为“宣传”的模板，“" + template.name() + "”用于" + template.purpose().chinese() + "通知");
            return null;
        }
        return template;
    }

    private static String variableName(String v) {
        return "{" + v + "}" + TemplateVariable.named(v).map(t -> "（" + t.chinese() + "）").orElse("");
    }

    /** The values of one recipient's text beyond name, hotline and link: the end of their cover where the template names it. */
    private static Map<String, String> values(Template template, Members.Addressee a) {
        return template.variables().contains("coverEnd") && a.coverEnd() != null ? Map.of("coverEnd", CHINESE_DATE.format(a.coverEnd())) : Map.of();
    }

    private static Map<String, String> samples(Template template) {
        Map<String, String> samples = new java.util.HashMap<>();
        for (String v : template.variables()) {
            if (!v.equals("hotline") && !v.equals("link")) TemplateVariable.named(v).ifPresent(t -> samples.put(v, t.sample()));
        }
        return samples;
    }
}
