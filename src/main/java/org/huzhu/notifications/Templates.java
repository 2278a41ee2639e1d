package org.huzhu.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.huzhu.shared.audit.Audit;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Templates as data: the codes Huzhu starts with come from {@code notifications/templates.yaml} as
 * version 1; staff change a template by saving a new version (the purpose of a code never changes)
 * and may add publicity templates of their own for campaigns. Messages are written from the newest
 * version. Previews fill the variables with samples and count the SMS segments.
 */
@Service
public class Templates {

    private final TemplateRepository repository;
    private final NotificationProperties settings;
    private final Clock clock;
    private final Map<String, Template> newest = new ConcurrentHashMap<>();

    Templates(TemplateRepository repository, NotificationProperties settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    record Seed(String code, String name, Purpose purpose, boolean sms, boolean inbox, String body) {
    }

    /** Writes version 1 of every shipped template that is not in the database yet (each instance may try). */
    @EventListener(ApplicationStartedEvent.class)
    void seed() {
        for (Seed s : shipped()) {
            if (repository.latest(s.code()).isPresent()) continue;
            TemplateText text = new TemplateText(s.body());
            if (!text.problems().isEmpty()) throw new IllegalStateException("shipped template " + s.code() + ": " + text.problems());
            repository.insert(new Template(s.code(), 1, s.name(), s.purpose(), s.sms(), s.inbox(), s.body(),
                    List.copyOf(text.variables()), "系统预置", "系统", clock.instant()));
        }
        newest.clear();
    }

    static List<Seed> shipped() {
        try (InputStream in = new ClassPathResource("notifications/templates.yaml").getInputStream()) {
            return YAMLMapper.builder().build().readValue(in, new TypeReference<List<Seed>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read notifications/templates.yaml", e);
        }
    }

    /** The version new messages are written from. */
    public Template current(String code) {
        return newest.computeIfAbsent(code, c -> repository.latest(c)
                .orElseThrow(() -> new NotFoundException("通知模板不存在：" + c)));
    }

    public List<Template> all() {
        return repository.latest();
    }

    public List<Template> versions(String code) {
        List<Template> versions = repository.versions(code);
        if (versions.isEmpty()) throw new NotFoundException("通知模板不存在");
        return versions;
    }

    /** A change to a template, or (for a code not known yet) a new publicity template. */
    public record Change(String name, String purpose, Boolean sms, Boolean inbox, String body, String note) {
    }

    @Transactional
    public Template save(String code, Change change, CurrentUser user) {
        if (!user.holds(Right.NOTIFICATION_TEMPLATE_MANAGE)) throw new AccessDeniedException("cannot change templates");
        Checks checks = new Checks();
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{2,39}")) checks.add("code", "模板代码应为3至40位大写字母、数字或下划线");
        if (change.name() == null || change.name().isBlank() || change.name().length() > 40) checks.add("name", "请填写模板名称（40字以内）");
        TemplateText text = new TemplateText(change.body());
        text.problems().forEach(p -> checks.add("body", p));
        checks.throwIfInvalid();
        repository.lock(code);
        Template before = repository.latest(code).orElse(null);
        Purpose purpose = before != null ? before.purpose() : Purpose.PUBLICITY;
        if (before == null && change.purpose() != null && !"PUBLICITY".equals(change.purpose())) {
            throw InvalidInputException.of("purpose", "新增的模板只能用于宣传推广");
        }
        if (purpose == Purpose.PUBLICITY && text.variables().stream().anyMatch(v -> TemplateVariable.named(v).orElseThrow().secret())) {
            throw InvalidInputException.of("body", "宣传短信不能包含验证码");
        }
        if (before != null && !text.variables().containsAll(before.variables().stream().filter(this::essential).toList())) {
            throw InvalidInputException.of("body", "不能删除必需的变量：" + String.join("、", before.variables().stream().filter(this::essential).toList()));
        }
        boolean sms = change.sms() != null ? change.sms() : before == null || before.sms();
        boolean inbox = change.inbox() != null ? change.inbox() : before == null || before.inbox();
        if (!sms && !inbox) throw InvalidInputException.of("sms", "短信与站内消息至少选择一种");
        Template saved = new Template(code, before == null ? 1 : before.version() + 1, change.name().strip(), purpose, sms, inbox,
                change.body().strip(), List.copyOf(text.variables()), blankToNull(change.note()), user.username(), clock.instant());
        repository.insert(saved);
        Audit.changed("notification-template", code, "body", before == null ? null : before.body(), saved.body());
        newest.remove(code);
        return saved;
    }

    /** A variable whose absence would make the message useless or unsafe (the sign-in code itself). */
    private boolean essential(String variable) {
        return TemplateVariable.named(variable).map(TemplateVariable::secret).orElse(false);
    }

    /** What a body looks like with sample values: the SMS as sent, its length and segments, and its problems. */
    public record Preview(String sms, String inbox, int length, int segments, List<String> problems, Map<String, String> variables) {
    }

    public Preview preview(String body, Purpose purpose) {
        TemplateText text = new TemplateText(body == null ? "" : body);
        List<String> problems = new ArrayList<>(text.problems());
        Map<String, String> samples = new LinkedHashMap<>();
        for (String v : text.variables()) TemplateVariable.named(v).ifPresent(t -> samples.put(v, t.sample()));
        if (!problems.isEmpty()) return new Preview(null, null, 0, 0, problems, samples);
        String filled = text.fill(samples);
        String sms = TemplateText.sms(settings.signature(), filled, purpose, settings.optOut());
        return new Preview(sms, filled, sms.length(), TemplateText.segments(sms), problems, samples);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
