package org.huzhu.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.huzhu.benefits.BenefitRequest.Expenses;
import org.huzhu.benefits.BenefitRequest.HospitalStay;
import org.huzhu.benefits.BenefitRequest.IncidentKind;
import org.huzhu.benefits.BenefitResult.Component;
import org.huzhu.shared.Gender;

/**
 * The facts of one checked request, derived once and shared by every coverage's policies: the
 * incident, its stay, the diagnoses as {@link IcdCode} slots, the expenses and what was already paid.
 */
final class Claim {

    final Gender gender;
    final IncidentKind kind;
    final LocalDate incidentDate;
    final HospitalStay stay;
    final String[] diagnoses;
    final int[] diagnosisSlots;
    final boolean died;
    final Integer disabilityGrade;
    final Expenses expenses;
    final LocalDate submittedOn;
    final Cover[] covers;
    private final String[] paidItem;
    private final Component[] paidComponent;
    private final BigDecimal[] paidAmount;
    private final int[] paidDays;

    Claim(Gender gender, IncidentKind kind, LocalDate incidentDate, HospitalStay stay, String[] diagnoses,
          int[] diagnosisSlots, boolean died, Integer disabilityGrade, Expenses expenses, LocalDate submittedOn,
          Cover[] covers, String[] paidItem, Component[] paidComponent, BigDecimal[] paidAmount, int[] paidDays) {
        this.gender = gender;
        this.kind = kind;
        this.incidentDate = incidentDate;
        this.stay = stay;
        this.diagnoses = diagnoses;
        this.diagnosisSlots = diagnosisSlots;
        this.died = died;
        this.disabilityGrade = disabilityGrade;
        this.expenses = expenses;
        this.submittedOn = submittedOn;
        this.covers = covers;
        this.paidItem = paidItem;
        this.paidComponent = paidComponent;
        this.paidAmount = paidAmount;
        this.paidDays = paidDays;
    }

    /** The claim deadline counts from the discharge date, or from the incident date without a stay. */
    LocalDate deadlineBase() {
        return stay != null ? stay.discharge() : incidentDate;
    }

    /** Calendar days between admission and discharge (0 for a same-day stay); 0 without a stay. */
    int hospitalDays() {
        return stay == null ? 0 : (int) ChronoUnit.DAYS.between(stay.admission(), stay.discharge());
    }

    BigDecimal alreadyPaid(String item, Component component) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < paidItem.length; i++) {
            if (paidComponent[i] == component && paidItem[i].equals(item)) sum = sum.add(paidAmount[i]);
        }
        return sum;
    }

    int alreadyPaidAllowanceDays(String item) {
        int sum = 0;
        for (int i = 0; i < paidItem.length; i++) {
            if (paidComponent[i] == Component.ALLOWANCE && paidItem[i].equals(item)) sum += paidDays[i];
        }
        return sum;
    }
}
