package org.huzhu.claims;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.huzhu.benefits.BenefitEngine;
import org.huzhu.benefits.BenefitRequest.Expenses;
import org.huzhu.benefits.BenefitRequest.HospitalStay;
import org.huzhu.benefits.BenefitRequest.IncidentKind;
import org.huzhu.catalogue.Catalogue;
import org.huzhu.claims.ClaimRepository.ReceiptRow;
import org.huzhu.claims.ClaimRepository.StoredBenefit;
import org.huzhu.claims.ClaimView.DocumentView;
import org.huzhu.ledger.ChartOfAccounts;
import org.huzhu.ledger.JournalEntry;
import org.huzhu.ledger.Ledger;
import org.huzhu.membership.Coverage;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.payouts.PayoutOrder;
import org.huzhu.payouts.PayoutStatus;
import org.huzhu.payouts.PayoutView;
import org.huzhu.payouts.Payouts;
import org.huzhu.shared.Money;
import org.huzhu.shared.calendar.BusinessCalendar;
import org.huzhu.shared.crypto.PersonalDataCipher;
import org.huzhu.shared.database.Pipeline;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.scope.Role;
import org.huzhu.shared.web.Checks;
import org.huzhu.shared.web.ConflictException;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.NotFoundException;
import org.huzhu.shared.web.UnreadableUploadException;
import org.huzhu.shared.web.UploadTooLargeException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claims front door: file a claim, attach its documents, submit it (judged, then approved
 * automatically, routed to review or rejected), read it within scope, and record what the payouts
 * side reports. Reviewers' decisions are in {@link ClaimReviews}.
 */
@Service
public class Claims {

    static final String STALE = "该理赔已被他人处理，请刷新后重试";

    private final ClaimRepository repository;
    private final Members members;
    private final PersonalDataCipher cipher;
    private final ClaimsProperties settings;
    private final ClaimViews views;
    private final Materials materials;
    private final ClaimJudge judge;
    private final Payouts payouts;
    private final Ledger ledger;
    private final Clock clock;
    private final DocumentReadings readings;
    private final ClaimNews news;
    private final ClaimDrafts drafts;
    private final MaterialRequests materialRequests;
    private final Catalogue catalogue;
    private org.springframework.transaction.support.TransactionTemplate requiresNew;

    @org.springframework.beans.factory.annotation.Autowired
    void transactions(org.springframework.transaction.PlatformTransactionManager transactions) {
        requiresNew = new org.springframework.transaction.support.TransactionTemplate(transactions);
        requiresNew.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private ReviewRouting routing;
    private AuditSampling sampling;
    private org.huzhu.membership.CoverMoney coverMoney;

    /** Issue 16: cover backed by declared money the bank has not shown goes to a reviewer, never approved automatically. */
    @org.springframework.beans.factory.annotation.Autowired
    void coverMoney(org.huzhu.membership.CoverMoney coverMoney) {
        this.coverMoney = coverMoney;
    }

    /** Issue 19: a claim sent to review is handed to its holder, an automatic approval may be drawn for a post-payment check. */
    @org.springframework.beans.factory.annotation.Autowired
    void office(ReviewRouting routing, AuditSampling sampling) {
        this.routing = routing;
        this.sampling = sampling;
    }

    Claims(ClaimRepository repository, Members members, BenefitEngine engine, Catalogue catalogue,
           PersonalDataCipher cipher, BusinessCalendar calendar, ClaimsProperties settings, Payouts payouts, Ledger ledger,
           Clock clock, DocumentReadings readings, ClaimNews news, DraftRepository draftRepository,
           MaterialRequestRepository requestRepository, AppealRepository appeals) {
        this.repository = repository;
        this.news = news;
        this.payouts = payouts;
        this.ledger = ledger;
        this.members = members;
        this.cipher = cipher;
        this.settings = settings;
        this.clock = clock;
        this.readings = readings;
        this.materials = Materials.load();
        this.judge = new ClaimJudge(engine, catalogue, materials);
        this.views = new ClaimViews(repository, members, materials, calendar, settings, payouts, clock, readings, requestRepository,
                appeals);
        this.drafts = new ClaimDrafts(repository, draftRepository, members, judge, clock);
        this.catalogue = catalogue;
        this.materialRequests = new MaterialRequests(repository, requestRepository, materials, news, settings, clock);
    }

    public record ReceiptLine(String invoiceCode, String invoiceNumber, Boolean electronic, Money amount) {
    }

    /** A new claim: the incident, the bill, the receipts, and optionally which items are claimed (default: every item held). */
    public record NewClaim(Long memberId, IncidentKind kind, LocalDate incidentDate, List<String> diagnoses, Boolean death,
                           Integer disabilityGrade, HospitalStay hospitalStay, Expenses expenses, List<ReceiptLine> receipts,
                           List<String> items) {
    }

    @Transactional
    public ClaimView file(NewClaim command, CurrentUser user) {
        return file(command, List.of(), user);
    }

    /**
     * Files a claim together with its documents, as a phone sends them in one request: all or nothing, one
     * transaction (the member and coverages read for the estimate, then the claim with everything it holds written in
     * one statement). The documents are checked as {@link #attach(long, List, CurrentUser)} checks them (problems name
     * {@code documents[i].kind}) and read in the background once the claim is saved.
     */
    @Transactional
    public ClaimView file(NewClaim command, List<NewDocument> documents, CurrentUser user) {
        return file(command, documents, user, List.of());
    }

    /**
     * A worker files their own claim in the member app: for themself only, and the ID card and bank card the scheme
     * already holds (the registered ID number, the payee card on file) are not asked for again.
     */
    @Transactional
    public ClaimView fileOwn(WhatHappened happened, NewClaim command, List<NewDocument> documents, CurrentUser user) {
        if (user.role() != Role.MEMBER || user.memberId() == null) throw new AccessDeniedException("only a worker files their own claim");
        if (command == null) throw InvalidInputException.of("claim", "缺少申请内容");
        List<String> items = command.items() != null && !command.items().isEmpty() ? command.items()
                : happened.items(members.claimant(user.memberId(), user).coverages().stream().map(Coverage::item).toList());
        NewClaim own = new NewClaim(user.memberId(), happened.kind(), command.incidentDate(), command.diagnoses(), command.death(),
                command.disabilityGrade(), command.hospitalStay(), command.expenses(), command.receipts(), items);
        List<String> onFile = members.payee(user.memberId()).isPresent() ? List.of("ID_CARD", "BANK_CARD") : List.of("ID_CARD");
        return file(own, documents, user, onFile);
    }

    private ClaimView file(NewClaim command, List<NewDocument> documents, CurrentUser user, List<String> onFile) {
        if (!user.holds(Right.CLAIM_FILE)) throw new AccessDeniedException("cannot file claims");
        if (command == null) throw InvalidInputException.of("body", "缺少请求体");
        if (documents == null) documents = List.of();
        List<ClaimRepository.NewDocumentRow> documentRows = documents.isEmpty() ? List.of() : documentRows(documents, "documents");
        Checks checks = new Checks();
        checks.require("memberId", command.memberId(), "职工");
        Members.Claimant claimant = null;
        if (command.memberId() != null) {
            try {
                claimant = members.claimant(command.memberId(), user);   // the member and the coverages in one statement
            } catch (NotFoundException e) {
                checks.add("memberId", "职工不存在或不在您的管辖范围内");
            }
        }
        List<ReceiptRow> receipts = receipts(command.receipts(), checks);
        checks.throwIfInvalid();
        Member member = claimant.member();
        org.huzhu.membership.MemberLifeEvents.requireAliveOn(member, command.incidentDate(), "incidentDate");
        List<Coverage> held = claimant.coverages();
        if (held.isEmpty()) throw InvalidInputException.of("memberId", "该职工没有参保记录，无法申领互助金");
        var unknown = ClaimJudge.unknownItems(command.items(), held);
        if (!unknown.isEmpty()) throw new InvalidInputException(unknown);

        List<String> diagnoses = command.diagnoses() == null ? List.of() : command.diagnoses().stream().map(d -> d == null ? null : d.strip()).toList();
        var facts = new Claim.Facts(member.id(), member.unitId(), member.orgPath(), command.kind(), command.incidentDate(), diagnoses,
                Boolean.TRUE.equals(command.death()), command.disabilityGrade(), command.hospitalStay(), command.expenses(),
                command.items() == null || command.items().isEmpty() ? null : List.copyOf(command.items()), onFile);
        // the engine's rules of form, answered with the claim's own field names; the estimate is kept until submission
        ClaimJudge.Judgement estimate = judge.judge(facts, member, held, (item, from) -> List.of(), today(), Set.of());
        Claim.Event created = new Claim.Event(now(), user.username(), null, ClaimStatus.DRAFT, "创建理赔申请");
        // the claim, its receipts, its first timeline entry, the estimate's benefits and the documents in one statement
        ClaimRepository.Inserted inserted = repository.insert(facts, user.username(), estimate.total(), estimate.hints(), receipts,
                created, estimate.benefits(), documentRows);
        if (inserted.receiptTaken() >= 0) throw receiptTaken(inserted.receiptTaken());   // the primary key said another claim has it
        long id = inserted.id();
        if (!documentRows.isEmpty()) readings.attached(inserted.documents(), documents.stream().map(NewDocument::content).toList(), id);
        // the view from what was just written, as a read-back would give it (nothing is read yet)
        Claim claim = new Claim(id, facts, user.username(), inserted.createdAt(), 0, ClaimStatus.DRAFT, null, null, null, null, null,
                null);
        return views.view(claim, new ClaimViews.Parts(estimate.benefits(), estimate.hints(), receipts, inserted.documents(),
                List.of(created), List.of(), List.of(), ClaimViews.Known.NOTHING));
    }

    // ---- drafts ------------------------------------------------------------------------------

    /**
     * A change to a draft; a null part stays as it is ({@code items} empty: every item held). {@code receipts}, when
     * given, replace the draft's receipts (each still backs one claim only); expenses given count as confirmed by a person.
     */
    public record DraftChange(IncidentKind kind, LocalDate incidentDate, List<String> diagnoses, HospitalStay hospitalStay,
                              Expenses expenses, List<String> items, List<ReceiptLine> receipts) {
    }

    /** Edits a draft, or confirms or corrects what was read from its photos ({@code why} says which), and estimates it again. */
    @Transactional
    public ClaimView changeDraft(long id, DraftChange change, String why, CurrentUser user) {
        drafts.change(visible(id, user), change, user, why);
        return views.view(load(id));
    }

    /** Claims another item the member holds with this draft (一并申领, the cross-benefit prompt). */
    @Transactional
    public ClaimView claimItemToo(long id, String item, CurrentUser user) {
        drafts.addItem(visible(id, user), item, user);
        return views.view(load(id));
    }

    /** Removes a document from a draft (a wrong or blurred photo); the draft is estimated again. */
    @Transactional
    public ClaimView removeDocument(long id, long documentId, CurrentUser user) {
        Claim claim = visible(id, user);
        DocumentView document = views.documents(id).stream().filter(d -> d.id() == documentId).findFirst()
                .orElseThrow(() -> new NotFoundException("材料不存在"));
        drafts.removeDocument(claim, documentId, document.kindName() + "（" + document.fileName() + "）", user);
        return views.view(load(id));
    }

    /** Withdraws a draft (DRAFT → WITHDRAWN): it is closed and its receipts may back another claim. */
    @Transactional
    public ClaimView withdraw(long id, CurrentUser user) {
        drafts.withdraw(visible(id, user), user);
        return views.view(load(id));
    }

    @Transactional
    public ClaimView submit(long id, CurrentUser user) {
        if (!user.holds(Right.CLAIM_FILE)) throw new AccessDeniedException("cannot submit claims");
        ClaimRepository.ForDecision read = repository.lockAndReadForDecision(id).filter(f -> visible(f.claim(), user))
                .orElseThrow(() -> new NotFoundException("理赔申请不存在"));
        Claim claim = read.claim();
        claim.requireCanMoveTo(ClaimStatus.SUBMITTED);
        // member, coverages, payee and the confirmation of the money behind the cover in one round trip
        Members.Claimant claimant = members.claimantToDecide(claim.facts.memberId(), user);
        if (claimant.payee().isEmpty()) throw InvalidInputException.of("memberId", "请先登记收款银行账户");
        LocalDate today = today();
        Instant now = now();
        claim.submit(user.username(), now, today);
        news.received(claim);
        DocumentReadings.Documents documents = readings.documents(read.documents());
        if (!read.expensesTyped() && documents.anyUnread()) {
            // receipts still being read and no expenses typed in: judged by the reader once the last one is read
            claim.awaitReading(now);
            if (!repository.update(claim)) throw new ConflictException(STALE);
            return views.view(load(id));
        }
        return decide(claim, read, documents, claimant, today, now);
    }

    /**
     * A claim that waited for its documents to be read is judged once the last one is read (by the reader, as the
     * system); so is one waiting for a material when a material arrives.
     */
    @Transactional
    public void judgeAfterReading(long id) {
        ClaimRepository.ForDecision read = repository.lockAndReadForDecision(id).orElse(null);
        if (read == null || !awaitingDecision(read.claim().status())) return;
        Claim claim = read.claim();
        DocumentReadings.Documents documents = readings.documents(read.documents());
        if (!read.expensesTyped() && documents.anyUnread()) return;   // the reader of the last one judges it
        Members.Claimant claimant = members.claimantToDecide(claim.facts.memberId(), SYSTEM);
        if (claimant.payee().isEmpty()) return;   // submission required one; a later removal leaves the claim for a reviewer
        decide(claim, read, documents, claimant, today(), now());
    }

    /** Submitted and not judged yet, or waiting for a material after a judgement that paid nothing for want of it. */
    static boolean awaitingDecision(ClaimStatus status) {
        return status == ClaimStatus.SUBMITTED || status == ClaimStatus.RECOGNISED;
    }

    private static final CurrentUser SYSTEM = new CurrentUser(0, Claim.SYSTEM, Role.ADMIN, "/", null, null, null);

    /**
     * Judges a submitted claim and approves it automatically, sends it to review or rejects it. The
     * caller holds the decision's locks and read the claim after taking them ({@link ClaimRepository#lockAndReadForDecision}).
     */
    private ClaimView decide(Claim claim, ClaimRepository.ForDecision read, DocumentReadings.Documents documents,
                             Members.Claimant claimant, LocalDate today, Instant now) {
        long id = claim.id;
        Set<String> attached = claim.facts.withOnFile(documents.documents().stream().map(ClaimRepository.DocumentRow::kind).toList());
        List<ReceiptRow> receipts = read.receipts();
        if (claim.status() == ClaimStatus.SUBMITTED && documents.readings().stream().anyMatch(r -> "READ".equals(r.outcome()))) {
            claim.recognised(now, DocumentReadings.summary(documents.readings()));
        }
        ClaimJudge.Judgement judgement = judge.judge(claim.facts, claimant.member(), claimant.coverages(),
                paidEarlier(read.paidEarlier()), today, attached);
        PendingPayout payout = null;
        List<Materials.Requirement> unmet = materials.unmet(materials.required(judgement.payingItems(), judgement.facts()), attached);
        Pipeline writes = new Pipeline();
        // a claim never sent back before has no request but the one made now; otherwise the view reads them
        boolean firstRequest = read.events().stream().noneMatch(e -> e.to() == ClaimStatus.MATERIALS_REQUESTED);
        Supplier<MaterialRequestRepository.Request> request = null;
        if (MaterialWait.applies(judgement.benefits(), claim.facts)) {
            // never rejected for a missing material: the claim is sent back for it (退回补件)
            List<Materials.Requirement> everyItem = materials.unmet(materials.required(
                    judgement.benefits().stream().map(StoredBenefit::item).toList(), judgement.facts()), attached);
            request = materialRequests.bySystem(claim, MaterialWait.wanted(everyItem, judgement.benefits(), claim.facts, materials),
                    MaterialWait.reasons(judgement.benefits(), claim.facts, attached), writes);
        } else if (judgement.nothingPayable()) {
            claim.rejectAutomatically(now, today, "各保障项目均不予给付：" + ClaimViews.reasonsText(judgement.benefits()));
            news.rejected(claim, judgement.benefits(), true);
        } else if (!unmet.isEmpty()) {
            // submitted incomplete: asked for what is missing, not approved or reviewed without it
            request = materialRequests.bySystem(claim, unmet, List.of(MaterialRequestReason.MISSING), writes);
        } else {
            claim.materialsCompleted(today);
            String unbacked = coverMoney.unconfirmedOn(claimant, claim.facts.incidentDate()).orElse(null);
            if (unbacked == null && lowRisk(receipts, judgement, true) && documents.readings().stream().noneMatch(r -> r.usedByClaimId() != null)) {
                claim.approveAutomatically(now, judgement.total(), "低风险案件自动核准（电子票据、金额低于" + settings.autoApproveBelow() + "元、材料齐全）");
                payout = requestPayment(claim, now, judgement.total());
                news.approved(claim, judgement.benefits(), claimant.payee().orElseThrow(), true);
            } else {
                ReviewLevel level = settings.levelFor(judgement.total());
                claim.sendToReview(level, now, (unbacked == null ? "" : unbacked + "，")
                        + "转" + level.chinese() + "审核（测算金额" + new Money(judgement.total()) + "元）");
            }
        }
        // the state change, its timeline entries and the new judgement's benefits in one statement; the estimate's benefits
        // are replaced only when the judgement differs from them
        boolean unchanged = read.benefits().equals(judgement.benefits());
        if (!unchanged) repository.deleteBenefits(id);
        // the claim's update, its request for materials, and on approval the benefit's journal and the payout order, travel
        // in one round trip
        Supplier<Boolean> saved = repository.update(claim, judgement.total(), judgement.hints(), unchanged ? List.of() : judgement.benefits(),
                writes);
        Supplier<PayoutView> requested = payout == null ? null : handOver(claim, payout, claimant.payee().orElseThrow(), writes);
        Supplier<Claim.Event> routed = routing.routed(claim, now, writes);   // its holder in review, in the same round trip
        if (payout != null) sampling.approvedAutomatically(claim, judgement, claimant, documents.readings(), read.paidEarlier(), today, writes);
        repository.send(writes);
        if (!saved.get()) throw new ConflictException(STALE);
        List<PayoutView> handedOver = requested == null ? List.of() : List.of(requested.get());   // a draft had none before
        List<Claim.Event> timeline = new ArrayList<>(read.events());
        timeline.addAll(claim.newEvents());
        if (routed != null) timeline.add(routed.get());
        return views.view(claim, new ClaimViews.Parts(judgement.benefits(), judgement.hints(), receipts, documents.documents(),
                timeline, handedOver, documents.readings(), !firstRequest ? ClaimViews.Known.NOTHING
                        : ClaimViews.Known.fresh(claimant.member().name(), request == null ? List.of() : List.of(request.get()))));
    }

    /** What the member's other approved claims paid, looked up per (item, coverage from). */
    private static java.util.function.BiFunction<String, LocalDate, List<StoredBenefit>> paidEarlier(List<StoredBenefit> earlier) {
        return (item, from) -> earlier.stream().filter(b -> b.item().equals(item) && b.coverageFrom().equals(from)).toList();
    }

    /** What the member's other approved claims paid, read once and looked up per (item, coverage from). */
    private java.util.function.BiFunction<String, LocalDate, List<StoredBenefit>> paidEarlier(long memberId, long exceptClaim) {
        return paidEarlier(repository.paidEarlier(memberId, exceptClaim));
    }

    /**
     * Before a final approval: locks the member's money decisions and judges the claim again against
     * what has been approved for the member since it was submitted. Returns the fresh judgement when
     * any item's amount changed (another claim used part of a cap meanwhile), else null.
     */
    ClaimJudge.Judgement rejudgeBeforeApproval(Claim claim, CurrentUser user) {
        Members.Claimant claimant = members.claimant(claim.facts.memberId(), user);
        Member member = claimant.member();
        repository.lockMember(member.id());
        Set<String> attached = repository.documentKinds(claim.id);
        ClaimJudge.Judgement fresh = judge.judge(claim.facts, member, claimant.coverages(),
                paidEarlier(member.id(), claim.id), claim.submittedOn(), attached);
        List<ClaimRepository.StoredBenefit> stored = repository.benefits(claim.id);
        for (ClaimRepository.StoredBenefit now : fresh.benefits()) {
            boolean same = stored.stream().anyMatch(b -> b.position() == now.position() && b.amount().compareTo(now.amount()) == 0);
            if (!same) return fresh;
        }
        return null;
    }

    /**
     * Adds an item the member holds to a claim in review or sent back (the hint's 一并申领, done by a reviewer), judges
     * it again and keeps the new judgement; the timeline says who added it and which materials it now needs.
     */
    void addItemInReview(Claim claim, String item, CurrentUser user) {
        if (item == null || item.isBlank()) throw InvalidInputException.of("item", "请选择要增补申领的保障项目");
        String code = item.strip();
        Members.Claimant claimant = members.claimant(claim.facts.memberId(), user);
        List<String> items = new ArrayList<>(claim.facts.claimedItems() != null ? claim.facts.claimedItems()
                : claimant.coverages().stream().map(Coverage::item).distinct().toList());
        if (items.contains(code)) throw new ConflictException("item", "该保障项目已在本次申领中");
        items.add(code);
        var unknown = ClaimJudge.unknownItems(items, claimant.coverages());
        if (!unknown.isEmpty()) throw InvalidInputException.of("item", "该职工没有参加此保障项目：" + code);
        Claim.Facts f = claim.facts;
        Claim.Facts facts = new Claim.Facts(f.memberId(), f.unitId(), f.orgPath(), f.kind(), f.incidentDate(), f.diagnoses(), f.death(),
                f.disabilityGrade(), f.hospitalStay(), f.expenses(), List.copyOf(items), f.onFile());
        rejudgeInReview(claim, facts, claimant, user, "增补申领项目「" + catalogue.itemName(code) + "」",
                () -> repository.changeClaimedItems(claim.id, claim.version, items));
    }

    /**
     * Sets a claim's diagnoses in review (a reviewer adopted the code a discharge summary suggests), judges it again and keeps
     * the new judgement; the timeline says who changed it, the operation log that the diagnosis changed (not to what).
     */
    void changeDiagnosesInReview(Claim claim, List<String> diagnoses, CurrentUser user, String why) {
        Members.Claimant claimant = members.claimant(claim.facts.memberId(), user);
        Claim.Facts f = claim.facts;
        Claim.Facts facts = new Claim.Facts(f.memberId(), f.unitId(), f.orgPath(), f.kind(), f.incidentDate(), List.copyOf(diagnoses),
                f.death(), f.disabilityGrade(), f.hospitalStay(), f.expenses(), f.claimedItems(), f.onFile());
        rejudgeInReview(claim, facts, claimant, user, why, () -> repository.changeDiagnoses(claim.id, claim.version, facts.diagnoses()));
        MedicalData.diagnosisChanged(claim.id);
    }

    /**
     * Judges a claim in review again with changed facts, writes the change ({@code write}: false when the claim changed since it
     * was read) and keeps the judgement, the timeline saying what changed and the new total.
     */
    private void rejudgeInReview(Claim claim, Claim.Facts facts, Members.Claimant claimant, CurrentUser user, String what,
                                 java.util.function.BooleanSupplier write) {
        repository.lockMember(facts.memberId());
        Set<String> attached = facts.withOnFile(repository.documentKinds(claim.id));
        ClaimJudge.Judgement fresh = judge.judge(facts, claimant.member(), claimant.coverages(), paidEarlier(facts.memberId(), claim.id),
                claim.submittedOn() == null ? today() : claim.submittedOn(), attached);
        List<String> missing = materials.missing(materials.required(fresh.payingItems(), fresh.facts()), attached);
        if (!write.getAsBoolean()) throw new ConflictException(STALE);
        repository.saveJudgement(claim.id, fresh.benefits(), fresh.total(), fresh.hints(), settings.levelFor(fresh.total()),
                new Claim.Event(now(), user.username(), claim.status(), claim.status(), what + "，重新测算合计" + new Money(fresh.total())
                        + "元" + (missing.isEmpty() ? "" : "；还需材料：" + String.join("、", missing))));
    }

    /**
     * Keeps a fresh judgement even though the approval that found it is refused; a first approval given to the
     * old figures lapses with them, and the claim goes to the level the fresh total calls for.
     */
    void saveJudgementApart(Claim claim, ClaimJudge.Judgement judgement, Instant at) {
        Claim.Event lapsed = claim.firstApprovedBy() == null ? null : new Claim.Event(at, Claim.SYSTEM, claim.status(), claim.status(),
                "测算金额已变化（" + new Money(judgement.total()) + "元），" + claim.firstApprovedBy() + "的初审核准作废，须重新审核");
        requiresNew.executeWithoutResult(status -> {
            repository.saveJudgement(claim.id, judgement.benefits(), judgement.total(), judgement.hints(),
                    settings.levelFor(judgement.total()), lapsed);
            routing.rerouted(claim, settings.levelFor(judgement.total()), at);   // a new level may be another office's
        });
    }

    /** Low risk: something to pay under the threshold, only electronic receipts, complete materials, no date-sensitive rejection. */
    private boolean lowRisk(List<ReceiptRow> receipts, ClaimJudge.Judgement judgement, boolean complete) {
        return complete && judgement.total().signum() > 0 && judgement.total().compareTo(settings.autoApproveBelow()) < 0
                && !receipts.isEmpty() && receipts.stream().allMatch(ReceiptRow::electronic)
                && !ClaimJudge.needsHumanEyes(judgement.benefits());
    }

    // ---- documents -------------------------------------------------------------------------

    /** A kind of document a claim may carry, with its Chinese name (claims/materials.yaml), in the file's order. */
    public record DocumentKindName(String kind, String name) {
    }

    /** Every kind of document a claim may carry, with its Chinese name, in the order of claims/materials.yaml. */
    public List<DocumentKindName> documentKinds() {
        return materials.kinds().entrySet().stream().map(e -> new DocumentKindName(e.getKey(), e.getValue())).toList();
    }

    /** One document to attach: its kind (claims/materials.yaml), the uploaded file's name and its bytes. */
    public record NewDocument(String kind, String fileName, byte[] content) {
    }

    @Transactional
    public DocumentView attach(long id, String kind, String fileName, byte[] content, CurrentUser user) {
        return attach(id, List.of(new NewDocument(kind, fileName, content)), user).getFirst();
    }

    /**
     * Attaches several documents at once, all or none: one transaction, one insert, and the receipts
     * among them read together in the background. Problems name {@code kind} for a single document
     * and {@code documents[i].kind} for several.
     */
    @Transactional
    public List<DocumentView> attach(long id, List<NewDocument> documents, CurrentUser user) {
        if (!user.holds(Right.CLAIM_DOCUMENT_ADD)) throw new AccessDeniedException("cannot attach documents");
        if (documents == null || documents.isEmpty()) throw InvalidInputException.of("file", "缺少材料文件");
        List<ClaimRepository.NewDocumentRow> rows = documentRows(documents, documents.size() == 1 ? null : "documents");
        // the claim's header and the documents in one statement; a claim the user may not see is rolled back as not found
        ClaimRepository.Attached attached = repository.insertDocumentsIfOpen(id, rows, user.username())
                .filter(a -> visible(a.claim().memberId(), a.claim().orgPath(), user))
                .orElseThrow(() -> new NotFoundException("理赔申请不存在"));
        ClaimRepository.Header claim = attached.claim();
        if (!Claim.open(claim.status())) throw new ConflictException("status", "理赔已办结（" + claim.status().chinese() + "），不能再上传材料");
        List<ClaimRepository.DocumentRow> stored = attached.documents();
        boolean judgeAgain = false;
        if (claim.status() == ClaimStatus.MATERIALS_REQUESTED) {
            Claim sentBack = load(id);
            judgeAgain = materialRequests.answerIfComplete(sentBack, views.missingMaterials(sentBack).isEmpty());
        } else if (claim.status() != ClaimStatus.DRAFT && claim.materialsCompleteOn() == null) {
            completeMaterialsIfNowComplete(load(id));
        }
        readings.attached(stored, documents.stream().map(NewDocument::content).toList(), id);
        boolean nothingToRead = stored.stream().noneMatch(d -> DocumentReadings.AWAITED_KINDS.contains(d.kind()));
        if (judgeAgain || awaitingDecision(claim.status()) && nothingToRead) judgeAfterReading(id);   // the last material it asked for came
        return stored.stream().map(views::document).toList();
    }

    /**
     * Checks uploaded documents (kind, size, type) and encrypts them for storage. Problems name {@code kind} when
     * {@code list} is null (a single upload), else {@code list[i].kind}.
     */
    List<ClaimRepository.NewDocumentRow> documentRows(List<NewDocument> documents, String list) {
        List<ClaimRepository.NewDocumentRow> rows = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            String kind = documents.get(i) == null ? null : documents.get(i).kind();
            String field = list == null ? "kind" : list + "[" + i + "].kind";
            if (kind == null || kind.isBlank()) throw InvalidInputException.of(field, "缺少材料类型（" + String.join("、", materials.kinds().keySet()) + "）");
            if (!materials.knows(kind.strip())) {
                throw InvalidInputException.of(field, "材料类型须为 " + String.join("、", materials.kinds().keySet()) + " 之一：" + kind);
            }
        }
        for (NewDocument document : documents) {
            byte[] content = document.content();
            if (content.length > settings.maxDocumentBytes()) {
                throw new UploadTooLargeException("材料文件不能超过" + settings.maxDocumentBytes() / (1024 * 1024) + "MB");
            }
            if (content.length == 0) throw new UnreadableUploadException("上传的文件是空的");
            DocumentType type = DocumentType.of(content);
            if (type == null) throw new UnreadableUploadException("只接受 PDF、OFD 电子票据或 PNG、JPEG 图片");
            String name = document.fileName() == null || document.fileName().isBlank() ? "document" : document.fileName().strip();
            rows.add(new ClaimRepository.NewDocumentRow(document.kind().strip(), name, type.contentType(), content.length, sha256(content),
                    cipher.encryptBytes(content)));
        }
        return rows;
    }

    /** After submission, the day the last missing document arrives starts the payment promise. */
    private void completeMaterialsIfNowComplete(Claim claim) {
        if (claim.status() == ClaimStatus.DRAFT || claim.status() == ClaimStatus.MATERIALS_REQUESTED || claim.materialsCompleteOn() != null) return;
        if (!views.missingMaterials(claim).isEmpty()) return;
        claim.materialsCompleted(today());
        if (!repository.update(claim)) throw new ConflictException(STALE);
    }

    public List<DocumentView> documents(long id, CurrentUser user) {
        visible(id, user);
        return views.documents(id);
    }

    public record Download(String fileName, String contentType, byte[] content) {
    }

    public Download document(long id, long documentId, CurrentUser user) {
        MedicalData.requireReadableBy(user);
        visible(id, user);
        DocumentView meta = views.documents(id).stream().filter(d -> d.id() == documentId).findFirst()
                .orElseThrow(() -> new NotFoundException("材料不存在"));
        byte[] stored = repository.documentContent(id, documentId).orElseThrow(() -> new NotFoundException("材料不存在"));
        return new Download(meta.fileName(), meta.contentType(), PersonalDataCipher.isText(stored)
                ? Base64.getDecoder().decode(cipher.decrypt(stored))   // documents stored before 2026-11-23
                : cipher.decryptBytes(stored));
    }

    // ---- reading -----------------------------------------------------------------------------

    /** One snapshot: the claim, its receipts, documents and readings as one committed state (a reading lands between queries otherwise). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ClaimView view(long id, CurrentUser user) {
        return views.view(visible(id, user));
    }

    public List<ClaimView.Summary> list(CurrentUser user, ClaimStatus status, Boolean overdue, Long memberId, ReviewLevel level,
                                        int limit, int offset) {
        Long onlyMember = null;
        if (user.role() == Role.MEMBER) {
            if (user.memberId() == null) return List.of();
            onlyMember = user.memberId();
        }
        String scope = user.role() == Role.MEMBER ? "%" : user.scopePattern();
        int fetch = overdue == null ? limit : 5000;
        List<ClaimView.Summary> rows = repository.list(scope, onlyMember, status, memberId, level, fetch, overdue == null ? offset : 0)
                .stream().map(views::summary).toList();
        if (overdue == null) return rows;
        return rows.stream().filter(s -> s.overdue() == overdue).skip(offset).limit(limit).toList();
    }

    // ---- payment ------------------------------------------------------------------------------

    /**
     * A claim whose payout failed or bounced is paid again: the payouts side re-issues its last payout
     * to the member's current bank account under the next reference; the claim moves back to
     * PAYMENT_PENDING when it hears of it ({@link PaymentProgress}).
     */
    @Transactional
    public ClaimView retryPayment(long id, CurrentUser user) {
        if (!user.holds(Right.PAYMENT_RETRY)) throw new AccessDeniedException("only finance retries payments");
        Claim claim = visible(id, user);
        claim.requireCanMoveTo(ClaimStatus.PAYMENT_PENDING);
        PayoutView last = payouts.ofSource(PaymentProgress.source(id)).stream()
                .filter(p -> p.status() == PayoutStatus.FAILED || p.status() == PayoutStatus.BOUNCED)
                .reduce((a, b) -> b).orElseThrow(() -> new ConflictException("status", "该理赔没有可重新支付的失败支付指令"));
        payouts.reissue(last.reference(), user);
        return views.view(load(id));
    }

    // ---- shared with the reviews -------------------------------------------------------------

    Claim visible(long id, CurrentUser user) {
        return repository.find(id).filter(c -> visible(c, user)).orElseThrow(() -> new NotFoundException("理赔申请不存在"));
    }

    static boolean visible(Claim c, CurrentUser user) {
        return visible(c.facts.memberId(), c.facts.orgPath(), user);
    }

    private static boolean visible(long memberId, String orgPath, CurrentUser user) {
        if (user.role() == Role.MEMBER) return user.memberId() != null && user.memberId() == memberId;
        return user.sees(orgPath);
    }

    Claim load(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("理赔申请不存在"));
    }

    ClaimViews views() {
        return views;
    }

    MaterialRequests materialRequests() {
        return materialRequests;
    }

    Materials materials() {
        return materials;
    }

    /** The working days from complete materials within which a claim is paid (the payment promise). */
    public int promisedWorkingDays() {
        return settings.paymentPromiseWorkingDays();
    }

    /** A payout to hand over once the claim that asked for it is saved. */
    record PendingPayout(String reference, Money amount) {
    }

    /**
     * Moves an approved claim on to PAYMENT_PENDING; the caller hands the payout over after saving the claim.
     * A claim is approved once, so this is always its first payout (a retry is a re-issue by the payouts side).
     */
    PendingPayout requestPayment(Claim claim, Instant now, BigDecimal amount) {
        String reference = PaymentProgress.reference(claim.id, 1);
        claim.requestPayment(now, reference);
        return new PendingPayout(reference, new Money(amount));
    }

    /**
     * After a reviewer's approval: books the benefit (Dr 5101 Cr 2202), hands the payout order to payouts and
     * tells of the approval, in this transaction.
     */
    void handOver(Claim claim, PendingPayout payout) {
        if (payout == null) return;
        Pipeline pipeline = new Pipeline();
        Members.Payee payee = members.payee(claim.facts.memberId())
                .orElseThrow(() -> new ConflictException("memberId", "请先登记收款银行账户"));
        Supplier<PayoutView> requested = handOver(claim, payout, payee, pipeline);
        repository.send(pipeline);
        requested.get();   // a source that has a live payout already is a 409
        news.approved(claim, repository.benefits(claim.id), payee, false);
    }

    /** The benefit's journal and the payout order, added to the caller's pipeline; the payout as written once it is sent. */
    private Supplier<PayoutView> handOver(Claim claim, PendingPayout payout, Members.Payee payee, Pipeline pipeline) {
        ledger.post(new JournalEntry("claim:" + claim.id + ":approved", "CLAIM", Long.toString(claim.id),
                "互助金核准 理赔#" + claim.id, today(), claim.facts.orgPath(),
                List.of(JournalEntry.Line.debit(ChartOfAccounts.BENEFIT_EXPENSE, payout.amount()),
                        JournalEntry.Line.credit(ChartOfAccounts.CLAIMS_PAYABLE, payout.amount()))), pipeline);
        return payouts.request(new PayoutOrder(payout.reference(), PaymentProgress.source(claim.id), payee.name(),
                payee.account().bankName(), payee.account().number(), payout.amount(), claim.facts.orgPath(), payee.accountChangedAt()),
                pipeline);
    }

    /** Now, to the microsecond PostgreSQL keeps, so that what a view shows equals what is read back later. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static final Pattern INVOICE_CODE = Pattern.compile("\\d{8}");
    private static final Pattern INVOICE_NUMBER = Pattern.compile("\\d{10}");

    static List<ReceiptRow> receipts(List<ReceiptLine> lines, Checks checks) {
        List<ReceiptRow> rows = new ArrayList<>();
        if (lines == null) return rows;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            ReceiptLine r = lines.get(i);
            String at = "receipts[" + i + "]";
            if (r == null) {
                checks.add(at, "票据不能为空");
                continue;
            }
            String code = r.invoiceCode() == null ? null : r.invoiceCode().strip();
            String number = r.invoiceNumber() == null ? null : r.invoiceNumber().strip();
            boolean ok = true;
            if (code == null || !INVOICE_CODE.matcher(code).matches()) ok = problem(checks, at + ".invoiceCode", "票据代码应为8位数字");
            if (number == null || !INVOICE_NUMBER.matcher(number).matches()) ok = problem(checks, at + ".invoiceNumber", "票据号码应为10位数字");
            if (r.electronic() == null) ok = problem(checks, at + ".electronic", "请注明是否为电子票据");
            if (r.amount() == null) ok = problem(checks, at + ".amount", "缺少票据金额");
            else if (r.amount().isNegative()) ok = problem(checks, at + ".amount", "票据金额不能为负数");
            if (!ok) continue;
            if (!seen.add(code + "/" + number)) checks.add(at + ".invoiceNumber", "同一张票据重复填写：" + code + " " + number);
            rows.add(new ReceiptRow(code, number, r.electronic(), r.amount()));
        }
        return rows;
    }

    private static boolean problem(Checks checks, String field, String message) {
        checks.add(field, message);
        return false;
    }

    static ConflictException receiptTaken(int i) {
        return new ConflictException("receipts[" + i + "].invoiceNumber", "该票据（票据代码+票据号码）已用于其他理赔申请，一张票据只能申领一次");
    }

    /** One digest per thread: looking the algorithm up costs more than hashing a small document. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static String sha256(byte[] content) {
        return HexFormat.of().formatHex(SHA256.get().digest(content));
    }

    static Map<String, StoredBenefit> byItem(List<StoredBenefit> benefits) {
        return benefits.stream().collect(Collectors.toMap(StoredBenefit::item, b -> b, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
