package org.huzhu.recognition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names a read is held against all at once: the edit distance (Levenshtein, by code point) from one read to every name,
 * by Myers' bit-parallel algorithm in Hyyrö's form for whole strings. The read's characters become bit masks once; a
 * name of n characters then costs n steps of a few operations on one word, not n times the read's length with two rows
 * allocated. The list of hospitals asks this of every read against its 2,473 names and aliases
 * ({@link HospitalList#nearestOfAll}, {@link HospitalList#match}). A read longer than a word's 64 bits is measured the
 * plain way ({@link HospitalList#distance}). Immutable, shared by every reader's thread.
 */
final class NameDistances {

    private final List<String> names;
    /** Each name's characters, as the small numbers {@link #code} gives them. */
    private final int[][] coded;
    /** Every character the names hold, numbered from 0. */
    private final Map<Integer, Integer> code = new HashMap<>();

    NameDistances(List<String> names) {
        this.names = List.copyOf(names);
        this.coded = new int[names.size()][];
        for (int k = 0; k < names.size(); k++) {
            coded[k] = names.get(k).codePoints().map(c -> code.computeIfAbsent(c, x -> code.size())).toArray();
        }
    }

    int size() {
        return names.size();
    }

    String name(int k) {
        return names.get(k);
    }

    /** The distance from the read to each name, in the order the names were given. */
    int[] from(String read) {
        int[] x = read.codePoints().toArray();
        int[] d = new int[coded.length];
        if (x.length == 0 || x.length > Long.SIZE) {
            for (int k = 0; k < coded.length; k++) d[k] = HospitalList.distance(read, names.get(k), Integer.MAX_VALUE - 1);
            return d;
        }
        long[] equal = new long[code.size()];
        for (int i = 0; i < x.length; i++) {
            Integer c = code.get(x[i]);
            if (c != null) equal[c] |= 1L << i;
        }
        long last = 1L << (x.length - 1);
        for (int k = 0; k < coded.length; k++) {
            // Myers' column of the edit table, one per character of the name: bit i of verticalUp (verticalDown) says
            // row i is one more (less) than row i - 1; horizontalUp (Down) the same of a row against the column before
            long verticalUp = -1L;
            long verticalDown = 0L;
            int score = x.length;
            for (int c : coded[k]) {
                long eq = equal[c];
                long vertical = eq | verticalDown;
                long horizontal = (((eq & verticalUp) + verticalUp) ^ verticalUp) | eq;
                long horizontalUp = verticalDown | ~(horizontal | verticalUp);
                long horizontalDown = verticalUp & horizontal;
                if ((horizontalUp & last) != 0) score++;
                else if ((horizontalDown & last) != 0) score--;
                horizontalUp = (horizontalUp << 1) | 1L; // the empty read's row: one more a character of the name
                horizontalDown <<= 1;
                verticalUp = horizontalDown | ~(vertical | horizontalUp);
                verticalDown = horizontalUp & vertical;
            }
            d[k] = score;
        }
        return d;
    }
}
