package org.huzhu.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notification-templates")
@Tag(name = "通知模板", description = "短信与站内消息的模板：中文、带版本、命名变量；预览显示短信条数（每条70字，长短信每条67字）")
class TemplateController {

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    record TemplateView(String code, int version, String name, String purpose, String purposeLabel, boolean sms, boolean inbox,
                        String body, List<String> variables, String note, String createdBy, Instant createdAt, int segments) {
        static TemplateView of(Template t, Templates templates) {
            Templates.Preview p = templates.preview(t.body(), t.purpose());
            return new TemplateView(t.code(), t.version(), t.name(), t.purpose().name(), t.purpose().chinese(), t.sms(), t.inbox(),
                    t.body(), t.variables(), t.note(), t.createdBy(), t.createdAt(), p.segments());
        }
    }

    @GetMapping
    @Requires(Right.NOTIFICATION_READ)
    @Operation(summary = "通知模板：每个模板的现行版本")
    List<TemplateView> all() {
        return templates.all().stream().map(t -> TemplateView.of(t, templates)).toList();
    }

    @GetMapping("/{code}")
    @Requires(Right.NOTIFICATION_READ)
    @Operation(summary = "一个模板的全部版本，最新的在前")
    List<TemplateView> versions(@PathVariable String code) {
        return templates.versions(code).stream().map(t -> TemplateView.of(t, templates)).toList();
    }

    @PostMapping("/{code}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Right.NOTIFICATION_TEMPLATE_MANAGE)
    @Operation(summary = "保存模板的新版本（新代码即新增宣传模板）：此后的消息按新版本生成，已发消息不变")
    TemplateView save(@PathVariable String code, @RequestBody Templates.Change change) {
        if (change == null) throw InvalidInputException.of("body", "请填写模板内容");
        return TemplateView.of(templates.save(code, change, CurrentUser.get()), templates);
    }

    record PreviewRequest(String body, String purpose) {
    }

    @PostMapping("/preview")
    @Requires(Right.NOTIFICATION_READ)
    @Operation(summary = "预览：以示例值填入变量，显示签名、退订提示、字数与短信条数及内容问题")
    Templates.Preview preview(@RequestBody PreviewRequest request) {
        Purpose purpose;
        try {
            purpose = request.purpose() == null ? Purpose.TRANSACTIONAL : Purpose.valueOf(request.purpose());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("purpose", "用途应为 URGENT、TRANSACTIONAL 或 PUBLICITY");
        }
        return templates.preview(request.body(), purpose);
    }

    record Variable(String name, String label, String sample) {
    }

    record Vocabulary(List<Variable> variables, List<Label> purposes, List<Label> statuses) {
    }

    record Label(String code, String label) {
    }

    @GetMapping("/vocabulary")
    @Requires(Right.NOTIFICATION_READ)
    @Operation(summary = "模板可用的变量（不含身份证号、完整账号与诊断），用途与发送状态的名称")
    Vocabulary vocabulary() {
        return new Vocabulary(
                Arrays.stream(TemplateVariable.values()).map(v -> new Variable(v.name(), v.chinese(), v.sample())).toList(),
                Arrays.stream(Purpose.values()).map(p -> new Label(p.name(), p.chinese())).toList(),
                Arrays.stream(MessageStatus.values()).map(s -> new Label(s.name(), s.chinese())).toList());
    }
}
