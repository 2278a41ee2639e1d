package org.huzhu.claims;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huzhu.benefits.BenefitResult.Decision;
import org.huzhu.claims.ClaimRepository.StoredBenefit;
import org.huzhu.organisation.Organisations;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewers' decisions on claims in review: approve (optionally adjusting items, each adjustment
 * with a written reason), under maker-checker for large totals, or reject with a reason. A reviewer
 * acts within their subtree on claims whose review level is not above their office's level.
 * Concurrent decisions on one claim: the optimistic lock lets exactly one win; the other gets a 409.
 */
@Service
public class ClaimReviews {

    private final Claims claims;
    private final ClaimRepository repository;
    private final Organisations organisations;
    private final ClaimsProperties settings;
    private final Clock clock;

    ClaimReviews(Claims claims, ClaimRepository repository, Organisations organisations, ClaimsProperties settings, Clock clock) {
        this.claims = claims;
        this.repository = repository;
        this.organisations = organisations;
        this.settings = settings;
        this.clock = clock;
    }

    /** An item approved at an amount other than the computed one; {@code reason} is required then. */
    public record ItemAmount(String item, Money amount, String reason) {
    }

    public record Approval(String reason, List<ItemAmount> items) {
    }

    public record Rejection(String reason) {
    }

    @Transactional
    public ClaimView approve(long id, Approval approval, CurrentUser user) {
        Claim claim = reviewable(id, user);
        claim.requireCanMoveTo(ClaimStatus.APPROVED);
        List<StoredBenefit> benefits = repository.benefits(id);
        List<Adjustment> adjustments = adjustments(approval == null ? null : approval.items(), benefits);
        BigDecimal total = BigDecimal.ZERO;
        for (StoredBenefit b : benefits) {
            Adjustment a = adjustments.stream().filter(x -> x.position == b.position()).findFirst().orElse(null);
            total = total.add(a != null ? a.amount.amount() : b.effectiveAmount().amount());
        }
        if (total.signum() == 0) throw InvalidInputException.of("items", "核准金额合计为0.00元，请改为拒付并写明原因");
        String reason = approval == null ? null : approval.reason();
        Instant now = Instant.now(clock);
        Claims.PendingPayout payout = null;
        if (settings.needsSecondApproval(total) && claim.firstApprovedBy() == null) {
            claim.approveFirst(user.username(), now, reason);
        } else {
            ClaimJudge.Judgement fresh = claims.rejudgeBeforeApproval(claim, user);
            if (fresh != null) {
                claims.saveJudgementApart(id, fresh);
                throw new ConflictException("items", "提交后该职工已有其他理赔核准，本案已按剩余额度重新测算（合计"
                        + new Money(fresh.total()) + "元），请复核后再核准");
            }
            claim.approve(user.username(), now, total, reason);
            payout = claims.requestPayment(claim, now, total);
        }
        if (!repository.update(claim)) throw new ConflictException(Claims.STALE);
        for (Adjustment a : adjustments) repository.adjust(id, a.position, a.amount, a.reason, user.username());
        claims.handOver(claim, payout);
        return claims.views().view(claims.load(id));
    }

    @Transactional
    public ClaimView reject(long id, Rejection rejection, CurrentUser user) {
        Claim claim = reviewable(id, user);
        String reason = rejection == null ? null : rejection.reason();
        if (reason == null || reason.isBlank()) throw InvalidInputException.of("reason", "拒付须写明原因");
        claim.reject(user.username(), Instant.now(clock), LocalDate.now(clock), reason.strip());
        if (!repository.update(claim)) throw new ConflictException(Claims.STALE);
        return claims.views().view(claims.load(id));
    }

    /** A claim the reviewer may decide: visible, and its review level within the reach of the reviewer's office. */
    private Claim reviewable(long id, CurrentUser user) {
        if (!user.is(Role.REVIEWER, Role.ADMIN)) throw new AccessDeniedException("only reviewers decide claims");
        Claim claim = claims.visible(id, user);
        if (user.role() == Role.REVIEWER && claim.reviewLevel() != null) {
            if (user.orgNodeId() == null) throw new AccessDeniedException("reviewer without an office");
            ReviewLevel reach = ReviewLevel.of(organisations.node(user.orgNodeId()).level());
            if (!claim.reviewLevel().withinReachOf(reach)) {
                throw new AccessDeniedException("claim needs " + claim.reviewLevel() + " review");
            }
        }
        return claim;
    }

    private record Adjustment(int position, Money amount, String reason) {
    }

    /** Checks each adjusted item; an amount equal to the computed one is no adjustment and needs no reason. */
    private static List<Adjustment> adjustments(List<ItemAmount> items, List<StoredBenefit> benefits) {
        List<Adjustment> out = new ArrayList<>();
        if (items == null) return out;
        Map<String, StoredBenefit> byItem = Claims.byItem(benefits);
        Checks checks = new Checks();
        for (int i = 0; i < items.size(); i++) {
            ItemAmount a = items.get(i);
            String at = "items[" + i + "]";
            if (a == null) {
                checks.add(at, "核定项目不能为空");
                continue;
            }
            StoredBenefit b = a.item() == null ? null : byItem.get(a.item().strip());
            if (b == null) {
                checks.add(at + ".item", "本理赔没有该保障项目：" + a.item());
                continue;
            }
            if (a.amount() == null) {
                checks.add(at + ".amount", "缺少核定金额");
                continue;
            }
            if (a.amount().isNegative()) {
                checks.add(at + ".amount", "核定金额不能为负数");
                continue;
            }
            if (a.amount().compareTo(b.amount()) == 0) continue;
            if (b.decision() == Decision.REJECT) {
                checks.add(at + ".amount", "规则不予给付的项目不能调整金额（" + b.item() + "）");
                continue;
            }
            if (a.reason() == null || a.reason().isBlank()) {
                checks.add(at + ".reason", "调整金额（测算" + b.amount() + "元，核定" + a.amount() + "元）须写明原因");
                continue;
            }
            out.add(new Adjustment(b.position(), a.amount(), a.reason().strip()));
        }
        checks.throwIfInvalid();
        return out;
    }
}
