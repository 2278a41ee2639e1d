package org.huzhu.benefits;

import java.util.BitSet;
import java.util.List;

/**
 * A named ICD-10 list compiled at load time into a bit per {@link IcdCode} slot. Entries: a category
 * ({@code C50}: every code in it), a subcategory ({@code N18.5}), or a range of either
 * ({@code C00-C97} compares categories, {@code T31.3-T31.9} compares at four characters).
 */
final class DiagnosisList {

    private final String code;
    private final String name;
    private final BitSet slots = new BitSet(IcdCode.SLOTS);

    private DiagnosisList(String code, String name) {
        this.code = code;
        this.name = name;
    }

    static DiagnosisList compile(String code, String name, List<String> include, List<String> exclude) {
        DiagnosisList list = new DiagnosisList(code, name == null ? code : name);
        for (String entry : include) list.apply(entry, true);
        for (String entry : exclude) list.apply(entry, false);
        return list;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    boolean contains(int slot) {
        return slot >= 0 && slots.get(slot);
    }

    private void apply(String entry, boolean include) {
        String text = entry == null ? "" : entry.strip();
        int dash = Math.max(text.indexOf('-'), text.indexOf('–'));
        Bound from = Bound.parse(dash < 0 ? text : text.substring(0, dash).strip(), text, code);
        Bound to = dash < 0 ? from : Bound.parse(text.substring(dash + 1).strip(), text, code);
        if (from.sub() >= 0 != to.sub() >= 0 || from.category() > to.category()
                || (from.sub() >= 0 && (from.category() != to.category() || from.sub() > to.sub()))) {
            throw new IllegalStateException("diagnosis list " + code + ": bad range " + entry);
        }
        if (from.sub() < 0) {
            int first = from.category() * IcdCode.SLOTS_PER_CATEGORY;
            int last = (to.category() + 1) * IcdCode.SLOTS_PER_CATEGORY;
            slots.set(first, last, include);
        } else {
            int base = from.category() * IcdCode.SLOTS_PER_CATEGORY + 1;
            slots.set(base + from.sub(), base + to.sub() + 1, include);
        }
    }

    /** C50 (sub −1) or N18.5 (sub 5): an entry of a list, exactly three or four characters. */
    private record Bound(int category, int sub) {

        static Bound parse(String text, String entry, String list) {
            int category = IcdCode.category(text, 0);
            if (category != IcdCode.INVALID && text.length() == 3) return new Bound(category, -1);
            if (category != IcdCode.INVALID && text.length() == 5 && text.charAt(3) == '.'
                    && Character.isDigit(text.charAt(4))) {
                return new Bound(category, text.charAt(4) - '0');
            }
            throw new IllegalStateException("diagnosis list " + list + ": cannot read entry " + entry);
        }
    }
}
