package org.huzhu.claims;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.huzhu.benefits.BenefitRequest.IncidentKind;

/**
 * What happened, as a worker says it in the member app (住院 / 门诊特殊病 / 意外): the kind of incident the rules
 * judge and the items the claim is for among those the worker holds. Other items the worker holds that the incident
 * could also pay are offered beside the claim (the cross-benefit prompt, 一并申领).
 */
public enum WhatHappened {
    HOSPITAL_STAY("住院", IncidentKind.ILLNESS, Set.of("HOSPITAL")),
    OUTPATIENT_SPECIAL("门诊特殊病", IncidentKind.ILLNESS, Set.of("CRITICAL_ILLNESS", "FEMALE_SPECIAL")),
    ACCIDENT("意外", IncidentKind.ACCIDENT, Set.of("ACCIDENT", "GIG_ACCIDENT", "SHORT_ACCIDENT", "HOSPITAL"));

    private final String words;
    private final IncidentKind kind;
    private final Set<String> items;

    WhatHappened(String words, IncidentKind kind, Set<String> items) {
        this.words = words;
        this.kind = kind;
        this.items = items;
    }

    public String words() {
        return words;
    }

    public IncidentKind kind() {
        return kind;
    }

    /** The code or the plain words (住院, HOSPITAL_STAY); empty for anything else. */
    public static Optional<WhatHappened> of(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip();
        return Arrays.stream(values()).filter(w -> w.name().equalsIgnoreCase(t) || w.words.equals(t)).findFirst();
    }

    /** What a claim of this kind says happened: an accident, else a stay in hospital when one is known, else 门诊特殊病. */
    public static WhatHappened of(IncidentKind kind, boolean hospitalStay, List<String> claimedItems) {
        if (kind == IncidentKind.ACCIDENT) return ACCIDENT;
        boolean stay = hospitalStay || claimedItems == null || claimedItems.contains("HOSPITAL");
        return stay ? HOSPITAL_STAY : OUTPATIENT_SPECIAL;
    }

    /** The items of those held that this claim is for; null (every item held) when none of them is. */
    public List<String> items(Collection<String> held) {
        List<String> chosen = held.stream().distinct().filter(items::contains).toList();
        return chosen.isEmpty() ? null : chosen;
    }
}
