package org.huzhu.claims;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.benefits.BenefitRequest.Expenses;
import org.huzhu.benefits.BenefitRequest.HospitalStay;
import org.huzhu.benefits.BenefitRequest.IncidentKind;
import org.huzhu.shared.web.ConflictException;

/**
 * One claim for one illness episode or accident, guarding its lifecycle:
 * <pre>
 * DRAFT → SUBMITTED → (RECOGNISED) → UNDER_REVIEW → APPROVED → PAYMENT_PENDING → PAID
 *                   ↘ APPROVED (low risk)     ↘ REJECTED      ↘ PAYMENT_FAILED → PAYMENT_PENDING
 *                   ↘ REJECTED (nothing payable)                 PAID → PAYMENT_FAILED (bounce)
 * DRAFT → WITHDRAWN (the worker withdraws a draft; its receipts are freed)
 * SUBMITTED / RECOGNISED / UNDER_REVIEW → MATERIALS_REQUESTED (退回补件) → UNDER_REVIEW (a reviewer asked) or
 *                                         SUBMITTED (the system asked: judged again), or → WITHDRAWN (unanswered)
 * REJECTED → APPEALED → APPROVED / REJECTED (the worker's appeal, decided one level up: {@link ClaimAppeals})
 * </pre>
 * A submitted claim that pays nothing only for want of a material (no expenses read yet, no stay, no
 * diagnosis) is never rejected by the system: it is sent back for the material ({@link #requestMaterials}).
 * State changes only through the intention-named methods below; each checks {@link ClaimStatus}'s
 * table (a breach is a 409 naming both states) and records who, when and why as a {@link Event}.
 * {@code version} is the optimistic lock the repository checks when it writes the claim back.
 */
final class Claim {

    static final String SYSTEM = "系统";

    record Facts(long memberId, Long unitId, String orgPath, IncidentKind kind, LocalDate incidentDate, List<String> diagnoses,
                 boolean death, Integer disabilityGrade, HospitalStay hospitalStay, Expenses expenses, List<String> claimedItems,
                 List<String> onFile) {

        /**
         * @param onFile material kinds the scheme already holds for the member (ID_CARD, BANK_CARD for a claim the worker files
         *               in the member app), so they are not asked for again
         */
        Facts {
            onFile = onFile == null ? List.of() : List.copyOf(onFile);
        }

        /** The kinds attached to the claim together with those on file. */
        java.util.Set<String> withOnFile(java.util.Collection<String> attached) {
            java.util.Set<String> all = new java.util.TreeSet<>(attached);
            all.addAll(onFile);
            return all;
        }
    }

    record Event(Instant at, String actor, ClaimStatus from, ClaimStatus to, String reason) {
    }

    final long id;
    final Facts facts;
    final String filedBy;
    final Instant createdAt;
    final int version;
    private ClaimStatus status;
    private ReviewLevel reviewLevel;
    private String firstApprovedBy;
    private BigDecimal approvedTotal;
    private LocalDate submittedOn;
    private LocalDate materialsCompleteOn;
    private LocalDate closedOn;
    private final List<Event> newEvents = new ArrayList<>(3);

    Claim(long id, Facts facts, String filedBy, Instant createdAt, int version, ClaimStatus status, ReviewLevel reviewLevel,
          String firstApprovedBy, BigDecimal approvedTotal, LocalDate submittedOn, LocalDate materialsCompleteOn, LocalDate closedOn) {
        this.id = id;
        this.facts = facts;
        this.filedBy = filedBy;
        this.createdAt = createdAt;
        this.version = version;
        this.status = status;
        this.reviewLevel = reviewLevel;
        this.firstApprovedBy = firstApprovedBy;
        this.approvedTotal = approvedTotal;
        this.submittedOn = submittedOn;
        this.materialsCompleteOn = materialsCompleteOn;
        this.closedOn = closedOn;
    }

    void submit(String by, Instant at, LocalDate today) {
        if (status != ClaimStatus.DRAFT) throw illegal(ClaimStatus.SUBMITTED);   // once; a claim sent back is judged again by itself
        move(ClaimStatus.SUBMITTED, by, at, "提交申请");
        submittedOn = today;
    }

    /** Submitted with receipts still being read and no expenses typed in: judged once they are read. */
    void awaitReading(Instant at) {
        newEvents.add(new Event(at, SYSTEM, status, status, "等待票据识别完成后自动测算"));
    }

    /**
     * Sent back for materials (退回补件): the payment promise pauses (no complete-materials day) until the last
     * requested material arrives.
     */
    void requestMaterials(String by, Instant at, String why) {
        if (firstApprovedBy != null) {
            newEvents.add(new Event(at, by, status, status, "退回补件，" + firstApprovedBy + "的初审核准作废，补齐后重新审核"));
            firstApprovedBy = null;
        }
        move(ClaimStatus.MATERIALS_REQUESTED, by, at, why);
        materialsCompleteOn = null;
    }

    /**
     * A step that does not move the claim, kept in the timeline: a waiver, an acknowledged warning, a step of an appeal
     * against an adjustment, the claim handed to a reviewer, taken, taken over or reassigned, a recovery after a check.
     */
    void record(String by, Instant at, String what) {
        newEvents.add(new Event(at, by, status, status, what));
    }

    /**
     * The last requested material has arrived: back to the reviewer who asked, or — asked by the system — submitted
     * again to be judged; the payment promise restarts today when nothing else is missing.
     */
    void materialsArrived(Instant at, LocalDate today, boolean backToReview, boolean complete) {
        move(backToReview ? ClaimStatus.UNDER_REVIEW : ClaimStatus.SUBMITTED, SYSTEM, at,
                "所需材料已补齐" + (backToReview ? "，退回审核员继续审核" : "，重新测算") + (complete ? "；自今日起重新计算7个工作日办结时限" : ""));
        if (complete) materialsCompleteOn = today;
    }

    /** A draft or a request for materials went unanswered for the set time: closed as withdrawn, never rejected. */
    void lapse(Instant at, LocalDate today, String why) {
        move(ClaimStatus.WITHDRAWN, SYSTEM, at, why);
        closedOn = today;
    }

    /** The worker withdraws a draft before submitting it. */
    void withdraw(String by, Instant at, LocalDate today) {
        move(ClaimStatus.WITHDRAWN, by, at, "撤回申请");
        closedOn = today;
    }

    /** The claim's receipts have been read; what was read now stands beside what was typed in. */
    void recognised(Instant at, String what) {
        move(ClaimStatus.RECOGNISED, SYSTEM, at, what);
    }

    /** Nothing the member holds pays for this incident. */
    void rejectAutomatically(Instant at, LocalDate today, String why) {
        move(ClaimStatus.REJECTED, SYSTEM, at, why);
        closedOn = today;
    }

    void approveAutomatically(Instant at, BigDecimal total, String why) {
        move(ClaimStatus.APPROVED, SYSTEM, at, why);
        approvedTotal = total;
    }

    void sendToReview(ReviewLevel level, Instant at, String why) {
        move(ClaimStatus.UNDER_REVIEW, SYSTEM, at, why);
        reviewLevel = level;
    }

    /**
     * The first of two approvals (maker-checker): figures that need a second reviewer (a large total, or an
     * item above its computed amount) are recorded as this reviewer's; the claim stays under review, at the
     * level their total calls for, until another reviewer approves exactly them.
     */
    void approveFirst(String by, Instant at, ReviewLevel level, String figures, String why) {
        requireReviewable(ClaimStatus.APPROVED);
        if (firstApprovedBy != null) throw new IllegalStateException("first approval already given");
        firstApprovedBy = by;
        reviewLevel = level;
        newEvents.add(new Event(at, by, status, status, "初审核准（" + figures + "），转" + level.chinese() + "，待另一名审核员复核"
                + suffix(why)));
    }

    /** Figures other than the ones first approved: that approval lapses, and the new figures need approving afresh. */
    void firstApprovalLapses(String by, Instant at) {
        requireReviewable(ClaimStatus.APPROVED);
        if (firstApprovedBy == null) return;
        newEvents.add(new Event(at, by, status, status, "核定金额与" + firstApprovedBy + "初审核准的不同，初审核准作废，重新审核"));
        firstApprovedBy = null;
    }

    /**
     * The deciding approval, of figures at {@code level}; under maker-checker it must come from someone
     * other than the first approver.
     */
    void approve(String by, Instant at, BigDecimal total, ReviewLevel level, String why) {
        requireReviewable(ClaimStatus.APPROVED);
        requireNotFirstApprover(by, "复核");
        move(ClaimStatus.APPROVED, by, at, (firstApprovedBy != null ? "复核核准" : "审核核准") + suffix(why));
        approvedTotal = total;
        reviewLevel = level;
    }

    /** A rejection; a claim waiting for its checker is rejected by another reviewer than its first approver. */
    void reject(String by, Instant at, LocalDate today, String why) {
        requireCanMoveTo(ClaimStatus.REJECTED);
        requireNotFirstApprover(by, "复核或拒付");
        move(ClaimStatus.REJECTED, by, at, why);
        closedOn = today;
    }

    /**
     * The worker appeals a rejection (申诉): the claim is open again at the appeal's review level, with no approval
     * given to it (a first approval of the original review does not count for the appeal).
     */
    void appeal(String by, Instant at, ReviewLevel level, String why) {
        move(ClaimStatus.APPEALED, by, at, why);
        reviewLevel = level;
        firstApprovedBy = null;
        closedOn = null;
    }

    /** An appeal raised an approved claim's figures to {@code total}; the difference is paid apart from the first payout. */
    void appealRaised(String by, Instant at, BigDecimal total, String why) {
        if (approvedTotal == null || total.compareTo(approvedTotal) <= 0) throw new IllegalStateException("an appeal only raises");
        record(by, at, why);
        approvedTotal = total;
    }

    void requestPayment(Instant at, String reference) {
        move(ClaimStatus.PAYMENT_PENDING, SYSTEM, at, "已生成支付指令 " + reference);
    }

    void materialsCompleted(LocalDate day) {
        if (materialsCompleteOn == null) materialsCompleteOn = day;
    }

    /** A 409 naming both states unless the table allows moving on to {@code next}. */
    void requireCanMoveTo(ClaimStatus next) {
        if (!status.canMoveTo(next)) throw illegal(next);
    }

    /**
     * Nobody decides a claim they filed or one of their own membership (the account's member), the
     * administrator included: a 409 saying which.
     */
    void requireDecidableBy(String username, Long ownMemberId) {
        if (username.equals(filedBy)) throw new ConflictException("不能审核本人提交的理赔申请，须由另一名审核员审核");
        if (ownMemberId != null && ownMemberId == facts.memberId()) {
            throw new ConflictException("不能审核本人（本人会员身份）的理赔申请，须由另一名审核员审核");
        }
    }

    private void requireNotFirstApprover(String by, String what) {
        if (by.equals(firstApprovedBy)) throw new ConflictException("该理赔已由您初审核准，须由另一名审核员" + what + "（双人审核）");
    }

    /** A reviewer acts only on a claim in review (or under appeal); otherwise a 409 naming the state. */
    private void requireReviewable(ClaimStatus attempted) {
        if (status != ClaimStatus.UNDER_REVIEW && status != ClaimStatus.RECOGNISED && status != ClaimStatus.APPEALED) throw illegal(attempted);
    }

    private void move(ClaimStatus to, String by, Instant at, String why) {
        if (!status.canMoveTo(to)) throw illegal(to);
        newEvents.add(new Event(at, by, status, to, why));
        status = to;
    }

    private ConflictException illegal(ClaimStatus attempted) {
        return new ConflictException("status", "理赔当前状态为「" + status.chinese() + "」（" + status + "），不能变为「"
                + attempted.chinese() + "」（" + attempted + "）");
    }

    private static String suffix(String why) {
        return why == null || why.isBlank() ? "" : "：" + why.strip();
    }

    ClaimStatus status() {
        return status;
    }

    ReviewLevel reviewLevel() {
        return reviewLevel;
    }

    String firstApprovedBy() {
        return firstApprovedBy;
    }

    BigDecimal approvedTotal() {
        return approvedTotal;
    }

    LocalDate submittedOn() {
        return submittedOn;
    }

    LocalDate materialsCompleteOn() {
        return materialsCompleteOn;
    }

    LocalDate closedOn() {
        return closedOn;
    }

    List<Event> newEvents() {
        return newEvents;
    }

    boolean open() {
        return open(status);
    }

    /** A claim in this state still takes documents and decisions. */
    static boolean open(ClaimStatus status) {
        return status != ClaimStatus.PAID && status != ClaimStatus.REJECTED && status != ClaimStatus.WITHDRAWN;
    }
}
