package org.huzhu.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Offset;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/member-transfers")
@Tag(name = "职工调动", description = "新单位申请调入已在其他单位登记的职工；原单位或同时管辖两单位的工会审批（本人不能审批本人的申请）")
class MemberTransferController {

    private final MemberTransfers transfers;

    MemberTransferController(MemberTransfers transfers) {
        this.transfers = transfers;
    }

    @Requires(Right.MEMBER_TRANSFER)
    @PostMapping
    @Operation(summary = "申请调入职工（身份证号码+姓名）；审批前不显示职工原单位及保障情况")
    ResponseEntity<MemberTransfers.TransferView> request(@RequestBody MemberTransfers.TransferRequest command) {
        var view = transfers.request(command, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/v1/member-transfers/" + view.id())).body(view);
    }

    @Requires(Right.MEMBER_TRANSFER)
    @GetMapping
    @Operation(summary = "本单位/本级申请的调动，以及待本人审批的调动（最新的在前，offset 起分页，共几笔见 /summary）")
    List<MemberTransfers.TransferView> list(@RequestParam(required = false) String status,
                                            @Parameter(description = "最多条数（1–500）") @RequestParam(defaultValue = "100") int limit,
                                            @Parameter(description = Offset.DESCRIPTION) @RequestParam(defaultValue = "0") int offset) {
        return transfers.visible(CurrentUser.get(), status, Math.max(1, Math.min(limit, 500)), Offset.checked(offset));
    }

    @Requires(Right.MEMBER_TRANSFER)
    @GetMapping("/summary")
    @Operation(summary = "调动申请列表共几笔（status 与列表相同，不填为全部；不分页）")
    MemberTransfers.TransfersSummary summary(@RequestParam(required = false) String status) {
        return transfers.summary(CurrentUser.get(), status);
    }

    @Requires(Right.MEMBER_TRANSFER)
    @PostMapping("/{id}/approve")
    @Operation(summary = "同意调动：职工转入新单位，原有保障继续有效")
    MemberTransfers.TransferView approve(@PathVariable long id, @RequestBody(required = false) MemberTransfers.Decision decision) {
        return transfers.approve(id, decision, CurrentUser.get());
    }

    @Requires(Right.MEMBER_TRANSFER)
    @PostMapping("/{id}/reject")
    @Operation(summary = "驳回调动申请")
    MemberTransfers.TransferView reject(@PathVariable long id, @RequestBody(required = false) MemberTransfers.Decision decision) {
        return transfers.reject(id, decision, CurrentUser.get());
    }
}
