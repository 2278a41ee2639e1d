package org.huzhu.claims;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.claims.ClaimRepository.ReceiptRow;
import org.huzhu.membership.Members;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;

/**
 * A draft changed before it is submitted: its facts edited, the figures read from its photos confirmed or
 * corrected (receipts, hospital stay, expenses), another item the member holds claimed with it (一并申领), or the
 * draft withdrawn, which frees its receipts for another claim. Each change estimates the draft again.
 * Called by {@link Claims} inside its transactions.
 */
final class ClaimDrafts {

    private final ClaimRepository repository;
    private final DraftRepository drafts;
    private final Members members;
    private final ClaimJudge judge;
    private final Clock clock;

    ClaimDrafts(ClaimRepository repository, DraftRepository drafts, Members members, ClaimJudge judge, Clock clock) {
        this.repository = repository;
        this.drafts = drafts;
        this.members = members;
        this.judge = judge;
        this.clock = clock;
    }

    void change(Claim claim, Claims.DraftChange change, CurrentUser user, String why) {
        if (!user.holds(Right.CLAIM_FILE)) throw new AccessDeniedException("cannot change claims");
        if (change == null || nothingIn(change)) throw InvalidInputException.of("body", "没有要修改的内容");
        requireDraft(claim, "修改");
        Checks checks = new Checks();
        List<ReceiptRow> receipts = change.receipts() == null ? null : Claims.receipts(change.receipts(), checks);
        checks.throwIfInvalid();
        Claim.Facts before = claim.facts;
        Claim.Facts after = merged(before, change);
        estimate(claim, after, user);
        if (receipts != null) {
            List<ReceiptRow> kept = keepElectronicFlag(receipts, repository.receipts(claim.id));
            int taken = drafts.replaceReceipts(claim.id, kept);
            if (taken >= 0) throw Claims.receiptTaken(taken);
        }
        drafts.appendEvent(claim.id, new Claim.Event(now(), user.username(), ClaimStatus.DRAFT, ClaimStatus.DRAFT, why));
        if (!before.diagnoses().equals(after.diagnoses())) MedicalData.diagnosisChanged(claim.id);
    }

    /** Estimates the draft with these facts again and writes them with the estimate, if the draft is as it was read. */
    private void estimate(Claim claim, Claim.Facts facts, CurrentUser user) {
        Members.Claimant claimant = members.claimant(facts.memberId(), user);
        var unknown = ClaimJudge.unknownItems(facts.claimedItems(), claimant.coverages());
        if (!unknown.isEmpty()) throw new InvalidInputException(unknown);
        ClaimJudge.Judgement estimate = judge.judge(facts, claimant.member(), claimant.coverages(), (item, from) -> List.of(),
                LocalDate.now(clock), facts.withOnFile(repository.documentKinds(claim.id)));
        if (!drafts.rewrite(claim.id, claim.version, facts, estimate.total(), estimate.hints())) throw new ConflictException(Claims.STALE);
        repository.replaceBenefits(claim.id, estimate.benefits());
    }

    /** Removes a document from a draft (a wrong or blurred photo) with what was read from it, and estimates the draft again. */
    void removeDocument(Claim claim, long documentId, String what, CurrentUser user) {
        if (!user.holds(Right.CLAIM_FILE)) throw new AccessDeniedException("cannot change claims");
        requireDraft(claim, "删除材料");
        if (!drafts.removeDocument(claim.id, documentId)) throw new org.huzhu.shared.web.NotFoundException("材料不存在");
        estimate(claim, claim.facts, user);
        drafts.appendEvent(claim.id, new Claim.Event(now(), user.username(), ClaimStatus.DRAFT, ClaimStatus.DRAFT, "删除材料：" + what));
    }

    /** Claims another item the member holds with this draft (一并申领); the draft's items until now stay claimed. */
    void addItem(Claim claim, String item, CurrentUser user) {
        if (item == null || item.isBlank()) throw InvalidInputException.of("item", "请选择要一并申领的保障项目");
        requireDraft(claim, "增加申领项目");
        List<String> claimed = claim.facts.claimedItems();
        if (claimed == null || claimed.contains(item.strip())) throw new ConflictException("item", "该保障项目已在本次申领中");
        List<String> items = new ArrayList<>(claimed);
        items.add(item.strip());
        change(claim, new Claims.DraftChange(null, null, null, null, null, items, null), user, "一并申领" + item.strip());
    }

    void withdraw(Claim claim, CurrentUser user) {
        if (!user.holds(Right.CLAIM_FILE)) throw new AccessDeniedException("cannot withdraw claims");
        requireDraft(claim, "撤回");
        claim.withdraw(user.username(), now(), LocalDate.now(clock));
        if (!repository.update(claim)) throw new ConflictException(Claims.STALE);
        drafts.freeReceipts(claim.id);
    }

    private static void requireDraft(Claim claim, String what) {
        if (claim.status() != ClaimStatus.DRAFT) {
            throw new ConflictException("status", "申请已" + claim.status().chinese() + "，只有草稿可以" + what);
        }
    }

    private static boolean nothingIn(Claims.DraftChange c) {
        return c.kind() == null && c.incidentDate() == null && c.diagnoses() == null && c.hospitalStay() == null && c.expenses() == null
                && c.items() == null && c.receipts() == null;
    }

    private static Claim.Facts merged(Claim.Facts f, Claims.DraftChange c) {
        List<String> diagnoses = c.diagnoses() == null ? f.diagnoses()
                : c.diagnoses().stream().filter(d -> d != null && !d.isBlank()).map(String::strip).toList();
        List<String> items = c.items() == null ? f.claimedItems() : c.items().isEmpty() ? null : List.copyOf(c.items());
        return new Claim.Facts(f.memberId(), f.unitId(), f.orgPath(), c.kind() == null ? f.kind() : c.kind(),
                c.incidentDate() == null ? f.incidentDate() : c.incidentDate(), diagnoses, f.death(), f.disabilityGrade(),
                c.hospitalStay() == null ? f.hospitalStay() : c.hospitalStay(), c.expenses() == null ? f.expenses() : c.expenses(),
                items, f.onFile());
    }

    /** A corrected receipt keeps what was known of it (electronic or paper); a new one is a paper receipt. */
    private static List<ReceiptRow> keepElectronicFlag(List<ReceiptRow> corrected, List<ReceiptRow> stored) {
        return corrected.stream().map(r -> new ReceiptRow(r.invoiceCode(), r.invoiceNumber(), stored.stream()
                .anyMatch(s -> s.electronic() && s.invoiceCode().equals(r.invoiceCode()) && s.invoiceNumber().equals(r.invoiceNumber())),
                r.amount())).toList();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
