package org.huzhu.membership;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.huzhu.catalogue.CatalogueVersion;
import org.huzhu.shared.Gender;

/**
 * The 保障方案 cell in the operator's words: a plan is written as the catalogue names it
 * (基本保障, 住院医疗互助保障 or just 住院医疗, 女职工特殊疾病互助保障（升级版） or 女职工特殊疾病升级版)
 * or by its code (BASIC, HOSPITAL, FEMALE_SPECIAL:UPG); several are joined with + ＋ 、 ， , ； or ;.
 * Every name is read from the catalogue version in force: a new office's terms need no new code.
 */
final class PlanNames {

    /** What a written name stands for: a bundle, or an item with its plan (null: the item's default plan). */
    private record Meaning(CatalogueVersion.Bundle bundle, String item, String plan) {
    }

    private static final String SEPARATORS = "[+＋、，,；;]";

    private PlanNames() {
    }

    /** The lines a 保障方案 cell asks for; an unknown name is an {@link IllegalArgumentException} naming it and the choices. */
    static List<EnrolmentRules.Requested> requested(CatalogueVersion terms, String cell, Gender gender, int shares) {
        Map<String, Meaning> names = names(terms);
        Meaning whole = names.get(key(cell));
        if (whole == null) whole = byCode(terms, cell);
        if (whole != null) return lines(whole, gender, shares);
        List<EnrolmentRules.Requested> lines = new ArrayList<>();
        for (String part : cell.strip().split(SEPARATORS)) {
            if (part.isBlank()) throw new IllegalArgumentException("保障方案格式不正确：“" + cell.strip() + "”（例：基本保障，或 住院医疗+意外伤害）");
            Meaning meaning = names.get(key(part));
            if (meaning == null) meaning = byCode(terms, part);
            if (meaning == null) {
                throw new IllegalArgumentException("保障方案“" + part.strip() + "”不存在，可填：" + String.join("、", choices(terms))
                        + "；多项用“+”或“、”连接");
            }
            lines.addAll(lines(meaning, gender, shares));
        }
        return lines;
    }

    /**
     * The names offered in the template's drop-down list, short forms first: each bundle (基本保障), each item
     * that can be bought (住院医疗 …), and each further plan of an item (女职工特殊疾病（升级版） …).
     */
    static List<String> choices(CatalogueVersion terms) {
        Set<String> out = new LinkedHashSet<>();
        for (CatalogueVersion.Bundle b : terms.bundles()) out.add(shortName(b.name()));
        for (CatalogueVersion.Item item : terms.items()) {
            if (item.giftOnly()) continue;
            String itemName = withoutSuffix(item.name());
            out.add(itemName);
            for (CatalogueVersion.Plan plan : item.plans()) {
                String planName = withoutSuffix(plan.name());
                if (!key(planName).equals(key(itemName)) && !plan.code().equals(item.defaultPlan())) out.add(planName);
            }
        }
        return List.copyOf(out);
    }

    private static List<EnrolmentRules.Requested> lines(Meaning m, Gender gender, int shares) {
        if (m.bundle() != null) return EnrolmentRules.bundle(m.bundle(), gender, shares);
        return List.of(new EnrolmentRules.Requested(m.item(), m.plan(), shares));
    }

    /** Every spelling of every bundle, item and plan of the version, by {@link #key}. */
    private static Map<String, Meaning> names(CatalogueVersion terms) {
        Map<String, Meaning> names = new LinkedHashMap<>();
        for (CatalogueVersion.Bundle b : terms.bundles()) {
            Meaning m = new Meaning(b, null, null);
            names.putIfAbsent(key(b.name()), m);
            names.putIfAbsent(key(shortName(b.name())), m);
        }
        for (CatalogueVersion.Item item : terms.items()) {
            Meaning m = new Meaning(null, item.code(), null);
            names.putIfAbsent(key(item.name()), m);
            names.putIfAbsent(key(withoutSuffix(item.name())), m);
        }
        for (CatalogueVersion.Item item : terms.items()) {
            for (CatalogueVersion.Plan plan : item.plans()) {
                Meaning m = new Meaning(null, item.code(), plan.code());
                names.putIfAbsent(key(plan.name()), m);
                names.putIfAbsent(key(withoutSuffix(plan.name())), m);
            }
        }
        return names;
    }

    /** {@code BASIC}, {@code HOSPITAL} or {@code FEMALE_SPECIAL:UPG}, or null when the text is no code of the version. */
    private static Meaning byCode(CatalogueVersion terms, String text) {
        String code = text.strip().replace('：', ':').toUpperCase(Locale.ROOT);
        var bundle = terms.bundle(code);
        if (bundle.isPresent()) return new Meaning(bundle.get(), null, null);
        int colon = code.indexOf(':');
        String item = colon < 0 ? code : code.substring(0, colon).strip();
        String plan = colon < 0 ? null : code.substring(colon + 1).strip();
        return terms.item(item).isPresent() ? new Meaning(null, item, plan) : null;
    }

    /** A name as compared: no spaces, no brackets of either width, no 互助保障 suffix. */
    static String key(String name) {
        StringBuilder out = new StringBuilder(name.length());
        String s = name.replace("互助保障", "");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000' || "()（）【】[]".indexOf(c) >= 0) continue;
            out.append(Character.toUpperCase(c));
        }
        return out.toString();
    }

    /** 基本保障（男职工三项…） → 基本保障. */
    private static String shortName(String name) {
        int bracket = name.indexOf('（');
        if (bracket < 0) bracket = name.indexOf('(');
        return bracket < 0 ? name.strip() : name.substring(0, bracket).strip();
    }

    /** 女职工特殊疾病互助保障（升级版） → 女职工特殊疾病（升级版）. */
    private static String withoutSuffix(String name) {
        return name.replace("互助保障", "").strip();
    }
}
