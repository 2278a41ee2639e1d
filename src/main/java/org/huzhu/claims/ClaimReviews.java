package org.huzhu.claims;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.huzhu.claims.ClaimRepository.StoredBenefit;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewers' decisions on claims in review: approve (optionally adjusting items, each adjustment with
 * a coded reason, {@link AdjustmentReason}), under maker-checker, or reject with a reason. Figures
 * above the engine's amounts or with a total from {@code dual-approval-from} are a first reviewer's
 * proposal, which a second reviewer approves exactly (different figures restart the approval, their
 * proposer being the new first reviewer). The review level follows the total of the figures approved.
 * A reviewer acts within their subtree on claims whose level is not above their office's level, and
 * never on a claim they filed or of their own membership. Concurrent decisions on one claim: the
 * optimistic lock lets exactly one win; the other gets a 409.
 */
@Service
public class ClaimReviews {

    private final Claims claims;
    private final ClaimRepository repository;
    private final Organisations organisations;
    private final ClaimsProperties settings;
    private final Clock clock;
    private final ClaimNews news;
    private final ApprovalEvidence evidence;
    private final ReviewRouting routing;

    ClaimReviews(Claims claims, ClaimRepository repository, Organisations organisations, ClaimsProperties settings, Clock clock,
                 ClaimNews news, MaterialRequestRepository requests, ReviewRouting routing) {
        this.news = news;
        this.evidence = new ApprovalEvidence(claims, requests, clock);
        this.routing = routing;
        this.claims = claims;
        this.repository = repository;
        this.organisations = organisations;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * An item approved at an amount other than the computed one: {@code reasonCode} (an {@link AdjustmentReason}) is
     * required then; {@code reason} is free text that may accompany it.
     */
    public record ItemAmount(String item, Money amount, String reason, String reasonCode) {
    }

    /**
     * {@code waivers}: a coded reason for each required material still missing (审核豁免); {@code acknowledged}: the keys of
     * the cross-check warnings the reviewer has looked at ({@link ClaimView.CheckView#key()}). Both are needed before
     * approving a claim with missing materials or warnings.
     */
    public record Approval(String reason, List<ItemAmount> items, List<Waiver> waivers, List<String> acknowledged) {
    }

    /** A missing requirement ({@link ClaimView.RequirementView#code()}) approved without, with a {@link WaiverReason} code. */
    public record Waiver(String requirement, String reasonCode, String note) {
    }

    /** 退回补件: {@link MaterialRequestReason} codes, requirement codes (kinds; {@code A|B} for either) and a note. */
    public record SendBack(List<String> reasons, List<String> materials, String note) {
    }

    public record Rejection(String reason) {
    }

    /** What the console needs to guide a review: the adjustment reasons, when a second reviewer is needed, the levels. */
    public record ReviewRules(List<ReasonView> adjustmentReasons, Money dualApprovalFrom, List<LevelView> levels,
                              List<CodeView> materialRequestReasons, List<CodeView> waiverReasons, List<CodeView> materialKinds,
                              int materialsDueDays) {
    }

    public record CodeView(String code, String name) {
    }

    /** {@code raises}: an override reason, the only kind for an amount above the computed one (and a second reviewer). */
    public record ReasonView(String code, String name, boolean raises) {
    }

    /** A review level and the highest total it decides (null: no limit). */
    public record LevelView(ReviewLevel level, String name, Money upTo) {
    }

    public ReviewRules rules(CurrentUser user) {
        if (!user.holds(Right.CLAIM_DECIDE)) throw new AccessDeniedException("only reviewers decide claims");
        return new ReviewRules(Arrays.stream(AdjustmentReason.values()).map(r -> new ReasonView(r.name(), r.chinese(), r.raises())).toList(),
                new Money(settings.dualApprovalFrom()),
                List.of(new LevelView(ReviewLevel.COUNTY, ReviewLevel.COUNTY.chinese(), new Money(settings.countyMax())),
                        new LevelView(ReviewLevel.CITY, ReviewLevel.CITY.chinese(), new Money(settings.cityMax())),
                        new LevelView(ReviewLevel.PROVINCE, ReviewLevel.PROVINCE.chinese(), null)),
                Arrays.stream(MaterialRequestReason.values()).map(r -> new CodeView(r.name(), r.chinese())).toList(),
                Arrays.stream(WaiverReason.values()).map(r -> new CodeView(r.name(), r.chinese())).toList(),
                claims.documentKinds().stream().map(k -> new CodeView(k.kind(), k.name())).toList(), settings.materialsDueDays());
    }

    /** 退回补件: the claim goes back to the worker for materials, with coded reasons; it returns to review when they arrive. */
    @Transactional
    public ClaimView sendBack(long id, SendBack sendBack, CurrentUser user) {
        Claim claim = reviewable(id, user);
        claim.requireCanMoveTo(ClaimStatus.MATERIALS_REQUESTED);
        claim.requireDecidableBy(user.username(), user.memberId());
        claims.materialRequests().byReviewer(claim, sendBack == null ? null
                : new MaterialRequests.SendBack(sendBack.reasons(), sendBack.materials(), sendBack.note()), user.username());
        return claims.views().view(claims.load(id));
    }

    /**
     * Claims the item a hint found with a claim in review (应城: "及时协助增补资料"): the item is added, the claim judged again
     * and the materials it now needs listed; the timeline records who added it.
     */
    @Transactional
    public ClaimView addItem(long id, String item, CurrentUser user) {
        Claim claim = reviewable(id, user);
        if (item == null || item.isBlank()) throw InvalidInputException.of("item", "请选择要增补申领的保障项目");
        if (claim.status() == ClaimStatus.DRAFT) throw new ConflictException("status", "草稿由申请人在申请中一并申领");
        if (!Claim.open(claim.status()) || claim.approvedTotal() != null || claim.status() == ClaimStatus.SUBMITTED) {
            throw new ConflictException("status", "理赔当前状态为「" + claim.status().chinese() + "」，不能增加申领项目");
        }
        claims.addItemInReview(claim, item, user);
        return claims.views().view(claims.load(id));
    }

    @Transactional
    public ClaimView approve(long id, Approval approval, CurrentUser user) {
        return approve(reviewable(id, user), approval, user, null);
    }

    /**
     * Approves figures of a claim the reviewer may decide, under maker-checker; {@code floor}, for a claim under appeal, is
     * the appeal's level, below which the approval is never placed ({@link ClaimAppeals} checks who may decide an appeal).
     */
    ClaimView approve(Claim claim, Approval approval, CurrentUser user, ReviewLevel floor) {
        long id = claim.id;
        claim.requireCanMoveTo(ClaimStatus.APPROVED);
        claim.requireDecidableBy(user.username(), user.memberId());
        evidence.requireFor(claim, approval == null ? null : approval.waivers(), approval == null ? null : approval.acknowledged(), user);
        List<StoredBenefit> benefits = repository.benefits(id);
        ApprovedFigures standing = ApprovedFigures.standing(benefits);
        ApprovedFigures figures = ApprovedFigures.requested(approval == null ? null : approval.items(), benefits, user.username());
        BigDecimal total = figures.total();
        if (total.signum() == 0) throw InvalidInputException.of("items", "核准金额合计为0.00元，请改为拒付并写明原因");
        String reason = approval == null ? null : approval.reason();
        Instant now = Instant.now(clock);
        ReviewLevel level = floor == null || settings.levelFor(total).compareTo(floor) >= 0 ? settings.levelFor(total) : floor;
        boolean confirming = claim.firstApprovedBy() != null && figures.sameAmountsAs(standing);
        if (!confirming) claim.firstApprovalLapses(user.username(), now);
        Claims.PendingPayout payout = null;
        if (!confirming && figures.needSecondReviewer(settings)) {
            routing.decidingBy(claim, user, now);   // someone other than the holder takes it over
            claim.approveFirst(user.username(), now, level, figuresText(figures, total), reason);
            routing.toChecker(claim, now);          // another reviewer of the new level's office checks it
        } else {
            requireReach(user, level);
            ClaimJudge.Judgement fresh = claims.rejudgeBeforeApproval(claim, user);
            if (fresh != null) {
                claims.saveJudgementApart(claim, fresh, now);
                throw new ConflictException("items", "提交后该职工已有其他理赔核准，本案已按剩余额度重新测算（合计"
                        + new Money(fresh.total()) + "元），请复核后再核准");
            }
            routing.decidingBy(claim, user, now);
            claim.approve(user.username(), now, total, level, reason);
            payout = claims.requestPayment(claim, now, total);
        }
        if (!repository.update(claim)) throw new ConflictException(Claims.STALE);
        repository.adjust(id, figures.changedFrom(standing));
        claims.handOver(claim, payout);
        return claims.views().view(claims.load(id));
    }

    private static String figuresText(ApprovedFigures figures, BigDecimal total) {
        String adjusted = figures.adjustments();
        return "核定金额合计" + new Money(total) + "元" + (adjusted.isEmpty() ? "" : "：" + adjusted);
    }

    @Transactional
    public ClaimView reject(long id, Rejection rejection, CurrentUser user) {
        Claim claim = reviewable(id, user);
        claim.requireCanMoveTo(ClaimStatus.REJECTED);
        claim.requireDecidableBy(user.username(), user.memberId());
        String reason = rejection == null ? null : rejection.reason();
        if (reason == null || reason.isBlank()) throw InvalidInputException.of("reason", "拒付须写明原因");
        Instant now = Instant.now(clock);
        routing.decidingBy(claim, user, now);
        claim.reject(user.username(), now, LocalDate.now(clock), reason.strip());
        if (!repository.update(claim)) throw new ConflictException(Claims.STALE);
        news.rejected(claim, repository.benefits(id), false);
        return claims.views().view(claims.load(id));
    }

    /** A claim the reviewer may decide: visible, and its review level within the reach of the reviewer's office. */
    Claim reviewable(long id, CurrentUser user) {
        if (!user.holds(Right.CLAIM_DECIDE)) throw new AccessDeniedException("only reviewers decide claims");
        Claim claim = claims.visible(id, user);
        if (claim.status() == ClaimStatus.APPEALED) throw new ConflictException("status", "该理赔正在申诉复核，请在「申诉」中作出复核决定");
        if (claim.reviewLevel() != null) requireReach(user, claim.reviewLevel());
        return claim;
    }

    /** A reviewer decides only up to their office's level (a county reviewer up to the county limit); administrators at any. */
    void requireReach(CurrentUser user, ReviewLevel level) {
        if (!reaches(user, level)) throw new AccessDeniedException("claim needs " + level + " review");
    }

    /** Whether the reviewer's office decides claims at this level (anyone deciding who is not a reviewer: every level). */
    boolean reaches(CurrentUser user, ReviewLevel level) {
        if (!user.is(Role.REVIEWER)) return true; // also union staff or finance who review (combined roles)
        if (user.orgNodeId() == null) throw new AccessDeniedException("reviewer without an office");
        return level.withinReachOf(ReviewLevel.of(organisations.node(user.orgNodeId()).level()));
    }
}
