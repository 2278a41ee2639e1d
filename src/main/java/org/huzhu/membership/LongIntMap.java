package org.huzhu.membership;

import java.util.Arrays;

/**
 * An open-addressing map from positive long keys to int values: 12 bytes an entry, so the
 * import can remember the first row of each of a million ID numbers within a small heap.
 */
final class LongIntMap {

    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
    }

    /** Stores the value unless the key is present; returns the stored value either way. */
    int putIfAbsent(long key, int value) {
        if (key <= 0) throw new IllegalArgumentException("keys must be positive");
        if ((size + 1) * 2 > keys.length) grow();
        int slot = slot(key);
        if (keys[slot] == key) return values[slot];
        keys[slot] = key;
        values[slot] = value;
        size++;
        return value;
    }

    /** The value for the key, or -1. */
    int get(long key) {
        if (key <= 0) return -1;
        int slot = slot(key);
        return keys[slot] == key ? values[slot] : -1;
    }

    boolean contains(long key) {
        return get(key) != -1;
    }

    int size() {
        return size;
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
        return i;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) putIfAbsent(oldKeys[i], oldValues[i]);
        }
        Arrays.fill(oldKeys, 0);
    }
}
