package org.huzhu.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amounts in capitals ({@link AmountInWords}): how receipts write them, and which reads of them agree with an amount. */
class AmountInWordsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"5823.01, 伍仟捌佰贰拾叁元零壹分", "137.71, 壹佰叁拾柒元柒角壹分", "100.00, 壹佰元整", "1005.00, 壹仟零伍元整",
            "1050.50, 壹仟零伍拾元伍角", "1000.50, 壹仟元零伍角", "15.00, 拾伍元整", "15.00, 壹拾伍元整", "10500.00, 壹万零伍佰元整",
            "120000.30, 壹拾贰万元零叁角", "0.45, 肆角伍分", "20729.21, 贰万零柒佰贰拾玖元贰角壹分", "440.11, 肆佰肆拾圆壹角壹分",
            "3000.00, 叁仟元正"})
    void writesAnAmountTheWaysReceiptsDo(BigDecimal amount, String words) {
        assertThat(AmountInWords.spellings(amount)).contains(words);
        assertThat(AmountInWords.agrees(words, amount)).isTrue();
    }

    /**
     * Reads whose misread characters are none an amount is written with (仟 as 什, 捌 as 制, 贰 as 起, 柒 as 染) agree,
     * their capitals read in place the amount's; a capital or a unit read where another stands does not, nor a read that
     * kept too little, nor words of another amount. A capital misread as no capital says nothing either way:
     * 伍什制佰起拾参元零壹分 agrees with 5723.01 too, its 捌 being the one misread — the words are a witness, the payments
     * read (whose sum they are held against) the other. But 参 is 叁 read, and says 叁: those words do not agree with
     * 5828.01, nor 参什类佰伍拾考元肆角陆分 (叁仟柒佰伍拾壹元肆角陆分 on a worn scan) with 2751.46.
     */
    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource({"伍什制佰起拾参元零壹分, 5823.01, true", "(伍仟捌佰贰拾叁元零壹分, 5823.01, true", "伍仟捌佰贰拾叁元零壹, 5823.01, true",
            "伍什制佰起拾捌元零壹分, 5823.01, false", "伍什制佰起拾参元零贰分, 5823.01, false", "伍什制佰起拾参元零壹分, 5723.01, true",
            "伍什制佰起拾参元零壹分, 5828.01, false", "参什类佰伍拾考元肆角陆分, 3751.46, true", "参什类佰伍拾考元肆角陆分, 2751.46, false",
            "什类佰伍拾考元肆角陆分, 3751.46, true", "伍仟捌佰贰拾叁元零壹分, 5828.01, false", "伍什制佰起拾参元零壹分, 6823.01, false",
            "壹佰叁拾柒元染角壹分, 137.71, true", "过个喜拾肆元零下分, 114.02, false", "壹佰叁拾柒元柒角壹分, 137.17, false",
            "伍仟捌佰贰拾叁万零壹分, 5823.01, false", "壹佰元整, 100.00, true", "壹佰元整, 100.10, false", "壹佰元整, -100.00, false",
            "壹亿元整, 100000000.00, false", "壹佰元整, 100.005, false"})
    void aReadAgreesWhenNoCapitalItKeptSaysAnotherAmount(String read, BigDecimal amount, boolean agrees) {
        assertThat(AmountInWords.agrees(read, amount)).isEqualTo(agrees);
    }
}
