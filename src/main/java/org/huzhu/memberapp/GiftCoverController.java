package org.huzhu.memberapp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.huzhu.membership.Enrolments;
import org.huzhu.membership.GiftCovers;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 领取免费意外保障 in the member app: a verified new-form worker reads what the gift cover is and its conditions,
 * says which kind of new-form work they do, agrees, and claims it. Nothing is granted without the worker's claim.
 */
@RestController
@RequestMapping("/api/v1/m/gift-cover")
@Tag(name = "掌上办")
class GiftCoverController {

    private final GiftCovers gifts;

    GiftCoverController(GiftCovers gifts) {
        this.gifts = gifts;
    }

    @GetMapping
    @Operation(summary = "查看免费意外保障的领取条件与说明（本人）")
    @Requires(Right.GIFT_COVER_CLAIM)
    GiftCovers.Offer offer() {
        return gifts.offer(ownMemberId());
    }

    record Claim(Boolean consent, String workKind) {
    }

    record Claimed(long enrolmentId, String itemName, LocalDate coverFrom, LocalDate coverTo, String message) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "领取免费意外保障（本人，须同意领取说明并选择从事的新就业形态工作）")
    @Requires(Right.GIFT_COVER_CLAIM)
    Claimed claim(@RequestBody(required = false) Claim body) {
        if (body == null || !Boolean.TRUE.equals(body.consent())) throw InvalidInputException.of("consent", "请先阅读并同意领取说明");
        GiftCovers.WorkKind kind = kind(body.workKind());
        Enrolments.EnrolmentView granted = gifts.claim(ownMemberId(), kind);
        var coverage = granted.coverages().getFirst();
        String name = gifts.offer(granted.memberId()).itemName();
        return new Claimed(granted.id(), name, coverage.from(), coverage.to(),
                "领取成功，保障自 " + coverage.from() + " 起生效");
    }

    private static GiftCovers.WorkKind kind(String code) {
        if (code == null || code.isBlank()) throw InvalidInputException.of("workKind", "请选择您从事的工作");
        try {
            return GiftCovers.WorkKind.valueOf(code.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("workKind", "工作类型不正确");
        }
    }

    private static long ownMemberId() {
        Long id = CurrentUser.get().memberId();
        if (id == null) throw new NotFoundException("职工不存在");
        return id;
    }
}
