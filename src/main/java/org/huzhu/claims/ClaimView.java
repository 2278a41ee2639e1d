package org.huzhu.claims;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.benefits.BenefitRequest.Expenses;
import org.huzhu.benefits.BenefitRequest.HospitalStay;
import org.huzhu.benefits.BenefitRequest.IncidentKind;
import org.huzhu.benefits.BenefitResult.ComponentAmount;
import org.huzhu.benefits.BenefitResult.Decision;
import org.huzhu.benefits.BenefitResult.Reason;
import org.huzhu.shared.Money;

/**
 * A claim as its readers see it (GET /api/v1/claims/{id}): the facts filed, the status, every item's
 * benefit with its reasons, the timeline, the payment promise, hints and payout requests.
 * {@code approvedTotal} is what was approved after any adjustment; {@code computedTotal} what the rules give.
 * {@code medicalDataHidden}: the reader may not see medical data ({@link MedicalData}), so {@code diagnoses}
 * is null and documents carry no reading. {@code appeal}: the claim's appeal (申诉), if any; {@code appealableUntil}: the
 * last day an appeal may be lodged, while one may (null otherwise, and for readers who may not lodge one);
 * {@code letters}: the decision letters (决定书) the claim has, each at {@code GET …/letters/{number}}.
 */
public record ClaimView(long id, long memberId, IncidentKind kind, LocalDate incidentDate,
                        List<String> diagnoses, boolean death, Integer disabilityGrade, HospitalStay hospitalStay,
                        Expenses expenses, List<String> items, ClaimStatus status, String statusName,
                        ReviewLevel reviewLevel, String firstApprovedBy, Money computedTotal, Money approvedTotal,
                        LocalDate submittedOn, LocalDate materialsCompleteOn, List<String> missingMaterials,
                        Integer workingDaysElapsed, LocalDate promiseDueOn, boolean overdue, List<BenefitView> benefits,
                        List<HintView> hints, List<ReceiptView> receipts, List<DocumentView> documents,
                        List<TimelineEntry> timeline, List<PayoutRequestView> payoutRequests, String filedBy,
                        Instant createdAt, boolean medicalDataHidden, Evidence evidence, AppealView appeal, LocalDate appealableUntil,
                        List<LetterView> letters) {

    /** The claim's number as the worker reads it in texts ({@code CLM-000123}). */
    @com.fasterxml.jackson.annotation.JsonProperty("reference")
    public String reference() {
        return ClaimReference.of(id);
    }


    /**
     * What stands behind a decision (issue 19): the requests for materials made of the claim (退回补件; the open one last),
     * the requirements still unmet (by code, for a request or a waiver), the waivers given and the cross-checks of what
     * was read against the claim, each with who acknowledged it. {@code checks} is empty for readers who may not see
     * medical documents.
     */
    public record Evidence(List<MaterialRequestView> materialRequests, List<RequirementView> missingRequirements,
                           List<WaiverView> waivers, List<CheckView> checks) {

        static final Evidence NONE = new Evidence(List.of(), List.of(), List.of(), List.of());
    }

    /** A requirement by its code (its kinds joined by {@code |}) and its Chinese name ("出院小结或诊断证明书"). */
    public record RequirementView(String code, String name) {
    }

    /**
     * One 退回补件: coded reasons and what is wanted, by when; {@code status} OPEN, ANSWERED or LAPSED; {@code outstanding}
     * what of it has not arrived yet (empty once answered or lapsed).
     */
    public record MaterialRequestView(long id, Instant requestedAt, String requestedBy, List<ReasonNameView> reasons,
                                      List<RequirementView> requirements, String note, LocalDate dueOn, String status, String statusName,
                                      Instant answeredAt, Instant lapsedAt, List<RequirementView> outstanding) {
    }

    public record ReasonNameView(String code, String name) {
    }

    public record WaiverView(RequirementView requirement, String reasonCode, String reasonName, String note, String waivedBy,
                             Instant waivedAt) {
    }

    /** A cross-check warning: {@code key} is what an approval acknowledges; {@code documentId} null for the claim as a whole. */
    public record CheckView(String key, String code, String title, Long documentId, String message, String acknowledgedBy) {
    }

    public record BenefitView(String item, String plan, LocalDate coverageFrom, LocalDate coverageTo, Decision decision,
                              Money amount, List<ComponentAmount> components, List<Reason> reasons, Money adjustedAmount,
                              String adjustReason, String adjustedBy, AdjustmentReason adjustReasonCode, String adjustReasonName) {
    }

    public record HintView(String item, String itemName, Money amount, String message, List<String> missingMaterials) {
    }

    public record ReceiptView(String invoiceCode, String invoiceNumber, boolean electronic, Money amount) {
    }

    /**
     * {@code reading}: what recognition read from a receipt, a settlement statement, a discharge summary or a diagnosis
     * certificate; null for other kinds.
     */
    public record DocumentView(long id, String kind, String kindName, String fileName, String contentType, long size,
                               String sha256, String uploadedBy, Instant uploadedAt, ReadingView reading) {
    }

    /**
     * What was read from one document: {@code status} PENDING (being read), READ or UNREADABLE; the
     * fields as contract §2 names them with their confidence; {@code usedByClaimId} when the receipt
     * already backs another claim; {@code documentTypeName} the type's Chinese name; {@code diagnosisSuggestion}: for a discharge summary or a certificate, the ICD-10 code
     * its main diagnosis suggests (null when none is sure), which people confirm.
     */
    public record ReadingView(String status, String documentType, String source, java.util.Map<String, String> fields,
                              java.util.Map<String, Double> confidence, List<String> warnings, Long usedByClaimId,
                              String message, DiagnosisSuggestionView diagnosisSuggestion) {
        static final ReadingView PENDING = new ReadingView("PENDING", null, null, java.util.Map.of(), java.util.Map.of(),
                List.of(), null, "识别中", null);

        /** The document type's Chinese name (出院小结, 住院收费票据 …), from recognition's one list. */
        @com.fasterxml.jackson.annotation.JsonProperty("documentTypeName")
        public String documentTypeName() {
            return org.huzhu.recognition.DocumentKind.chineseOf(documentType);
        }
    }

    /**
     * The code a read diagnosis suggests ({@code how}: EXACT, SYNONYM, CONTAINED or NEAR) with its standard name and the
     * list's word that matched, and what was decided: {@code decision} null (to be confirmed), ACCEPTED (the claim's
     * diagnosis was set to it) or REJECTED (kept as it was), by whom and when.
     */
    public record DiagnosisSuggestionView(String code, String name, String matched, String how, String decision,
                                          String decidedBy, Instant decidedAt) {

        DiagnosisSuggestionView decided(String by, boolean accepted, Instant at) {
            return new DiagnosisSuggestionView(code, name, matched, how, accepted ? "ACCEPTED" : "REJECTED", by, at);
        }
    }

    public record TimelineEntry(Instant at, String actor, ClaimStatus from, ClaimStatus to, String toName, String reason) {

        /** The actor of the steps the system takes by itself (judging, sending back, closing what nobody answered). */
        public static final String SYSTEM = Claim.SYSTEM;
    }

    /**
     * A payout handed to the payouts side for this claim, as the payouts side reports it: status
     * (REQUESTED, BATCHED, SENT, SETTLED, FAILED, BOUNCED, REISSUED) with its Chinese name, the bank's
     * reason for a failure or a bounce, and the payouts it replaces or was replaced by.
     */
    public record PayoutRequestView(String reference, String payeeName, String bankName, String maskedAccount, Money amount,
                                    String status, Instant createdAt, String statusName, String reasonCode, String reason,
                                    String reissueOf, String reissuedBy, LocalDate settledOn) {
    }

    /**
     * A claim's appeal: what is appealed ({@code kind} REJECTION or ADJUSTMENT), who lodged it (on the worker's behalf or
     * not), when and why, the level that decides it, changed figures waiting for a second reviewer ({@code proposedBy},
     * {@code proposed}), and the outcome (UPHELD_ORIGINAL or CHANGED) with its figures' total and the supplement paid.
     * {@code reason} and {@code decisionReason} are free text and hidden ({@code null}) from readers who may not see
     * medical data.
     */
    public record AppealView(String kind, String kindName, String lodgedBy, boolean onBehalf, Instant lodgedAt, String reason,
                             ReviewLevel level, String levelName, boolean pending, String proposedBy, List<AppealItem> proposed,
                             String decidedBy, Instant decidedAt, String outcome, String outcomeName, String decisionReason,
                             Money originalTotal, Money decidedTotal, Money supplement, List<Long> documentIds) {

        AppealView withoutReasons() {
            return new AppealView(kind, kindName, lodgedBy, onBehalf, lodgedAt, null, level, levelName, pending, proposedBy, proposed,
                    decidedBy, decidedAt, outcome, outcomeName, null, originalTotal, decidedTotal, supplement, documentIds);
        }
    }

    /** An item's amount as proposed or decided on appeal. */
    public record AppealItem(String item, Money amount) {
    }

    /** A decision letter (决定书): its number on the claim, its title and the date of the decision it records. */
    public record LetterView(int number, String title, LocalDate decidedOn) {
    }

    /** One line of a claims list or review queue. */
    public record Summary(long id, long memberId, IncidentKind kind, LocalDate incidentDate, ClaimStatus status,
                          String statusName, ReviewLevel reviewLevel, Money computedTotal, Money approvedTotal,
                          LocalDate submittedOn, LocalDate materialsCompleteOn, Integer workingDaysElapsed,
                          LocalDate promiseDueOn, boolean overdue) {

        /** The claim's number as the worker reads it in texts ({@code CLM-000123}). */
        @com.fasterxml.jackson.annotation.JsonProperty("reference")
        public String reference() {
            return ClaimReference.of(id);
        }
    }
}
