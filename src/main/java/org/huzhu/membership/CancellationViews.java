package org.huzhu.membership;

import java.time.Instant;
import java.util.Comparator;
import org.huzhu.contributions.BillReference;
import org.huzhu.organisation.Organisations;
import org.huzhu.organisation.Unit;
import org.huzhu.payouts.PayoutKind;
import org.huzhu.payouts.PayoutView;
import org.huzhu.payouts.Payouts;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.springframework.stereotype.Component;

/** Cancellations as screens show them: who pays back what to whom under which rule, accounts masked, the refund's payout. */
@Component
public class CancellationViews {

    /**
     * What cancelling would do today: allowed or why not, the stage and rule, the refund to the payer and to the union's
     * subsidy budget, who the payer is, and whether a second person must approve it (a refund).
     */
    public record Preview(long enrolmentId, long memberId, String memberName, Long unitId, String stage, String stageName,
                          boolean allowed, String refusal, String rule, Money refund, Money toPayer, Money toSubsidy, String payer,
                          String payerName, String payeeMaskedAccount, boolean needsApproval) {
    }

    /** One cancellation with its refund's payout ({@code payoutStatusName} from the payouts' own labels) and whether the caller may decide it. */
    public record View(long id, long enrolmentId, long memberId, String memberName, Long unitId, String unitName, long billId,
                       String billReference, String stage, String stageName, CancellationStatus status, String statusName, String reason,
                       String rule, Money refund, Money toPayer, Money toSubsidy, String payer, String payerName, String payeeName,
                       String payeeBank, String payeeMaskedAccount, String requestedBy, Instant requestedAt, String decidedBy,
                       Instant decidedAt, String decisionNote, String payoutReference, String payoutStatus, String payoutStatusName,
                       String payoutKindName, boolean canDecide) {
    }

    private final MemberRepository members;
    private final Organisations organisations;
    private final Payouts payouts;

    CancellationViews(MemberRepository members, Organisations organisations, Payouts payouts) {
        this.members = members;
        this.organisations = organisations;
        this.payouts = payouts;
    }

    Preview preview(EnrolmentRepository.Stored e, RefundPolicy.Decision d) {
        Member member = members.find(e.memberId()).orElseThrow();
        boolean unit = e.unitId() != null;
        return new Preview(e.id(), e.memberId(), member.name(), e.unitId(), d.stage() == null ? null : d.stage().name(),
                d.stage() == null ? null : d.stage().chinese, d.allowed(), d.refusal(), d.rule(), d.refund(), d.toPayer(), d.toSubsidy(),
                unit ? "UNIT" : "MEMBER", unit ? unitName(e.unitId()) : member.name(), unit ? null : member.maskedBankAccount(),
                d.allowed() && d.stage() != RefundPolicy.Stage.UNPAID);
    }

    View view(CancellationRepository.Row c, CurrentUser user) {
        Member member = members.find(c.memberId()).orElseThrow();
        String payer = c.payee().payer();
        PayoutView payout = c.payoutReference() == null ? null : payouts.ofSource(PayoutKind.REFUND_SOURCE + c.id()).stream()
                .max(Comparator.comparing(PayoutView::requestedAt)).orElse(null);
        boolean canDecide = c.status() == CancellationStatus.PROPOSED && user.holds(Right.ENROLMENT_CANCEL_APPROVE)
                && !c.requestedBy().equals(user.username());
        String payeeMasked = c.payee().masked();
        return new View(c.id(), c.enrolmentId(), c.memberId(), member.name(), c.unitId(), c.unitId() == null ? null : unitName(c.unitId()),
                c.billId(), BillReference.of(c.billId()), c.stage().name(), c.stage().chinese, c.status(), c.status().chinese(), c.reason(),
                c.rule(), c.toPayer().plus(c.toSubsidy()), c.toPayer(), c.toSubsidy(), payer,
                "UNIT".equals(payer) ? unitName(c.unitId()) : "MEMBER".equals(payer) ? member.name() : null, c.payee().name(),
                c.payee().bankName(), payeeMasked, c.requestedBy(), c.requestedAt(), c.decidedBy(), c.decidedAt(), c.decisionNote(),
                payout == null ? c.payoutReference() : payout.reference(), payout == null ? null : payout.status().name(),
                payout == null ? null : payout.statusName(), payout == null ? null : payout.kindName(), canDecide);
    }

    String unitName(Long unitId) {
        return unitId == null ? null : organisations.unit(unitId).map(Unit::name).orElse(null);
    }
}
