package org.huzhu.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/members/{memberId}")
@Tag(name = "职工通知", description = "职工收到的短信与站内消息（号码脱敏），以及是否接收宣传推广信息")
class MemberMessagesController {

    private final Members members;
    private final MessageReads reads;
    private final Consents consents;

    MemberMessagesController(Members members, MessageReads reads, Consents consents) {
        this.members = members;
        this.reads = reads;
        this.consents = consents;
    }

    @GetMapping("/messages")
    @Requires(Right.NOTIFICATION_READ)
    @Operation(summary = "职工的通知记录：短信与站内消息、发送状态与失败原因，最新的在前")
    List<MessageView> messages(@PathVariable long memberId, @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) Integer offset) {
        Member member = members.visibleMember(memberId, CurrentUser.get());
        return reads.ofMember(member.id(), limit == null ? 100 : Math.clamp(limit, 1, 500), offset == null ? 0 : Math.max(0, offset))
                .stream().map(MessageView::of).toList();
    }

    record Preferences(long memberId, boolean transactional, boolean publicity, String source, String changedBy, Instant changedAt) {
    }

    @GetMapping("/notification-preferences")
    @Requires(Right.MEMBER_READ)
    @Operation(summary = "职工的通知偏好：业务通知始终发送；宣传推广仅在本人同意后发送")
    Preferences preferences(@PathVariable long memberId) {
        Member member = members.visibleMember(memberId, CurrentUser.get());
        return consents.of(member.id())
                .map(c -> new Preferences(c.memberId(), true, c.publicity(), c.source().name(), c.changedBy(), c.changedAt()))
                .orElse(new Preferences(member.id(), true, false, null, null, null));
    }

    record PreferenceChange(Boolean publicity) {
    }

    @PutMapping("/notification-preferences")
    @Requires(Right.CONSENT_RECORD)
    @Operation(summary = "变更是否接收宣传推广信息：职工本人，或登记职工的工作人员凭本人签字的同意书代为记录")
    Preferences change(@PathVariable long memberId, @RequestBody PreferenceChange change) {
        CurrentUser user = CurrentUser.get();
        Member member = members.visibleMember(memberId, user);
        boolean self = user.role() == Role.MEMBER;
        if (change == null || change.publicity() == null) throw InvalidInputException.of("publicity", "请选择是否接收宣传推广信息");
        Consents.Consent c = consents.record(member.id(), change.publicity(), self ? Consents.Source.MEMBER : Consents.Source.STAFF,
                user.username());
        return new Preferences(c.memberId(), true, c.publicity(), c.source().name(), c.changedBy(), c.changedAt());
    }
}
