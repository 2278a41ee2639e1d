package org.huzhu.benefits;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.LocalDate;
import java.util.List;
import org.huzhu.shared.Gender;
import org.huzhu.shared.Money;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One incident and the coverages it is claimed against (contract §1). Boxed fields are null when
 * the client left them out; {@link BenefitEngine#calculate} checks the rules of form.
 */
public record BenefitRequest(Member member, List<Coverage> coverages, Incident incident, Expenses expenses,
                             List<AlreadyPaid> alreadyPaid, LocalDate submittedOn) {

    public record Member(Gender gender, LocalDate birthDate) {
    }

    /** A coverage the member holds: item, plan and shares for the period [from, to]. */
    public record Coverage(String item, String plan, @JsonDeserialize(using = WholeNumber.class) Integer shares, LocalDate from, LocalDate to,
                           Boolean renewedWithoutGap) {

        boolean renewed() {
            return Boolean.TRUE.equals(renewedWithoutGap);
        }
    }

    /** {@code date} is the diagnosis date of an illness or the day of an accident. */
    public record Incident(IncidentKind kind, LocalDate date, List<String> diagnoses, Boolean death,
                           @JsonDeserialize(using = WholeNumber.class) Integer disabilityGrade, HospitalStay hospitalStay) {

        boolean died() {
            return Boolean.TRUE.equals(death);
        }
    }

    public record HospitalStay(LocalDate admission, LocalDate discharge) {
    }

    /**
     * The hospital bill: {@code selfPaid} (个人自付) is the in-catalogue cost the worker paid after basic
     * medical insurance, {@code selfFunded} (个人自费) the cost outside the catalogue.
     */
    public record Expenses(Money total, Money fundPaid, Money selfPaid, Money selfFunded) {
    }

    /** Paid earlier for the same item in the same coverage period; {@code days} counts allowance days. */
    public record AlreadyPaid(String item, String component, Money amount,
                              @JsonDeserialize(using = WholeNumber.class) Integer days) {
    }

    public enum IncidentKind {
        ILLNESS("疾病"), ACCIDENT("意外伤害");

        private final String chinese;

        IncidentKind(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }

        @JsonCreator
        public static IncidentKind of(String text) {
            for (IncidentKind kind : values()) {
                if (kind.name().equals(text)) return kind;
            }
            throw new IllegalArgumentException("事故类型须为 ILLNESS（疾病）或 ACCIDENT（意外伤害）：" + text);
        }
    }
}
