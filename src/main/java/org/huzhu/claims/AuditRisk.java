package org.huzhu.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.huzhu.benefits.BenefitResult.Decision;
import org.huzhu.claims.ClaimRepository.StoredBenefit;
import org.huzhu.membership.Coverage;
import org.huzhu.shared.Money;

/**
 * The risk score of an automatic approval, 0 to 100: the sum of the weights of the factors found, at most 100, from
 * what the decision already holds (no query of its own). Factors: the incident within 30 days of a paying item's
 * cover start (a renewal without a gap excepted), a total at 90 % or more of the automatic-approval limit, earlier
 * payouts for the member in the same coverage period (1–2 items, or 3 and more), a receipt or statement read from a
 * photo, and what recognition read disagreeing with the claim: the payer's name, the stay's dates, the receipts' total.
 */
record AuditRisk(int score, List<Factor> factors) {

    enum Factor {
        EARLY_INCIDENT(25, "出险日距保障起期不足30天"),
        NEAR_LIMIT(20, "核准金额接近自动核准上限（90%以上）"),
        PAID_BEFORE(10, "本保障期内已有给付"),
        PAID_OFTEN(20, "本保障期内已给付3项次以上"),
        PHOTO_RECEIPT(10, "票据经拍照识别，非电子票据原文"),
        PAYER_MISMATCH(30, "票据交款人与职工姓名不符"),
        DATE_MISMATCH(20, "票据住院日期与申请不符"),
        TOTAL_MISMATCH(15, "票据金额合计与申报费用不符");

        private final int weight;
        private final String chinese;

        Factor(int weight, String chinese) {
            this.weight = weight;
            this.chinese = chinese;
        }

        int weight() {
            return weight;
        }

        String chinese() {
            return chinese;
        }
    }

    static final int EARLY_DAYS = 30;
    static final BigDecimal NEAR = new BigDecimal("0.90");

    /** What a decision knows that the score reads. */
    record Facts(Claim.Facts claim, String memberName, List<StoredBenefit> benefits, List<Coverage> coverages, BigDecimal total,
                 BigDecimal autoApproveBelow, List<StoredBenefit> paidEarlier, List<DocumentReadings.Reading> readings) {
    }

    static AuditRisk of(Facts f) {
        Set<Factor> found = EnumSet.noneOf(Factor.class);
        List<StoredBenefit> paying = f.benefits().stream().filter(b -> b.decision() != Decision.REJECT && b.amount().isPositive()).toList();
        if (paying.stream().anyMatch(b -> earlyIn(b, f))) found.add(Factor.EARLY_INCIDENT);
        if (f.total().compareTo(f.autoApproveBelow().multiply(NEAR)) >= 0) found.add(Factor.NEAR_LIMIT);
        long before = f.paidEarlier().stream().filter(e -> e.effectiveAmount().isPositive()
                && paying.stream().anyMatch(b -> b.coverageFrom().equals(e.coverageFrom()))).count();
        if (before >= 3) found.add(Factor.PAID_OFTEN);
        else if (before >= 1) found.add(Factor.PAID_BEFORE);
        readingFactors(f, found);
        List<Factor> factors = new ArrayList<>(found);
        return new AuditRisk(Math.min(100, factors.stream().mapToInt(Factor::weight).sum()), List.copyOf(factors));
    }

    private static boolean earlyIn(StoredBenefit b, Facts f) {
        boolean renewed = f.coverages().stream().anyMatch(c -> c.item().equals(b.item()) && b.coverageFrom().equals(c.from())
                && c.renewedWithoutGap());
        return !renewed && f.claim().incidentDate().isBefore(b.coverageFrom().plusDays(EARLY_DAYS));
    }

    private static void readingFactors(Facts f, Set<Factor> found) {
        Money receipts = Money.ZERO;
        boolean anyTotal = false;
        for (DocumentReadings.Reading r : f.readings()) {
            if (!"READ".equals(r.outcome())) continue;
            if ("OCR".equals(r.source())) found.add(Factor.PHOTO_RECEIPT);
            String payer = r.fields().get("payerName");
            if (payer != null && !payer.isBlank() && !plain(payer).equals(plain(f.memberName()))) found.add(Factor.PAYER_MISMATCH);
            var stay = f.claim().hospitalStay();
            if (stay != null && (differs(r.fields().get("admissionDate"), stay.admission())
                    || differs(r.fields().get("dischargeDate"), stay.discharge()))) {
                found.add(Factor.DATE_MISMATCH);
            }
            Money total = money(r.fields().get("total"));
            if (total != null && r.documentType() != null && r.documentType().endsWith("_RECEIPT")) {
                receipts = receipts.plus(total);
                anyTotal = true;
            }
        }
        var expenses = f.claim().expenses();
        if (anyTotal && expenses != null && receipts.compareTo(expenses.total()) != 0) found.add(Factor.TOTAL_MISMATCH);
    }

    /** A read date that is not the claimed one; what cannot be read as a date says nothing. */
    private static boolean differs(String read, LocalDate claimed) {
        if (read == null || claimed == null) return false;
        try {
            return !LocalDate.parse(read).equals(claimed);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static Money money(String read) {
        if (read == null) return null;
        try {
            return Money.of(read);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String plain(String name) {
        return name == null ? "" : name.replaceAll("\\s", "");
    }
}
