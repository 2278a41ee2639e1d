package org.huzhu.benefits;

import java.util.ArrayList;
import java.util.List;

/**
 * The ranked diagnosis lists of a lump-sum item (e.g. SEVERE before MILD), compiled into one table
 * from {@link IcdCode} slot to the best class it belongs to, so that ranking a diagnosis is one array read.
 */
final class DiagnosisClasses {

    private static final byte NONE = -1;
    private final byte[] classBySlot = new byte[IcdCode.SLOTS];
    private final String names;

    DiagnosisClasses(List<DiagnosisList> highestFirst) {
        java.util.Arrays.fill(classBySlot, NONE);
        List<String> listNames = new ArrayList<>();
        for (int slot = 0; slot < IcdCode.SLOTS; slot++) {
            for (int k = 0; k < highestFirst.size(); k++) {
                if (highestFirst.get(k).contains(slot)) {
                    classBySlot[slot] = (byte) k;
                    break;
                }
            }
        }
        for (DiagnosisList list : highestFirst) listNames.add(list.name());
        this.names = String.join("、", listNames);
    }

    /** The best (lowest-numbered) class among the diagnoses, or −1 when none is listed. */
    int best(int[] slots) {
        int best = Integer.MAX_VALUE;
        for (int slot : slots) {
            int k = slot >= 0 ? classBySlot[slot] : NONE;
            if (k >= 0 && k < best) best = k;
        }
        return best == Integer.MAX_VALUE ? -1 : best;
    }

    String names() {
        return names;
    }
}
