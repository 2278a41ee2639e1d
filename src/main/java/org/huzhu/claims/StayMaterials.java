package org.huzhu.claims;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What to claim after a hospital stay, item by item, in plain Chinese, from claims/materials.yaml: the materials every
 * claim needs, those of the item for a stay with expenses, and those that apply only in some cases ("确诊恶性肿瘤或
 * 原位癌的，另需病理报告"). An item could pay for a stay when one of its materials is the discharge summary (出院小结);
 * for any other item there is nothing to say. Told to a partner hospital's discharge desk.
 */
@Component
public class StayMaterials {

    private static final String DISCHARGE_SUMMARY = "DISCHARGE_SUMMARY";
    private static final Set<Materials.Fact> STAY = EnumSet.of(Materials.Fact.HOSPITAL_STAY, Materials.Fact.EXPENSES);
    private static final Map<Materials.Fact, String> ONLY_WHEN = new LinkedHashMap<>();

    static {
        ONLY_WHEN.put(Materials.Fact.CANCER, "确诊恶性肿瘤或原位癌的");
        ONLY_WHEN.put(Materials.Fact.DISABILITY, "评定伤残的");
        ONLY_WHEN.put(Materials.Fact.DEATH, "身故的");
    }

    private final Materials materials = Materials.load();

    /** The materials to gather for the item after a stay ("身份证、银行卡、……；确诊恶性肿瘤或原位癌的，另需病理报告"); empty when the item pays no stay. */
    public Optional<String> forStay(String item) {
        List<Materials.Requirement> needed = materials.required(List.of(item), STAY);
        boolean paysStays = materials.required(List.of(item), EnumSet.allOf(Materials.Fact.class)).stream()
                .anyMatch(r -> r.anyOf().contains(DISCHARGE_SUMMARY));
        if (!paysStays) return Optional.empty();
        StringBuilder text = new StringBuilder(names(needed));
        for (Map.Entry<Materials.Fact, String> when : ONLY_WHEN.entrySet()) {
            Set<Materials.Fact> facts = EnumSet.copyOf(STAY);
            facts.add(when.getKey());
            List<Materials.Requirement> more = new ArrayList<>(materials.required(List.of(item), facts));
            more.removeAll(needed);
            if (!more.isEmpty()) text.append("；").append(when.getValue()).append("，另需").append(names(more));
        }
        return Optional.of(text.toString());
    }

    private String names(List<Materials.Requirement> requirements) {
        return String.join("、", materials.missing(requirements, Set.of()));
    }
}
