package org.huzhu.claims;

import java.util.EnumSet;
import java.util.Set;

/** The facts of a claim that decide which materials it needs. */
final class ClaimJudgeFacts {

    private ClaimJudgeFacts() {
    }

    static Set<Materials.Fact> of(Claim.Facts f) {
        Set<Materials.Fact> facts = EnumSet.noneOf(Materials.Fact.class);
        if (f.hospitalStay() != null) facts.add(Materials.Fact.HOSPITAL_STAY);
        if (f.expenses() != null) facts.add(Materials.Fact.EXPENSES);
        if (f.disabilityGrade() != null) facts.add(Materials.Fact.DISABILITY);
        if (f.death()) facts.add(Materials.Fact.DEATH);
        for (String d : f.diagnoses()) {
            String code = d == null ? "" : d.strip().toUpperCase();
            if (code.startsWith("C") || code.startsWith("D0")) facts.add(Materials.Fact.CANCER);
        }
        return facts;
    }
}
