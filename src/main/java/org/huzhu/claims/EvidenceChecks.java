package org.huzhu.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huzhu.benefits.BenefitRequest.HospitalStay;
import org.huzhu.claims.ClaimView.CheckView;
import org.huzhu.claims.ClaimView.DocumentView;
import org.huzhu.shared.Money;

/**
 * What a reviewer must look at before approving (issue 19, item 2): each document's recognised fields compared with
 * the claim — the payer against the member, the dates against the stay and the incident, the receipts' total against
 * the expenses entered, a receipt already backing another claim. Every mismatch is a warning with a stable key
 * ({@code CODE:documentId}); a claim is approved only once the approving reviewer has acknowledged each one.
 */
final class EvidenceChecks {

    enum Check {
        PAYER("付款人与申请人不一致"), DATES("日期与申请不一致"), TOTAL("票据金额与填报费用不一致"), USED("票据已用于其他申请");

        final String title;

        Check(String title) {
            this.title = title;
        }
    }

    private EvidenceChecks() {
    }

    /** Whether a reading could give a warning at all: one document was read (the member's name is only needed then). */
    static boolean anyRead(List<DocumentView> documents) {
        return documents.stream().anyMatch(d -> d.reading() != null && "READ".equals(d.reading().status()));
    }

    static List<CheckView> of(Claim.Facts facts, String memberName, List<DocumentView> documents, List<ClaimView.ReceiptView> typed,
                              List<MaterialRequestRepository.Acknowledgement> acknowledged) {
        List<CheckView> checks = new ArrayList<>();
        Money readTotal = Money.ZERO;
        boolean anyReceiptTotal = false;
        for (DocumentView d : documents) {
            if (d.reading() == null || !"READ".equals(d.reading().status())) continue;
            Map<String, String> f = d.reading().fields();
            String payer = f.get("payerName");
            if (payer != null && memberName != null && !sameName(payer, memberName)) {
                checks.add(check(Check.PAYER, d, "票据付款人「" + payer.strip() + "」与申请人「" + memberName + "」不一致", acknowledged));
            }
            String patient = f.get("patientName");
            if (payer == null && patient != null && memberName != null && !sameName(patient, memberName)) {
                checks.add(check(Check.PAYER, d, "病历上的患者「" + patient.strip() + "」与申请人「" + memberName + "」不一致", acknowledged));
            }
            String dates = dateProblem(facts, f);
            if (dates != null) checks.add(check(Check.DATES, d, dates, acknowledged));
            if (d.reading().usedByClaimId() != null) {
                checks.add(check(Check.USED, d, "该票据已用于申请 " + ClaimReference.of(d.reading().usedByClaimId()) + "，同一张票据只能申领一次",
                        acknowledged));
            } else if (f.get("total") != null && f.get("invoiceNumber") != null) {
                readTotal = readTotal.plus(Money.of(f.get("total")));
                anyReceiptTotal = true;
                String typedAmount = typedAmountDiffering(f, typed);
                if (typedAmount != null) checks.add(check(Check.TOTAL, d, typedAmount, acknowledged));
            }
        }
        if (anyReceiptTotal && facts.expenses() != null && facts.expenses().total() != null
                && readTotal.amount().compareTo(facts.expenses().total().amount()) != 0) {
            BigDecimal gap = facts.expenses().total().amount().subtract(readTotal.amount());
            checks.add(new CheckView(Check.TOTAL.name() + ":0", Check.TOTAL.name(), Check.TOTAL.title, null,
                    "识别的票据合计 " + readTotal + " 元，填报的医疗费用 " + facts.expenses().total() + " 元，相差 " + new Money(gap.abs()) + " 元",
                    acknowledgedBy(Check.TOTAL.name() + ":0", acknowledged)));
        }
        return checks;
    }

    /** The read dates against the claim: a stay read differently, or a receipt issued before the incident. */
    private static String dateProblem(Claim.Facts facts, Map<String, String> f) {
        LocalDate admission = date(f.get("admissionDate"));
        LocalDate discharge = date(f.get("dischargeDate"));
        LocalDate issued = date(f.get("issueDate"));
        HospitalStay stay = facts.hospitalStay();
        List<String> problems = new ArrayList<>();
        if (stay != null && admission != null && !admission.equals(stay.admission())) {
            problems.add("识别的入院日期 " + admission + "，申请填报 " + stay.admission());
        }
        if (stay != null && discharge != null && !discharge.equals(stay.discharge())) {
            problems.add("识别的出院日期 " + discharge + "，申请填报 " + stay.discharge());
        }
        if (issued != null && facts.incidentDate() != null && issued.isBefore(facts.incidentDate())) {
            problems.add("开票日期 " + issued + " 早于事故（确诊）日期 " + facts.incidentDate());
        }
        LocalDate visited = date(f.get("visitDate"));
        if (visited != null && facts.incidentDate() != null && visited.isBefore(facts.incidentDate())) {
            problems.add("就诊日期 " + visited + " 早于事故（确诊）日期 " + facts.incidentDate());
        }
        return problems.isEmpty() ? null : String.join("；", problems);
    }

    /** The amount typed in for the same receipt (code and number) when it is not the total read from it. */
    private static String typedAmountDiffering(Map<String, String> f, List<ClaimView.ReceiptView> typed) {
        Money read = Money.of(f.get("total"));
        for (ClaimView.ReceiptView r : typed) {
            if (!f.get("invoiceNumber").equals(r.invoiceNumber()) || r.amount() == null) continue;
            if (f.get("invoiceCode") != null && r.invoiceCode() != null && !f.get("invoiceCode").equals(r.invoiceCode())) continue;
            if (r.amount().amount().compareTo(read.amount()) == 0) return null;
            return "票据号码 " + r.invoiceNumber() + " 识别的金额合计 " + read + " 元，填报的票据金额 " + r.amount() + " 元";
        }
        return null;
    }

    private static CheckView check(Check check, DocumentView d, String message, List<MaterialRequestRepository.Acknowledgement> acknowledged) {
        String key = check.name() + ":" + d.id();
        return new CheckView(key, check.name(), check.title, d.id(), d.kindName() + "（" + d.fileName() + "）：" + message,
                acknowledgedBy(key, acknowledged));
    }

    private static String acknowledgedBy(String key, List<MaterialRequestRepository.Acknowledgement> acknowledged) {
        return acknowledged.stream().filter(a -> a.checkKey().equals(key)).map(MaterialRequestRepository.Acknowledgement::acknowledgedBy)
                .findFirst().orElse(null);
    }

    /** Names compared without spaces (OCR often splits a name); a masked reading ("黄*英") is never the same. */
    private static boolean sameName(String read, String member) {
        return read.replaceAll("\\s", "").equals(member.replaceAll("\\s", ""));
    }

    private static LocalDate date(String text) {
        if (text == null) return null;
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
