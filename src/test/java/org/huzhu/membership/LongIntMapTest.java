package org.huzhu.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The import's memory of the first row of each ID number (keys: the number's first 17 digits). */
class LongIntMapTest {

    @Test
    void storesAndFindsValues() {
        LongIntMap map = new LongIntMap(16);

        assertThat(map.putIfAbsent(42010219900101123L, 7)).isEqualTo(7);
        assertThat(map.putIfAbsent(11010519491231002L, 9)).isEqualTo(9);

        assertThat(map.get(42010219900101123L)).isEqualTo(7);
        assertThat(map.get(11010519491231002L)).isEqualTo(9);
        assertThat(map.contains(42010219900101123L)).isTrue();
        assertThat(map.size()).isEqualTo(2);
    }

    @Test
    void absentKeysAreNotFound() {
        LongIntMap map = new LongIntMap(16);
        map.putIfAbsent(42010219900101123L, 7);

        assertThat(map.get(42010219900101124L)).isEqualTo(-1);
        assertThat(map.contains(42010219900101124L)).isFalse();
        assertThat(map.contains(1L)).isFalse();
        assertThat(new LongIntMap(16).contains(42010219900101123L)).isFalse();
    }

    @Test
    void keepsTheFirstValueOfAKey() {
        LongIntMap map = new LongIntMap(16);
        map.putIfAbsent(42010219900101123L, 2);

        assertThat(map.putIfAbsent(42010219900101123L, 57)).isEqualTo(2);
        assertThat(map.get(42010219900101123L)).isEqualTo(2);
        assertThat(map.size()).isEqualTo(1);
    }

    @Test
    void growsFarPastItsInitialCapacity() {
        LongIntMap map = new LongIntMap(16);
        Map<Long, Integer> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(20260501);
        while (expected.size() < 100_000) {
            long key = random.nextLong(11_000_000_000_000_000L, 83_000_000_000_000_000L);
            int row = expected.size() + 2;
            if (expected.putIfAbsent(key, row) == null) assertThat(map.putIfAbsent(key, row)).isEqualTo(row);
        }

        assertThat(map.size()).isEqualTo(100_000);
        expected.forEach((key, row) -> {
            if (map.get(key) != row) throw new AssertionError("key " + key + ": expected " + row + ", got " + map.get(key));
        });
        for (int i = 0; i < 10_000; i++) {
            long other = random.nextLong(1, Long.MAX_VALUE);
            if (!expected.containsKey(other)) assertThat(map.contains(other)).isFalse();
        }
    }

    @Test
    void growsWithConsecutiveKeysToo() {
        LongIntMap map = new LongIntMap(1);
        for (int i = 1; i <= 100_000; i++) map.putIfAbsent(42010219900101000L + i, i);
        for (int i = 1; i <= 100_000; i++) map.putIfAbsent(42010219900101000L + i, -i);

        assertThat(map.size()).isEqualTo(100_000);
        for (int i = 1; i <= 100_000; i++) {
            if (map.get(42010219900101000L + i) != i) throw new AssertionError("lost key " + i);
        }
        assertThat(map.contains(42010219900101000L)).isFalse();
        assertThat(map.contains(42010219900201001L)).isFalse();
    }

    @Test
    void acceptsTheLargestKey() {
        LongIntMap map = new LongIntMap(16);
        map.putIfAbsent(Long.MAX_VALUE, 3);

        assertThat(map.get(Long.MAX_VALUE)).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void refusesKeysThatAreNotPositive(long key) {
        LongIntMap map = new LongIntMap(16);

        assertThatThrownBy(() -> map.putIfAbsent(key, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(map.size()).isZero();
    }

    @Test
    void neverReportsKeyZeroAsPresent() {
        LongIntMap map = new LongIntMap(16);
        map.putIfAbsent(42010219900101123L, 7);

        assertThat(map.get(0)).isEqualTo(-1);
        assertThat(map.contains(0)).isFalse();
        assertThat(new LongIntMap(16).contains(0)).isFalse();
    }
}
