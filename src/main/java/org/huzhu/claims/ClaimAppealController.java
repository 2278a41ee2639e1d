package org.huzhu.claims;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Offset;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 申诉与决定书 in the console: lodging an appeal for a worker, deciding it, the reviewers' appeal queue, the letters. */
@RestController
@RequestMapping("/api/v1/claims")
@Tag(name = "申诉与决定书", description = "被拒付或核减的申领在决定之日起60日内可申诉一次，由未参与原决定的上一级审核员复核；每个决定出具决定书（PDF）")
class ClaimAppealController {

    private final ClaimAppeals appeals;
    private final DecisionLetters letters;

    ClaimAppealController(ClaimAppeals appeals, DecisionLetters letters) {
        this.appeals = appeals;
        this.letters = letters;
    }

    @Requires(Right.CLAIM_FILE)
    @PostMapping(path = "/{id}/appeal", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "代职工提出申诉（被拒付或核减的申领，决定之日起60日内，每件一次）：reason 为申诉理由，可附补充材料 file 与 kind（一一对应）")
    ClaimView lodge(@PathVariable long id, @RequestParam(name = "reason", required = false) String reason,
                    @RequestParam(name = "file", required = false) List<MultipartFile> files,
                    @RequestParam(name = "kind", required = false) List<String> kinds) {
        CurrentUser user = CurrentUser.get();
        return MedicalData.shownTo(user, appeals.lodge(id, reason, () -> ClaimController.documents(files, kinds), user));
    }

    @Requires(Right.CLAIM_DECIDE)
    @PostMapping("/{id}/appeal/decision")
    @Operation(summary = "申诉复核：维持原决定（须写明理由）或改变原决定（拒付改为核准、核减改为调增并补发差额）；须由未参与原决定的上一级审核员作出")
    ClaimView decide(@PathVariable long id, @RequestBody(required = false) ClaimAppeals.AppealDecision decision) {
        CurrentUser user = CurrentUser.get();
        return MedicalData.shownTo(user, appeals.decide(id, decision, user));
    }

    @Requires(Right.CLAIM_DECIDE)
    @GetMapping("/appeals")
    @Operation(summary = "申诉复核队列：本人审核层级可复核的待复核申诉（最早提出的在前，offset 起分页，共几件见 /summary）")
    List<ClaimAppeals.QueuedAppeal> queue(@Parameter(description = "最多条数（1–500）") @RequestParam(defaultValue = "100") int limit,
                                          @Parameter(description = Offset.DESCRIPTION) @RequestParam(defaultValue = "0") int offset) {
        return appeals.queue(CurrentUser.get(), Math.max(1, Math.min(limit, 500)), Offset.checked(offset));
    }

    @Requires(Right.CLAIM_DECIDE)
    @GetMapping("/appeals/summary")
    @Operation(summary = "申诉复核队列共几件（不分页）")
    ClaimAppeals.QueueSummary queueSummary() {
        return appeals.queueSummary(CurrentUser.get());
    }

    @Requires(Right.CLAIM_READ)
    @GetMapping("/{id}/letters/{number}")
    @Operation(summary = "下载决定书（PDF）：1 为原决定，2 为申诉复核决定；不含诊断、完整身份证号和银行账号")
    ResponseEntity<byte[]> letter(@PathVariable long id, @PathVariable int number) {
        return DecisionLetters.attachment(letters.letter(id, number, CurrentUser.get()), id);
    }
}
