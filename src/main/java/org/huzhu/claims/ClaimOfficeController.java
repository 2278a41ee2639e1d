package org.huzhu.claims;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 审核工作量: who holds which claim in review, the review queue, taking and reassigning claims, and follow-up notes. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "审核分派与工作量", description = "审核任务的自动轮派、待领取与改派，审核工作量与账龄，临期提醒，工会跟进记录")
class ClaimOfficeController {

    private final ClaimAssignments assignments;
    private final ReviewWorkload workload;
    private final ClaimNotes notes;

    ClaimOfficeController(ClaimAssignments assignments, ReviewWorkload workload, ClaimNotes notes) {
        this.assignments = assignments;
        this.workload = workload;
        this.notes = notes;
    }

    @Requires(Right.CLAIM_WORKLOAD)
    @GetMapping("/claim-workload")
    @Operation(summary = "审核工作量：按工会与审核员统计在办、待领取、已用工作日账龄、明日到期与已提醒件数（管辖范围内）")
    ReviewWorkload.Workload workload() {
        return workload.workload(CurrentUser.get());
    }

    @Requires(Right.CLAIM_WORKLOAD)
    @GetMapping("/review-queue")
    @Operation(summary = "审核队列：assigned 为 ME（分派给我）、POOL（待领取）或不填（全部）；可按工会、审核员、账龄、明日到期、超期筛选，最紧急的在前")
    List<ReviewWorkload.QueueLine> queue(@RequestParam(required = false) String assigned, @RequestParam(required = false) Long officeId,
                                         @RequestParam(required = false) String assignee,
                                         @RequestParam(required = false) ReviewWorkload.Ageing ageing,
                                         @RequestParam(required = false) Boolean dueTomorrow, @RequestParam(required = false) Boolean overdue,
                                         @RequestParam(required = false) Boolean escalated,
                                         @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (assigned != null && !assigned.isBlank() && !List.of("ME", "POOL").contains(assigned)) {
            throw InvalidInputException.of("assigned", "assigned 须为 ME（分派给我）或 POOL（待领取），不填为全部");
        }
        var filter = new ReviewWorkload.QueueFilter(assigned == null || assigned.isBlank() ? null : assigned, officeId,
                assignee == null || assignee.isBlank() ? null : assignee, ageing, dueTomorrow, overdue, escalated);
        return workload.queue(CurrentUser.get(), filter).stream().skip(Math.max(0, offset)).limit(Math.max(1, Math.min(limit, 500)))
                .map(workload::queueLine).toList();
    }

    @Requires(Right.CLAIM_WORKLOAD)
    @GetMapping("/claims/{id}/assignment")
    @Operation(summary = "查看理赔的分派：负责审核的工会及其分派方式、当前审核员或待领取、承诺日期与临期提醒、分派记录")
    ClaimAssignments.AssignmentView assignment(@PathVariable long id) {
        return assignments.view(id, CurrentUser.get());
    }

    @Requires(Right.CLAIM_DECIDE)
    @PostMapping("/claims/{id}/assignment/take")
    @Operation(summary = "领取待审核申请（待领取中、本人审核层级可及的申请）")
    ClaimAssignments.AssignmentView take(@PathVariable long id) {
        return assignments.take(id, CurrentUser.get());
    }

    @Requires(Right.CLAIM_ASSIGN)
    @GetMapping("/claims/{id}/assignment/candidates")
    @Operation(summary = "可改派的审核员：管辖范围内可审核该申请的审核员及其在办件数，负责工会的在前")
    List<ClaimAssignments.Candidate> candidates(@PathVariable long id) {
        return assignments.candidates(id, CurrentUser.get());
    }

    @Requires(Right.CLAIM_ASSIGN)
    @PutMapping("/claims/{id}/assignment")
    @Operation(summary = "改派审核任务：assignee 为审核员用户名，不填则退回待领取；note 为改派说明")
    ClaimAssignments.AssignmentView reassign(@PathVariable long id, @RequestBody(required = false) ClaimAssignments.Reassignment command) {
        return assignments.reassign(id, command, CurrentUser.get());
    }

    record ModeChange(String mode) {
    }

    @Requires(Right.CLAIM_ASSIGN)
    @PutMapping("/review-offices/{id}/mode")
    @Operation(summary = "设定工会的分派方式：AUTO 自动轮流分派给本处审核员，POOL 由审核员自行领取")
    ClaimAssignments.OfficeMode mode(@PathVariable long id, @RequestBody(required = false) ModeChange change) {
        return assignments.setMode(id, change == null ? null : change.mode(), CurrentUser.get());
    }

    @Requires(Right.CLAIM_NOTE)
    @GetMapping("/claims/{id}/notes")
    @Operation(summary = "理赔跟进记录（省、市、县工会专人跟进），按时间先后")
    List<ClaimNotes.Note> notes(@PathVariable long id) {
        return notes.notes(id, CurrentUser.get());
    }

    @Requires(Right.CLAIM_NOTE)
    @PostMapping("/claims/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "添加跟进记录（不超过1000字，添加后不能修改或删除）")
    ClaimNotes.Note addNote(@PathVariable long id, @RequestBody(required = false) ClaimNotes.NewNote note) {
        return notes.add(id, note, CurrentUser.get());
    }
}
