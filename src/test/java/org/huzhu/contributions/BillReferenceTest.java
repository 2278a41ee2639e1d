package org.huzhu.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Units write the bill's reference by hand in their transfer's remittance: it is read tolerantly. */
class BillReferenceTest {

    @ParameterizedTest(name = "“{0}” names bill {1}")
    @CsvSource(delimiter = '|', textBlock = """
            HZB-12                          | 12
            hzb-12                          | 12
            HZB12                           | 12
            HZB 12                          | 12
            HZB - 12                        | 12
            HZB_12                          | 12
            ＨＺＢ－１２                      | 12
            ＨＺＢ１２                        | 12
            HZB－12                         | 12
            HZB-0012                        | 12
            互助金缴费 HZB-4711 江岸区某单位    | 4711
            缴费单号：HZB-33，2026年11月       | 33
            ref HZB-7/ 参保                  | 7
            """)
    void findsTheBillNamedInTheRemittance(String text, long bill) {
        assertThat(BillReference.findIn(text)).containsExactly(bill);
    }

    @ParameterizedTest(name = "“{0}” names no bill")
    @CsvSource(delimiter = '|', textBlock = """
            互助金缴费
            HZ-12-1
            XHZB-12
            HZB-
            HZB-ABC
            HB-12
            """)
    void findsNothingWhereNoBillIsNamed(String text) {
        assertThat(BillReference.findIn(text)).isEmpty();
    }

    @Test
    void findsEveryBillNamedOnceInOrder() {
        assertThat(BillReference.findIn("HZB-3 与 HZB-5 合并缴费，HZB-3")).containsExactly(3L, 5L);
        assertThat(BillReference.findIn(null)).isEmpty();
    }

    @Test
    void parsesOnlyAWholeReference() {
        assertThat(BillReference.parse("HZB-42")).contains(42L);
        assertThat(BillReference.parse(" ＨＺＢ－４２ ")).contains(42L);
        assertThat(BillReference.parse("缴费 HZB-42")).isEmpty();
        assertThat(BillReference.parse("42")).isEmpty();
        for (String bad : List.of("", "HZB-1 HZB-2")) assertThat(BillReference.parse(bad)).isEmpty();
    }

    @Test
    void writesTheReferenceOfABill() {
        assertThat(BillReference.of(42)).isEqualTo("HZB-42");
    }
}
