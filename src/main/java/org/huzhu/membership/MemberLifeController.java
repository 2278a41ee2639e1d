package org.huzhu.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.huzhu.membership.MemberController.MemberView;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "人员变动", description = "离职、信息更正（双人审批）、身故登记与继承人收款（双人复核）；单位在职职工名单")
class MemberLifeController {

    private final MemberLifeEvents life;
    private final MemberCorrections corrections;
    private final HeirPayees heirs;

    MemberLifeController(MemberLifeEvents life, MemberCorrections corrections, HeirPayees heirs) {
        this.life = life;
        this.corrections = corrections;
        this.heirs = heirs;
    }

    @Requires(Right.ORGANISATION_READ)
    @GetMapping("/units/{unitId}/members")
    @Operation(summary = "单位在职职工名单（不含已离职、已身故的职工）")
    List<MemberView> currentMembers(@PathVariable long unitId, @RequestParam(defaultValue = "200") int limit,
                                    @RequestParam(defaultValue = "0") int offset) {
        return life.currentMembers(unitId, CurrentUser.get(), Math.max(1, Math.min(limit, 1000)), Math.max(0, offset)).stream()
                .map(MemberView::of).toList();
    }

    @Requires(Right.MEMBER_LEAVE)
    @PostMapping("/members/{id}/leaving")
    @Operation(summary = "登记职工离职（保障继续有效至保障期满，职工不再列入单位在职名单）")
    MemberView leave(@PathVariable long id, @RequestBody(required = false) MemberLifeEvents.Leaving body) {
        return MemberView.of(life.leave(id, body, CurrentUser.get()));
    }

    @Requires(Right.DEATH_RECORD)
    @PostMapping("/members/{id}/death")
    @Operation(summary = "登记职工身故（保障于身故当日终止，身故后发生的事故或疾病不予申领）")
    MemberView death(@PathVariable long id, @RequestBody(required = false) MemberLifeEvents.Death body) {
        return MemberView.of(life.recordDeath(id, body, CurrentUser.get()));
    }

    @Requires(Right.MEMBER_READ)
    @GetMapping("/members/{id}/life-events")
    @Operation(summary = "职工离职、身故记录")
    List<MemberLifeEvents.EventView> lifeEvents(@PathVariable long id) {
        return life.history(id, CurrentUser.get());
    }

    @Requires(Right.MEMBER_CORRECTION)
    @PostMapping("/members/{id}/corrections")
    @Operation(summary = "提出职工信息更正（姓名、身份证号码、就业形态；性别与出生日期随身份证号码），待另一人审批")
    ResponseEntity<MemberCorrections.CorrectionView> proposeCorrection(@PathVariable long id,
                                                                       @RequestBody(required = false) MemberCorrections.Proposal body) {
        return ResponseEntity.accepted().body(corrections.propose(id, body, CurrentUser.get()));
    }

    @Requires(Right.MEMBER_READ)
    @GetMapping("/members/{id}/corrections")
    @Operation(summary = "职工信息更正记录（新旧值、提出人、审批人；身份证号码脱敏）")
    List<MemberCorrections.CorrectionView> correctionHistory(@PathVariable long id) {
        return corrections.history(id, CurrentUser.get());
    }

    @Requires(Right.MEMBER_CORRECTION_APPROVE)
    @PostMapping("/members/{id}/corrections/{correctionId}/approve")
    @Operation(summary = "审批同意职工信息更正（须为提出人以外的管理员或工会工作人员）")
    MemberCorrections.CorrectionView approveCorrection(@PathVariable long id, @PathVariable long correctionId) {
        return corrections.approve(id, correctionId, CurrentUser.get());
    }

    @Requires(Right.MEMBER_CORRECTION_APPROVE)
    @PostMapping("/members/{id}/corrections/{correctionId}/reject")
    @Operation(summary = "驳回职工信息更正（信息不变）")
    MemberCorrections.CorrectionView rejectCorrection(@PathVariable long id, @PathVariable long correctionId,
                                                      @RequestBody(required = false) MemberCorrections.Decision body) {
        return corrections.reject(id, correctionId, body, CurrentUser.get());
    }

    @Requires(Right.DEATH_RECORD)
    @PostMapping("/members/{id}/heir-payee")
    @Operation(summary = "提出继承人收款（已身故职工的互助金改付继承人），待另一人复核")
    ResponseEntity<HeirPayees.HeirPayeeView> proposeHeir(@PathVariable long id, @RequestBody(required = false) HeirPayees.Proposal body) {
        return ResponseEntity.accepted().body(heirs.propose(id, body, CurrentUser.get()));
    }

    @Requires(Right.MEMBER_READ)
    @GetMapping("/members/{id}/heir-payee-changes")
    @Operation(summary = "继承人收款变更记录（账号脱敏）")
    List<HeirPayees.HeirPayeeView> heirHistory(@PathVariable long id) {
        return heirs.history(id, CurrentUser.get());
    }

    @Requires(Right.BANK_ACCOUNT_APPROVE)
    @PostMapping("/members/{id}/heir-payee-changes/{changeId}/approve")
    @Operation(summary = "复核同意继承人收款（须为提出人以外的管理员或工会工作人员）")
    HeirPayees.HeirPayeeView approveHeir(@PathVariable long id, @PathVariable long changeId) {
        return heirs.approve(id, changeId, CurrentUser.get());
    }

    @Requires(Right.BANK_ACCOUNT_APPROVE)
    @PostMapping("/members/{id}/heir-payee-changes/{changeId}/reject")
    @Operation(summary = "驳回继承人收款变更")
    HeirPayees.HeirPayeeView rejectHeir(@PathVariable long id, @PathVariable long changeId) {
        return heirs.reject(id, changeId, CurrentUser.get());
    }
}
