package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameDistancesTest {

    @Test
    void measuresEachNameAsTheEditTableDoes() {
        NameDistances names = new NameDistances(List.of("湖北省中医院", "湖北省中西医结合医院", "襄阳市中心医院", "医院", "仁和医院"));

        assertThat(names.from("湖扩省中医院")).containsExactly(1, 5, 4, 4, 4);
        assertThat(names.from("湖北省中医院")).containsExactly(0, 4, 4, 4, 4);
        assertThat(names.from("否阳市中心医院")).containsExactly(4, 7, 1, 5, 5);
        assertThat(names.from("")).containsExactly(6, 10, 7, 2, 4);
    }

    @Test
    void agreesWithThePlainDistanceOnRandomReadsOfEveryLength() {
        Random random = new Random(18);
        String alphabet = "湖北省中医院西结合襄阳市心人民武汉第一卫生镇乡县";
        List<String> listed = new ArrayList<>();
        for (int k = 0; k < 300; k++) listed.add(randomText(random, alphabet, random.nextInt(25)));
        listed.add("");
        NameDistances names = new NameDistances(listed);
        for (int n = 0; n < 400; n++) {
            // up to 70 characters: past a word's 64 bits too, and with characters no name holds (a, b)
            String read = randomText(random, alphabet + "ab", random.nextInt(71));
            int[] d = names.from(read);
            for (int k = 0; k < listed.size(); k++) {
                assertThat(d[k]).as("%s to %s", read, listed.get(k)).isEqualTo(plain(read, listed.get(k)));
            }
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return s.toString();
    }

    /** The edit table filled in full. */
    private static int plain(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[][] d = new int[x.length + 1][y.length + 1];
        for (int i = 0; i <= x.length; i++) d[i][0] = i;
        for (int j = 0; j <= y.length; j++) d[0][j] = j;
        for (int i = 1; i <= x.length; i++) {
            for (int j = 1; j <= y.length; j++) {
                d[i][j] = Math.min(Math.min(d[i - 1][j], d[i][j - 1]) + 1, d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1));
            }
        }
        return d[x.length][y.length];
    }
}
