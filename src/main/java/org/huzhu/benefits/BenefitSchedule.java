package org.huzhu.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huzhu.benefits.BenefitRequest.IncidentKind;
import org.huzhu.shared.Money;

/**
 * The benefit rules of one catalogue version, as read from {@code catalogue/benefits/*.yaml}: ICD-10
 * lists and, per item, the incidents it covers and the figures of each component.
 */
record BenefitSchedule(String code, LocalDate effectiveFrom, Map<String, DiagnosisListSpec> diagnosisLists,
                       Map<String, ItemSpec> items) {

    BenefitSchedule {
        diagnosisLists = diagnosisLists == null ? Map.of() : diagnosisLists;
        items = items == null ? Map.of() : items;
    }

    record DiagnosisListSpec(String name, List<String> include, List<String> exclude) {

        DiagnosisListSpec {
            include = include == null ? List.of() : include;
            exclude = exclude == null ? List.of() : exclude;
        }
    }

    /** Which date coverage and waiting period are judged on. */
    enum JudgedOn {
        ADMISSION, INCIDENT
    }

    record ItemSpec(List<IncidentKind> incidents, JudgedOn judgedOn, boolean needsHospitalStay, MedicalSpec medical,
                    LumpSumSpec lumpSum, DeathDisabilitySpec deathDisability, AllowanceSpec allowance) {

        ItemSpec {
            incidents = incidents == null ? List.of() : incidents;
            if (judgedOn == null) judgedOn = JudgedOn.INCIDENT;
        }
    }

    enum ExpenseKind {
        SELF_PAID, SELF_FUNDED
    }

    record MedicalSpec(List<ExpenseKind> counts, Money deductible, List<Tier> tiers, boolean multiplyByShares,
                       boolean limitToOutOfPocket, Money capPerShare) {

        MedicalSpec {
            counts = counts == null ? List.of() : counts;
            tiers = tiers == null ? List.of() : tiers;
        }
    }

    /** {@code ratio} applies to the part of the base up to {@code upTo} (null: everything above). */
    record Tier(Money upTo, BigDecimal ratio) {
    }

    record LumpSumSpec(List<LumpSumClass> classes, Map<String, Money> capPerShare) {

        LumpSumSpec {
            classes = classes == null ? List.of() : classes;
            capPerShare = capPerShare == null ? Map.of() : capPerShare;
        }
    }

    record LumpSumClass(String list, Map<String, Money> perShare) {

        LumpSumClass {
            perShare = perShare == null ? Map.of() : perShare;
        }
    }

    record DeathDisabilitySpec(Money poolPerShare, List<BigDecimal> disabilityRatios) {

        DeathDisabilitySpec {
            disabilityRatios = disabilityRatios == null ? List.of() : disabilityRatios;
        }
    }

    record AllowanceSpec(Money perDayPerShare, int minDays, int maxDaysPerPeriod) {
    }
}
