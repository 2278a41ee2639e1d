package org.huzhu.claims;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.huzhu.claims.ClaimRepository.StoredBenefit;
import org.huzhu.shared.Money;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals (申诉) against a claim's rejection or adjustment. The worker lodges one in the member app, or staff who file
 * claims lodge it for them in the console, within {@code huzhu.claims.appeal-days} of the decision, with a reason and
 * any new documents (checked as every claim document is); one per claim. A reviewer of the level above the original
 * decision's, who took no part in it, decides: keep the original decision (with a reason), or change it — a rejection
 * to an approval of figures, reviewed as every approval is ({@link ClaimReviews}, maker-checker included), or an
 * adjustment to higher figures (never lower), whose difference is booked and paid apart ({@link AppealPayments}) under
 * the same maker-checker rule. Both decisions stay in the timeline; the worker and the unit's operators are told.
 */
@Service
public class ClaimAppeals {

    static final int MAX_TEXT = 500;
    private static final String ONCE = "每件申领只能申诉一次，本申领已提出过申诉";

    private final Claims claims;
    private final ClaimReviews reviews;
    private final ClaimRepository repository;
    private final AppealRepository appeals;
    private final AppealPayments payments;
    private final DocumentReadings readings;
    private final ClaimNews news;
    private final ClaimsProperties settings;
    private final Clock clock;

    ClaimAppeals(Claims claims, ClaimReviews reviews, ClaimRepository repository, AppealRepository appeals, AppealPayments payments,
                 DocumentReadings readings, ClaimNews news, ClaimsProperties settings, Clock clock) {
        this.claims = claims;
        this.reviews = reviews;
        this.repository = repository;
        this.appeals = appeals;
        this.payments = payments;
        this.readings = readings;
        this.news = news;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A reviewer's decision on an appeal: {@code outcome} UPHELD_ORIGINAL (a reason is required) or CHANGED, with the
     * items' figures ({@link ClaimReviews.ItemAmount}: an amount other than the computed one carries a coded reason). A
     * second reviewer confirms changed figures that need one by sending the same figures, or none.
     */
    public record AppealDecision(String outcome, String reason, List<ClaimReviews.ItemAmount> items, List<ClaimReviews.Waiver> waivers,
                                 List<String> acknowledged) {

        public AppealDecision(String outcome, String reason, List<ClaimReviews.ItemAmount> items) {
            this(outcome, reason, items, null, null);
        }
    }

    /** A pending appeal in a reviewer's queue: its claim, what is appealed, the level that decides it, when it was lodged. */
    public record QueuedAppeal(long claimId, long memberId, ClaimStatus status, String statusName, String kind, String kindName,
                               ReviewLevel level, String levelName, Instant lodgedAt, boolean onBehalf, Money originalTotal) {

        @JsonProperty("reference")
        public String reference() {
            return ClaimReference.of(claimId);
        }
    }

    /**
     * Lodges the appeal of a claim the user may see (else 404); {@code documents} are read only then, and checked as every
     * claim document is (problems name {@code documents[i].kind}).
     */
    @Transactional
    public ClaimView lodge(long id, String reason, Supplier<List<Claims.NewDocument>> documents, CurrentUser user) {
        if (!AppealViews.mayLodge(user)) throw new AccessDeniedException("only the worker or staff who file claims lodge appeals");
        Claim claim = claims.visible(id, user);
        List<Claims.NewDocument> given = documents == null ? null : documents.get();
        List<Claims.NewDocument> brought = given == null ? List.of() : given;
        String why = required(reason, "reason", "请写明申诉理由");
        var rows = brought.isEmpty() ? List.<ClaimRepository.NewDocumentRow>of() : claims.documentRows(brought, "documents");
        if (appeals.find(id).isPresent()) throw new ConflictException("appeal", ONCE);
        List<StoredBenefit> benefits = repository.benefits(id);
        Appeal.Kind kind = AppealViews.kind(claim, benefits).orElseThrow(() -> new ConflictException("status",
                "只有被拒付或被核减金额的申领可以申诉（当前状态：" + claim.status().chinese() + "）"));
        Claim.Event decision = AppealViews.decision(repository.events(id))
                .orElseThrow(() -> new ConflictException("status", "该申领尚无可申诉的决定"));
        LocalDate until = AppealViews.deadline(decision, settings.appealDays(), clock.getZone());
        if (today().isAfter(until)) {
            throw new ConflictException("status", "已超过申诉期限：须在决定之日（" + AppealViews.day(decision, clock.getZone()) + "）起"
                    + settings.appealDays() + "日内（" + until + "前）提出申诉");
        }
        Appeal.Original original = original(claim, decision, benefits, kind);
        ReviewLevel level = original.level().above();
        Instant now = now();
        boolean onBehalf = user.memberId() == null || user.memberId() != claim.facts.memberId();
        String text = "提出申诉" + (onBehalf ? "（代职工提出）" : "") + "，由未参与原决定的" + level.chinese() + "审核人员复核";
        if (kind == Appeal.Kind.REJECTION) claim.appeal(user.username(), now, level, text);
        else claim.record(user.username(), now, text);
        if (!repository.update(claim)) throw new ConflictException(Claims.STALE);
        var stored = rows.isEmpty() ? List.<ClaimRepository.DocumentRow>of() : repository.insertAppealDocuments(id, rows, user.username());
        if (!appeals.insert(id, kind, user.username(), onBehalf, now, why, stored.stream().map(ClaimRepository.DocumentRow::id).toList(),
                original, level)) {
            throw new ConflictException("appeal", ONCE);
        }
        if (!stored.isEmpty()) readings.attached(stored, brought.stream().map(Claims.NewDocument::content).toList(), id);
        news.appealReceived(claim);
        return claims.views().view(claims.load(id));
    }

    /** The decision appealed, as it stands: who took part, when, at which level, each item's figure. */
    private Appeal.Original original(Claim claim, Claim.Event decision, List<StoredBenefit> benefits, Appeal.Kind kind) {
        List<Appeal.Figure> items = Appeal.Figure.of(benefits, kind == Appeal.Kind.REJECTION);
        Money computed = items.stream().map(Appeal.Figure::computed).reduce(Money.ZERO, Money::plus);
        ReviewLevel level = claim.reviewLevel() != null ? claim.reviewLevel() : settings.levelFor(computed.amount());
        List<String> adjusters = benefits.stream().map(StoredBenefit::adjustedBy).filter(Objects::nonNull).distinct().toList();
        return new Appeal.Original(decision.to(), decision.actor(), claim.firstApprovedBy(), adjusters, decision.at(), level, items);
    }

    @Transactional
    public ClaimView decide(long id, AppealDecision decision, CurrentUser user) {
        if (!user.holds(Right.CLAIM_DECIDE)) throw new AccessDeniedException("only reviewers decide appeals");
        Claim claim = claims.visible(id, user);
        Appeal appeal = appeals.find(id).filter(Appeal::pending)
                .orElseThrow(() -> new ConflictException("appeal", "该申领没有待复核的申诉"));
        reviews.requireReach(user, appeal.level());
        claim.requireDecidableBy(user.username(), user.memberId());
        if (appeal.participants().contains(user.username())) {
            throw new ConflictException("appeal", "您参与了原决定或代为提出了申诉，申诉须由未参与原决定的审核员复核");
        }
        Appeal.Outcome outcome = outcome(decision);
        String reason = optional(decision.reason(), "reason");
        if (outcome == Appeal.Outcome.UPHELD_ORIGINAL) keep(claim, appeal, required(reason, "reason", "维持原决定须写明理由"), user);
        else if (appeal.kind() == Appeal.Kind.REJECTION) approve(claim, appeal, decision, reason, user);
        else raise(claim, appeal, decision.items(), reason, user);
        return claims.views().view(claims.load(id));
    }

    private void keep(Claim claim, Appeal appeal, String reason, CurrentUser user) {
        Instant now = now();
        String text = "申诉复核：维持原决定（" + reason + "）";
        if (appeal.kind() == Appeal.Kind.REJECTION) claim.reject(user.username(), now, today(), text);
        else claim.record(user.username(), now, text);
        if (!repository.update(claim)) throw new ConflictException(Claims.STALE);
        decided(claim, appeal, user, now, Appeal.Outcome.UPHELD_ORIGINAL, reason, appeal.original().items(), null,
                Appeal.Outcome.UPHELD_ORIGINAL.chinese());
    }

    /** A rejection changed to an approval, as a review approves: a first approval waits for its checker, the claim APPEALED. */
    private void approve(Claim claim, Appeal appeal, AppealDecision decision, String reason, CurrentUser user) {
        reviews.approve(claim, new ClaimReviews.Approval("申诉复核，改变原拒付决定" + (reason == null ? "" : "（" + reason + "）"),
                decision.items(), decision.waivers(), decision.acknowledged()), user, appeal.level());
        Claim after = claims.load(claim.id);
        if (after.status() == ClaimStatus.APPEALED) return;
        decided(after, appeal, user, now(), Appeal.Outcome.CHANGED, reason, Appeal.Figure.of(repository.benefits(claim.id), false), null,
                "改为核准给付，互助金合计" + new Money(after.approvedTotal()) + "元");
    }

    /** An adjustment changed to higher figures; the difference is booked and paid apart. */
    private void raise(Claim claim, Appeal appeal, List<ClaimReviews.ItemAmount> requested, String reason, CurrentUser user) {
        List<StoredBenefit> benefits = repository.benefits(claim.id);
        List<ClaimReviews.ItemAmount> items = (requested == null || requested.isEmpty()) && appeal.proposed() != null ? appeal.proposed()
                : requested;
        requireNoneLowered(items, benefits);
        ApprovedFigures standing = ApprovedFigures.standing(benefits);
        ApprovedFigures figures = ApprovedFigures.requested(items, benefits, user.username());
        Money before = new Money(standing.total());
        Money after = new Money(figures.total());
        if (after.compareTo(before) <= 0) {
            throw InvalidInputException.of("items", "核定金额合计（" + after + "元）未高于原核定金额（" + before + "元）；不调增请选择维持原决定");
        }
        boolean confirming = appeal.proposedBy() != null
                && figures.sameAmountsAs(ApprovedFigures.requested(appeal.proposed(), benefits, appeal.proposedBy()));
        if (confirming && appeal.proposedBy().equals(user.username())) {
            throw new ConflictException("appeal", "调增金额已由您提出，须由另一名审核员按相同金额复核（双人审核）");
        }
        Instant now = now();
        if (!confirming && figures.needSecondReviewer(settings)) {
            if (!appeals.propose(appeal, user.username(), items)) throw new ConflictException(Claims.STALE);
            claim.record(user.username(), now, "申诉复核初审：调增至合计" + after + "元（" + figures.adjustments() + "），待另一名审核员复核");
            if (!repository.update(claim)) throw new ConflictException(Claims.STALE);
            return;
        }
        ReviewLevel total = settings.levelFor(after.amount());
        reviews.requireReach(user, total.compareTo(appeal.level()) > 0 ? total : appeal.level());
        Money supplement = after.minus(before);
        claim.appealRaised(user.username(), now, after.amount(), "申诉复核：调增给付，核定合计由" + before + "元调整为" + after + "元，补发"
                + supplement + "元" + (reason == null ? "" : "（" + reason + "）"));
        if (!repository.update(claim)) throw new ConflictException(Claims.STALE);
        repository.adjust(claim.id, figures.changedFrom(standing));
        payments.pay(claim, appeal, supplement);
        decided(claim, appeal, user, now, Appeal.Outcome.CHANGED, reason, Appeal.Figure.of(repository.benefits(claim.id), false), supplement,
                "调增给付，补发互助金" + supplement + "元");
    }

    /** An appeal raises figures, never lowers one: each problem is a 400 naming {@code items[i].amount}. */
    private static void requireNoneLowered(List<ClaimReviews.ItemAmount> items, List<StoredBenefit> benefits) {
        if (items == null) return;
        Map<String, StoredBenefit> byItem = Claims.byItem(benefits);
        Checks checks = new Checks();
        for (int i = 0; i < items.size(); i++) {
            ClaimReviews.ItemAmount a = items.get(i);
            StoredBenefit b = a == null || a.item() == null ? null : byItem.get(a.item().strip());
            if (b != null && a.amount() != null && a.amount().compareTo(b.effectiveAmount()) < 0) {
                checks.add("items[" + i + "].amount", "申诉复核只能调增，不能低于原核定金额" + b.effectiveAmount() + "元");
            }
        }
        checks.throwIfInvalid();
    }

    private void decided(Claim claim, Appeal appeal, CurrentUser user, Instant at, Appeal.Outcome outcome, String reason,
                         List<Appeal.Figure> figures, Money supplement, String result) {
        if (!appeals.decide(appeal, user.username(), at, outcome, reason, figures, supplement)) throw new ConflictException(Claims.STALE);
        news.appealDecided(claim, outcome == Appeal.Outcome.CHANGED, result);
    }

    /**
     * The pending appeals inside the reviewer's scope at the levels their office decides, oldest first: {@code limit} of
     * them after the first {@code offset}.
     */
    @Transactional(readOnly = true)
    public List<QueuedAppeal> queue(CurrentUser user, int limit, int offset) {
        return appeals.pending(user.scopePattern(), reachedLevels(user), limit, offset).stream()
                .map(p -> new QueuedAppeal(p.claimId(), p.memberId(), p.status(), p.status().chinese(), p.kind().name(), p.kind().chinese(),
                        p.level(), p.level().chinese(), p.lodgedAt(), p.onBehalf(), new Money(p.originalTotal())))
                .toList();
    }

    /** How many appeals {@link #queue} holds on all its pages. */
    public QueueSummary queueSummary(CurrentUser user) {
        return new QueueSummary(appeals.countPending(user.scopePattern(), reachedLevels(user)));
    }

    /** What the appeal queue holds on all its pages, not only the page shown: how many. */
    public record QueueSummary(long count) {
    }

    /** The review levels the reviewer's office decides: a reviewer's queue holds the appeals at those. */
    private List<ReviewLevel> reachedLevels(CurrentUser user) {
        if (!user.holds(Right.CLAIM_DECIDE)) throw new AccessDeniedException("only reviewers decide appeals");
        return Arrays.stream(ReviewLevel.values()).filter(l -> reviews.reaches(user, l)).toList();
    }

    private static Appeal.Outcome outcome(AppealDecision decision) {
        String said = decision == null || decision.outcome() == null ? "" : decision.outcome().strip();
        return Arrays.stream(Appeal.Outcome.values()).filter(o -> o.name().equals(said)).findFirst().orElseThrow(() ->
                InvalidInputException.of("outcome", "请选择维持原决定（UPHELD_ORIGINAL）或改变原决定（CHANGED）"));
    }

    static String required(String text, String field, String missing) {
        String t = optional(text, field);
        if (t == null) throw InvalidInputException.of(field, missing);
        return t;
    }

    private static String optional(String text, String field) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        if (t.length() > MAX_TEXT) throw InvalidInputException.of(field, "不能超过" + MAX_TEXT + "字（现为" + t.length() + "字）");
        return t;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
