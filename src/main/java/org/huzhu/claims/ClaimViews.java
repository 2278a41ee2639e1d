package org.huzhu.claims;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.huzhu.claims.ClaimRepository.StoredBenefit;
import org.huzhu.claims.ClaimView.BenefitView;
import org.huzhu.claims.ClaimView.DocumentView;
import org.huzhu.claims.ClaimView.HintView;
import org.huzhu.claims.ClaimView.PayoutRequestView;
import org.huzhu.claims.ClaimView.ReceiptView;
import org.huzhu.claims.ClaimView.TimelineEntry;
import org.huzhu.membership.Members;
import org.huzhu.payouts.PayoutView;
import org.huzhu.payouts.Payouts;
import org.huzhu.shared.Money;
import org.huzhu.shared.calendar.BusinessCalendar;

/** Builds what readers see of a claim from the stored rows; read-only. */
final class ClaimViews {

    private final ClaimRepository repository;
    private final Members members;
    private final Materials materials;
    private final BusinessCalendar calendar;
    private final ClaimsProperties settings;
    private final Payouts payouts;
    private final Clock clock;
    private final DocumentReadings readings;
    private final MaterialRequestRepository requests;
    private final AppealRepository appeals;

    ClaimViews(ClaimRepository repository, Members members, Materials materials, BusinessCalendar calendar,
               ClaimsProperties settings, Payouts payouts, Clock clock, DocumentReadings readings, MaterialRequestRepository requests,
               AppealRepository appeals) {
        this.requests = requests;
        this.appeals = appeals;
        this.payouts = payouts;
        this.readings = readings;
        this.repository = repository;
        this.members = members;
        this.materials = materials;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    /** Everything a view shows besides the claim row itself ({@code appeal}: the claim's appeal, if it has one). */
    record Parts(List<StoredBenefit> benefits, List<ClaimRepository.Hint> hints, List<ClaimRepository.ReceiptRow> receipts,
                 List<ClaimRepository.DocumentRow> documents, List<Claim.Event> events, List<PayoutView> payouts,
                 List<DocumentReadings.Reading> readings, Known known, Appeal appeal) {

        /** Parts of a claim that has no appeal (a claim just filed or judged), with what the caller knows of its evidence. */
        Parts(List<StoredBenefit> benefits, List<ClaimRepository.Hint> hints, List<ClaimRepository.ReceiptRow> receipts,
              List<ClaimRepository.DocumentRow> documents, List<Claim.Event> events, List<PayoutView> payouts,
              List<DocumentReadings.Reading> readings, Known known) {
            this(benefits, hints, receipts, documents, events, payouts, readings, known, null);
        }

        /** Parts whose documents' readings are read when the view is built (if any document is of a kind that is read). */
        Parts(List<StoredBenefit> benefits, List<ClaimRepository.Hint> hints, List<ClaimRepository.ReceiptRow> receipts,
              List<ClaimRepository.DocumentRow> documents, List<Claim.Event> events, List<PayoutView> payouts) {
            this(benefits, hints, receipts, documents, events, payouts, null, Known.NOTHING, null);
        }
    }

    /**
     * What the caller already knows of the claim's evidence, so the view reads nothing again: the member's name (for the
     * cross-checks), the material requests, waivers and acknowledgements; a null part is read when needed.
     */
    record Known(String memberName, List<MaterialRequestRepository.Request> requests, List<MaterialRequestRepository.Waiver> waivers,
                 List<MaterialRequestRepository.Acknowledgement> acknowledgements) {

        static final Known NOTHING = new Known(null, null, null, null);

        /** A claim just filed or judged for the first time: no request, waiver or acknowledgement can exist yet. */
        static Known fresh(String memberName, List<MaterialRequestRepository.Request> requests) {
            return new Known(memberName, requests, List.of(), List.of());
        }
    }

    ClaimView view(Claim c) {
        Appeal appeal = appeals.find(c.id).orElse(null);
        List<PayoutView> paid = payouts.ofSource(PaymentProgress.source(c.id));
        if (appeal != null && appeal.supplement() != null) {   // what an appeal added is paid under its own source
            paid = java.util.stream.Stream.concat(paid.stream(), payouts.ofSource(PaymentProgress.supplementSource(c.id)).stream()).toList();
        }
        return view(c, new Parts(repository.benefits(c.id), repository.hints(c.id), repository.receipts(c.id),
                repository.documents(c.id), repository.events(c.id), paid, null, Known.NOTHING, appeal));
    }

    /** The view from parts the caller already holds (a claim it has just written), without reading them back. */
    ClaimView view(Claim c, Parts parts) {
        List<StoredBenefit> benefits = parts.benefits();
        List<DocumentView> documents = MedicalRecordChecks.withStayWarnings(parts.readings() == null ? documents(c.id, parts.documents())
                : documents(parts.documents(), parts.readings()), c.facts.hospitalStay());
        Set<String> attached = new TreeSet<>(c.facts.onFile());
        documents.forEach(d -> attached.add(d.kind()));
        PaymentPromise promise = promise(c);
        AppealViews.Part appeal = AppealViews.of(c, parts.events(), benefits, parts.appeal(), settings.appealDays(), clock.getZone(),
                LocalDate.now(clock));
        var f = c.facts;
        List<ReceiptView> receipts = parts.receipts().stream().map(r -> new ReceiptView(r.invoiceCode(), r.invoiceNumber(), r.electronic(),
                r.amount())).toList();
        List<Materials.Requirement> unmet = materials.unmet(materials.required(payingItems(benefits), ClaimJudgeFacts.of(f)), attached);
        return new ClaimView(c.id, f.memberId(), f.kind(), f.incidentDate(), f.diagnoses(), f.death(),
                f.disabilityGrade(), f.hospitalStay(), f.expenses(), f.claimedItems(), c.status(), c.status().chinese(),
                c.reviewLevel(), c.firstApprovedBy(), computedTotal(benefits),
                c.approvedTotal() == null ? null : new Money(c.approvedTotal()), c.submittedOn(), c.materialsCompleteOn(),
                unmet.stream().map(materials::name).toList(), promise.workingDaysElapsed(), promise.promiseDueOn(), promise.overdue(),
                benefits.stream().map(ClaimViews::benefit).toList(),
                parts.hints().stream().map(h -> new HintView(h.item(), h.itemName(), h.amount(), h.message(),
                        h.missingMaterials())).toList(),
                receipts,
                documents,
                parts.events().stream().map(e -> new TimelineEntry(e.at(), e.actor(), e.from(), e.to(), e.to().chinese(),
                        e.reason())).toList(),
                parts.payouts().stream().map(p -> new PayoutRequestView(p.reference(), p.payeeName(), p.bankName(),
                        p.maskedAccount(), p.amount(), p.status().name(), p.requestedAt(), p.statusName(), p.reasonCode(), p.reason(),
                        p.reissueOf(), p.reissuedBy(), p.settledOn())).toList(),
                c.filedBy, c.createdAt, false, evidence(c, unmet, documents, receipts, parts.known()), appeal.appeal(), appeal.appealableUntil(),
                appeal.letters());
    }

    /** The requests for materials, the unmet requirements, the waivers and the cross-checks of the claim. */
    private ClaimView.Evidence evidence(Claim c, List<Materials.Requirement> unmet, List<DocumentView> documents, List<ReceiptView> receipts,
                                        Known known) {
        List<ClaimView.RequirementView> missing = unmet.stream().map(this::requirement).toList();
        if (c.status() == ClaimStatus.DRAFT) return new ClaimView.Evidence(List.of(), missing, List.of(), List.of());
        List<MaterialRequestRepository.Request> asked = known.requests() != null ? known.requests() : requests.of(c.id);
        List<MaterialRequestRepository.Waiver> waived = known.waivers() != null ? known.waivers() : requests.waivers(c.id);
        List<MaterialRequestRepository.Acknowledgement> acknowledged = known.acknowledgements() != null ? known.acknowledgements()
                : requests.acknowledgements(c.id);
        List<ClaimView.CheckView> checks = List.of();
        if (EvidenceChecks.anyRead(documents)) {
            String name = known.memberName() != null ? known.memberName()
                    : members.contact(c.facts.memberId()).map(Members.Contact::name).orElse(null);
            checks = EvidenceChecks.of(c.facts, name, documents, receipts, acknowledged);
        }
        return new ClaimView.Evidence(asked.stream().map(this::request).toList(), missing,
                waived.stream().map(w -> new ClaimView.WaiverView(requirement(w.requirement()), w.reason().name(), w.reason().chinese(),
                        w.note(), w.waivedBy(), w.waivedAt())).toList(), checks);
    }

    private ClaimView.MaterialRequestView request(MaterialRequestRepository.Request r) {
        String status = r.answeredAt() != null ? "ANSWERED" : r.lapsedAt() != null ? "LAPSED" : "OPEN";
        String statusName = switch (status) {
            case "ANSWERED" -> "已补齐";
            case "LAPSED" -> "逾期未补，已按撤回处理";
            default -> "待补充";
        };
        return new ClaimView.MaterialRequestView(r.id(), r.requestedAt(), r.requestedBy(),
                r.reasons().stream().map(x -> new ClaimView.ReasonNameView(x.name(), x.chinese())).toList(),
                r.requirements().stream().map(this::requirement).toList(), r.note(), r.dueOn(), status, statusName, r.answeredAt(),
                r.lapsedAt(), outstanding(r));
    }

    /** What of an open request has not arrived since it was made. */
    private List<ClaimView.RequirementView> outstanding(MaterialRequestRepository.Request r) {
        if (!r.open()) return List.of();
        List<String> arrived = r.justMade() ? List.of() : requests.kindsArrivedSince(r);
        return r.requirements().stream().filter(code -> {
            Materials.Requirement req = materials.requirement(code);
            return req != null && !req.metBy(arrived);
        }).map(this::requirement).toList();
    }

    private ClaimView.RequirementView requirement(String code) {
        Materials.Requirement r = materials.requirement(code);
        return new ClaimView.RequirementView(code, r == null ? code : materials.name(r));
    }

    private ClaimView.RequirementView requirement(Materials.Requirement r) {
        return new ClaimView.RequirementView(r.code(), materials.name(r));
    }

    ClaimView.Summary summary(ClaimRepository.Listed row) {
        Claim c = row.claim();
        PaymentPromise promise = promise(c);
        return new ClaimView.Summary(c.id, c.facts.memberId(), c.facts.kind(), c.facts.incidentDate(), c.status(),
                c.status().chinese(), c.reviewLevel(), row.computedTotal() == null ? null : new Money(row.computedTotal()),
                c.approvedTotal() == null ? null : new Money(c.approvedTotal()), c.submittedOn(), c.materialsCompleteOn(),
                promise.workingDaysElapsed(), promise.promiseDueOn(), promise.overdue());
    }

    PaymentPromise promise(Claim c) {
        return PaymentPromise.of(calendar, settings.paymentPromiseWorkingDays(), c.materialsCompleteOn(), c.closedOn(),
                LocalDate.now(clock));
    }

    List<DocumentView> documents(long claimId) {
        return documents(claimId, repository.documents(claimId));
    }

    /** The documents with what was read from them (read only when the claim has documents of a kind that is read). */
    private List<DocumentView> documents(long claimId, List<ClaimRepository.DocumentRow> rows) {
        return documents(rows, rows.stream().anyMatch(d -> DocumentReadings.READ_KINDS.contains(d.kind())) ? readings.readingsOf(claimId)
                : List.of());
    }

    /** The documents with the readings the caller already holds. */
    private List<DocumentView> documents(List<ClaimRepository.DocumentRow> rows, List<DocumentReadings.Reading> readings) {
        java.util.Map<Long, DocumentReadings.Reading> read = readings.stream()
                .collect(java.util.stream.Collectors.toMap(DocumentReadings.Reading::documentId, r -> r));
        return rows.stream().map(d -> document(d, read.get(d.id()))).toList();
    }

    /** A document just attached: a receipt is being read. */
    DocumentView document(ClaimRepository.DocumentRow d) {
        return document(d, null);
    }

    private DocumentView document(ClaimRepository.DocumentRow d, DocumentReadings.Reading r) {
        ClaimView.ReadingView reading = r != null
                ? new ClaimView.ReadingView(r.outcome(), r.documentType(), r.source(), r.fields(), r.confidence(), r.warnings(),
                        r.usedByClaimId(), r.message(), r.suggestion())
                : DocumentReadings.READ_KINDS.contains(d.kind()) ? ClaimView.ReadingView.PENDING : null;
        return new DocumentView(d.id(), d.kind(), materials.kindName(d.kind()), d.fileName(), d.contentType(), d.size(), d.sha256(),
                d.uploadedBy(), d.uploadedAt(), reading);
    }

    List<String> missingMaterials(Claim c) {
        return missingMaterials(c, repository.benefits(c.id), c.facts.withOnFile(repository.documentKinds(c.id)));
    }

    /**
     * The materials still missing for the items that pay something (all claimed items while nothing
     * has been judged to pay): always ID card and bank card, then per item (claims/materials.yaml).
     */
    private List<String> missingMaterials(Claim c, List<StoredBenefit> benefits, Set<String> attached) {
        return materials.missing(materials.required(payingItems(benefits), ClaimJudgeFacts.of(c.facts)), attached);
    }

    /** The items that pay something, or all of them while nothing is judged to pay. */
    private static List<String> payingItems(List<StoredBenefit> benefits) {
        List<String> paying = benefits.stream().filter(b -> b.decision() != org.huzhu.benefits.BenefitResult.Decision.REJECT)
                .map(StoredBenefit::item).toList();
        return paying.isEmpty() ? benefits.stream().map(StoredBenefit::item).toList() : paying;
    }

    private static Money computedTotal(List<StoredBenefit> benefits) {
        Money total = Money.ZERO;
        for (StoredBenefit b : benefits) total = total.plus(b.amount());
        return total;
    }

    private static BenefitView benefit(StoredBenefit b) {
        return new BenefitView(b.item(), b.plan(), b.coverageFrom(), b.coverageTo(), b.decision(), b.amount(), b.components(),
                b.reasons(), b.adjustedAmount(), b.adjustReason(), b.adjustedBy(), b.adjustReasonCode(),
                b.adjustReasonCode() == null ? null : b.adjustReasonCode().chinese());
    }

    /** Every item's reasons in one line, for the timeline of an automatic rejection. */
    static String reasonsText(List<StoredBenefit> benefits) {
        return benefits.stream().flatMap(b -> b.reasons().stream()).map(r -> r.message()).distinct()
                .collect(Collectors.joining("；"));
    }
}
