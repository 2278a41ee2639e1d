package org.huzhu.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "站内消息", description = "本人的站内消息：职工看到自己的，工作人员与单位经办人看到自己账户的")
@Requires(Right.SIGNED_IN)
class InboxController {

    private final MessageReads reads;
    private final Clock clock;

    InboxController(MessageReads reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    record Inbox(long unread, List<MessageView> items) {
    }

    @GetMapping
    @Operation(summary = "我的站内消息：最新的在前，附未读数")
    Inbox inbox(@RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        CurrentUser user = CurrentUser.get();
        Long member = memberOf(user);
        int l = limit == null ? 50 : Math.clamp(limit, 1, 200);
        int o = offset == null ? 0 : Math.max(0, offset);
        return new Inbox(reads.unread(member, user.accountId()),
                reads.inbox(member, user.accountId(), l, o).stream().map(MessageView::of).toList());
    }

    record Unread(long unread) {
    }

    @GetMapping("/unread")
    @Operation(summary = "我的未读消息数")
    Unread unread() {
        CurrentUser user = CurrentUser.get();
        return new Unread(reads.unread(memberOf(user), user.accountId()));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "标记一条站内消息为已读")
    Unread read(@PathVariable long id) {
        CurrentUser user = CurrentUser.get();
        Long member = memberOf(user);
        if (!reads.markRead(id, member, user.accountId(), clock.instant())) throw new NotFoundException("消息不存在");
        return new Unread(reads.unread(member, user.accountId()));
    }

    @PostMapping("/read-all")
    @Operation(summary = "全部标记为已读")
    Unread readAll() {
        CurrentUser user = CurrentUser.get();
        reads.markAllRead(memberOf(user), user.accountId(), clock.instant());
        return new Unread(0);
    }

    /** A worker's inbox is their membership's (the member app and the console share it); anyone else's is the account's. */
    private static Long memberOf(CurrentUser user) {
        return user.role() == org.huzhu.shared.scope.Role.MEMBER ? user.memberId() : null;
    }
}
